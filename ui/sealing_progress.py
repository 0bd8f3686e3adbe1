"""The start of a workspace made before encryption at rest: its one-time encryption shown as it
runs, and the kept copies it had to set aside (review_model/store/sealing.py) said at every start."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from review_model.home import Home

from .messages import describe
from .text import tr


class SealingProgress:
    """`progress(done, total)` for Home(): Home encrypts an old workspace on the GUI thread before any
    window exists (the passphrase prompt comes first and must be modal), so a progress dialog appears
    with the first report and the events it needs to paint are handled at each one. It cannot be
    cancelled, nor needs to be: killed at any moment, the next start carries on (sealing.py)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self.dialog: QProgressDialog | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.dialog is None:
            self.dialog = QProgressDialog(tr(
                "Encrypting this workspace's files, once after the upgrade. This can take a few minutes; "
                "if it is interrupted, it carries on at the next start."), "", 0, 100, self._parent)
            self.dialog.setWindowTitle(tr("ReviewDesk"))
            self.dialog.setCancelButton(None)
            self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.show()
        self.dialog.setValue(min(100, int(100 * done / max(total, 1))))
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def say_quarantined(parent: QWidget | None, home: Home) -> int:
    """One warning per kept copy the sealing set aside; the number said."""
    found = home.quarantined()
    for problem in found:
        QMessageBox.warning(parent, tr("ReviewDesk"), describe(problem))
    return len(found)
