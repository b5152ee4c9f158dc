"""The vault session of one workstation: the key while the vault is unlocked, where a passphrase
comes from, the idle lock, and the hooks by which every operation opens, reveals and audits
secret documents and keeps them out of the public index."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from digitizer.model import Classification, Document, Metadata, PageTextRecord

if TYPE_CHECKING:
    from digitizer.acquire.importer import ImportOptions, ImportReport
    from digitizer.library import Library
    from digitizer.pipeline.ocr import OcrReport
    from digitizer.searching import SearchOutcome
    from digitizer.security.access import VaultStatus
    from digitizer.security.audit import AuditEntry, AuditReport
    from digitizer.security.classify import ClassificationChange
    from digitizer.security.register import RegisterEntry
    from digitizer.security.vault import VaultKey
    from digitizer.workstation.opening import OpenLibrary


class VaultKeeper:
    """The vault as one workstation holds it."""

    def __init__(self, open_library: OpenLibrary) -> None:
        self._open = open_library
        self.key: VaultKey | None = None
        self.passphrase_source: Callable[[], str] | None = None
        """Asked for the vault's passphrase when a secret document is touched while the vault
        is locked (the command line reads a file or prompts; the window shows a dialog). None:
        the vault stays locked and such work is refused."""
        self.idle_seconds = 600.0
        """The window locks the vault after this long without secret work (`lock_if_idle`)."""
        self.clock: Callable[[], float] = time.monotonic
        """Seconds on a clock that only goes forward; tests put their own."""
        self.used = 0.0

    @property
    def unlocked(self) -> bool:
        return self.key is not None

    def init(self, passphrase: str, *, cost: int | None = None) -> None:
        """Create the library's vault with `passphrase`; it stays unlocked."""
        from digitizer.security import access

        with self._open(create=True, writable=True) as library:
            key = access.create_vault(library, passphrase, **({"cost": cost} if cost else {}))
        self.keep(key)

    def unlock(self, passphrase: str) -> None:
        """Unlock the vault (WrongPassphrase, logged, when it does not open)."""
        from digitizer.security import access

        with self._open(writable=True) as library:
            self.keep(access.unlock(library, passphrase))

    def lock(self) -> None:
        """Forget the vault's key."""
        if self.key is not None:
            self.key.forget()
        self.key = None

    def lock_if_idle(self) -> bool:
        """Lock the vault when no secret work happened for `idle_seconds`."""
        idle = self.clock() - self.used >= self.idle_seconds
        if self.key is not None and idle:
            self.lock()
            return True
        return False

    def keep(self, key: VaultKey) -> None:
        self.lock()
        self.key = key
        self.used = self.clock()

    def status(self) -> VaultStatus:
        from digitizer.security.access import vault_status

        with self._open() as library:
            return vault_status(library, self.unlocked)

    def classify(self, reference: str, level: Classification, reason: str) -> ClassificationChange:
        """A person sets a document's level (lowering needs a reason); into or out of Mật and
        above, its data moves into or out of the vault."""
        from digitizer.security import access
        from digitizer.security.classify import classify

        with self._open(writable=True) as library:
            document = library.document(reference)
            if document.classification.is_secret or level.is_secret:
                access.open_vault(library, f"classify document {document.id}")
            return classify(library, document.id, level, reason=reason)

    def copy_register(self, reference: str | None = None) -> list[RegisterEntry]:
        from digitizer.security.register import register_entries

        with self._open() as library:
            document_id = library.document(reference).id if reference else None
            return register_entries(library, document_id)

    def audit_log(self, limit: int | None = None) -> list[AuditEntry]:
        from digitizer.security.audit import entries

        with self._open() as library:
            return entries(library, limit=limit)

    def audit_verify(self) -> AuditReport:
        from digitizer.security.access import verify_audit

        with self._open() as library:
            return verify_audit(library, self.key)

    # --- the hooks every operation on the library goes through ----------------------------------

    def attach(self, library: Library) -> None:
        from digitizer.security.session import VaultSession

        library.sealer = VaultSession(library, self.key, self._key_for)

    def _key_for(self, library: Library) -> VaultKey:
        """The key, unlocking with the passphrase source when there is none yet."""
        if self.key is None:
            from digitizer.errors import VaultLocked
            from digitizer.security import access

            if self.passphrase_source is None:
                raise VaultLocked(
                    "This touches a secret document: unlock the vault first (on the command "
                    "line, give --passphrase-file PATH or answer the passphrase prompt)."
                )
            self.keep(access.unlock(library, self.passphrase_source()))
        assert self.key is not None
        self.used = self.clock()
        return self.key

    def open_secret(self, library: Library, document: Document, action: str) -> Document:
        """A secret document, opened (network check, key, audit entry) and revealed; other
        documents as they are."""
        if not document.classification.is_secret:
            return document
        from digitizer.security import access
        from digitizer.security.records import reveal

        access.open_vault(library, f"{action} secret document {document.id}")
        access.note_opened(library, document.id, action)
        return reveal(library, document)

    def revealed(self, library: Library, documents: list[Document]) -> list[Document]:
        """Secret documents' titles, when the vault is unlocked and the machine offline."""
        if self.key is None or not any(d.classification.is_secret for d in documents):
            return documents
        from digitizer.errors import NetworkConnected
        from digitizer.security import access
        from digitizer.security.records import reveal_in_list

        try:
            access.open_vault(library, "show secret documents")
        except NetworkConnected:
            return documents
        return [reveal_in_list(library, d) if d.classification.is_secret else d for d in documents]

    @staticmethod
    def describe_secret(library: Library, document: Document, metadata: Metadata) -> Document:
        from digitizer.security.records import reveal, update_metadata

        update_metadata(library, document.id, metadata)
        return reveal(library, library.document(document.id))

    @staticmethod
    def secret_texts(
        library: Library, document: Document, texts: dict[int, PageTextRecord]
    ) -> dict[int, PageTextRecord]:
        if not document.classification.is_secret or not texts:
            return texts
        from digitizer.security import access
        from digitizer.security.records import page_text

        access.open_vault(library, f"read secret document {document.id}")
        return {
            number: replace(record, text=record.text or page_text(library, record.words_sha256))
            for number, record in texts.items()
        }

    @staticmethod
    def before_import(library: Library, options: ImportOptions | None) -> None:
        level = options.classification if options else None
        if level is not None and level.is_secret:
            from digitizer.security import access

            access.open_vault(library, "import secret documents")

    @staticmethod
    def after_import(library: Library, report: ImportReport, options: ImportOptions | None) -> None:
        level = options.classification if options else None
        if level is None or not level.is_secret:
            return
        from digitizer.security import audit

        for item in report.imported:
            audit.record(
                library,
                audit.Event.IMPORTED,
                document_id=item.document_id,
                details={"level": level.value, "pages": item.pages},
            )

    @staticmethod
    def before_ocr(library: Library, ids: Sequence[str] | None) -> None:
        documents = library.documents() if ids is None else [library.document(i) for i in ids]
        secret = [document.id for document in documents if document.classification.is_secret]
        if secret:
            from digitizer.security import access

            access.open_vault(library, "recognise secret documents")
            for document_id in secret:
                access.note_opened(library, document_id, "ocr")

    def after_ocr(self, library: Library, report: OcrReport) -> None:
        """Seal at once the documents a stamp just classified, if the passphrase can be had;
        otherwise they wait (guarded already) for the next unlock."""
        if not any(change.pending for change in report.classified):
            return
        if self.key is None and self.passphrase_source is None:
            return
        from digitizer.errors import DigitizerError
        from digitizer.security import access
        from digitizer.security.records import is_sealed

        try:
            access.open_vault(library, "seal the documents found stamped")
        except DigitizerError:
            return  # locked, refused or offline-only: they stay pending, and say so
        report.classified = [
            replace(change, sealed=True, pending=False)
            if change.pending and is_sealed(library, change.document_id)
            else change
            for change in report.classified
        ]

    def search_sealed(self, library: Library) -> bool:
        """Secret documents are searched only while the vault is unlocked."""
        if self.key is None:
            return False
        from digitizer.security import access

        access.open_vault(library, "search secret documents")
        return True

    @staticmethod
    def after_search(library: Library, outcome: SearchOutcome, sealed: bool) -> None:
        if not sealed:
            return
        from digitizer.security import audit
        from digitizer.security.records import is_sealed

        found = sorted(
            {hit.document_id for hit in outcome.hits if is_sealed(library, hit.document_id)}
        )
        if found:
            audit.record(library, audit.Event.SEARCHED, details={"documents": found})
