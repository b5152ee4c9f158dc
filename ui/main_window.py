"""The workstation's main window: the library tree, the page strip and viewer, the text review,
the record form, search and the jobs dock. It lays the widgets out and wires their signals and
its actions to the workflows of `ui.operations` (library, acquisition, review, export, vault),
which do the work on the core through `Workstation`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from digitizer.errors import DigitizerError, VaultLocked
from digitizer.model import Document, Page
from digitizer.page_view import PageView
from digitizer.service import Workstation
from ocr.geometry import Box
from ui.errors import CrashHandler, Offer, is_expected, log_path, show_error, show_failures
from ui.i18n import LANGUAGES, choose_language, chosen_language, settings
from ui.jobs_dock import JobsPanel, StatusProgress
from ui.library_tree import LibraryTree
from ui.metadata_form import MetadataForm
from ui.operations.acquisition import RESUME_SETTING, AcquisitionWorkflow, has_samples
from ui.operations.export import ExportWorkflow
from ui.operations.library import LibraryWorkflow
from ui.operations.review import ReviewWorkflow
from ui.operations.vault import VaultWorkflow
from ui.qt import (
    QAction,
    QApplication,
    QDialog,
    QDockWidget,
    QInputDialog,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenuBar,
    QMessageBox,
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
from ui.tasks import Task, TaskRunner
from ui.text_review import TextReview
from ui.thumbnails import ThumbnailStrip
from ui.vault import PassphraseDialog, VaultSwitch
from ui.viewer import PageViewer

PLACEMENT_SETTING = "window/text-placement"
"""Where the text review and the other side panels sit: beside the page or under it."""
BESIDE, UNDER = "beside", "under"
WIDE_SCREEN = 1200
"""Below this many pixels of width the side panels go under the page unless chosen otherwise."""
TALL_SCREEN = 900
"""Below this many pixels of height the jobs panel starts hidden (the status bar shows work)."""
SCREEN_SHARE = 0.92
"""How much of the screen's free area the window takes when it first opens."""


