"""Editing the library from the window: collections, documents and pages moved, removed (with
undo), turned, cut, merged and cropped; a page's text corrected."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from digitizer.correction import CorrectionResult
    from digitizer.library.editing import Removed
    from digitizer.workstation.opening import OpenLibrary
    from digitizer.workstation.vault import VaultKeeper


class LibraryEditor:
    def __init__(self, open_library: OpenLibrary, vault: VaultKeeper) -> None:
        self._open = open_library
        self._vault = vault

    def correct_page(self, reference: str, number: int, text: str) -> CorrectionResult:
        """Save `text` as a person's correction of a page (the OCR result is kept); search
        finds the corrected words at once and exports use them."""
        from digitizer.correction import correct_page

        with self._open(writable=True) as library:
            document = self._vault.open_secret(library, library.document(reference), "correct")
            return correct_page(library, document.id, number, text)

    def create_collection(self, name: str) -> int:
        from digitizer.library import editing

        with self._open(create=True, writable=True) as library:
            return editing.create_collection(library, name)

    def rename_collection(self, collection_id: int, name: str) -> str:
        """Rename a collection; returns the old name."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.rename_collection(library, collection_id, name)

    def delete_collection(self, collection_id: int) -> Removed:
        """Remove a collection (its documents stay, in no collection); `restore` undoes it."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.delete_collection(library, collection_id)

    def move_document(
        self, reference: str, collection_id: int | None, position: int | None = None
    ) -> tuple[int | None, int]:
        """Put a document in a collection (None: none); returns where it was."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            document = library.document(reference)
            return editing.move_document(library, document.id, collection_id, position)

    def delete_document(self, reference: str) -> Removed:
        """Remove a document (and its search entries); `restore` undoes it."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.delete_document(library, library.document(reference).id)

    def restore(self, removed: Removed) -> None:
        """Undo a delete of a collection, a document or a page."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            editing.restore(library, removed)

    def reorder_pages(self, reference: str, order: Sequence[int]) -> list[int]:
        """Put a document's pages in `order` (current numbers); returns the order back."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.reorder_pages(library, library.document(reference).id, order)

    def delete_page(self, reference: str, number: int) -> Removed:
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.delete_page(library, library.document(reference).id, number)

    def rotate_page(self, reference: str, number: int, quarter_turns: int) -> Removed:
        """Turn a page clockwise by quarter turns; `restore_page` undoes it."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            document = self._vault.open_secret(library, library.document(reference), "turn a page")
            return editing.rotate_page(library, document.id, number, quarter_turns)

    def restore_page(self, removed: Removed) -> None:
        from digitizer.library import editing

        with self._open(writable=True) as library:
            editing.restore_page(library, removed)

    def split_document(self, reference: str, at_page: int) -> str:
        """Cut a document before `at_page`; the rest becomes a new document (returned)."""
        from digitizer.library.restructure import split_document

        with self._open(writable=True) as library:
            return split_document(library, library.document(reference).id, at_page)

    def merge_documents(self, reference: str, others: Sequence[str]) -> int:
        """Append the pages of `others` to a document; returns its page count."""
        from digitizer.library.restructure import merge_documents

        with self._open(writable=True) as library:
            ids = [library.document(ref).id for ref in others]
            return merge_documents(library, library.document(reference).id, ids)

    def crop_page(self, reference: str, number: int, box: tuple[int, int, int, int]) -> Removed:
        """Crop a page to a derived image (undo with `restore_page`)."""
        from digitizer.library.restructure import crop_page

        with self._open(writable=True) as library:
            return crop_page(library, library.document(reference).id, number, box)

    def purge_unused_objects(self) -> int:
        """Reclaim the files of deleted documents and pages (no undo after this)."""
        from digitizer.library import editing

        with self._open(writable=True) as library:
            return editing.purge_unused_objects(library)
