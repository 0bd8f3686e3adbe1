"""What the viewer shows instead of (or above) pages: a password form for a protected material,
a sentence when a material cannot be shown, a warning strip for a damaged file. None of them
takes the keyboard focus by itself: the expert may be typing a score elsewhere."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class PasswordForm(QWidget):
    passwordEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("viewerPassword")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Password"))
        self.open_button = QPushButton(self.tr("Open"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.hide()
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.open_button)
        box = QWidget()
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(self.prompt)
        inner.addLayout(row)
        inner.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.open_button.clicked.connect(self._submit)
        self.field.returnPressed.connect(self._submit)

    def ask(self, prompt: str) -> None:
        self.prompt.setText(prompt)
        self.field.clear()
        self.error.hide()

    def refuse(self, message: str) -> None:
        self.field.clear()
        self.error.setText(message)
        self.error.show()

    def _submit(self) -> None:
        password = self.field.text()
        self.field.clear()  # the password lives only in the worker's memory from here on
        if password:
            self.passwordEntered.emit(password)


class Placeholder(QLabel):
    """A sentence in place of the pages: not submitted, no pages, unreadable, nothing chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(40)
        self.setStyleSheet("QLabel { background: #6b7280; color: white; font-size: 14px; }")


class WarningStrip(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(6)
        self.setStyleSheet("QLabel { background: #fef3c7; color: #92400e; border-bottom: 1px solid #f59e0b; }")
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class UprightOffer(QWidget):
    """A strip above a scanned page that its OCR found sideways or upside down, with one button
    that turns the view upright (the PDF is never changed)."""

    turnRequested = Signal(int)  # degrees clockwise

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uprightOffer")
        self.setStyleSheet("#uprightOffer { background: #e0f2fe; border-bottom: 1px solid #38bdf8; }"
                           "QLabel { color: #075985; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Turn upright"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click never takes the focus from a score field
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.turn = 0
        self.button.clicked.connect(lambda: self.turnRequested.emit(self.turn))
        self.hide()

    def offer(self, turn: int) -> None:
        """Offer turning the page `turn` degrees clockwise; 0 hides the strip."""
        self.turn = turn
        if turn == 180:
            self.label.setText(self.tr("This scanned page is shown upside down."))
        elif turn:
            self.label.setText(self.tr("This scanned page is shown sideways."))
        self.setVisible(bool(turn))
