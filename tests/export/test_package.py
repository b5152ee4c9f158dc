"""BagIt packages, validated with the Library of Congress `bagit` library."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import bagit

from digitizer.export.package import DublinCore, bag_zip

PAYLOAD = [
    ("doc.txt", "Nghị quyết về công tác cán bộ\n".encode()),
    ("sub/metadata.json", b'{"document": "7k3m9x2q4p"}\n'),
    ("doc.pdf", b"%PDF-1.7 not really\n"),
]


def test_a_package_is_a_valid_bag(tmp_path: Path) -> None:
    data = bag_zip("digitizer-7k3m9x2q4p", PAYLOAD, [("External-Identifier", "7k3m9x2q4p")])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path)
        names = archive.namelist()

    bag = bagit.Bag(str(tmp_path / "digitizer-7k3m9x2q4p"))

    assert bag.is_valid()
    bag.validate(fast=False)
    assert bag.info["Payload-Oxum"] == f"{sum(len(d) for _, d in PAYLOAD)}.3"
    assert bag.info["External-Identifier"] == "7k3m9x2q4p"
    assert names[:4] == [
        "digitizer-7k3m9x2q4p/bag-info.txt",
        "digitizer-7k3m9x2q4p/bagit.txt",
        "digitizer-7k3m9x2q4p/manifest-sha256.txt",
        "digitizer-7k3m9x2q4p/tagmanifest-sha256.txt",
    ]
    (tmp_path / "digitizer-7k3m9x2q4p/data/doc.txt").write_text("đã sửa")
    assert not bagit.Bag(str(tmp_path / "digitizer-7k3m9x2q4p")).is_valid()


def test_the_same_payload_gives_the_same_bytes() -> None:
    first = bag_zip("b", PAYLOAD, [("External-Identifier", "x")])
    second = bag_zip("b", list(reversed(PAYLOAD)), [("External-Identifier", "x")])
    assert first == second
    assert first != bag_zip("b", PAYLOAD[:2], [("External-Identifier", "x")])


def test_dublin_core_record() -> None:
    record = DublinCore(
        identifier=["7k3m9x2q4p", "24-NQ/TU"], title="Nghị quyết", creator=["Tỉnh ủy"]
    ).xml()
    text = record.decode()
    assert "<dc:title>Nghị quyết</dc:title>" in text
    assert text.count("<dc:identifier>") == 2 and "<dc:language>vi</dc:language>" in text
