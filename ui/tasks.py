"""Background work for the window: run a function on a worker thread and hear of it on the GUI
thread.

`TaskRunner.run` wraps the function in a QRunnable. The function gets a `Progress` and the
core's cancel event; what it reports, returns or raises comes back to the GUI thread as the
signals of a `Task` (a QObject living there), so no widget is ever touched from a worker.
Reads share one pool; writes to the library go through a pool of one thread, so they happen
in the order asked.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import TypeVar

from ui.qt import QObject, QRunnable, QThreadPool, Signal

T = TypeVar("T")
Work = Callable[["TaskProgress", threading.Event], object]


class Task(QObject):
    """One piece of background work as the GUI thread sees it."""

    progressed = Signal(int, int, str)  # done, total, message
    succeeded = Signal(object)  # the function's result
    failed = Signal(object)  # the exception it raised
    finished = Signal()  # after succeeded or failed
    # Raised on the worker thread; delivered to this object's slots on the GUI thread.
    _progress_from_worker = Signal(int, int, str)
    _result_from_worker = Signal(object, object, str)  # result, error, traceback

    RUNNING, DONE, FAILED, CANCELLED = "running", "done", "failed", "cancelled"

    def __init__(self, title: str, kind: str) -> None:
        super().__init__()
        self.title = title
        self.kind = kind
        self.cancel_event = threading.Event()
        self.state = Task.RUNNING
        self.done = 0
        self.total = 0
        self.message = ""
        self.result: object = None
        self.error: BaseException | None = None
        self.error_trace = ""
        self.started = time.monotonic()
        self.subject: tuple[str, ...] = ()
        """The documents the work is about, when it is about some (what a later start resumes)."""
        # Called once the task is over, after `finished`. A plain attribute, not a connection: a
        # slot that holds the task would make a cycle through Qt that Python never collects,
        # keeping every result (pages, images) alive for the rest of the day.
        self.when_over: Callable[[Task], None] | None = None
        self._progress_from_worker.connect(self._on_progress)
        self._result_from_worker.connect(self._on_result)

    @property
    def running(self) -> bool:
        return self.state == Task.RUNNING

    def cancel(self) -> None:
        """Ask the work to stop; the core checks between units (pages, files)."""
        self.cancel_event.set()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.done, self.total, self.message = done, total, message
        self.progressed.emit(done, total, message)

    def _on_result(self, result: object, error: object, trace: str) -> None:
        if isinstance(error, BaseException):
            self.error, self.error_trace, self.state = error, trace, Task.FAILED
            self.failed.emit(error)
        else:
            self.result = result
            self.state = Task.CANCELLED if self.cancel_event.is_set() else Task.DONE
            self.succeeded.emit(result)
        self.finished.emit()
        if self.when_over is not None:
            self.when_over(self)


class TaskProgress:
    """The core's progress protocol, passed on to a task's GUI-thread signal."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self._total = 0
        self._done = 0

    def start(self, total: int, message: str = "") -> None:
        self._total, self._done = total, 0
        self._task._progress_from_worker.emit(0, total, message)

    def advance(self, steps: int = 1, message: str = "") -> None:
        self._done += steps
        self._task._progress_from_worker.emit(self._done, self._total, message)

    def finish(self) -> None:
        self._task._progress_from_worker.emit(self._total, self._total, "")


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Work) -> None:
        super().__init__()
        self.task = task
        self.work = work

    def run(self) -> None:
        task, work = self.task, self.work
        # The binding now and then keeps a finished runnable's wrapper alive after the pool has
        # deleted it: holding nothing, it cannot keep the task, its work or its result with it.
        del self.task, self.work
        try:
            result = work(TaskProgress(task), task.cancel_event)
        except BaseException as error:  # every failure goes back to the window, none is lost
            task._result_from_worker.emit(None, error, traceback.format_exc())
        else:
            task._result_from_worker.emit(result, None, "")


class TaskRunner(QObject):
    """Starts tasks and remembers them, for the jobs dock."""

    task_started = Signal(object)  # Task

    def __init__(self, readers: int = 3) -> None:
        super().__init__()
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(readers)
        self.writes = QThreadPool()
        self.writes.setMaxThreadCount(1)
        self.tasks: list[Task] = []
        self._unlisted: list[Task] = []

    def run(
        self,
        work: Callable[[TaskProgress, threading.Event], T],
        *,
        title: str,
        kind: str,
        write: bool = False,
        listed: bool = True,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """Run `work(progress, cancel)` on a worker; `on_success(result)` or
        `on_failure(error)` then run on the GUI thread. `listed` tasks show in the jobs dock."""
        task = Task(title, kind)
        if on_success is not None:
            task.succeeded.connect(on_success)
        if on_failure is not None:
            task.failed.connect(on_failure)
        if listed:
            self.tasks.append(task)
            self.task_started.emit(task)
        else:
            # Unlisted tasks are forgotten once done; keep them alive until then.
            self._unlisted.append(task)
            task.when_over = self._unlisted.remove
        (self.writes if write else self.pool).start(_Runnable(task, work))
        return task

    def busy(self) -> bool:
        return any(task.running for task in self.tasks + self._unlisted)

    def shutdown(self, msecs: int = 60000) -> bool:
        """Cancel what runs, wait for the workers, and silence every task: results still on
        their way find no window to go to. True when every worker finished in time."""
        for task in self.tasks + self._unlisted:
            task.cancel()
        done = self.pool.waitForDone(msecs) and self.writes.waitForDone(msecs)
        for task in self.tasks + self._unlisted:
            task.blockSignals(True)
        return done
