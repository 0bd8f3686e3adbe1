"""The status bar's OCR piece: how far the scans are read, and a button to pause and resume it.

Reading runs `ocr_pending` in the background (ui/tasks.py) while the OCR worker process does the
work. Pausing cancels it at once (the OCR worker is stopped mid-page; that page is read again
later) and every page read so far stays in the index, committed page by page; resuming starts
it again where it stopped. A pause is not remembered: the next start of the app reads on.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from .tasks import BackgroundTask


class ScanStatus(QWidget):
    started = Signal(object)  # the BackgroundTask now reading (the window stops it on closing)
    finished = Signal()  # reading ended: all read, paused, or failed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.toggle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.button)
        self.home = None
        self.task: BackgroundTask | None = None
        self.paused = False
        self._restart = False  # resumed while the paused reading was still stopping
        self._show_state()
        self.hide()

    def start(self, home) -> BackgroundTask | None:
        """Read every scan of `home` not read yet (nothing while paused or already reading)."""
        from review_model.dossier.indexing import ocr_pending  # loaded when the scans are first read

        self.home = home
        if self.paused or self.task is not None:
            return self.task
        task = BackgroundTask(lambda report: ocr_pending(home, report, stop=task.cancelled), self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._ended)
        task.failed.connect(self._ended)
        self.task = task
        self._show_state()
        task.start()
        self.started.emit(task)
        return task

    def pause(self) -> None:
        if self.paused:
            return
        self.paused, self._restart = True, False
        if self.task is not None:
            self.task.cancel()
        self._show_state()

    def resume(self) -> None:
        if not self.paused:
            return
        self.paused = False
        self._show_state()
        if self.task is not None:  # still stopping: start again once it has
            self._restart = True
        elif self.home is not None:
            self.start(self.home)

    def toggle(self) -> None:
        self.resume() if self.paused else self.pause()

    def _progressed(self, done: int, total: int) -> None:
        if self.paused:
            return  # the last page's report can come after the pause: the bar keeps what it showed
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.setVisible(total > 0)

    def _ended(self, _result: object) -> None:
        self.task = None
        if self._restart and self.home is not None:
            self._restart = False
            self.start(self.home)
            return
        if not self.paused:
            self.hide()
        self.finished.emit()

    def _show_state(self) -> None:
        if self.paused:
            self.bar.setFormat(self.tr("Scans paused %v/%m"))
            self.button.setText(self.tr("Resume"))
            self.button.setToolTip(self.tr("Go on reading the scanned pages"))
        else:
            self.bar.setFormat(self.tr("Reading scans %v/%m"))
            self.button.setText(self.tr("Pause"))
            self.button.setToolTip(self.tr("Pause reading the scanned pages (what is read stays searchable)"))
