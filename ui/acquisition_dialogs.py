"""The dialogs of acquisition: importing files and folders with the command line's choices,
scanning from a SANE device, and the options of one recognition run."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from digitizer.model import Classification
from ui.library_tree import classification_label
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NO_COLLECTION = ""
LANGUAGE_CHOICES = (
    ("vie", "Tiếng Việt"),
    ("vie+eng", "Tiếng Việt và tiếng Anh"),
    ("eng", "English"),
)
RESOLUTIONS = (150, 200, 300, 400, 600)


@dataclass(frozen=True)
class ImportRequest:
    """What the import dialog asks for, in the terms of `ImportOptions` and `StackOptions`."""

    paths: tuple[Path, ...]
    collection: str | None = None
    one_document: bool = False
    split_on_separators: bool = False
    classification: Classification | None = None
    password: str | None = None


@dataclass(frozen=True)
class ScanRequest:
    device: str | None
    source: str | None  # a `ScanSource` value; None: the device's default
    mode: str  # a `ColourMode` value
    resolution: int
    split_on_separators: bool
    collection: str | None = None


@dataclass(frozen=True)
class OcrRequest:
    languages: str = "vie"
    remove_borders: bool = False
    restore: bool = True
    scheduler: str = ""  # an OCR farm's scheduler (tcp://HOST:PORT); empty: this computer
    document_ids: tuple[str, ...] = field(default=())


class _Dialog(QDialog):
    def buttons(self, accept: str) -> QDialogButtonBox:
        """Go and Cancel in the window's own words (Qt ships no Vietnamese for its buttons)."""
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("accept")
        self.accept_button = ok
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons


def _collections_box(parent: QWidget, collections: list[str], chosen: str | None) -> QComboBox:
    box = QComboBox(parent)
    box.setEditable(True)  # a new name makes a new collection
    box.addItem("", NO_COLLECTION)
    for name in collections:
        box.addItem(name, name)
    if chosen:
        box.setCurrentText(chosen)
    return box


