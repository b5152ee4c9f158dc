"""Document exports from the word model: searchable PDF/A-2b, plain text, hOCR and ALTO.

Every exporter takes the same input: a sequence of `ExportPage` (original scan, its resolution,
its preparation and its OCR words) and a `DocumentInfo`.
"""

from digitizer.export.alto import alto_document, write_alto
from digitizer.export.hocr import hocr_document, write_hocr
from digitizer.export.model import DocumentInfo, ExportPage
from digitizer.export.pdfa import write_pdfa
from digitizer.export.text import document_text, page_text, write_text

__all__ = [
    "DocumentInfo",
    "ExportPage",
    "alto_document",
    "document_text",
    "hocr_document",
    "page_text",
    "write_alto",
    "write_hocr",
    "write_pdfa",
    "write_text",
]
