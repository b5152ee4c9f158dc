<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AcquisitionWorkflow</name>
    <message>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans and PDFs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the folder “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 document(s), %2 page(s) imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library holds no documents yet. Load the sample pages (a resolution, an official letter and two pages of a Party-history book) and recognise them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise every document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognition failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page(s) recognised, %2 already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some pages were not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the scanners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page(s) scanned, %2 document(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanning failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-aside pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages taken out of scanned stacks because they looked blank. Put one back if it holds something after all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the page back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no document)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — from “%2”, after page %3 (ink %4 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page is back as page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a set-aside page back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot put the page back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchRecordDialog</name>
    <message>
        <source>Describe %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you fill in here goes into the record of each of the %1 chosen documents. Fields left empty keep what each document has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Classification</name>
    <message>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ultra secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret document %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message>
        <source>Classify %1 document(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why (needed to lower a level): a decision, a stamp, a date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Wrong passphrase: the vault stays locked and nothing was changed. The attempt is written in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sealed part of this document was altered or damaged, so it is not read. Restore the library from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault cannot be used: its key file is damaged, or the passphrase is too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Your library is safe: nothing already saved is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details were written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file or folder is not there any more: it was moved, renamed or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: you have no permission to open it, or it points to nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty (0 bytes): nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This kind of file cannot be imported: only scans (PNG, JPEG, TIFF, BMP, WebP) and PDF files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s contents do not match its name&apos;s ending: it may be damaged or misnamed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file is cut short: scan or copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is damaged and cannot be read: scan or copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image is too large to open safely. Scan it at a lower resolution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file is damaged and cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF file is protected by a password: type the password to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password does not open the PDF file: type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library is not where it was expected: check the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library was made by a newer version of Digitizer: update the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library cannot be used now: another program may be holding it, or the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is no longer in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several documents match: choose one in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program Digitizer needs is not installed on this machine. Ask whoever looks after the machine to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text recognition of a language is not installed on this machine. Ask whoever looks after the machine to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of a page could not be read; the other pages went on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some pages have no recognised text yet: recognise the document first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search cannot be read: check the quotation marks and brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The work was stopped; start it again to finish what is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is secret (Mật, Tối mật or Tuyệt mật) and may not leave as a public file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no collection by that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link for the QR codes must be a web address (http or https) with one {id} in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table of contents cannot be read, or names pages the book does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The labels are too many for one sheet with QR codes of 2 cm: choose fewer per sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scanner was found: check that it is switched on and connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper is jammed in the scanner: clear it, then scan the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner&apos;s feeder is empty: put the pages in and scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner&apos;s cover is open: close it, then scan the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner is busy with other work: wait, then scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner does not offer that source, colour mode, resolution or page size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner stopped with an error: check it and scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That page is no longer set aside, or cannot go back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library has no vault yet: create it in the Vault menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library already has a vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a secret document: unlock the vault first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine is connected to a network, so secret documents stay shut. Unplug the network cable or switch the network off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something tried to connect to a network; Digitizer never does, so it was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A level can be lowered only with a reason, and never by a stamp found on the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no memory-backed folder (/dev/shm) to work on secret pages without writing them to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This input cannot be used: check that it is the file or folder you meant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s contents cannot be read: it may be damaged or made by an unusual program. The other files went on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has more pages than one import takes: split it into smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full: nothing half-written was kept. Free some space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer refused the operation (no permission, say). The details say what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program is changing the library: try again when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A collection by that name already exists: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index could not be read: it is being rebuilt from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This export format is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That folder is already watched by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The process reading a page stopped (the computer ran short of memory, say). Recognise the document again to finish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recognition farm cannot be reached: the pages not done wait for the next run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A computer of the recognition farm reads with other settings or language data than this one: no page was sent. Bring its installation in line first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault&apos;s key file is missing or belongs to another vault, so the secret documents cannot be opened. Put back the key file from its copy; do not create a new vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This setting guards the secret documents: it is changed only where the window offers it, with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess: use a few unrelated words.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Searchable PDF/A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hOCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALTO XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EPUB e-book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF/A with a QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box and folder labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archival package (BagIt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dossier catalogue (XLSX and CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission package (E-ARK SIP)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole collection “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On an added back page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In every footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A title page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the page images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the EPUB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let pages without OCR text through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportWorkflow</name>
    <message>
        <source>Export %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page(s) sent to the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out as page furniture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Footnotes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paragraphs joined across pages:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the e-book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line(s) left out as running headers, footers or page numbers; %2 footnote(s); %3 figure(s); %4 paragraph(s) joined across pages. The details list each one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Facet</name>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each folder is one document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new document at each separator sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank pages are set aside; you can put them back later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only for password-protected PDF files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Separator sheets decide where documents begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in a collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 documents to a collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe %1 documents together…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 documents into one…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the records read from the pages of %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryWorkflow</name>
    <message>
        <source>Reading the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the collection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no collection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the collection “%1”? Its documents stay in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” and its %2 page(s)? You can undo this until you close the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot confirm the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records confirmed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 could not be opened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot confirm the records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Digitizer — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise every document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word boxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the sample pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Digitizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digitizer %1 — a workstation for digitizing Vietnamese archival documents.
Library: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the correction of this page?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text under the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a document in the library first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise the text of the open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A protected PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is protected by a password. Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-aside pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise text with options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the vault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal copies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbered internal copies of the open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register of internal copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock when idle after…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split before this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the chosen documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop the page shown to the part you draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the open document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut the document before the page shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a page after the first to split before it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the chosen documents into the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose two documents or more in the library (Ctrl+click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 job(s) are still running. What should happen to them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish, then close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it for the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window closes when the work is done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>separated by ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set when the document is imported, or proposed by the stamp detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm all read from the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from the page (%1 sure); Enter confirms it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewVaultDialog</name>
    <message>
        <source>Create the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret documents (Mật and above) are kept encrypted in the vault. Choose a passphrase of at least %1 characters; without it nobody, not even you, can open them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OcrDialog</name>
    <message>
        <source>Recognise text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove dark borders around the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put back lost tone marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Languages on the pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the office&apos;s recognition farm (tcp://HOST:PORT), to read the pages on its computers. Secret documents never leave this computer: leave the box empty to recognise them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret documents are kept encrypted in the vault. Type its passphrase to work on them; the key stays in memory until the vault is locked or left idle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewWorkflow</name>
    <message>
        <source>Opening a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is classified %2. Type the vault&apos;s passphrase to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret documents open only while the vault is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — a secret document, kept in the vault; it closes when the vault is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening a page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorder pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page %1? You can undo this until you close the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction saved: %1 word(s) changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the correction of page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in this document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words to find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split before page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join the pages of the %1 chosen documents, in order, into the first of them? The others are then gone from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: %1 page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot merge the documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the part of the page to keep; the original stays in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanDialog</name>
    <message>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document feeder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document feeder, both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatbed (one page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black and white</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new document at each separator sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scanner was found: check that it is switched on and connected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the text, with or without diacritics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret documents are searched only while the vault is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the words are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 page(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 page(s) found in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextReview</name>
    <message>
        <source>This page has not been recognised yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words recognised with less confidence are marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next doubtful word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doubtful below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recognised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 doubtful word(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 word(s) whose tone marks were restored, in blue with a dotted underline: point at one to see what recognition read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognition read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <source>Page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn upside down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split the document before this page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultSwitch</name>
    <message>
        <source>Vault unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret documents can be opened. Click to lock the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vault locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret documents are shut. Click to unlock the vault.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultWorkflow</name>
    <message>
        <source>This work touches a secret document: type the vault&apos;s passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot unlock the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault was locked after %1 minute(s) without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library has a vault already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is created and unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the vault when idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the vault after this many minutes without use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault locks after %1 minute(s) without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 document(s) classified %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 copies written, register entry %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal copies of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of copies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For whom, for what:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. %1 — %2: %3 copy(ies), %4 — %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register of internal copies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
