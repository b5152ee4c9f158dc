<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>Errors</name>
    <message>
        <source>Wrong passphrase: the vault stays locked and nothing was changed. The attempt is written in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a secret document: unlock the vault first (Vault → Unlock the vault…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library has no vault yet. Create one on the command line: digitizer vault init.</source>
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
        <source>This machine is connected to a network, so secret documents stay shut. Unplug it or switch the network off; an isolated in-building LAN is declared on the command line: digitizer settings isolated-lan on --reason TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no RAM-backed folder (/dev/shm) to work on secret pages without writing them to disk.</source>
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
        <source>Reading the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the library</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans and PDFs (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
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
        <source>Search failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search “%1”</source>
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
        <source>Unlock the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot unlock the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vault is unlocked</source>
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
        <source>This work touches a secret document: type the vault&apos;s passphrase.</source>
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
</TS>
