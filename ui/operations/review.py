"""Review: opening a document and its pages, turning, reordering and deleting pages, correcting
a page's text, and searching the library (hits opened on the page, next and previous hit)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from digitizer.correction import CorrectionResult
from digitizer.errors import DigitizerError
from digitizer.model import Document, Page
from digitizer.page_view import PageView
from digitizer.searching import PageHit, SearchOutcome
from ocr.geometry import Box
from ui.library_tree import classification_label, document_name
from ui.operations import Operation, Workflow
from ui.qt import QImage, QModelIndex, QRectF
from ui.tasks import Task, TaskProgress
from ui.thumbnails import page_qimage, thumbnail

DocumentRead = tuple[Document, list[Page], str]


class ReviewWorkflow(Workflow):
    # --- documents -----------------------------------------------------------------------------

    def open_document(self, document_id: str, page: int | None = None) -> Task | None:
        """Show a document at `page` (default: the first; for the open one: where it is)."""
        window = self.window
        if window.document is not None and window.document.id == document_id:
            if page is not None and page != window.page_number:
                self.open_page(page)
            return None
        listed = next((d for d in window.tree.contents.documents if d.id == document_id), None)
        locked = not self.station.vault_unlocked
        if listed is not None and listed.classification.is_secret and locked:
            return self._unlock_to_open(listed, page)
        page = page or 1
        window._document_request += 1
        request = window._document_request
        station = self.station

        def read(_p: TaskProgress, _c: threading.Event) -> tuple[DocumentRead, dict[str, object]]:
            # The record with the document, in one read off the window's thread: a document
            # merged or deleted meanwhile is this task's failure, not the window's.
            return station.document(document_id), station.record(document_id)

        return self.run(
            Operation(read, title=self.tr("Opening a document"), kind="read", listed=False)
            .success(lambda result: self._show_document(request, result, page))
            .failure(lambda error: self._document_failed(request, document_id, page, error))
        )

    def _document_failed(
        self, request: int, document_id: str, page: int, error: BaseException
    ) -> None:
        if request != self.window._document_request:
            return  # another document was asked for since
        title = self.tr("Cannot open the document")
        self.window.fail(title, lambda: self.open_document(document_id, page))(error)

    def _unlock_to_open(self, document: Document, page: int | None) -> Task | None:
        """A secret document chosen while the vault is locked: unlock first, then open it."""
        window = self.window
        reason = (
            self.tr("“%1” is classified %2. Type the vault's passphrase to open it.")
            .replace("%1", document_name(document))
            .replace("%2", classification_label(document.classification))
        )
        task = window.vault.unlock(reason, then=lambda: self.open_document(document.id, page))
        if task is None:  # not unlocked: the tree goes back to what is shown
            self.status().showMessage(
                self.tr("Secret documents open only while the vault is unlocked"), 8000
            )
            if window.document is not None:
                window.tree.select_document(window.document.id)
            else:
                window.tree.setCurrentIndex(QModelIndex())
        return task

    def _show_document(
        self, request: int, result: tuple[DocumentRead, dict[str, object]], page: int
    ) -> None:
        window = self.window
        if request != window._document_request:
            return  # another document was asked for since
        (document, pages, collection), record = result
        window.document, window.pages, window.collection_name = document, pages, collection
        window.page_number = 0
        window.record.show_document(document, record)
        self.show_banner(document)
        window.thumbnails.show_pages([p.number for p in pages])
        self.load_thumbnails(document.id)
        if pages:
            self.open_page(min(max(page, 1), len(pages)))
        window.tree.select_document(document.id)
        window.update_actions()

    def reopen_document(self) -> None:
        window = self.window
        if window.document is not None:
            document_id, page = window.document.id, window.page_number
            window.document = None
            self.open_document(document_id, page or 1)

    def show_banner(self, document: Document | None) -> None:
        """A secret document carries its level above the page while it is open."""
        banner = self.window.banner
        if document is None or not document.classification.is_secret:
            banner.hide()
            return
        banner.setText(
            self.tr(
                "%1 — a secret document, kept in the vault; it closes when the vault is locked"
            ).replace("%1", classification_label(document.classification).upper())
        )
        banner.show()

    def load_thumbnails(self, document_id: str) -> Task:
        station, window = self.station, self.window

        def make(_p: TaskProgress, _c: threading.Event) -> list[tuple[int, QImage]]:
            # A secret document's pages are opened from the vault into memory, one at a time.
            return [
                (number, thumbnail(image)) for number, image in station.page_images(document_id)
            ]

        def show(result: list[tuple[int, QImage]]) -> None:
            if window.document is not None and window.document.id == document_id:
                for number, image in result:
                    window.thumbnails.set_thumbnail(number, image)

        return self.run(
            Operation(make, title=self.tr("Thumbnails"), kind="read", listed=False)
            .success(show)
            .failure(lambda _e: None)
        )

    def clear_document(self) -> None:
        window = self.window
        window.document, window.pages, window.view, window.page_number = None, [], None, 0
        window._page_request += 1  # what is still being read is not shown
        window._document_request += 1
        window.thumbnails.clear()
        window.viewer.clear_page()
        window.text.show_text(None, False)
        window.record.show_document(None)
        self.show_banner(None)
        window.page_label.setText("")
        window.update_actions()

    # --- pages ---------------------------------------------------------------------------------

    def open_page(self, number: int, hits: Sequence[Box] = ()) -> Task | None:
        window = self.window
        if window.document is None:
            return None
        if hits:
            window.pending_hits[number] = hits
        window._page_request += 1
        request = window._page_request
        station, document_id = self.station, window.document.id
        window.page_number = number
        window.update_actions()
        window.thumbnails.select_page(number)

        def read(_p: TaskProgress, _c: threading.Event) -> tuple[PageView, QImage]:
            view = station.page_view(document_id, number)
            # In the pixel format the screen draws, so the GUI thread need not convert it.
            image = page_qimage(view.image)
            return view, image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)

        return self.run(
            Operation(read, title=self.tr("Opening a page"), kind="read", listed=False)
            .success(lambda result: self._show_page(request, result))
            .failure(lambda error: self._page_failed(request, number, error))
        )

    def _page_failed(self, request: int, number: int, error: BaseException) -> None:
        if request != self.window._page_request:
            return  # no longer asked for (the vault was locked and the document closed, say)
        self.window.fail(self.tr("Cannot open the page"), lambda: self.open_page(number))(error)

    def _show_page(self, request: int, result: tuple[PageView, QImage]) -> None:
        window = self.window
        if request != window._page_request:
            return
        view, image = result
        window.view = view
        words = list(view.text.words()) if view.text else []
        window.viewer.show_page(image, view.size, words)
        focused, window.pending_source = window.pending_source, None
        window.show_record_sources(focused)
        window.text.show_text(view.text, view.corrected)
        hits = window.pending_hits.pop(view.page.number, ())
        if hits:
            window.viewer.show_hits(hits)
        total = len(window.pages)
        window.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(view.page.number)).replace("%2", str(total))
        )

    def step_page(self, step: int) -> None:
        window = self.window
        if window.document is None or not window.pages:
            return
        number = min(max(window.page_number + step, 1), len(window.pages))
        if number != window.page_number:
            self.open_page(number)

    def word_clicked(self, index: int) -> None:
        self.window.text.select_word(index)
        self.window.viewer.select_word(index)

    def reorder_pages(self, order: list[int]) -> None:
        window = self.window
        if window.document is None:
            return
        station, document_id = self.station, window.document.id
        window.library.change(
            self.tr("Reorder pages"),
            lambda: station.reorder_pages(document_id, order),
            lambda back: station.reorder_pages(document_id, back),
            reopen=True,
        )

    def rotate_page(self, number: int, turns: int) -> None:
        window = self.window
        if window.document is None:
            return
        station, document_id = self.station, window.document.id
        window.deleted_something = True
        window.library.change(
            self.tr("Turn page %1").replace("%1", str(number)),
            lambda: station.rotate_page(document_id, number, turns),
            station.restore_page,
            reopen=True,
        )

    def delete_page(self, number: int) -> None:
        window = self.window
        if window.document is None or not window.ask_confirmation(
            self.tr("Delete the page"),
            self.tr("Delete page %1? You can undo this until you close the window.").replace(
                "%1", str(number)
            ),
        ):
            return
        station, document_id = self.station, window.document.id
        window.deleted_something = True
        window.library.change(
            self.tr("Delete page %1").replace("%1", str(number)),
            lambda: station.delete_page(document_id, number),
            station.restore,
            reopen=True,
        )

    # --- cutting, joining, cropping ------------------------------------------------------

    def split_before(self, number: int) -> bool:
        """Cut the open document before page `number`: that page and the rest become a new
        document (undo joins them again)."""
        window = self.window
        if window.document is None or number < 2:
            return False
        station, document_id = self.station, window.document.id
        return window.library.change(
            self.tr("Split before page %1").replace("%1", str(number)),
            lambda: station.split_document(document_id, number),
            lambda new_id: station.merge_documents(document_id, [new_id]),
            reopen=True,
        )

    def merge(self, document_ids: Sequence[str]) -> Task | None:
        """Join the chosen documents into the first of them, in the library's order."""
        window = self.window
        order = window.tree.document_ids()
        ids = sorted(
            set(document_ids), key=lambda ident: order.index(ident) if ident in order else 0
        )
        if len(ids) < 2 or not window.ask_confirmation(
            self.tr("Merge documents"),
            self.tr(
                "Join the pages of the %1 chosen documents, in order, into the first of them? "
                "The others are then gone from the library."
            ).replace("%1", str(len(ids))),
        ):
            return None
        station, target, others = self.station, ids[0], ids[1:]

        def work(_p: TaskProgress, _c: threading.Event) -> int:
            return station.merge_documents(target, others)

        def merged(pages: int) -> None:
            self.status().showMessage(self.tr("Merged: %1 page(s)").replace("%1", str(pages)), 5000)
            if window.document is not None and window.document.id in ids:
                window.document = None
            window.library.refresh(select=target)

        return self.run(
            Operation(
                work,
                title=self.tr("Merge %1 documents").replace("%1", str(len(ids))),
                kind="edit",
                write=True,
            )
            .success(merged)
            .failure(window.fail(self.tr("Cannot merge the documents")))
        )

    def start_crop(self, number: int) -> None:
        """Show the page and let the person draw the part to keep."""
        window = self.window
        if window.document is None:
            return
        if number != window.page_number:
            self.open_page(number)
        window.viewer.start_crop()
        self.status().showMessage(
            self.tr("Draw the part of the page to keep; the original stays in the library"), 10000
        )

    def crop(self, region: QRectF) -> bool:
        """Crop the open page to `region` (in the shown page's frame) as a derived image."""
        window = self.window
        if window.document is None or window.view is None:
            return False
        page = window.view.page
        frame_width, frame_height = window.view.size
        sx, sy = page.width / frame_width, page.height / frame_height
        box = (
            max(0, round(region.left() * sx)),
            max(0, round(region.top() * sy)),
            min(page.width, round(region.right() * sx)),
            min(page.height, round(region.bottom() * sy)),
        )
        station, document_id, number = self.station, window.document.id, page.number
        window.deleted_something = True
        return window.library.change(
            self.tr("Crop page %1").replace("%1", str(number)),
            lambda: station.crop_page(document_id, number, box),
            station.restore_page,
            reopen=True,
        )

    # --- corrections -----------------------------------------------------------------------

    def save_correction(self, text: str) -> Task | None:
        window = self.window
        if window.document is None or window.view is None:
            return None
        station, document_id = self.station, window.document.id
        number = window.view.page.number

        def work(_p: TaskProgress, _c: threading.Event) -> CorrectionResult:
            return station.correct_page(document_id, number, text)

        def saved(result: CorrectionResult) -> None:
            self.status().showMessage(
                self.tr("Correction saved: %1 word(s) changed").replace(
                    "%1", str(result.changed_words)
                ),
                5000,
            )
            current = window.document is not None and window.document.id == document_id
            if current and window.page_number == number:
                self.open_page(number)

        return self.run(
            Operation(
                work,
                title=self.tr("Save the correction of page %1").replace("%1", str(number)),
                kind="correction",
                write=True,
                listed=False,
            )
            .success(saved)
            .failure(window.fail(self.tr("Cannot save the correction")))
        )

    # --- search ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        window = self.window
        window.show_side(window.search)
        window.search.field.setFocus()
        window.search.field.selectAll()

    def find_in_document(self) -> Task | None:
        """Search the open document only: its first hit opens zoomed in, F3 goes on."""
        window = self.window
        if window.document is None:
            return None
        query = window.ask_text(
            self.tr("Find in this document"), self.tr("Words to find:"), window.search.field.text()
        )
        if query is None:
            return None
        window.search.field.setText(query)
        task = self.run_search(query, {})
        self.within = window.document.id
        task.succeeded.connect(lambda _outcome: self.step_hit(1))
        return task

    def step_hit(self, step: int) -> PageHit | None:
        """Open the next (or previous) hit: of the open document after "find in this
        document", of every result otherwise."""
        return self.window.search.step_hit(step, self.within)

    within: str | None = None
    """The document "find in this document" keeps F3 in; None: every result."""

    def search_asked(self, query: str, filters: dict[str, str | int]) -> Task:
        """A search typed in the search panel: over the whole library."""
        self.within = None
        return self.run_search(query, filters)

    def run_search(self, query: str, filters: dict[str, str | int]) -> Task:
        window, station = self.window, self.station
        window.last_search = (query, filters)

        def work(_p: TaskProgress, _c: threading.Event) -> SearchOutcome:
            return station.search(query, limit=50, filters=filters or None, group_by_document=True)

        def failed(error: BaseException) -> None:
            if isinstance(error, DigitizerError):
                window.search.show_error(error.message)
            else:
                window.fail(self.tr("Search failed"))(error)

        window.show_side(window.search)
        return self.run(
            Operation(
                work,
                title=self.tr("Search “%1”").replace("%1", query),
                kind="search",
                listed=False,
            )
            .success(window.search.show_outcome)
            .failure(failed)
        )

    def open_hit(self, hit: PageHit) -> None:
        window = self.window
        window.pending_hits[hit.page] = hit.boxes
        if window.document is not None and window.document.id == hit.document_id:
            self.open_page(hit.page, hit.boxes)
        else:
            self.open_document(hit.document_id, hit.page)
