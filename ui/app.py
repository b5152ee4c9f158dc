"""Starting the window: the Qt application, its language, the crash handler and the log file."""

from __future__ import annotations

import sys
from pathlib import Path

from digitizer.service import Workstation
from ui.errors import start_log, stop_log
from ui.i18n import chosen_language, install_translators
from ui.main_window import MainWindow
from ui.qt import QApplication, QCoreApplication


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, made when there is none."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Digitizer")
    QCoreApplication.setApplicationName("Digitizer")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setStyle("Fusion")
    return app


def open_window(
    library: Path | None = None, language: str | None = None, *, offer_samples: bool = True
) -> MainWindow:
    """Open the main window on `library` (default: the per-user one), created if missing."""
    app = application()
    install_translators(app, language or chosen_language())
    station = Workstation(library)
    station.init()
    window = MainWindow(station)
    start_log(station.library_path)
    window.crashes.install()
    window.show()
    task = window.library.refresh()
    task.succeeded.connect(lambda _contents: window.acquisition.resume_kept_work())
    if offer_samples:
        task.succeeded.connect(
            lambda contents: None if contents.documents else window.acquisition.offer_samples()
        )
    return window


def run(library: Path | None = None, language: str | None = None) -> int:
    """Open the window and run until it closes; the exit status."""
    from digitizer.security.network import forbid_connections

    forbid_connections()  # as the command line: no connection but to a farm the user names
    app = application()
    window = open_window(library, language)
    try:
        return app.exec()
    finally:
        window.deleteLater()
        stop_log()
