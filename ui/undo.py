"""Undoable library changes for the window's undo stack (Ctrl+Z).

The window makes the change first (so a failure is reported before anything is pushed), then
pushes a `Change` that knows how to take it back and make it again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.qt import QUndoCommand


class Change(QUndoCommand):
    def __init__(
        self,
        text: str,
        undo: Callable[[], Any],
        redo: Callable[[], Any],
        after: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(text)
        self._undo, self._redo, self._after, self._on_error = undo, redo, after, on_error
        self._done_already = True  # the first redo is the change the window just made

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Callable[[], Any]) -> None:
        try:
            step()
        except Exception as error:  # shown to the user; the stack stays usable
            self._on_error(error)
        self._after()
