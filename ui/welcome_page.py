"""Shown when the workspace holds no round yet: what to do next."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from review_model.identity import IdentityInfo


class WelcomePage(QWidget):
    openPackage = Signal()
    exportIdentity = Signal()
    createIdentity = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open a review package…"))
        self.open_button.clicked.connect(self.openPackage)
        self.export_button = QPushButton(self.tr("Export my public identity…"))
        self.export_button.clicked.connect(self.exportIdentity)
        self.identity_button = QPushButton(self.tr("Create my signing identity…"))
        self.identity_button.clicked.connect(self.createIdentity)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        # Centred between stretches rather than by an alignment flag: a layout item given an
        # alignment takes the label's one-line size hint, and a wrapped text was cut after its
        # first lines (the fingerprint never showed at 1366×768).
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.body, 10)
        row.addStretch(1)
        layout.addLayout(row)
        for widget in (self.identity_button, self.open_button, self.export_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.body.setMaximumWidth(560)

    def show_state(self, identity: IdentityInfo | None) -> None:
        self.title.setText(self.tr("Welcome to ReviewDesk"))
        if identity is None:
            self.body.setText(self.tr("First create your signing identity. Then export your public identity "
                                      "file and give it to the bureau, which enrols you in the round."))
        else:
            self.body.setText(self.tr(
                "No review round in this workspace yet. Open the package the bureau gave you, or drag the "
                ".rvpkg file into this window.\n\nYour fingerprint: {fingerprint}").format(fingerprint=identity.fingerprint))
        self.identity_button.setVisible(identity is None)
        self.open_button.setVisible(identity is not None)
        self.export_button.setVisible(identity is not None)
