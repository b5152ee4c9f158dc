"""The jobs dock: every import, OCR, export and search task of this session, running or done,
each with its progress bar, a cancel button and what went wrong; and the status bar's progress
widget, shown only when a task has run for a moment."""

from __future__ import annotations

from ui.qt import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ui.tasks import Task, TaskRunner

SHOW_PROGRESS_AFTER_MS = 400
"""Short tasks finish without a progress bar flashing by."""


class JobsPanel(QWidget):
    """The list of tasks."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("jobs")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Job"), self.tr("Progress"), "", self.tr("Result")])
        self.tree.setRootIsDecorated(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.resizeSection(1, 220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.bars: dict[Task, QProgressBar] = {}
        self.cancels: dict[Task, QPushButton] = {}
        self.items: dict[Task, QTreeWidgetItem] = {}
        runner.task_started.connect(self.add)

    def add(self, task: Task) -> None:
        item = QTreeWidgetItem([task.title, "", "", self.tr("Running…")])
        self.tree.insertTopLevelItem(0, item)
        bar = QProgressBar()
        bar.setRange(0, 0)  # busy until the task says how much there is
        bar.setTextVisible(True)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("cancel")
        cancel.clicked.connect(task.cancel)
        cancel.clicked.connect(lambda: cancel.setEnabled(False))
        self.tree.setItemWidget(item, 1, bar)
        self.tree.setItemWidget(item, 2, cancel)
        self.bars[task], self.cancels[task], self.items[task] = bar, cancel, item
        task.progressed.connect(lambda done, total, _m: _show(bar, done, total))
        task.finished.connect(lambda: self._finished(task))

    def _finished(self, task: Task) -> None:
        item, bar, cancel = self.items[task], self.bars[task], self.cancels[task]
        cancel.setEnabled(False)
        bar.setRange(0, max(task.total, 1))
        if task.state == Task.FAILED:
            error = task.error
            message = getattr(error, "message", None) or str(error) or type(error).__name__
            item.setText(3, self.tr("Failed: %1").replace("%1", message))
            item.setToolTip(3, message)
        elif task.state == Task.CANCELLED:
            item.setText(3, self.tr("Cancelled"))
        else:
            bar.setValue(bar.maximum())
            item.setText(3, task.message or self.tr("Done"))
            item.setToolTip(3, task.message)

    def note(self, task: Task, text: str) -> None:
        """Say what a finished task did (e.g. '3 pages recognised, 1 failed')."""
        task.message = text
        if task in self.items and not task.running:
            self.items[task].setText(3, text)
            self.items[task].setToolTip(3, text)


def _show(bar: QProgressBar, done: int, total: int) -> None:
    if total > 0:
        bar.setRange(0, total)
        bar.setValue(min(done, total))


class StatusProgress(QWidget):
    """The status bar's progress: the newest running task, with a cancel button, shown only
    after it has run for `SHOW_PROGRESS_AFTER_MS`."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.task: Task | None = None
        self.cancel.clicked.connect(self._cancel)
        self.hide()
        runner.task_started.connect(self.follow)

    def follow(self, task: Task) -> None:
        self.task = task
        task.progressed.connect(lambda done, total, _m: self._progress(task, done, total))
        task.finished.connect(lambda: self._finished(task))
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, lambda: self._appear(task))
        self.bar.setRange(0, 0)

    def _appear(self, task: Task) -> None:
        if task is self.task and task.running:
            self.label.setText(task.title)
            self.cancel.setEnabled(True)
            self.show()

    def _progress(self, task: Task, done: int, total: int) -> None:
        if task is self.task:
            _show(self.bar, done, total)

    def _finished(self, task: Task) -> None:
        if task is self.task:
            self.hide()
            self.task = None

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel.setEnabled(False)
