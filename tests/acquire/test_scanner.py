"""Scanning through the real `scanimage` and SANE's `test` backend (a virtual scanner whose
feeder holds 10 sheets), configured privately: feeder batches go into the library page by page,
and each scanner failure is a typed error that keeps the pages scanned before it."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from PIL import Image

from digitizer.acquire.scanner import (
    ColourMode,
    ScannerDevice,
    ScanSettings,
    ScanSource,
    list_devices,
    scan_arguments,
)
from digitizer.acquire.scanning import scan_into_library
from digitizer.acquire.stack import StackOptions
from digitizer.errors import ScanOptionRefused
from digitizer.library import Library, verify
from tests.acquire.sane import requires_scanimage, sane_config, use_sane_config

pytestmark = requires_scanimage

ADF = ScanSettings("test:0", ScanSource.ADF, resolution=75)


@pytest.fixture
def sane(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_sane_config(monkeypatch, sane_config(tmp_path / "sane"))


class Pages:
    """A progress listener that notes each page as the scanner hands it on."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def start(self, total: int, message: str = "") -> None:
        pass

    def advance(self, steps: int = 1, message: str = "") -> None:
        if message.endswith("scanned"):
            self.messages.append(message)

    def finish(self) -> None:
        pass


def test_the_private_configuration_shows_the_virtual_scanners(sane: Path) -> None:
    assert list_devices() == [
        ScannerDevice("test:0", "Noname", "frontend-tester", "virtual device"),
        ScannerDevice("test:1", "Noname", "frontend-tester", "virtual device"),
    ]


def test_no_configured_backend_means_no_scanner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "none"
    empty.mkdir()
    (empty / "dll.conf").write_text("")
    monkeypatch.setenv("SANE_CONFIG_DIR", str(empty))
    assert list_devices() == []


def test_a_feeder_batch_is_scanned_page_by_page_into_the_library(
    sane: Path, library: Library
) -> None:
    listener = Pages()
    report = scan_into_library(library, ADF, progress=listener)

    assert report.ok and report.scanned == 10
    assert listener.messages == [f"page {n} scanned" for n in range(1, 11)]
    (document,) = library.documents()
    pages = library.pages(document.id)
    assert [page.number for page in pages] == list(range(1, 11))
    # Ten captures of the same virtual sheet are ten pages, each its own original.
    assert len({page.image_sha256 for page in pages}) == 10
    assert all(page.dpi == 75 for page in pages)
    assert [source.name[-8:] for source in document.sources] == [
        f"{n:04d}.png" for n in range(1, 11)
    ]
    with Image.open(library.objects.path_of(pages[0].image_sha256)) as image:
        assert image.mode == "L"
        assert "device=test:0" in image.text["Digitizer-Scan"]  # type: ignore[attr-defined]
    assert verify(library).ok


def test_a_flatbed_scan_is_one_page_and_lineart_is_bilevel(sane: Path, library: Library) -> None:
    settings = ScanSettings("test:0", ScanSource.FLATBED, 100, ColourMode.LINEART)
    report = scan_into_library(library, settings)
    assert report.ok and report.scanned == 1
    (document,) = library.documents()
    (page,) = library.pages(document.id)
    with Image.open(library.objects.path_of(page.image_sha256)) as image:
        assert image.mode == "1"


def test_a_blank_feeder_batch_is_set_aside_not_thrown_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    use_sane_config(monkeypatch, sane_config(tmp_path / "white", picture="Solid white"))
    report = scan_into_library(library, ADF, stack=StackOptions(split_on_separators=True))
    assert report.scanned == 10 and report.imports.imported == []
    assert len(report.set_aside) == 10
    assert all(item.document_id is None for item in report.set_aside)


@pytest.mark.parametrize(
    ("status", "code"),
    [("SANE_STATUS_JAMMED", "paper-jam"), ("SANE_STATUS_COVER_OPEN", "cover-open")],
)
def test_a_jam_or_an_open_cover_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: Library, status: str, code: str
) -> None:
    use_sane_config(monkeypatch, sane_config(tmp_path / "faulty", read_status=status))
    report = scan_into_library(library, ADF)
    assert report.error is not None and report.error.code == code
    assert not report.ok and library.documents() == []


