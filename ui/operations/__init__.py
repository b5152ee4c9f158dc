"""The window's work on the core, one module per domain: `library`, `acquisition`, `review`,
`export` and `vault` (after Anki's `aqt.operations`).

An `Operation[T]` is one call of the `Workstation` run on a worker with a result of type `T`;
`success` and `failure` say what the window does with it on the GUI thread. Each domain's
`Workflow` holds the operations of one part of the window's day and what it shows of their
results; `MainWindow` lays out the widgets and wires their signals to the workflows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from digitizer.service import Workstation
from ui.qt import QObject, QStatusBar
from ui.tasks import Task, TaskProgress, TaskRunner

if TYPE_CHECKING:
    from ui.main_window import MainWindow

T = TypeVar("T")
Failure = Callable[[BaseException], None]


class Operation(Generic[T]):
    """`work(progress, cancel) -> T` on a worker; its typed result on the GUI thread."""

    def __init__(
        self,
        work: Callable[[TaskProgress, threading.Event], T],
        *,
        title: str,
        kind: str,
        write: bool = False,
        listed: bool = True,
    ) -> None:
        self.work = work
        self.title = title
        self.kind = kind
        self.write = write
        self.listed = listed
        self._success: Callable[[T], None] | None = None
        self._failure: Failure | None = None

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._success = callback
        return self

    def failure(self, callback: Failure) -> Operation[T]:
        self._failure = callback
        return self

    def run_in_background(self, runner: TaskRunner) -> Task:
        return runner.run(
            self.work,
            title=self.title,
            kind=self.kind,
            write=self.write,
            listed=self.listed,
            on_success=self._success,
            on_failure=self._failure,
        )


class Workflow(QObject):
    """One domain of the window's work; it reads and changes what the window shows."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def station(self) -> Workstation:
        return self.window.station

    @property
    def runner(self) -> TaskRunner:
        return self.window.runner

    def status(self) -> QStatusBar:
        return self.window.statusBar()

    def run(self, operation: Operation[T]) -> Task:
        return operation.run_in_background(self.runner)
