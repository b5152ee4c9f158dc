"""The workstation's main window: the library tree, the page strip and viewer, the text review,
the record form, search and the jobs dock, wired to `Workstation` through background tasks; and
the vault, unlocked and locked from here (see `ui.vault`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from digitizer.errors import DigitizerError, VaultLocked
from digitizer.locations import sample_pages_path
from digitizer.model import Document, Page
from digitizer.page_view import PageView
from digitizer.searching import PageHit, SearchOutcome
from digitizer.service import Workstation
from ui.errors import CrashHandler, is_expected, log_path, show_error
from ui.export_dialog import ExportDialog, ExportRequest
from ui.i18n import LANGUAGES, choose_language, chosen_language
from ui.jobs_dock import JobsPanel, StatusProgress
from ui.library_tree import LibraryContents, LibraryTree, classification_label, document_name
from ui.metadata_form import MetadataForm
from ui.qt import (
    QAction,
    QApplication,
    QDialog,
    QDockWidget,
    QEvent,
    QFileDialog,
    QImage,
    QInputDialog,
    QKeySequence,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QModelIndex,
    QObject,
    QSplitter,
    QStyle,
    Qt,
    QTabWidget,
    QtGui,
    QTimer,
    QUndoStack,
    QVBoxLayout,
    QWidget,
)
from ui.search_panel import SearchPanel
from ui.tasks import Task, TaskProgress, TaskRunner
from ui.text_review import TextReview
from ui.thumbnails import ThumbnailStrip, page_qimage, thumbnail
from ui.undo import Change
from ui.vault import IDLE_CHECK_MS, IDLE_SETTING, PassphraseDialog, VaultSwitch, idle_minutes
from ui.viewer import PageViewer

SAMPLES_COLLECTION = "Tài liệu mẫu"
_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel})
"""What counts as the person using the window, for the vault's idle lock."""