def test_an_unknown_device_is_no_scanner(sane: Path, library: Library) -> None:
    report = scan_into_library(library, ScanSettings("test:7", ScanSource.ADF))
    assert report.error is not None and report.error.code == "no-scanner"
    assert "test:7" in report.error.message


def test_options_the_scanner_lacks_are_refused_before_scanning(sane: Path) -> None:
    offers = {"--source": "Flatbed|Automatic Document Feeder", "--mode": "Gray|Color"}
    offers["--resolution"] = "1..1200dpi (in steps of 1)"
    with pytest.raises(ScanOptionRefused, match="no duplex source"):
        scan_arguments(ScanSettings(source=ScanSource.DUPLEX), offers)
    with pytest.raises(ScanOptionRefused, match="no lineart mode"):
        scan_arguments(ScanSettings(mode=ColourMode.LINEART), offers)
    with pytest.raises(ScanOptionRefused, match="2400 dpi"):
        scan_arguments(ScanSettings(resolution=2400), offers)
    assert scan_arguments(ScanSettings("d", ScanSource.ADF, 300, ColourMode.COLOR), offers) == [
        "--device-name=d",
        "--source=Automatic Document Feeder",
        "--mode=Color",
        "--resolution=300",
    ]
    small = {**offers, "-x": "0..200mm (in steps of 1)", "-y": "0..200mm (in steps of 1)"}
    with pytest.raises(ScanOptionRefused, match="up to 200 mm"):
        scan_arguments(ScanSettings(page_size="a5"), small)
    large = {**offers, "-x": "0..216mm", "-y": "0..356mm"}
    assert scan_arguments(ScanSettings(page_size="a4"), large)[-4:] == ["-x", "210", "-y", "297"]
    duplex = {**offers, "--source": "ADF Front|ADF Duplex|Flatbed"}
    assert "--source=ADF Front" in scan_arguments(ScanSettings(source=ScanSource.ADF), duplex)
    assert "--source=ADF Duplex" in scan_arguments(ScanSettings(source=ScanSource.DUPLEX), duplex)


def _jamming_scanimage(folder: Path, after: int) -> Path:
    """A `scanimage` that runs the real one for `after` pages, then reports a jam as SANE does:
    fault injection around real scanning."""
    real = "/usr/bin/scanimage"
    folder.mkdir()
    script = folder / "scanimage"
    script.write_text(
        "#!/bin/sh\n"
        'case "$*" in *--batch=*) ;; *) exec ' + real + ' "$@" ;; esac\n'
        f'{real} "$@" --batch-count={after} || exit $?\n'
        'echo "scanimage: sane_start: Document feeder jammed" >&2\n'
        "exit 6\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return folder


def test_pages_scanned_before_a_jam_are_kept(
    sane: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, library: Library
) -> None:
    fake = _jamming_scanimage(tmp_path / "bin", after=3)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    report = scan_into_library(library, ADF)
    assert report.error is not None and report.error.code == "paper-jam"
    assert "3 page(s) scanned before it are kept" in report.error.message
    (document,) = library.documents()
    assert document.page_count == 3


def test_cancelling_stops_the_feeder_and_keeps_what_was_scanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library: Library
) -> None:
    use_sane_config(monkeypatch, sane_config(tmp_path / "slow", delay_us=20_000))
    cancel = threading.Event()

    class CancelAfterTwo(Pages):
        def advance(self, steps: int = 1, message: str = "") -> None:
            if message == "page 2 scanned":
                cancel.set()

    report = scan_into_library(library, ADF, progress=CancelAfterTwo(), cancel=cancel)
    assert report.cancelled and report.error is None
    assert 2 <= report.scanned < 10
    (document,) = library.documents()
    assert document.page_count == report.scanned
