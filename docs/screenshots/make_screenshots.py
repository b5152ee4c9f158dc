"""Make the pictures of the window in this folder, in Vietnamese, from the bundled sample pages.

Run under a virtual screen from the repository root: `make screenshots`, which is
`xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python docs/screenshots/make_screenshots.py`.
It reads the samples into a throwaway library (OCR with Tesseract: about half a minute), then,
with the window at 1366×768 and at 1920×1080, saves (NAME-WIDTHxHEIGHT.png): `review` (a page
under review, its text beside or under it), `search-hit` (a search hit opened zoomed onto the
hit), `import-dialog`, `scan-dialog` (SANE's virtual `test` scanner), `error` (an error in the
window's words, with the way out it offers) and `batch-record` (documents chosen together in
the library, their shared record being filled in); and at 1366×768 `record-proposals` (the
record read from a letter's first page and proposed, the page marking where each field was
read, the focused number's box standing out).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QItemSelectionModel  # noqa: E402

from digitizer.errors import NotRecognised  # noqa: E402
from digitizer.locations import sample_pages_path  # noqa: E402
from digitizer.service import Workstation  # noqa: E402
from ui.acquisition_dialogs import ImportDialog, ScanDialog  # noqa: E402
from ui.app import application  # noqa: E402
from ui.errors import show_error  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.main_window import (  # noqa: E402
    BESIDE,
    MainWindow,
)
from ui.qt import QApplication, QSettings, QWidget  # noqa: E402
from ui.record_batch import BatchRecordDialog  # noqa: E402

OUT = Path(__file__).resolve().parent
RECORDS = {
    "01-nghi-quyet.tif": {
        "title": "Nghị quyết về số hóa và bảo quản tài liệu lưu trữ của Đảng bộ xã",
        "document_type": "Nghị quyết",
        "number_symbol": "12-NQ/ĐU",
        "issuing_body": "Đảng ủy xã Đông Lâm",
        "issued_on": date(2024, 3, 15),
        "keywords": ("số hóa", "lưu trữ"),
    },
    "02-cong-van.png": {
        "title": "Công văn về việc chuẩn bị hồ sơ phục vụ số hóa",
        "document_type": "Công văn",
        "number_symbol": "45/TTLT-SH",
        "issuing_body": "Trung tâm Lưu trữ lịch sử tỉnh Hoài Sơn",
        "issued_on": date(2024, 4, 2),
    },
    "03-lich-su-dang-bo.pdf": {
        "title": "Lịch sử Đảng bộ xã Đông Lâm (tr. 45–46)",
        "document_type": "Sách",
        "issuing_body": "Ban Chấp hành Đảng bộ xã Đông Lâm",
    },
}


SIZES = ((1366, 768), (1920, 1080))


def wait(app: QApplication, window: MainWindow, seconds: float = 0.6) -> None:
    """Let the window finish its background work, then draw."""
    while window.runner.busy():
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shot(app: QApplication, window: MainWindow, name: str) -> None:
    """The screen where the window is, with whatever dialog is open over it."""
    screen = app.primaryScreen()
    frame = window.frameGeometry()
    picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    size = f"{window.width()}x{window.height()}"
    picture.save(str(OUT / f"{name}-{size}.png"))


def over(window: MainWindow, dialog: QWidget) -> None:
    """Show a dialog centred over the window, as it opens for the person."""
    dialog.adjustSize()
    centre = window.frameGeometry().center()
    dialog.move(centre.x() - dialog.width() // 2, centre.y() - dialog.height() // 2)
    dialog.show()


def sane_test_scanner(folder: Path) -> None:
    """SANE's virtual `test` scanner, for the scan dialog (no real scanner under xvfb)."""
    config = folder / "sane"
    config.mkdir()
    (config / "dll.conf").write_text("test\n")
    (config / "test.conf").write_text("number_of_devices 1\n")
    os.environ["SANE_CONFIG_DIR"] = str(config)


