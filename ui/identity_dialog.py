"""First run: create this workspace's signing identity (name, role, where the key is kept)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from review_model.errors import Problem
from review_model.home import Home
from review_model.identity import IdentityInfo, create_identity
from review_model.keys import keyring_backend_name, secure_keyring_available

from .labels import ROLES, label
from .messages import describe


class IdentityDialog(QDialog):
    def __init__(self, home: Home, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._home = home
        self.created: IdentityInfo | None = None
        self.setWindowTitle(self.tr("Create your signing identity"))
        self.keyring_ok = secure_keyring_available()
        intro = QLabel(self.tr(
            "Your score sheets are signed with a key that only this computer holds. "
            "Create it once; then export your public identity file and give it to the bureau."))
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Your full name, as on the panel list"))
        self.role = QComboBox()
        for code in ("expert", "chair", "bureau"):
            self.role.addItem(label(ROLES, code), code)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        if self.keyring_ok:
            where = QLabel(self.tr("The private key will be kept in the system keyring ({backend}).").format(
                backend=keyring_backend_name()))
        else:
            where = QLabel(self.tr(
                "This computer has no secure system keyring. Your private key will be kept in a file "
                "protected by a passphrase; you will type it each time you sign."))
            form.addRow(self.tr("Passphrase"), self.passphrase)
            form.addRow(self.tr("Passphrase again"), self.passphrase_again)
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create identity"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _create(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Enter your name."))
            return
        passphrase = None
        if not self.keyring_ok:
            if len(self.passphrase.text()) < 8:
                QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a passphrase of at least 8 characters."))
                return
            if self.passphrase.text() != self.passphrase_again.text():
                QMessageBox.warning(self, self.windowTitle(), self.tr("The two passphrases differ. Type them again."))
                return
            passphrase = self.passphrase.text()
        try:
            self.created = create_identity(self._home, self.name.text(), self.role.currentData(), passphrase=passphrase)
        except Problem as problem:
            QMessageBox.warning(self, self.windowTitle(), describe(problem))
            return
        self.accept()
