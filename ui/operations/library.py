"""The library: reading it into the tree, collections, moving, renaming and deleting documents
(undoable), and the archival record."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from digitizer.errors import DigitizerError
from digitizer.model import Document
from ui.library_tree import LibraryContents, document_name
from ui.operations import Operation, Workflow
from ui.qt import QDialog
from ui.record_batch import BatchRecordDialog
from ui.tasks import Task, TaskProgress
from ui.undo import Change

R = TypeVar("R")
DocumentRecord = tuple[Document, dict[str, object]]
"""A document and its record as `Workstation.record` gives it."""


class LibraryWorkflow(Workflow):
    # --- reading ---------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> Task:
        station = self.station

        def read(_p: TaskProgress, _c: threading.Event) -> LibraryContents:
            return LibraryContents(
                station.documents(),
                station.collections(),
                station.recognised_pages(),
                station.vault_status().exists,
            )

        return self.run(
            Operation(read, title=self.tr("Reading the library"), kind="read", listed=False)
            .success(lambda contents: self._show(contents, select))
            .failure(self.window.fail(self.tr("Cannot read the library")))
        )

    def _show(self, contents: LibraryContents, select: str | None) -> None:
        window = self.window
        if contents.has_vault != window.vault.exists:
            window.vault.exists = contents.has_vault
            window.vault.show_state()
        current = window.document.id if window.document else None
        window.tree.show_contents(contents, keep=select or current)
        if select and (window.document is None or window.document.id != select):
            window.review.open_document(select)
        if window.document is not None and window.document.id not in window.tree.document_ids():
            window.review.clear_document()

    # --- changes, undoable -----------------------------------------------------------------

    def change(
        self,
        text: str,
        do: Callable[[], R],
        undo: Callable[[R], object],
        redo: Callable[[], R] | None = None,
        reopen: bool = False,
    ) -> bool:
        """Make a change now and push it on the undo stack."""
        window = self.window
        try:
            result = do()
        except Exception as error:
            window.fail(text)(error)
            return False
        state = {"result": result}

        def undo_step() -> None:
            undo(state["result"])

        def redo_step() -> None:
            state["result"] = (redo or do)()

        def after() -> None:
            self.refresh()
            if reopen and window.document is not None:
                window.review.reopen_document()

        window.undo_stack.push(Change(text, undo_step, redo_step, after, window.fail(text)))
        after()
        return True

    def new_collection(self) -> None:
        name = self.window.ask_text(self.tr("New collection"), self.tr("Name of the collection:"))
        if name is None:
            return
        station = self.station
        self.change(
            self.tr("New collection"),
            lambda: station.create_collection(name),
            station.delete_collection,
        )

    def rename(self, kind: str, ident: str) -> None:
        window, station = self.window, self.station
        contents = window.tree.contents
        if kind == "collection":
            collection = next((c for c in contents.collections if str(c.id) == ident), None)
            if collection is None:
                return
            name = window.ask_text(
                self.tr("Rename the collection"), self.tr("New name:"), collection.name
            )
            if name is None:
                return
            cid = collection.id
            self.change(
                self.tr("Rename the collection"),
                lambda: station.rename_collection(cid, name),
                lambda old: station.rename_collection(cid, old),
            )
            return
        document = next((d for d in contents.documents if d.id == ident), None)
        if document is None:
            return
        title = window.ask_text(
            self.tr("Rename the document"), self.tr("Title:"), document.metadata.title
        )
        if title is None:
            return
        old_title = document.metadata.title
        self.change(
            self.tr("Rename the document"),
            lambda: station.describe(ident, title=title),
            lambda _d: station.describe(ident, title=old_title),
            reopen=True,
        )

    def move_document(self, document_id: str) -> None:
        self.move_documents([document_id])

    def move_documents(self, document_ids: list[str], target: int | str | None = "") -> bool:
        """Move documents into a collection (None: out of every collection); asked when
        `target` is not given."""
        if not document_ids:
            return False
        collections = self.window.tree.contents.collections
        if target == "":
            none = self.tr("(no collection)")
            choice = self.window.ask_item(
                self.tr("Move to collection"),
                self.tr("Collection:"),
                [c.name for c in collections] + [none],
            )
            if choice is None:
                return False
            target = next((c.id for c in collections if c.name == choice), None)
        into = target if isinstance(target, int) else None
        station = self.station

        def move() -> list[tuple[str, tuple[int | None, int]]]:
            return [(ident, station.move_document(ident, into)) for ident in document_ids]

        def back(was: list[tuple[str, tuple[int | None, int]]]) -> None:
            for ident, place in reversed(was):
                station.move_document(ident, *place)

        title = (
            self.tr("Move the document")
            if len(document_ids) == 1
            else self.tr("Move %1 documents").replace("%1", str(len(document_ids)))
        )
        return self.change(title, move, back)

    def delete(self, kind: str, ident: str) -> None:
        window, station = self.window, self.station
        contents = window.tree.contents
        if kind == "collection":
            collection = next((c for c in contents.collections if str(c.id) == ident), None)
            if collection is None or not window.ask_confirmation(
                self.tr("Delete the collection"),
                self.tr("Delete the collection “%1”? Its documents stay in the library.").replace(
                    "%1", collection.name
                ),
            ):
                return
            cid = collection.id
            self.change(
                self.tr("Delete the collection"),
                lambda: station.delete_collection(cid),
                station.restore,
            )
            return
        document = next((d for d in contents.documents if d.id == ident), None)
        if document is None or not window.ask_confirmation(
            self.tr("Delete the document"),
            self.tr("Delete “%1” and its %2 page(s)? You can undo this until you close the window.")
            .replace("%1", document_name(document))
            .replace("%2", str(document.page_count)),
        ):
            return
        window.deleted_something = True
        self.change(
            self.tr("Delete the document"),
            lambda: station.delete_document(ident),
            station.restore,
        )

    def describe_many(self, document_ids: list[str], changes: dict[str, Any] | None = None) -> bool:
        """Fill in the same fields of many documents' records at once (undoable); the fields
        are asked when `changes` is not given. Fields left empty are not changed."""
        if not document_ids:
            return False
        if changes is None:
            dialog = BatchRecordDialog(len(document_ids), self.window)
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            changes = dialog.changes() if accepted else {}
        if not changes:
            return False
        station, fields = self.station, dict(changes)
        listed = {d.id: d for d in self.window.tree.contents.documents}
        before = {
            ident: {name: getattr(listed[ident].metadata, name) for name in fields}
            for ident in document_ids
            if ident in listed
        }

        def describe() -> list[str]:
            return [station.describe(ident, **fields).id for ident in document_ids]

        def back(_described: list[str]) -> None:
            for ident, old in before.items():
                station.describe(ident, **old)

        return self.change(
            self.tr("Describe %1 documents").replace("%1", str(len(document_ids))),
            describe,
            back,
            reopen=True,
        )

    # --- the record --------------------------------------------------------------------------

    def _show_if_open(self, result: DocumentRecord) -> None:
        """Show a document and record just read when that document is still the one open."""
        window = self.window
        document, record = result
        if window.document is not None and window.document.id == document.id:
            window.document = document
            window.record.show_document(document, record)

    def confirm_records(self, document_ids: list[str]) -> Task:
        """Confirm what was read from the pages in the records of many documents at once: the
        fields still proposed become confirmed; a person's value is left as it is."""
        station, window = self.station, self.window
        shown = window.document.id if window.document is not None else None

        def work(_p: TaskProgress, _c: threading.Event) -> tuple[int, int, DocumentRecord | None]:
            confirmed = skipped = 0
            opened: DocumentRecord | None = None
            for ident in document_ids:
                try:
                    document, record = station.describe_record(ident, confirm=[])
                except DigitizerError:
                    skipped += 1  # a secret document with the vault locked, say
                    continue
                confirmed += not record.get("proposed")
                opened = (document, record) if document.id == shown else opened
            return confirmed, skipped, opened

        def done(result: tuple[int, int, DocumentRecord | None]) -> None:
            confirmed, skipped, opened = result
            message = self.tr("Records confirmed: %1").replace("%1", str(confirmed))
            if skipped:
                message += " " + self.tr("(%1 could not be opened)").replace("%1", str(skipped))
            self.status().showMessage(message, 8000)
            if opened is not None:
                self._show_if_open(opened)
            self.refresh()

        return self.run(
            Operation(
                work, title=self.tr("Confirm the records"), kind="record", write=True, listed=False
            )
            .success(done)
            .failure(window.fail(self.tr("Cannot confirm the records")))
        )

    def save_record(self, document_id: str, changes: dict[str, Any]) -> Task:
        station, window = self.station, self.window

        def work(_p: TaskProgress, _c: threading.Event) -> DocumentRecord:
            return station.describe(document_id, **changes), station.record(document_id)

        def saved(result: DocumentRecord) -> None:
            self._show_if_open(result)
            self.status().showMessage(self.tr("Record saved"), 5000)
            self.refresh()

        return self.run(
            Operation(
                work, title=self.tr("Save the record"), kind="record", write=True, listed=False
            )
            .success(saved)
            .failure(window.fail(self.tr("Cannot save the record")))
        )

    def confirm_record(self, document_id: str, fields: list[str]) -> Task:
        """Confirm fields the workstation read from the pages ([]: all of them)."""
        station, window = self.station, self.window

        def work(_p: TaskProgress, _c: threading.Event) -> DocumentRecord:
            return station.describe_record(document_id, confirm=fields)

        def confirmed(result: DocumentRecord) -> None:
            self._show_if_open(result)
            self.status().showMessage(self.tr("Record confirmed"), 5000)

        return self.run(
            Operation(
                work, title=self.tr("Confirm the record"), kind="record", write=True, listed=False
            )
            .success(confirmed)
            .failure(window.fail(self.tr("Cannot confirm the record")))
        )