class ImportDialog(_Dialog):
    """Files and folders to import, and how: one document per folder, split at separator
    sheets, into a collection, at a classification, with a PDF password."""

    def __init__(
        self,
        paths: list[Path],
        collections: list[str],
        collection: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import-dialog")
        self.setWindowTitle(self.tr("Import scans"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.sources = QListWidget(self)
        self.sources.setObjectName("import-sources")
        row = QHBoxLayout()
        add_files = QPushButton(self.tr("Add files…"), self)
        add_folder = QPushButton(self.tr("Add a folder…"), self)
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addStretch(1)
        layout.addWidget(QLabel(self.tr("What to import"), self))
        layout.addWidget(self.sources)
        layout.addLayout(row)

        form = QFormLayout()
        self.collection = _collections_box(self, collections, collection)
        self.one_document = QCheckBox(self.tr("Each folder is one document"), self)
        self.separators = QCheckBox(self.tr("Start a new document at each separator sheet"), self)
        self.blank_note = QLabel(
            self.tr("Blank pages are set aside; you can put them back later."), self
        )
        self.blank_note.setWordWrap(True)
        self.classification = QComboBox(self)
        for level in Classification:
            self.classification.addItem(classification_label(level), level.value)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("only for password-protected PDF files"))
        form.addRow(self.tr("Collection"), self.collection)
        form.addRow("", self.one_document)
        form.addRow("", self.separators)
        form.addRow("", self.blank_note)
        form.addRow(self.tr("Classification"), self.classification)
        form.addRow(self.tr("PDF password"), self.password)
        layout.addLayout(form)
        self.separators.toggled.connect(self._separators_toggled)
        self._separators_toggled(False)
        layout.addWidget(self.buttons(self.tr("Import")))
        for path in paths:
            self.add_path(path)

    def _separators_toggled(self, on: bool) -> None:
        self.blank_note.setVisible(on)
        self.one_document.setEnabled(not on)
        self.one_document.setToolTip(
            self.tr("Separator sheets decide where documents begin") if on else ""
        )

    def add_path(self, path: Path) -> None:
        self.sources.addItem(str(path))

    def paths(self) -> list[Path]:
        return [Path(self.sources.item(i).text()) for i in range(self.sources.count())]

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add files"), str(Path.home()))
        for name in files:
            self.add_path(Path(name))

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder"))
        if folder:
            self.add_path(Path(folder))

    def request(self) -> ImportRequest:
        level = Classification(self.classification.currentData())
        name = self.collection.currentText().strip()
        return ImportRequest(
            paths=tuple(self.paths()),
            collection=name or None,
            one_document=self.one_document.isChecked() and not self.separators.isChecked(),
            split_on_separators=self.separators.isChecked(),
            classification=None if level is Classification.PUBLIC else level,
            password=self.password.text() or None,
        )


class ScanDialog(_Dialog):
    """The scanner and how to scan: source, colour mode, resolution, separator sheets."""

    def __init__(
        self,
        devices: list[tuple[str, str]],
        collections: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scan-dialog")
        self.setWindowTitle(self.tr("Scan"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.device = QComboBox(self)
        for name, label in devices:
            self.device.addItem(label, name)
        self.source = QComboBox(self)
        for value, label in (
            ("", self.tr("The scanner's default")),
            ("adf", self.tr("Document feeder")),
            ("duplex", self.tr("Document feeder, both sides")),
            ("flatbed", self.tr("Flatbed (one page)")),
        ):
            self.source.addItem(label, value)
        self.mode = QComboBox(self)
        for value, label in (
            ("gray", self.tr("Greyscale")),
            ("color", self.tr("Colour")),
            ("lineart", self.tr("Black and white")),
        ):
            self.mode.addItem(label, value)
        self.resolution = QComboBox(self)
        for dpi in RESOLUTIONS:
            self.resolution.addItem(f"{dpi} dpi", dpi)
        self.resolution.setCurrentIndex(RESOLUTIONS.index(300))
        self.separators = QCheckBox(self.tr("Start a new document at each separator sheet"), self)
        self.separators.setChecked(True)
        self.collection = _collections_box(self, collections, None)
        form.addRow(self.tr("Scanner"), self.device)
        form.addRow(self.tr("Paper source"), self.source)
        form.addRow(self.tr("Colour"), self.mode)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow("", self.separators)
        form.addRow(self.tr("Collection"), self.collection)
        layout.addLayout(form)
        if not devices:
            none = QLabel(
                self.tr("No scanner was found: check that it is switched on and connected."),
                self,
            )
            none.setWordWrap(True)
            layout.addWidget(none)
        buttons = self.buttons(self.tr("Scan"))
        self.accept_button.setEnabled(bool(devices))
        layout.addWidget(buttons)

    def request(self) -> ScanRequest:
        name = self.collection.currentText().strip()
        return ScanRequest(
            device=self.device.currentData() or None,
            source=self.source.currentData() or None,
            mode=str(self.mode.currentData()),
            resolution=int(self.resolution.currentData()),
            split_on_separators=self.separators.isChecked(),
            collection=name or None,
        )


class OcrDialog(_Dialog):
    """The options of one recognition run."""

    def __init__(self, what: str, parent: QWidget | None = None, scheduler: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("ocr-dialog")
        self.setWindowTitle(self.tr("Recognise text"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(what, self))
        form = QFormLayout()
        self.languages = QComboBox(self)
        for value, label in LANGUAGE_CHOICES:
            self.languages.addItem(label, value)
        self.borders = QCheckBox(self.tr("Remove dark borders around the page"), self)
        self.restore = QCheckBox(self.tr("Put back lost tone marks"), self)
        self.restore.setChecked(True)
        form.addRow(self.tr("Languages on the pages"), self.languages)
        form.addRow("", self.borders)
        form.addRow("", self.restore)
        self.scheduler = QLineEdit(scheduler, self)
        self.scheduler.setObjectName("ocr-scheduler")
        self.scheduler.setPlaceholderText(self.tr("this computer"))
        self.scheduler.setToolTip(
            self.tr(
                "The address of the office's recognition farm (tcp://HOST:PORT), to read the "
                "pages on its computers. Secret documents never leave this computer: leave the "
                "box empty to recognise them."
            )
        )
        form.addRow(self.tr("Read on"), self.scheduler)
        layout.addLayout(form)
        layout.addWidget(self.buttons(self.tr("Recognise")))

    def request(self) -> OcrRequest:
        return OcrRequest(
            languages=str(self.languages.currentData()),
            remove_borders=self.borders.isChecked(),
            restore=self.restore.isChecked(),
            scheduler=self.scheduler.text().strip(),
        )
