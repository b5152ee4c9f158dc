"""Document exports from the word model: searchable PDF/A-2b, plain text, hOCR and ALTO, and the
publishing formats (EPUB, QR-labelled PDF, label sheets, archival packages).

Every exporter takes the same input: a sequence of `ExportPage` (original scan, its resolution,
its preparation and its OCR words) and a `DocumentInfo`. Import the module of the format you
need (`digitizer.export.pdfa` …); this package itself loads nothing heavy, so the command line
starts fast.
"""
