"""Background work leaves nothing behind once it is over: not its function, not its task and
not its result (a page image, a document's pages), however many the window starts in a day."""

from __future__ import annotations

import gc
import threading
import weakref

from pytestqt.qtbot import QtBot

from ui.tasks import Task, TaskProgress, TaskRunner, _Runnable

TASKS = 300


class _Result:
    """Something a task returns, to be watched through a weak reference."""


def test_a_runnable_that_has_run_holds_neither_its_task_nor_its_work(qtbot: QtBot) -> None:
    task = Task("Opening a page", "read")
    results: list[object] = []
    task.succeeded.connect(results.append)

    def work(progress: TaskProgress, cancel: threading.Event) -> _Result:
        return _Result()

    runnable = _Runnable(task, work)
    work_alive = weakref.ref(work)
    task_alive = weakref.ref(task)
    del work, task
    runnable.run()  # as a pool thread would; the binding may keep the wrapper afterwards
    gc.collect()
    assert work_alive() is None, "the finished runnable keeps its work"
    qtbot.waitUntil(lambda: len(results) == 1)
    results.clear()
    gc.collect()
    assert task_alive() is None, "the finished runnable keeps its task"


def test_hundreds_of_finished_tasks_keep_no_result_alive(qtbot: QtBot) -> None:
    runner = TaskRunner(readers=3)
    results: list[weakref.ref[_Result]] = []
    finished: list[None] = []

    def work(progress: TaskProgress, cancel: threading.Event) -> _Result:
        return _Result()

    def over(result: _Result) -> None:
        results.append(weakref.ref(result))
        finished.append(None)

    tasks = weakref.WeakSet(
        runner.run(work, title="Opening a page", kind="read", listed=False, on_success=over)
        for _ in range(TASKS)
    )
    qtbot.waitUntil(lambda: len(finished) == TASKS, timeout=60_000)
    assert runner.pool.waitForDone(10_000)
    qtbot.wait(50)  # let the pool's threads let go of their last runnable
    gc.collect()
    assert not runner.busy()
    alive = sum(ref() is not None for ref in results)
    assert alive == 0, f"{alive} of {TASKS} results are kept after their task was over"
    assert len(tasks) == 0, f"{len(tasks)} finished tasks are still alive"