class MainWindow(QMainWindow):
    def __init__(self, station: Workstation, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.station = station
        self.runner = runner or TaskRunner()
        self.undo_stack = QUndoStack(self)
        self.crashes = CrashHandler(self, log_path(station.library_path))
        self.document: Document | None = None
        self.collection_name = ""
        self.pages: list[Page] = []
        self.page_number = 0
        self.view: PageView | None = None
        self.pending_hits: dict[int, Sequence[Any]] = {}
        self.last_search: tuple[str, dict[str, str | int]] | None = None
        self._page_request = 0
        self._document_request = 0
        self.deleted_something = False
        # The window asks for the passphrase itself, on the GUI thread, before secret work
        # starts: work that finds the vault locked fails with VaultLocked (and the window offers
        # to unlock and try again) instead of asking from a worker thread.
        station.passphrase_source = None
        self.vault_exists = False
        self.last_input = time.monotonic()
        self._watching_input = False
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("vault-idle-timer")
        self.idle_timer.setInterval(IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.setWindowTitle(self.tr("Digitizer — %1").replace("%1", str(station.library_path)))
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self._build()
        self._actions()
        self._menus()
        self._show_vault_state()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.tree = LibraryTree(self)
        self.thumbnails = ThumbnailStrip(self)
        self.viewer = PageViewer(self)
        self.text = TextReview(self)
        self.record = MetadataForm(self)
        self.search = SearchPanel(self)
        self.jobs = JobsPanel(self.runner, self)
        self.progress = StatusProgress(self.runner, self)

        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("side-tabs")
        self.side_tabs.addTab(self.text, self.tr("Text"))
        self.side_tabs.addTab(self.record, self.tr("Record"))
        self.side_tabs.addTab(self.search, self.tr("Search"))

        self.banner = QLabel(self)
        self.banner.setObjectName("classification-banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setStyleSheet(
            "QLabel { background: #b3261e; color: white; font-weight: 600; padding: 4px; }"
        )
        self.banner.hide()

        centre = QSplitter(Qt.Orientation.Horizontal, self)
        centre.addWidget(self.thumbnails)
        centre.addWidget(self.viewer)
        centre.addWidget(self.side_tabs)
        centre.setStretchFactor(1, 3)
        centre.setStretchFactor(2, 2)
        centre.setSizes([170, 700, 470])
        centre.setChildrenCollapsible(False)
        # A secret document's level runs across the top of everything that shows it.
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(centre, 1)
        self.setCentralWidget(central)

        library_dock = QDockWidget(self.tr("Library"), self)
        library_dock.setObjectName("library-dock")
        library_dock.setWidget(self.tree)
        library_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, library_dock)
        self.resizeDocks([library_dock], [330], Qt.Orientation.Horizontal)
        self.jobs_dock = QDockWidget(self.tr("Jobs"), self)
        self.jobs_dock.setObjectName("jobs-dock")
        self.jobs_dock.setWidget(self.jobs)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.jobs_dock)
        self.resizeDocks([self.jobs_dock], [120], Qt.Orientation.Vertical)

        self.page_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.vault_switch = VaultSwitch(self)
        self.statusBar().addWidget(self.page_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.vault_switch)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.vault_switch.clicked.connect(
            lambda: self.lock_vault() if self.station.vault_unlocked else self.unlock_vault()
        )

        self.tree.document_selected.connect(self.open_document)
        self.tree.new_collection_requested.connect(self.new_collection)
        self.tree.rename_requested.connect(self.rename)
        self.tree.move_requested.connect(self.move_document)
        self.tree.delete_requested.connect(self.delete)
        self.tree.ocr_requested.connect(lambda ident: self.recognise([ident]))
        self.thumbnails.page_chosen.connect(self.open_page)
        self.thumbnails.reordered.connect(self.reorder_pages)
        self.thumbnails.rotate_requested.connect(self.rotate_page)
        self.thumbnails.delete_requested.connect(self.delete_page)
        self.viewer.word_clicked.connect(self._word_clicked_on_image)
        self.viewer.zoom_changed.connect(
            lambda scale: self.zoom_label.setText(f"{round(scale * 100)} %")
        )
        self.text.word_selected.connect(self.viewer.select_word)
        self.text.threshold_changed.connect(self.viewer.set_threshold)
        self.text.correction_submitted.connect(self.save_correction)
        self.record.saved.connect(self.save_record)
        self.record.proposals_source = self.station.record
        self.record.confirmed.connect(self.confirm_record)
        self.search.search_requested.connect(self.run_search)
        self.search.hit_opened.connect(self.open_hit)
        self.viewer.set_threshold(self.text.threshold.value())

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        self.addAction(action)
        return action

    def _actions(self) -> None:
        style = self.style()

        def icon(name: str) -> QtGui.QIcon:
            return style.standardIcon(getattr(QStyle.StandardPixmap, name))

        self.import_action = self._action(
            self.tr("Import files…"),
            self.choose_import_files,
            QKeySequence.StandardKey.Open,
            "import",
        )
        self.import_action.setIcon(icon("SP_DialogOpenButton"))
        self.import_folder_action = self._action(
            self.tr("Import a folder…"), self.choose_import_folder, "Ctrl+Shift+O"
        )
        self.export_action = self._action(
            self.tr("Export…"), self.choose_export, "Ctrl+E", "export"
        )
        self.export_action.setIcon(icon("SP_DialogSaveButton"))
        self.ocr_action = self._action(
            self.tr("Recognise text"),
            lambda: self.recognise(self._current_ids()),
            "Ctrl+R",
            "ocr",
        )
        self.ocr_action.setIcon(icon("SP_MediaPlay"))
        self.ocr_all_action = self._action(
            self.tr("Recognise every document"), lambda: self.recognise([], everything=True)
        )
        self.search_action = self._action(
            self.tr("Search"), self.focus_search, QKeySequence.StandardKey.Find, "search"
        )
        self.search_action.setIcon(icon("SP_FileDialogContentsView"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("SP_ArrowBack"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(icon("SP_ArrowForward"))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.new_collection_action = self._action(
            self.tr("New collection…"), self.new_collection, "Ctrl+Shift+N"
        )
        self.previous_action = self._action(
            self.tr("Previous page"), lambda: self.step_page(-1), "PgUp"
        )
        self.previous_action.setIcon(icon("SP_ArrowUp"))
        self.next_action = self._action(self.tr("Next page"), lambda: self.step_page(1), "PgDown")
        self.next_action.setIcon(icon("SP_ArrowDown"))
        self.zoom_in_action = self._action(self.tr("Zoom in"), self.viewer.zoom_in, "+")
        self.zoom_in_action.setShortcuts(
            [QKeySequence("+"), QKeySequence("Ctrl++"), QKeySequence("=")]
        )
        self.zoom_out_action = self._action(self.tr("Zoom out"), self.viewer.zoom_out, "-")
        self.zoom_out_action.setShortcuts([QKeySequence("-"), QKeySequence("Ctrl+-")])
        self.fit_page_action = self._action(self.tr("Fit page"), self.viewer.fit_page, "Ctrl+0")
        self.fit_width_action = self._action(self.tr("Fit width"), self.viewer.fit_width, "Ctrl+9")
        self.boxes_action = self._action(
            self.tr("Word boxes"),
            lambda: self.viewer.set_overlay_visible(self.boxes_action.isChecked()),
            "Ctrl+B",
        )
        self.boxes_action.setCheckable(True)
        self.boxes_action.setChecked(True)
        self.quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.unlock_action = self._action(
            self.tr("Unlock the vault…"), self.unlock_vault, name="unlock-vault"
        )
        self.lock_action = self._action(
            self.tr("Lock the vault"), self.lock_vault, "Ctrl+L", "lock-vault"
        )
        # Keys typed into a text field belong to the field: page and zoom keys act on the
        # viewer and the strip only.
        for action in (
            self.previous_action,
            self.next_action,
            self.zoom_in_action,
            self.zoom_out_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.removeAction(action)
            self.viewer.addAction(action)
            self.thumbnails.addAction(action)
            self.tree.addAction(action)

    def _menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu(self.tr("&File"))
        files.addAction(self.import_action)
        files.addAction(self.import_folder_action)
        files.addAction(self.export_action)
        if _has_samples():
            files.addAction(self.tr("Load the sample pages"), self.load_samples)
        files.addSeparator()
        files.addAction(self.quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.new_collection_action)
        edit.addAction(self.search_action)
        document = bar.addMenu(self.tr("&Document"))
        document.addAction(self.ocr_action)
        document.addAction(self.ocr_all_action)
        document.addSeparator()
        document.addAction(self.previous_action)
        document.addAction(self.next_action)
        view = bar.addMenu(self.tr("&View"))
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_page_action,
            self.fit_width_action,
            self.boxes_action,
        ):
            view.addAction(action)
        view.addSeparator()
        view.addAction(self.jobs_dock.toggleViewAction())
        languages = view.addMenu(self.tr("Language"))
        names = {"vi": "Tiếng Việt", "en": "English"}
        current = chosen_language()
        for language in LANGUAGES:
            action = languages.addAction(names[language])
            action.setCheckable(True)
            action.setChecked(language == current)
            action.triggered.connect(lambda _c=False, lang=language: self.set_language(lang))
        self._vault_menu(bar)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("About Digitizer"), self.about)

        tools = self.addToolBar(self.tr("Main"))
        tools.setObjectName("main-toolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.import_action, self.ocr_action, self.export_action):
            tools.addAction(action)
        tools.addSeparator()
        tools.addAction(self.undo_action)
        tools.addAction(self.redo_action)
        tools.addSeparator()
        tools.addAction(self.previous_action)
        tools.addAction(self.next_action)
        for action in (
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_page_action,
            self.fit_width_action,
            self.boxes_action,
        ):
            tools.addAction(action)
        tools.addSeparator()
        tools.addAction(self.search_action)

    def _vault_menu(self, bar: QMenuBar) -> None:
        vault = bar.addMenu(self.tr("&Vault"))
        vault.addAction(self.unlock_action)
        vault.addAction(self.lock_action)

    # --- asking the user (tests replace these) ------------------------------------------------

    def ask_confirmation(self, title: str, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=self)
        yes = box.addButton(self.tr("Yes"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("No"), QMessageBox.ButtonRole.NoRole)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        text, ok = QInputDialog.getText(self, title, label, text=value)
        return text if ok and text.strip() else None

    def ask_item(self, title: str, label: str, items: list[str]) -> str | None:
        item, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return item if ok else None

    def ask_passphrase(self, reason: str = "") -> str | None:
        dialog = PassphraseDialog(reason, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        passphrase = dialog.passphrase()
        dialog.field.clear()
        dialog.deleteLater()
        return passphrase if accepted and passphrase else None

    # --- failures ------------------------------------------------------------------------------

    def fail(
        self, title: str, retry: Callable[[], Any] | None = None
    ) -> Callable[[BaseException], None]:
        """How a task tells of its failure. Work that met a locked vault (`retry` given) asks
        for the passphrase and, once the vault is open, runs `retry`."""

        def report(error: BaseException) -> None:
            if isinstance(error, VaultLocked):
                self._show_vault_state()  # it may have been locked meanwhile
                if retry is not None:
                    self.unlock_vault(self._secret_reason(), then=retry)
                    return
            if is_expected(error):
                show_error(self, title, error)
            else:
                task = self.sender()
                trace = task.error_trace if isinstance(task, Task) else ""
                self.crashes.report(error, trace)

        return report

    # --- the library ---------------------------------------------------------------------------

    def refresh_library(self, select: str | None = None) -> Task:
        station = self.station

        def read(_p: TaskProgress, _c: threading.Event) -> LibraryContents:
            return LibraryContents(
                station.documents(),
                station.collections(),
                station.recognised_pages(),
                station.vault_status().exists,
            )

        return self.runner.run(
            read,
            title=self.tr("Reading the library"),
            kind="read",
            listed=False,
            on_success=lambda contents: self._show_library(contents, select),
            on_failure=self.fail(self.tr("Cannot read the library")),
        )

    def _show_library(self, contents: LibraryContents, select: str | None) -> None:
        if contents.has_vault != self.vault_exists:
            self.vault_exists = contents.has_vault
            self._show_vault_state()
        current = self.document.id if self.document else None
        self.tree.show_contents(contents, keep=select or current)
        if select and (self.document is None or self.document.id != select):
            self.open_document(select)
        if self.document is not None and self.document.id not in self.tree.document_ids():
            self._clear_document()

    def open_document(self, document_id: str, page: int | None = None) -> Task | None:
        """Show a document at `page` (default: the first; for the open one: where it is)."""
        if self.document is not None and self.document.id == document_id:
            if page is not None and page != self.page_number:
                self.open_page(page)
            return None
        listed = next((d for d in self.tree.contents.documents if d.id == document_id), None)
        locked = not self.station.vault_unlocked
        if listed is not None and listed.classification.is_secret and locked:
            return self._unlock_to_open(listed, page)
        page = page or 1
        self._document_request += 1
        request = self._document_request
        station = self.station

        def read(_p: TaskProgress, _c: threading.Event) -> tuple[Any, ...]:
            return station.document(document_id)

        return self.runner.run(
            read,
            title=self.tr("Opening a document"),
            kind="read",
            listed=False,
            on_success=lambda result: self._show_document(request, result, page),
            on_failure=lambda error: self._document_failed(request, document_id, page, error),
        )

    def _document_failed(
        self, request: int, document_id: str, page: int, error: BaseException
    ) -> None:
        if request != self._document_request:
            return  # another document was asked for since
        title = self.tr("Cannot open the document")
        self.fail(title, lambda: self.open_document(document_id, page))(error)

    def _unlock_to_open(self, document: Document, page: int | None) -> Task | None:
        """A secret document chosen while the vault is locked: unlock first, then open it."""
        reason = (
            self.tr("“%1” is classified %2. Type the vault's passphrase to open it.")
            .replace("%1", document_name(document))
            .replace("%2", classification_label(document.classification))
        )
        task = self.unlock_vault(reason, then=lambda: self.open_document(document.id, page))
        if task is None:  # not unlocked: the tree goes back to what is shown
            self.statusBar().showMessage(
                self.tr("Secret documents open only while the vault is unlocked"), 8000
            )
            if self.document is not None:
                self.tree.select_document(self.document.id)
            else:
                self.tree.setCurrentIndex(QModelIndex())
        return task

    def _show_document(self, request: int, result: tuple[Any, ...], page: int) -> None:
        if request != self._document_request:
            return  # another document was asked for since
        document, pages, collection = result
        self.document, self.pages, self.collection_name = document, pages, collection
        self.page_number = 0
        self.record.show_document(document)
        self._show_banner(document)
        self.thumbnails.show_pages([p.number for p in pages])
        self._load_thumbnails(document.id)
        if pages:
            self.open_page(min(max(page, 1), len(pages)))
        self.tree.select_document(document.id)

    def _show_banner(self, document: Document | None) -> None:
        """A secret document carries its level above the page while it is open."""
        if document is None or not document.classification.is_secret:
            self.banner.hide()
            return
        self.banner.setText(
            self.tr(
                "%1 — a secret document, kept in the vault; it closes when the vault is locked"
            ).replace("%1", classification_label(document.classification).upper())
        )
        self.banner.show()

    def _load_thumbnails(self, document_id: str) -> None:
        station = self.station

        def make(_p: TaskProgress, cancel: threading.Event) -> list[tuple[int, QImage]]:
            # A secret document's pages are opened from the vault into memory, one at a time.
            return [
                (number, thumbnail(image)) for number, image in station.page_images(document_id)
            ]

        def show(result: list[tuple[int, QImage]]) -> None:
            if self.document is not None and self.document.id == document_id:
                for number, image in result:
                    self.thumbnails.set_thumbnail(number, image)

        self.runner.run(
            make,
            title=self.tr("Thumbnails"),
            kind="read",
            listed=False,
            on_success=show,
            on_failure=lambda _e: None,
        )

    def _clear_document(self) -> None:
        self.document, self.pages, self.view, self.page_number = None, [], None, 0
        self._page_request += 1  # what is still being read is not shown
        self._document_request += 1
        self.thumbnails.clear()
        self.viewer.clear_page()
        self.text.show_text(None, False)
        self.record.show_document(None)
        self._show_banner(None)
        self.page_label.setText("")

    def _current_ids(self) -> list[str]:
        return [self.document.id] if self.document else []

    # --- pages ---------------------------------------------------------------------------------

    def open_page(self, number: int, hits: Sequence[Any] = ()) -> Task | None:
        if self.document is None:
            return None
        if hits:
            self.pending_hits[number] = hits
        self._page_request += 1
        request = self._page_request
        station, document_id = self.station, self.document.id
        self.page_number = number
        self.thumbnails.select_page(number)

        def read(_p: TaskProgress, _c: threading.Event) -> tuple[PageView, QImage]:
            view = station.page_view(document_id, number)
            # In the pixel format the screen draws, so the GUI thread need not convert it.
            image = page_qimage(view.image)
            return view, image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)

        return self.runner.run(
            read,
            title=self.tr("Opening a page"),
            kind="read",
            listed=False,
            on_success=lambda result: self._show_page(request, result),
            on_failure=lambda error: self._page_failed(request, number, error),
        )

    def _page_failed(self, request: int, number: int, error: BaseException) -> None:
        if request != self._page_request:
            return  # no longer asked for (the vault was locked and the document closed, say)
        self.fail(self.tr("Cannot open the page"), lambda: self.open_page(number))(error)

    def _show_page(self, request: int, result: tuple[PageView, QImage]) -> None:
        if request != self._page_request:
            return
        view, image = result
        self.view = view
        words = list(view.text.words()) if view.text else []
        self.viewer.show_page(image, view.size, words)
        self.text.show_text(view.text, view.corrected)
        hits = self.pending_hits.pop(view.page.number, ())
        if hits:
            self.viewer.show_hits(hits)
        total = len(self.pages)
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(view.page.number)).replace("%2", str(total))
        )

    def step_page(self, step: int) -> None:
        if self.document is None or not self.pages:
            return
        number = min(max(self.page_number + step, 1), len(self.pages))
        if number != self.page_number:
            self.open_page(number)

    def _word_clicked_on_image(self, index: int) -> None:
        self.text.select_word(index)
        self.viewer.select_word(index)

    # --- import, OCR, export -------------------------------------------------------------------

    def choose_import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import files"),
            str(Path.home()),
            self.tr("Scans and PDFs (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)"),
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: Sequence[Path], collection: str | None = None) -> Task:
        from digitizer.acquire.importer import ImportOptions

        station = self.station
        options = ImportOptions(collection=collection)

        def work(progress: TaskProgress, cancel: threading.Event) -> Any:
            return station.import_paths(list(paths), options, progress, cancel)

        names = ", ".join(p.name for p in paths[:3]) + (" …" if len(paths) > 3 else "")
        task = self.runner.run(
            work,
            title=self.tr("Import %1").replace("%1", names),
            kind="import",
            write=True,
            on_failure=self.fail(self.tr("Import failed")),
        )
        task.succeeded.connect(lambda report: self._imported(task, report))
        return task

    def _imported(self, task: Task, report: Any) -> None:
        pages = sum(item.pages for item in report.imported)
        summary = (
            self.tr("%1 document(s), %2 page(s) imported")
            .replace("%1", str(len(report.imported)))
            .replace("%2", str(pages))
        )
        if report.duplicates:
            summary += "; " + self.tr("%1 already in the library").replace(
                "%1", str(len(report.duplicates))
            )
        if report.failed:
            summary += "; " + self.tr("%1 failed").replace("%1", str(len(report.failed)))
            details = "\n".join(f"{f.source}: {f.message} [{f.code}]" for f in report.failed)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Some files were not imported"),
                details,
                parent=self,
            )
            box.setObjectName("error-dialog")
            box.open()
        self.jobs.note(task, summary)
        first = report.imported[0].document_id if report.imported else None
        self.refresh_library(select=first)

    def recognise(self, document_ids: Sequence[str], everything: bool = False) -> Task | None:
        if not document_ids and not everything:
            return None
        station = self.station

        def work(progress: TaskProgress, cancel: threading.Event) -> Any:
            return station.ocr(
                document_ids, everything=everything, progress=progress, cancel=cancel
            )

        task = self.runner.run(
            work,
            title=self.tr("Recognise text"),
            kind="ocr",
            write=True,
            on_failure=self.fail(
                self.tr("Recognition failed"), lambda: self.recognise(document_ids, everything)
            ),
        )
        task.succeeded.connect(lambda report: self._recognised(task, report))
        return task

    def _recognised(self, task: Task, report: Any) -> None:
        summary = (
            self.tr("%1 page(s) recognised, %2 already done")
            .replace("%1", str(report.done))
            .replace("%2", str(report.skipped))
        )
        if report.failed:
            summary += "; " + self.tr("%1 failed").replace("%1", str(len(report.failed)))
            details = "\n".join(
                f"{f.document_id} p. {f.page}: {f.message} [{f.code}]" for f in report.failed
            )
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Some pages were not read"), details, parent=self
            )
            box.setObjectName("error-dialog")
            box.open()
        if report.cancelled:
            summary += "; " + self.tr("cancelled")
        self.jobs.note(task, summary)
        self.refresh_library()
        if self.document is not None and self.page_number:
            self.open_page(self.page_number)

    def choose_export(self) -> None:
        if self.document is None:
            return
        dialog = ExportDialog(document_name(self.document), self.collection_name, Path.home(), self)
        if dialog.exec():
            self.export(dialog.request())

    def export(self, request: ExportRequest) -> Task | None:
        if self.document is None:
            return None
        station, document_id, collection = self.station, self.document.id, self.collection_name

        def work(_p: TaskProgress, _c: threading.Event) -> Any:
            if not request.is_publishing:
                return station.export(
                    document_id,
                    request.fmt,
                    request.out,
                    allow_unrecognised=request.allow_unrecognised,
                )
            from digitizer.export.publish import PublishOptions
            from digitizer.export.qr_stamp import Placement

            options = PublishOptions(
                placement=Placement(request.qr_placement),
                cover=request.cover,
                with_images=request.with_images,
                with_epub=request.with_epub,
                allow_unrecognised=request.allow_unrecognised,
            )
            if request.whole_collection and collection:
                return station.publish(
                    request.fmt, request.out, collections=[collection], options=options
                )
            return station.publish(
                request.fmt, request.out, documents=[document_id], options=options
            )

        task = self.runner.run(
            work,
            title=self.tr("Export %1").replace("%1", request.out.name),
            kind="export",
            on_failure=self.fail(self.tr("Export failed")),
        )
        task.succeeded.connect(
            lambda result: self.jobs.note(task, self.tr("Wrote %1").replace("%1", str(result.path)))
        )
        return task

    # --- search ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.side_tabs.setCurrentWidget(self.search)
        self.search.field.setFocus()
        self.search.field.selectAll()

    def run_search(self, query: str, filters: dict[str, str | int]) -> Task:
        station = self.station
        self.last_search = (query, filters)

        def work(_p: TaskProgress, _c: threading.Event) -> SearchOutcome:
            return station.search(query, limit=50, filters=filters or None, group_by_document=True)

        def failed(error: BaseException) -> None:
            if isinstance(error, DigitizerError):
                self.search.show_error(error.message)
            else:
                self.fail(self.tr("Search failed"))(error)

        self.side_tabs.setCurrentWidget(self.search)
        return self.runner.run(
            work,
            title=self.tr("Search “%1”").replace("%1", query),
            kind="search",
            listed=False,
            on_success=self.search.show_outcome,
            on_failure=failed,
        )

    def open_hit(self, hit: PageHit) -> None:
        self.pending_hits[hit.page] = hit.boxes
        if self.document is not None and self.document.id == hit.document_id:
            self.open_page(hit.page, hit.boxes)
        else:
            self.open_document(hit.document_id, hit.page)

    # --- corrections and records -----------------------------------------------------------

    def save_correction(self, text: str) -> Task | None:
        if self.document is None or self.view is None:
            return None
        station, document_id, number = self.station, self.document.id, self.view.page.number

        def work(_p: TaskProgress, _c: threading.Event) -> Any:
            return station.correct_page(document_id, number, text)

        def saved(result: Any) -> None:
            self.statusBar().showMessage(
                self.tr("Correction saved: %1 word(s) changed").replace(
                    "%1", str(result.changed_words)
                ),
                5000,
            )
            current = self.document is not None and self.document.id == document_id
            if current and self.page_number == number:
                self.open_page(number)

        return self.runner.run(
            work,
            title=self.tr("Save the correction of page %1").replace("%1", str(number)),
            kind="correction",
            write=True,
            listed=False,
            on_success=saved,
            on_failure=self.fail(self.tr("Cannot save the correction")),
        )

    def save_record(self, document_id: str, changes: dict[str, Any]) -> Task:
        station = self.station

        def work(_p: TaskProgress, _c: threading.Event) -> Document:
            return station.describe(document_id, **changes)

        def saved(document: Document) -> None:
            if self.document is not None and self.document.id == document.id:
                self.document = document
                self.record.show_document(document)
            self.statusBar().showMessage(self.tr("Record saved"), 5000)
            self.refresh_library()

        return self.runner.run(
            work,
            title=self.tr("Save the record"),
            kind="record",
            write=True,
            listed=False,
            on_success=saved,
            on_failure=self.fail(self.tr("Cannot save the record")),
        )

    def confirm_record(self, document_id: str, fields: list[str]) -> Task:
        """Confirm fields the workstation read from the pages ([]: all of them)."""
        station = self.station

        def work(_p: TaskProgress, _c: threading.Event) -> Document:
            return station.describe_record(document_id, confirm=fields)[0]

        def done(document: Document) -> None:
            if self.document is not None and self.document.id == document.id:
                self.document = document
                self.record.show_document(document)
            self.statusBar().showMessage(self.tr("Record confirmed"), 5000)

        return self.runner.run(
            work,
            title=self.tr("Confirm the record"),
            kind="record",
            write=True,
            listed=False,
            on_success=done,
            on_failure=self.fail(self.tr("Cannot confirm the record")),
        )

    # --- library editing, undoable -----------------------------------------------------------

    def _change(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[Any], Any],
        redo: Callable[[], Any] | None = None,
        reopen: bool = False,
    ) -> bool:
        """Make a change now and push it on the undo stack."""
        try:
            result = do()
        except Exception as error:
            self.fail(text)(error)
            return False
        state = {"result": result}

        def undo_step() -> None:
            undo(state["result"])

        def redo_step() -> None:
            state["result"] = (redo or do)()

        def after() -> None:
            self.refresh_library()
            if reopen and self.document is not None:
                self._reopen_document()

        self.undo_stack.push(Change(text, undo_step, redo_step, after, self.fail(text)))
        after()
        return True

    def _reopen_document(self) -> None:
        if self.document is not None:
            document_id, page = self.document.id, self.page_number
            self.document = None
            self.open_document(document_id, page or 1)

    def new_collection(self) -> None:
        name = self.ask_text(self.tr("New collection"), self.tr("Name of the collection:"))
        if name is None:
            return
        station = self.station
        self._change(
            self.tr("New collection"),
            lambda: station.create_collection(name),
            lambda ident: station.delete_collection(ident),
        )

    def rename(self, kind: str, ident: str) -> None:
        if kind == "collection":
            collection = next(
                (c for c in self.tree.contents.collections if str(c.id) == ident), None
            )
            if collection is None:
                return
            name = self.ask_text(
                self.tr("Rename the collection"), self.tr("New name:"), collection.name
            )
            if name is None:
                return
            station, cid = self.station, collection.id
            self._change(
                self.tr("Rename the collection"),
                lambda: station.rename_collection(cid, name),
                lambda old: station.rename_collection(cid, old),
            )
            return
        document = next((d for d in self.tree.contents.documents if d.id == ident), None)
        if document is None:
            return
        title = self.ask_text(
            self.tr("Rename the document"), self.tr("Title:"), document.metadata.title
        )
        if title is None:
            return
        station, old_title = self.station, document.metadata.title
        self._change(
            self.tr("Rename the document"),
            lambda: station.describe(ident, title=title),
            lambda _d: station.describe(ident, title=old_title),
            reopen=True,
        )

    def move_document(self, document_id: str) -> None:
        collections = self.tree.contents.collections
        none = self.tr("(no collection)")
        choice = self.ask_item(
            self.tr("Move to collection"),
            self.tr("Collection:"),
            [c.name for c in collections] + [none],
        )
        if choice is None:
            return
        target = next((c.id for c in collections if c.name == choice), None)
        station = self.station
        self._change(
            self.tr("Move the document"),
            lambda: station.move_document(document_id, target),
            lambda was: station.move_document(document_id, *was),
        )

    def delete(self, kind: str, ident: str) -> None:
        station = self.station
        if kind == "collection":
            collection = next(
                (c for c in self.tree.contents.collections if str(c.id) == ident), None
            )
            if collection is None or not self.ask_confirmation(
                self.tr("Delete the collection"),
                self.tr("Delete the collection “%1”? Its documents stay in the library.").replace(
                    "%1", collection.name
                ),
            ):
                return
            cid = collection.id
            self._change(
                self.tr("Delete the collection"),
                lambda: station.delete_collection(cid),
                station.restore,
            )
            return
        document = next((d for d in self.tree.contents.documents if d.id == ident), None)
        if document is None or not self.ask_confirmation(
            self.tr("Delete the document"),
            self.tr("Delete “%1” and its %2 page(s)? You can undo this until you close the window.")
            .replace("%1", document_name(document))
            .replace("%2", str(document.page_count)),
        ):
            return
        self.deleted_something = True
        self._change(
            self.tr("Delete the document"),
            lambda: station.delete_document(ident),
            station.restore,
        )

    def reorder_pages(self, order: list[int]) -> None:
        if self.document is None:
            return
        station, document_id = self.station, self.document.id
        self._change(
            self.tr("Reorder pages"),
            lambda: station.reorder_pages(document_id, order),
            lambda back: station.reorder_pages(document_id, back),
            reopen=True,
        )

    def rotate_page(self, number: int, turns: int) -> None:
        if self.document is None:
            return
        station, document_id = self.station, self.document.id
        self.deleted_something = True
        self._change(
            self.tr("Turn page %1").replace("%1", str(number)),
            lambda: station.rotate_page(document_id, number, turns),
            station.restore_page,
            reopen=True,
        )

    def delete_page(self, number: int) -> None:
        if self.document is None or not self.ask_confirmation(
            self.tr("Delete the page"),
            self.tr("Delete page %1? You can undo this until you close the window.").replace(
                "%1", str(number)
            ),
        ):
            return
        station, document_id = self.station, self.document.id
        self.deleted_something = True
        self._change(
            self.tr("Delete page %1").replace("%1", str(number)),
            lambda: station.delete_page(document_id, number),
            station.restore,
            reopen=True,
        )

    # --- vault -------------------------------------------------------------------------------

    def unlock_vault(self, reason: str = "", then: Callable[[], Any] | None = None) -> Task | None:
        """Ask for the passphrase and unlock the vault on a worker (scrypt takes a moment); a
        wrong passphrase is a dialog and changes nothing. `then` runs once the vault is open.
        None when the vault is open already (`then` has run) or the person did not unlock."""
        if self.station.vault_unlocked:
            if then is not None:
                then()
            return None
        passphrase = self.ask_passphrase(reason)
        if passphrase is None:
            return None
        station = self.station

        def work(_p: TaskProgress, _c: threading.Event) -> float:
            station.unlock(passphrase)
            return idle_minutes(station.setting(IDLE_SETTING))

        def unlocked(minutes: float) -> None:
            station.vault_idle_seconds = minutes * 60
            self.last_input = time.monotonic()
            self.vault_exists = True
            self._show_vault_state()
            self.statusBar().showMessage(self.tr("The vault is unlocked"), 5000)
            self.refresh_library()
            if then is not None:
                then()

        return self.runner.run(
            work,
            title=self.tr("Unlock the vault"),
            kind="vault",
            listed=False,
            on_success=unlocked,
            on_failure=self.fail(self.tr("Cannot unlock the vault")),
        )

    def lock_vault(self) -> None:
        """Forget the vault's key and take every secret document off the screen."""
        self.station.lock()
        self._locked(self.tr("The vault is locked"))

    def check_idle(self) -> bool:
        """Lock the vault when it was left idle: no key or mouse press in the window, no work
        running, and no secret work in the core for the idle time. True when it locked."""
        if not self.station.vault_unlocked:
            self._show_vault_state()
            return False
        quiet = time.monotonic() - self.last_input >= self.station.vault_idle_seconds
        if not quiet or self.runner.busy() or not self.station.lock_if_idle():
            return False
        minutes = self.station.vault_idle_seconds / 60
        self._locked(
            self.tr("The vault was locked after %1 minute(s) without use").replace(
                "%1", f"{minutes:.3g}"
            )
        )
        return True

    def _locked(self, message: str) -> None:
        self._show_vault_state()
        self.statusBar().showMessage(message, 10000)
        if self.document is not None and self.document.classification.is_secret:
            self.tree.setCurrentIndex(QModelIndex())
            self._clear_document()
        if self.search.outcome is not None and self.last_search is not None:
            self.search.clear_results()  # its hits may be secret: search again without them
            self.run_search(*self.last_search)
        self.refresh_library()  # secret documents' titles are in the vault again

    def _show_vault_state(self) -> None:
        """The status bar, the vault's actions, the search note and the idle timer, as the
        vault is now."""
        unlocked = self.station.vault_unlocked
        self.vault_switch.show_state(exists=self.vault_exists or unlocked, unlocked=unlocked)
        self.unlock_action.setEnabled(not unlocked)
        self.lock_action.setEnabled(unlocked)
        self.search.secret_note.setVisible(self.vault_exists and not unlocked)
        if unlocked and not self.idle_timer.isActive():
            self.idle_timer.start()
        elif not unlocked:
            self.idle_timer.stop()
        self._watch_input(unlocked)

    def _watch_input(self, on: bool) -> None:
        """Note the person's key and mouse presses (for the idle lock) while the vault is
        unlocked; only then, so that the filter costs nothing the rest of the time."""
        app = QApplication.instance()
        if app is None or on == self._watching_input:
            return
        if on:
            self.last_input = time.monotonic()
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching_input = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return super().eventFilter(watched, event)

    def _secret_reason(self) -> str:
        return self.tr("This work touches a secret document: type the vault's passphrase.")

    # --- samples, language, about --------------------------------------------------------------

    def offer_samples(self) -> QMessageBox | None:
        """On an empty library, offer to load the bundled sample pages."""
        if not _has_samples():
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("An empty library"),
            self.tr(
                "This library holds no documents yet. Load the sample pages (a resolution, "
                "an official letter and two pages of a Party-history book) and recognise "
                "them?"
            ),
            parent=self,
        )
        box.setObjectName("samples-offer")
        load = box.addButton(self.tr("Load the samples"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.finished.connect(lambda _r: box.clickedButton() is load and self.load_samples())
        box.open()
        return box

    def load_samples(self) -> Task:
        task = self.import_paths([sample_pages_path()], collection=SAMPLES_COLLECTION)
        task.succeeded.connect(
            lambda report: self.recognise([i.document_id for i in report.imported])
        )
        return task

    def set_language(self, language: str) -> None:
        choose_language(language)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr("The new language is used from the next start."),
            parent=self,
        )
        box.open()

    def about(self) -> None:
        from digitizer import __version__

        QMessageBox.about(
            self,
            self.tr("About Digitizer"),
            self.tr(
                "Digitizer %1 — a workstation for digitizing Vietnamese archival "
                "documents.\nLibrary: %2"
            )
            .replace("%1", __version__)
            .replace("%2", str(self.station.library_path)),
        )

    # --- drag and drop, closing -----------------------------------------------------------------

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        if self.text.has_unsaved_edits() and self.ask_confirmation(
            self.tr("Unsaved correction"), self.tr("Save the correction of this page?")
        ):
            self.text.submit()
        self.runner.shutdown()
        self.station.lock()  # the key goes with the window
        self._show_vault_state()
        if self.deleted_something:
            try:
                self.station.purge_unused_objects()
            except Exception as error:  # the files stay; the next close tries again
                self.crashes.report(error)
        self.undo_stack.clear()
        self.crashes.uninstall()
        super().closeEvent(event)


def _has_samples() -> bool:
    folder = sample_pages_path()
    return folder.is_dir() and any(folder.iterdir())
