"""The export dialog: every format the core offers for the current document (or its collection),
with the options that format reads, and where to write it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from digitizer.export.names import FORMATS, PUBLISH_FORMATS, QR_PLACEMENTS
from ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SUFFIXES = {
    "pdf": ".pdf",
    "txt": ".txt",
    "hocr": ".hocr",
    "alto": ".xml",
    "epub": ".epub",
    "qr-pdf": ".pdf",
    "labels": ".pdf",
    "package": ".zip",
    "catalogue": ".xlsx",
    "sip": ".zip",
}


def format_label(fmt: str) -> str:
    labels = {
        "pdf": QCoreApplication.translate("Export", "Searchable PDF/A"),
        "txt": QCoreApplication.translate("Export", "Plain text"),
        "hocr": QCoreApplication.translate("Export", "hOCR"),
        "alto": QCoreApplication.translate("Export", "ALTO XML"),
        "epub": QCoreApplication.translate("Export", "EPUB e-book"),
        "qr-pdf": QCoreApplication.translate("Export", "PDF/A with a QR code"),
        "labels": QCoreApplication.translate("Export", "Box and folder labels"),
        "package": QCoreApplication.translate("Export", "Archival package (BagIt)"),
        "catalogue": QCoreApplication.translate("Export", "Dossier catalogue (XLSX and CSV)"),
        "sip": QCoreApplication.translate("Export", "Submission package (E-ARK SIP)"),
    }
    return labels[fmt]


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    out: Path
    whole_collection: bool = False
    qr_placement: str = QR_PLACEMENTS[0]
    cover: str = "image"
    with_images: bool = False
    with_epub: bool = False
    allow_unrecognised: bool = False

    @property
    def is_publishing(self) -> bool:
        return self.fmt in PUBLISH_FORMATS


class ExportDialog(QDialog):
    def __init__(
        self, document_name: str, collection: str, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export “%1”").replace("%1", document_name))
        self.setMinimumWidth(520)
        self.document_name = document_name
        self.folder = folder
        self.format = QComboBox(self)
        self.format.setObjectName("export-format")
        for fmt in FORMATS + PUBLISH_FORMATS:
            self.format.addItem(format_label(fmt), fmt)
        self.path = QLineEdit(self)
        self.path.setObjectName("export-path")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.whole_collection = QCheckBox(
            self.tr("The whole collection “%1”").replace("%1", collection), self
        )
        self.whole_collection.setEnabled(bool(collection))
        self.qr_placement = QComboBox(self)
        for placement, label in zip(
            QR_PLACEMENTS,
            (self.tr("On the cover"), self.tr("On an added back page"), self.tr("In every footer")),
            strict=True,
        ):
            self.qr_placement.addItem(label, placement)
        self.cover = QComboBox(self)
        self.cover.addItem(self.tr("The first page"), "image")
        self.cover.addItem(self.tr("A title page"), "title")
        self.with_images = QCheckBox(self.tr("Add the page images"), self)
        self.with_epub = QCheckBox(self.tr("Add the EPUB"), self)
        self.allow_unrecognised = QCheckBox(self.tr("Let pages without OCR text through"), self)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Format"), self.format)
        self.form.addRow(self.tr("Save as"), where)
        self.form.addRow("", self.whole_collection)
        self.form.addRow(self.tr("QR code"), self.qr_placement)
        self.form.addRow(self.tr("Cover"), self.cover)
        self.form.addRow("", self.with_images)
        self.form.addRow("", self.with_epub)
        self.form.addRow("", self.allow_unrecognised)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        name = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.document_name)[:60]
        self.path.setText(str(self.folder / f"{name or 'document'}{SUFFIXES[fmt]}"))
        self.form.setRowVisible(self.qr_placement, fmt == "qr-pdf")
        self.form.setRowVisible(self.cover, fmt == "epub")
        self.form.setRowVisible(self.with_images, fmt == "epub")
        self.form.setRowVisible(self.with_epub, fmt == "package")
        self.form.setRowVisible(self.whole_collection, fmt in ("epub", "package", "labels"))

    def _browse(self) -> None:
        fmt = self.chosen_format()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), f"*{SUFFIXES[fmt]}"
        )
        if path:
            self.path.setText(path)

    def request(self) -> ExportRequest:
        fmt = self.chosen_format()
        return ExportRequest(
            fmt=fmt,
            out=Path(self.path.text()).expanduser(),
            whole_collection=self.whole_collection.isChecked()
            and fmt in ("epub", "package", "labels"),
            qr_placement=str(self.qr_placement.currentData()),
            cover=str(self.cover.currentData()),
            with_images=self.with_images.isChecked(),
            with_epub=self.with_epub.isChecked(),
            allow_unrecognised=self.allow_unrecognised.isChecked(),
        )
