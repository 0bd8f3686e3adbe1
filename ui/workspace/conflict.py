"""回避: before the first score the expert confirms no conflict of interest, or declares one."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from review_model.sheets.states import ConflictState

from ..text import tr


def grounds_text() -> str:
    """The grounds for withdrawing (DOMAIN.md), shown whenever the question is asked."""
    return tr(
        "You must withdraw (回避) if, in the last 3 years, you were employed by the applicant, were its director or "
        "controlled it; if you are a close relative of its legal representative; or if anything else could keep you "
        "from judging it fairly.")


class ConflictDialog(QDialog):
    def __init__(self, applicant_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflict of interest"))
        intro = QLabel(self.tr("Before you score {name}:").format(name=applicant_name))
        grounds = QLabel(grounds_text())
        grounds.setWordWrap(True)
        self.no_conflict = QRadioButton(self.tr("I have no conflict of interest with this applicant"))
        self.no_conflict.setObjectName("noConflict")
        self.conflict = QRadioButton(self.tr("I have a conflict of interest and withdraw from scoring it"))
        self.conflict.setObjectName("declareConflict")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("conflictReason")
        self.reason.setPlaceholderText(self.tr("Reason (required), e.g. employed there until 2024"))
        self.reason.setEnabled(False)
        self.conflict.toggled.connect(self.reason.setEnabled)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b91c1c;")
        layout = QVBoxLayout(self)
        for widget in (intro, grounds, self.no_conflict, self.conflict, self.reason, self.warning, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(480)

    def _accept(self) -> None:
        if not (self.no_conflict.isChecked() or self.conflict.isChecked()):
            self.warning.setText(self.tr("Choose one of the two answers."))
            return
        if self.conflict.isChecked() and not self.reason.toPlainText().strip():
            self.warning.setText(self.tr("Write the reason for withdrawing."))
            return
        self.accept()

    @property
    def declared(self) -> bool:
        return self.conflict.isChecked()

    @property
    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


class ConflictBanner(QFrame):
    """Shown above the rubric while the question is open, or after a conflict was declared."""

    answerRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBanner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Answer the conflict question…"))
        self.button.setObjectName("answerConflict")
        self.button.clicked.connect(self.answerRequested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)

    def show_state(self, state: ConflictState, reason: str) -> None:
        if state == ConflictState.UNCONFIRMED:
            self.setStyleSheet("#conflictBanner { background: #fef3c7; border: 1px solid #d97706; }")
            self.text.setText(self.tr("Confirm that you have no conflict of interest with this applicant before scoring."))
            self.button.show()
            self.show()
        elif state == ConflictState.DECLARED:
            self.setStyleSheet("#conflictBanner { background: #fee2e2; border: 1px solid #b91c1c; }")
            self.text.setText(self.tr("You withdrew from this applicant (conflict of interest): {reason}").format(reason=reason))
            self.button.hide()
            self.show()
        else:
            self.hide()