class MainWindow(QMainWindow):
    def __init__(self, station: Workstation, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.station = station
        self.runner = runner or TaskRunner()
        self.undo_stack = QUndoStack(self)
        self.crashes = CrashHandler(self, log_path(station.library_path))
        # What is open: read by the workflows, shown by the widgets.
        self.document: Document | None = None
        self.collection_name = ""
        self.pages: list[Page] = []
        self.page_number = 0
        self.view: PageView | None = None
        self.pending_hits: dict[int, Sequence[Box]] = {}
        self.pending_source: str | None = None  # a record field whose page is being opened
        self.last_search: tuple[str, dict[str, str | int]] | None = None
        self._page_request = 0
        self._document_request = 0
        self.deleted_something = False
        self._closing = False  # "finish, then close" was chosen
        # The window asks for the passphrase itself, on the GUI thread, before secret work
        # starts: work that finds the vault locked fails with VaultLocked (and the window offers
        # to unlock and try again) instead of asking from a worker thread.
        station.passphrase_source = None
        self.setWindowTitle(self.tr("Digitizer — %1").replace("%1", str(station.library_path)))
        self.setAcceptDrops(True)
        self._build()
        self.library = LibraryWorkflow(self)
        self.acquisition = AcquisitionWorkflow(self)
        self.review = ReviewWorkflow(self)
        self.exports = ExportWorkflow(self)
        self.vault = VaultWorkflow(self)
        self._wire()
        self._actions()
        self._menus()
        self.place_on_screen()
        self.vault.show_state()
        self.update_actions()

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
        # Narrower than its fields would like beside the page on a small screen: the page
        # comes first (and the panels can go under it, where they have the whole width).
        self.side_tabs.setMinimumWidth(260)
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

        # The page and the side panels share one splitter, turned to put the panels beside the
        # page or under it; the page strip stays at the left.
        self.review_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.review_split.setObjectName("review-split")
        self.review_split.addWidget(self.viewer)
        self.review_split.addWidget(self.side_tabs)
        self.review_split.setStretchFactor(0, 3)
        self.review_split.setStretchFactor(1, 1)
        self.review_split.setCollapsible(0, False)
        self.centre = centre = QSplitter(Qt.Orientation.Horizontal, self)
        centre.addWidget(self.thumbnails)
        centre.addWidget(self.review_split)
        centre.setStretchFactor(0, 0)
        centre.setStretchFactor(1, 1)
        centre.setChildrenCollapsible(False)
        # A secret document's level runs across the top of everything that shows it.
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(centre, 1)
        self.setCentralWidget(central)

        self.library_dock = QDockWidget(self.tr("Library"), self)
        self.library_dock.setObjectName("library-dock")
        self.library_dock.setWidget(self.tree)
        self.library_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.jobs_dock = QDockWidget(self.tr("Jobs"), self)
        self.jobs_dock.setObjectName("jobs-dock")
        self.jobs_dock.setWidget(self.jobs)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.jobs_dock)

        self.page_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.vault_switch = VaultSwitch(self)
        self.statusBar().addWidget(self.page_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.vault_switch)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _wire(self) -> None:
        library, review, acquisition = self.library, self.review, self.acquisition
        self.vault_switch.clicked.connect(self.vault.switch)
        self.tree.document_selected.connect(review.open_document)
        self.tree.new_collection_requested.connect(library.new_collection)
        self.tree.rename_requested.connect(library.rename)
        self.tree.move_requested.connect(library.move_document)
        self.tree.move_many_requested.connect(library.move_documents)
        self.tree.describe_many_requested.connect(library.describe_many)
        self.tree.documents_dropped.connect(library.move_documents)
        self.tree.files_dropped.connect(self._files_dropped_on_tree)
        self.tree.delete_requested.connect(library.delete)
        self.tree.ocr_requested.connect(lambda ident: acquisition.recognise([ident]))
        self.thumbnails.page_chosen.connect(review.open_page)
        self.thumbnails.reordered.connect(review.reorder_pages)
        self.thumbnails.rotate_requested.connect(review.rotate_page)
        self.thumbnails.delete_requested.connect(review.delete_page)
        self.thumbnails.split_requested.connect(review.split_before)
        self.thumbnails.crop_requested.connect(review.start_crop)
        self.viewer.crop_chosen.connect(review.crop)
        self.tree.merge_requested.connect(review.merge)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.viewer.word_clicked.connect(review.word_clicked)
        self.viewer.zoom_changed.connect(
            lambda scale: self.zoom_label.setText(f"{round(scale * 100)} %")
        )
        self.text.word_selected.connect(self.viewer.select_word)
        self.text.threshold_changed.connect(self.viewer.set_threshold)
        self.text.correction_submitted.connect(review.save_correction)
        self.record.saved.connect(library.save_record)
        self.record.confirmed.connect(library.confirm_record)
        self.record.field_focused.connect(self.show_record_sources)
        self.record.sources_changed.connect(lambda: self.show_record_sources(None))
        self.tree.confirm_many_requested.connect(library.confirm_records)
        self.search.search_requested.connect(review.search_asked)
        self.search.hit_opened.connect(review.open_hit)
        self.viewer.set_threshold(self.text.threshold.value())
        self.viewer.fit_width()  # a page opens as wide as the viewer

    # --- room for the page -------------------------------------------------------------------

    def place_on_screen(self) -> None:
        """The first size and position come from the screen the window opens on."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        free = screen.availableGeometry()
        width = int(free.width() * SCREEN_SHARE)
        height = int(free.height() * SCREEN_SHARE)
        self.resize(width, height)
        self.move(free.x() + (free.width() - width) // 2, free.y() + (free.height() - height) // 2)
        default = BESIDE if free.width() >= WIDE_SCREEN else UNDER
        self.jobs_dock.setVisible(free.height() >= TALL_SCREEN)
        self.set_placement(str(settings().value(PLACEMENT_SETTING, default)), remember=False)

    def placement(self) -> str:
        vertical = self.review_split.orientation() == Qt.Orientation.Vertical
        return UNDER if vertical else BESIDE

    def set_placement(self, placement: str, remember: bool = True) -> None:
        """Put the side panels beside the page or under it (remembered for the next start)."""
        placement = UNDER if placement == UNDER else BESIDE
        self.review_split.setOrientation(
            Qt.Orientation.Vertical if placement == UNDER else Qt.Orientation.Horizontal
        )
        if remember:
            settings().setValue(PLACEMENT_SETTING, placement)
        if hasattr(self, "under_action"):
            self.under_action.setChecked(placement == UNDER)
        self.balance_panels()

    def balance_panels(self) -> None:
        """Give the page the larger share: beside, the panels take at most what leaves the
        viewer half the window's width; under, a third of the height."""
        self.resizeDocks(
            [self.library_dock], [max(180, self.width() // 7)], Qt.Orientation.Horizontal
        )
        self.resizeDocks([self.jobs_dock], [90], Qt.Orientation.Vertical)
        self._balance_split()
        # The docks take their width when the layout next runs: share the rest again then.
        QTimer.singleShot(0, self._balance_split)

    def _balance_split(self) -> None:
        strip = self.thumbnails.width()
        self.centre.setSizes([strip, max(0, self.centre.width() - strip)])
        total = sum(self.review_split.sizes()) or self.review_split.width()
        if self.placement() == UNDER:
            self.review_split.setSizes([total * 2 // 3, total - total * 2 // 3])
            return
        side = min(total * 2 // 5, max(0, total - self.width() // 2 - 24))
        self.review_split.setSizes([total - side, side])

    def show_side(self, widget: QWidget) -> None:
        """Bring a side panel forward, opening the panels if they were collapsed."""
        if not self.side_tabs.isVisible():
            self.side_action.setChecked(True)
        self.side_tabs.setCurrentWidget(widget)

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.balance_panels()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if self.placement() == BESIDE:
            self.balance_panels()

    # --- actions -------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
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
        library, review, acquisition = self.library, self.review, self.acquisition

        def icon(name: str) -> QtGui.QIcon:
            return style.standardIcon(getattr(QStyle.StandardPixmap, name))

        self.import_action = self._action(
            self.tr("Import files…"),
            acquisition.choose_files,
            QKeySequence.StandardKey.Open,
            "import",
        )
        self.import_action.setIcon(icon("SP_DialogOpenButton"))
        self.import_folder_action = self._action(
            self.tr("Import a folder…"), acquisition.choose_folder, "Ctrl+Shift+O"
        )
        self.scan_action = self._action(
            self.tr("Scan…"), acquisition.ask_scan, "Ctrl+Shift+S", "scan"
        )
        self.scan_action.setIcon(icon("SP_DriveHDIcon"))
        self.set_aside_action = self._action(
            self.tr("Set-aside pages…"), acquisition.show_set_aside, name="set-aside"
        )
        self.ocr_options_action = self._action(
            self.tr("Recognise text with options…"),
            lambda: acquisition.ask_recognise(self.current_ids()),
            "Ctrl+Shift+R",
        )
        self.export_action = self._action(
            self.tr("Export…"), self.exports.choose, "Ctrl+E", "export"
        )
        self.export_action.setIcon(icon("SP_DialogSaveButton"))
        self.ocr_action = self._action(
            self.tr("Recognise text"),
            lambda: acquisition.recognise(self.current_ids()),
            "Ctrl+R",
            "ocr",
        )
        self.ocr_action.setIcon(icon("SP_MediaPlay"))
        self.ocr_all_action = self._action(
            self.tr("Recognise every document"), lambda: acquisition.recognise([], everything=True)
        )
        self.search_action = self._action(
            self.tr("Search"), review.focus_search, QKeySequence.StandardKey.Find, "search"
        )
        self.search_action.setIcon(icon("SP_FileDialogContentsView"))
        self.next_hit_action = self._action(
            self.tr("Next hit"), lambda: review.step_hit(1), QKeySequence.StandardKey.FindNext
        )
        self.previous_hit_action = self._action(
            self.tr("Previous hit"),
            lambda: review.step_hit(-1),
            QKeySequence.StandardKey.FindPrevious,
        )
        self.find_in_document_action = self._action(
            self.tr("Find in this document…"), review.find_in_document, "Ctrl+Shift+F"
        )
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(icon("SP_ArrowBack"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(icon("SP_ArrowForward"))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.new_collection_action = self._action(
            self.tr("New collection…"), library.new_collection, "Ctrl+Shift+N"
        )
        self.previous_action = self._action(
            self.tr("Previous page"), lambda: review.step_page(-1), "PgUp"
        )
        self.previous_action.setIcon(icon("SP_ArrowUp"))
        self.next_action = self._action(self.tr("Next page"), lambda: review.step_page(1), "PgDown")
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
        self.side_action = self._action(
            self.tr("Side panels"),
            lambda: self.side_tabs.setVisible(self.side_action.isChecked()),
            "F9",
            "side-panels",
        )
        self.side_action.setCheckable(True)
        self.side_action.setChecked(True)
        self.under_action = self._action(
            self.tr("Text under the page"),
            lambda: self.set_placement(UNDER if self.under_action.isChecked() else BESIDE),
            name="text-under",
        )
        self.under_action.setCheckable(True)
        self.under_action.setChecked(self.placement() == UNDER)
        self.quit_action = self._action(self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.unlock_action = self._action(
            self.tr("Unlock the vault…"), lambda: self.vault.unlock(), name="unlock-vault"
        )
        self.lock_action = self._action(
            self.tr("Lock the vault"), self.vault.lock, "Ctrl+L", "lock-vault"
        )
        self.create_vault_action = self._action(
            self.tr("Create the vault…"), lambda: self.vault.create(), name="create-vault"
        )
        self.classify_action = self._action(
            self.tr("Classify…"), lambda: self.vault.classify(self.chosen_ids()), name="classify"
        )
        self.split_action = self._action(
            self.tr("Split before this page"),
            lambda: review.split_before(self.page_number),
            name="split",
        )
        self.merge_action = self._action(
            self.tr("Merge the chosen documents"),
            lambda: review.merge(self.tree.selected_documents()),
            name="merge",
        )
        self.crop_action = self._action(
            self.tr("Crop this page"), lambda: review.start_crop(self.page_number), name="crop"
        )
        self.print_action = self._action(
            self.tr("Print…"), self.exports.ask_print, QKeySequence.StandardKey.Print, "print"
        )
        self.copy_action = self._action(
            self.tr("Internal copies…"), self.vault.ask_internal_copy, name="internal-copy"
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

    def update_actions(self) -> None:
        """Actions that need an open document are off without one, and say why."""
        opened = self.document is not None
        why = "" if opened else self.tr("Open a document in the library first")
        for action, tip in (
            (self.export_action, self.tr("Export the open document")),
            (self.ocr_action, self.tr("Recognise the text of the open document")),
            (self.ocr_options_action, self.tr("Recognise the text of the open document")),
            (self.copy_action, self.tr("Numbered internal copies of the open document")),
            (self.crop_action, self.tr("Crop the page shown to the part you draw")),
            (self.print_action, self.tr("Print the open document")),
        ):
            action.setEnabled(opened)
            action.setToolTip(tip if opened else why)
            action.setStatusTip(tip if opened else why)
        splittable = opened and self.page_number > 1
        self.split_action.setEnabled(splittable)
        self.split_action.setToolTip(
            self.tr("Cut the document before the page shown")
            if splittable
            else self.tr("Show a page after the first to split before it")
        )
        several = len(self.tree.selected_documents()) > 1
        self.merge_action.setEnabled(several)
        self.merge_action.setToolTip(
            self.tr("Join the chosen documents into the first")
            if several
            else self.tr("Choose two documents or more in the library (Ctrl+click)")
        )

    def show_record_sources(self, focused: str | None) -> None:
        """Mark on the page shown where the proposed record fields were read; a focused field
        read on another page opens that page first."""
        page = self.record.source_page(focused) if focused else None
        if page is not None and page != self.page_number and self.document is not None:
            self.pending_source = focused
            self.review.open_page(page)
            return
        self.viewer.show_sources(self.record.sources_on(self.page_number), focused)

    def _files_dropped_on_tree(self, paths: list[Path], collection: int | None) -> None:
        names = {c.id: c.name for c in self.tree.contents.collections}
        self.acquisition.ask_import(paths, names.get(collection) if collection else None)

    def chosen_ids(self) -> list[str]:
        """The documents chosen in the tree, else the open one."""
        return self.tree.selected_documents() or self.current_ids()

    def current_ids(self) -> list[str]:
        return [self.document.id] if self.document else []

    def _menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu(self.tr("&File"))
        files.addAction(self.import_action)
        files.addAction(self.import_folder_action)
        files.addAction(self.scan_action)
        files.addAction(self.set_aside_action)
        files.addAction(self.export_action)
        files.addAction(self.print_action)
        if has_samples():
            files.addAction(self.tr("Load the sample pages"), self.acquisition.load_samples)
        files.addSeparator()
        files.addAction(self.quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(self.new_collection_action)
        edit.addAction(self.search_action)
        edit.addAction(self.find_in_document_action)
        edit.addAction(self.next_hit_action)
        edit.addAction(self.previous_hit_action)
        document = bar.addMenu(self.tr("&Document"))
        document.addAction(self.ocr_action)
        document.addAction(self.ocr_options_action)
        document.addAction(self.ocr_all_action)
        document.addSeparator()
        document.addAction(self.crop_action)
        document.addAction(self.split_action)
        document.addAction(self.merge_action)
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
        view.addAction(self.side_action)
        view.addAction(self.under_action)
        view.addAction(self.library_dock.toggleViewAction())
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
        for action in (self.import_action, self.scan_action, self.ocr_action, self.export_action):
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
        vault.addSeparator()
        vault.addAction(self.classify_action)
        vault.addAction(self.copy_action)
        vault.addAction(self.tr("Register of internal copies"), self.vault.show_register)
        vault.addSeparator()
        vault.addAction(self.create_vault_action)
        vault.addAction(self.tr("Lock when idle after…"), self.vault.set_idle_minutes)

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

    def run_dialog(self, dialog: QDialog) -> int:
        """Show a dialog and wait for the person's answer."""
        return dialog.exec()

    def ask_password(self, name: str) -> str | None:
        """The password of a protected PDF file."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("A protected PDF file"),
            self.tr("“%1” is protected by a password. Password:").replace("%1", name),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def ask_number(self, title: str, label: str, value: float) -> float | None:
        number, ok = QInputDialog.getDouble(self, title, label, value, 0.5, 1440, 1)
        return number if ok else None

    def ask_passphrase(self, reason: str = "") -> str | None:
        dialog = PassphraseDialog(reason, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        passphrase = dialog.passphrase()
        dialog.field.clear()
        dialog.deleteLater()
        return passphrase if accepted and passphrase else None

    # --- failures ------------------------------------------------------------------------------

    def fail(
        self,
        title: str,
        retry: Callable[[], object] | None = None,
        offers: dict[str, Offer] | None = None,
    ) -> Callable[[BaseException], None]:
        """How a task tells of its failure. Work that met a locked vault (`retry` given) asks
        for the passphrase and, once the vault is open, runs `retry`; `offers` are the ways
        out the dialog offers for an error's code."""

        def report(error: BaseException) -> None:
            if isinstance(error, VaultLocked):
                self.vault.show_state()  # it may have been locked meanwhile
                if retry is not None:
                    self.vault.unlock(self.vault.secret_reason(), then=retry)
                    return
            if is_expected(error):
                code = error.code if isinstance(error, DigitizerError) else ""
                show_error(self, title, error, (offers or {}).get(code))
            else:
                task = self.sender()
                trace = task.error_trace if isinstance(task, Task) else ""
                self.crashes.report(error, trace)

        return report

    def show_failures(self, title: str, failures: list[tuple[str, str, str]]) -> QMessageBox:
        """What failed in a batch (where, code, the core's message), in the window's words."""
        return show_failures(self, title, failures)

    # --- language, about -----------------------------------------------------------------------

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
            self.acquisition.import_paths(paths)

    FINISH, CANCEL, KEEP = "finish", "cancel", "keep"

    def ask_close_during_work(self, count: int) -> str | None:
        """Closing while work runs: finish it first, cancel it, or keep it for the next start
        (None: stay open)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Work is still running"),
            self.tr("%1 job(s) are still running. What should happen to them?").replace(
                "%1", str(count)
            ),
            parent=self,
        )
        box.setObjectName("close-during-work")
        answers = {
            box.addButton(self.tr("Finish, then close"), QMessageBox.ButtonRole.AcceptRole): (
                self.FINISH
            ),
            box.addButton(self.tr("Stop the work"), QMessageBox.ButtonRole.DestructiveRole): (
                self.CANCEL
            ),
            box.addButton(
                self.tr("Keep it for the next start"), QMessageBox.ButtonRole.ActionRole
            ): self.KEEP,
        }
        box.addButton(self.tr("Stay open"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        return next((answer for button, answer in answers.items() if button is clicked), None)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        running = [task for task in self.runner.tasks if task.running]
        if running and not self._closing:
            choice = self.ask_close_during_work(len(running))
            if choice is None:
                event.ignore()
                return
            if choice == self.FINISH:
                event.ignore()
                self._closing = True
                self.statusBar().showMessage(self.tr("The window closes when the work is done"))
                for task in running:
                    task.finished.connect(self._close_when_done)
                return
            if choice == self.KEEP:
                kept = {ident for task in running if task.kind == "ocr" for ident in task.subject}
                settings().setValue(RESUME_SETTING, ",".join(sorted(kept)))
        self._close_now(event)

    def _close_when_done(self) -> None:
        if not any(task.running for task in self.runner.tasks):
            self.close()

    def _close_now(self, event: QtGui.QCloseEvent) -> None:
        if self.text.has_unsaved_edits() and self.ask_confirmation(
            self.tr("Unsaved correction"), self.tr("Save the correction of this page?")
        ):
            self.text.submit()
        self.runner.shutdown()
        self.station.lock()  # the key goes with the window
        self.vault.show_state()
        if self.deleted_something:
            try:
                self.station.purge_unused_objects()
            except Exception as error:  # the files stay; the next close tries again
                self.crashes.report(error)
        self.undo_stack.clear()
        self.crashes.uninstall()
        super().closeEvent(event)
