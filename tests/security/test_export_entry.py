"""Every export goes through one entry point in the core (`digitizer.export.entry`), whoever
asks: it checks the order and refuses secret documents for public and publishing exports once,
before any format's code runs — also a secret document inside a collection — and opens the
vault (with its audit entry) for an internal copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from digitizer.acquire.importer import ImportOptions
from digitizer.errors import ExportOrderInvalid, SecretExportRefused
from digitizer.export import entry
from digitizer.export.entry import Audience, ExportOrder, check_order
from digitizer.export.names import FORMATS, GUARDED_FORMATS, PUBLISH_FORMATS
from digitizer.library import Library
from digitizer.model import Classification
from digitizer.service import Workstation
from tests.e2e.support import run
from tests.e2e.test_secret_offline import secret_library
from tests.helpers.page_texts import give_text
from tests.helpers.pages import write_image

SECRET = Classification.SECRET


def _in_collection(station: Workstation, folder: Path, number: int, level: Classification) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = write_image(folder / f"page-{number}.png", number)
    options = ImportOptions(classification=level, collection="Hồ sơ 12")
    report = station.import_paths([path], options)
    assert report.ok, report.as_json()
    return report.imported[0].document_id


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[ExportOrder]:
    """Every order that reaches the entry point (it still runs as it is)."""
    seen: list[ExportOrder] = []
    real = entry.export

    def export(library: Library, order: ExportOrder, open_secret: Any) -> Any:
        seen.append(order)
        return real(library, order, open_secret)

    monkeypatch.setattr(entry, "export", export)
    return seen


def test_every_format_has_an_audience_and_its_order_is_checked() -> None:
    assert {entry.audience_of(f) for f in FORMATS} == {Audience.PUBLIC}
    assert {entry.audience_of(f) for f in PUBLISH_FORMATS} == {Audience.PUBLISHING}
    assert {entry.audience_of(f) for f in GUARDED_FORMATS} == {Audience.INTERNAL}
    out = Path("out")
    for bad in (
        ExportOrder("txt", out, ("a", "b")),
        ExportOrder("pdf", out, (), ("Hồ sơ",)),
        ExportOrder("qr-pdf", out, (), ("Hồ sơ",)),
        ExportOrder("epub", out, ("a",), ("Hồ sơ",)),
        ExportOrder("labels", out),
        ExportOrder("internal-pdf", out, ("a",), purpose="  "),
        ExportOrder("internal-pdf", out, ("a",), copies=0, purpose="họp"),
    ):
        with pytest.raises(ExportOrderInvalid):
            check_order(bad)
    check_order(ExportOrder("labels", out, ("a", "b"), ("Hồ sơ",)))


def test_a_secret_document_goes_out_by_no_public_format_and_only_as_internal_copies(
    station: Workstation, library_path: Path, tmp_path: Path, spy: list[ExportOrder]
) -> None:
    public = _in_collection(station, tmp_path / "in", 1, Classification.PUBLIC)
    secret = _in_collection(station, tmp_path / "in", 2, SECRET)
    station.lock()
    with Library.open(library_path) as library:
        give_text(library, public, ["Thông báo"])
    out = tmp_path / "out"
    out.mkdir()

    for fmt in FORMATS:
        with pytest.raises(SecretExportRefused):
            station.export(secret, fmt, out / f"secret.{fmt}")
    for fmt in ("epub", "package", "labels", "catalogue", "sip"):
        with pytest.raises(SecretExportRefused):  # the collection holds the secret document
            station.publish(fmt, out / f"hoso.{fmt}", collections=["Hồ sơ 12"])
    with pytest.raises(SecretExportRefused):
        station.publish("qr-pdf", out / "secret-qr.pdf", documents=[secret])
    assert sorted(out.iterdir()) == []  # refused before any format's code wrote a byte
    assert len(spy) == len(FORMATS) + 6  # the window's calls and the command line's: one path

    with Library.open(library_path, writable=True) as library:
        give_text(library, secret, ["Kế hoạch"])
    copies = station.internal_copy(secret, out / "ban-sao.pdf", 2, "họp giao ban")
    assert len(copies.paths) == 2 and spy[-1].audience is Audience.INTERNAL
    assert any(e.event == "opened" and e.document_id == secret for e in station.audit_log())


def test_the_command_line_answers_a_bad_order_with_usage_and_a_secret_one_with_its_code(
    tmp_path: Path,
) -> None:
    library, user = tmp_path / "library", tmp_path / "user"
    passphrase = secret_library(library, user)
    scan = write_image(user / "page.png", 1)
    imported = run(library, "import", scan, "--classification", "SECRET", "--collection", "Mật",
                   "--passphrase-file", passphrase, "--json")  # fmt: skip
    assert imported.returncode == 0, imported.describe()
    two = run(library, "export", "a", "b", "--format", "txt", "--out", user / "x.txt")
    assert two.returncode == 2 and "txt takes one document" in two.stderr
    no_purpose = run(library, "export", "a", "--format", "internal-pdf", "--out", user / "x.pdf")
    assert no_purpose.returncode == 2 and "needs a purpose" in no_purpose.stderr
    book = run(library, "export", "--collection", "Mật", "--format", "epub", "--out",
               user / "mat.epub", "--json")  # fmt: skip
    assert book.returncode == 1 and "secret-refused" in book.stdout
    assert not (user / "mat.epub").exists()