def pictures(
    app: QApplication, window: MainWindow, ids: dict[str, str], size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.move(0, 0)
    window.set_placement(BESIDE, remember=False)
    window.jobs_dock.setVisible(size[1] >= 900)
    wait(app, window)

    window.review.open_document(ids["03-lich-su-dang-bo.pdf"], 2)
    wait(app, window)
    window.side_tabs.setCurrentWidget(window.text)
    window.text.select_next_doubtful()
    wait(app, window)
    shot(app, window, "review")

    window.search.field.setText("lưu trữ")
    window.review.search_asked("lưu trữ", {})
    wait(app, window)
    window.review.step_hit(1)
    wait(app, window, 1.0)
    shot(app, window, "search-hit")

    names = [c.name for c in window.tree.contents.collections]
    dialog = ImportDialog([sample_pages_path()], names, names[0], window)
    dialog.separators.setChecked(True)
    over(window, dialog)
    wait(app, window)
    shot(app, window, "import-dialog")
    dialog.close()

    devices = [(d.name, f"{d.vendor} {d.model} ({d.name})") for d in window.station.scanners()]
    scan = ScanDialog(devices, names, window)
    over(window, scan)
    wait(app, window)
    shot(app, window, "scan-dialog")
    scan.close()

    error = NotRecognised("Pages 1, 2 of the document have no OCR text yet.")
    box = show_error(window, "Không xuất được", error, ("Nhận dạng trước", lambda: None))
    box.adjustSize()
    over(window, box)
    wait(app, window)
    shot(app, window, "error")
    box.close()

    window.library.refresh()
    wait(app, window)
    chosen = [ids["01-nghi-quyet.tif"], ids["02-cong-van.png"]]
    rows = []
    for ident in chosen:
        window.tree.select_document(ident)
        rows.append(window.tree.currentIndex())
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for index in rows:
        window.tree.selectionModel().select(index, flags)
    batch = BatchRecordDialog(len(chosen), window)
    batch.document_type.setText("Văn bản hành chính")
    batch.issuing_body.setText("Trung tâm Lưu trữ lịch sử tỉnh Hoài Sơn")
    batch.keywords.setText("số hóa; lưu trữ")
    over(window, batch)
    wait(app, window)
    shot(app, window, "batch-record")
    batch.close()


def record_proposals(app: QApplication, folder: Path) -> None:
    """The record form with what OCR read from a letter's header proposed, and on the page the
    boxes it was read from, in a library of its own (no person's value in its record yet)."""
    station = Workstation(folder / "proposals")
    station.init()
    station.import_paths([sample_pages_path() / "02-cong-van.png"])
    station.ocr([], everything=True)  # recognising the page proposes its record
    (document,) = station.documents()
    window = MainWindow(station)
    window.show()
    window.resize(1366, 768)
    window.move(0, 0)
    window.set_placement(BESIDE, remember=False)
    window.jobs_dock.setVisible(False)
    window.library.refresh(select=document.id)
    wait(app, window, 1.0)
    window.side_tabs.setCurrentWidget(window.record)
    window.record.number_symbol.setFocus()
    window.show_record_sources("number_symbol")
    wait(app, window, 1.0)
    shot(app, window, "record-proposals")
    window.close()


def main() -> int:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tempfile.TemporaryDirectory(prefix="digitizer-screens-") as folder:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
        sane_test_scanner(Path(folder))
        station = Workstation(Path(folder) / "library")
        station.init()
        station.import_paths([sample_pages_path()])
        station.ocr([], everything=True)
        ids = {}
        for document in station.documents():
            name = document.sources[0].name
            station.describe(document.id, **RECORDS.get(name, {}))
            ids[name] = document.id
        folder_id = station.create_collection("Hồ sơ số hóa năm 2024")
        for name in ("01-nghi-quyet.tif", "02-cong-van.png"):
            station.move_document(ids[name], folder_id)
        book_id = station.create_collection("Lịch sử Đảng bộ xã Đông Lâm")
        station.move_document(ids["03-lich-su-dang-bo.pdf"], book_id)

        app = application()
        install_translators(app, "vi")
        window = MainWindow(station)
        window.show()
        window.library.refresh(select=ids["01-nghi-quyet.tif"])
        wait(app, window, 1.0)
        for old in OUT.glob("*.png"):
            old.unlink()
        for size in SIZES:
            pictures(app, window, ids, size)
        window.close()
        record_proposals(app, Path(folder))
        # Leave without tearing Qt down object by object (see the soak test's note on PySide's
        # reference counts at interpreter exit).
        print(f"wrote {', '.join(p.name for p in sorted(OUT.glob('*.png')))} in {OUT}")
        sys.stdout.flush()
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
