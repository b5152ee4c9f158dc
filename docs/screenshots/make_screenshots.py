"""Make the pictures of the window in this folder, in Vietnamese, from the bundled sample pages.

Run under a virtual screen from the repository root: `make screenshots`, which is
`xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/make_screenshots.py`.
It reads the samples into a throwaway library (OCR with Tesseract: about half a minute), then
saves `main-window.png` (a document open), `search.png` (search results, the hit marked on the
page) and `ocr-review.png` (the text beside the page, doubtful words highlighted).
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

from digitizer.locations import sample_pages_path  # noqa: E402
from digitizer.service import Workstation  # noqa: E402
from ui.app import application  # noqa: E402
from ui.i18n import install_translators  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.qt import QApplication, QSettings  # noqa: E402

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


def wait(app: QApplication, window: MainWindow, seconds: float = 0.6) -> None:
    """Let the window finish its background work, then draw."""
    while window.runner.busy():
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    with tempfile.TemporaryDirectory(prefix="digitizer-screens-") as folder:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
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
        window.resize(1600, 1000)
        window.show()
        window.library.refresh(select=ids["01-nghi-quyet.tif"])
        wait(app, window, 1.0)
        window.side_tabs.setCurrentWidget(window.record)
        wait(app, window)
        window.grab().save(str(OUT / "main-window.png"))

        window.search.field.setText("lưu trữ")
        window.search.go.click()
        wait(app, window)
        items = window.search.hit_items()
        hit = next(
            (i for i in items if i.parent() and i.parent().text(1).startswith("Công văn")),
            items[0],
        )
        window.search.results.setCurrentItem(hit)
        window.search.results.itemClicked.emit(hit, 0)
        wait(app, window)
        window.viewer.set_overlay_visible(False)
        window.viewer.fit_width()
        for _ in range(4):
            window.viewer.zoom_in()
        if window.viewer.hit_items:
            window.viewer.centerOn(window.viewer.hit_items[0])
        wait(app, window)
        window.grab().save(str(OUT / "search.png"))

        window.viewer.set_overlay_visible(True)
        window.review.open_document(ids["03-lich-su-dang-bo.pdf"], 2)
        wait(app, window)
        window.side_tabs.setCurrentWidget(window.text)
        window.text.select_next_doubtful()
        wait(app, window)
        window.grab().save(str(OUT / "ocr-review.png"))
        window.close()
        # Leave without tearing Qt down object by object: at interpreter exit PySide 6.12
        # sometimes trips over its own reference counts after a session like this one.
        print(f"wrote {', '.join(p.name for p in sorted(OUT.glob('*.png')))} in {OUT}")
        sys.stdout.flush()
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(0)
    print(f"wrote {', '.join(p.name for p in sorted(OUT.glob('*.png')))} in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
