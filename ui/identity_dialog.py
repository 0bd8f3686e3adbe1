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

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import IdentityInfo, create_identity
from review_model.keys import check_new_passphrase, keyring_check

from .labels import KEYRING_KINDS, ROLES, label
from .messages import describe
from .passphrase import Unlock


class IdentityDialog(QDialog):
    def __init__(self, home: Home, parent: QWidget | None = None, unlock: Unlock | None = None) -> None:
        super().__init__(parent)
        self._home = home
        # The passphrase that opened this workspace (no secure keyring holds its key): a key file is
        # sealed with that same one, so the person never has two passphrases to keep apart.
        self._unlock = unlock if unlock is not None and unlock.held else None
        self.created: IdentityInfo | None = None
        self.setWindowTitle(self.tr("Create your signing identity"))
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
        self._form = QFormLayout()
        self._form.addRow(self.tr("Name"), self.name)
        self._form.addRow(self.tr("Role"), self.role)
        self.where = QLabel()
        self.where.setWordWrap(True)
        check = keyring_check()
        self.keyring_ok = check.usable
        if check.usable:
            self.where.setText(self.tr("The private key will be kept in the system keyring ({backend}).").format(
                backend=label(KEYRING_KINDS, check.kind.value)))
        else:
            self._use_key_file(check.describe())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create identity"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._form)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _use_key_file(self, reason: str) -> None:
        """No trusted keyring (or it failed to keep the key): a passphrase-protected file instead."""
        self.keyring_ok = False
        if self._unlock is not None:
            self.where.setText(self.tr(
                "This computer has no secure system keyring ({reason}). Your private key will be kept in a file "
                "protected by the passphrase that opens this workspace: type it once more to confirm.").format(
                reason=reason))
            if self._form.indexOf(self.passphrase) < 0:
                self._form.addRow(self.tr("Workspace passphrase"), self.passphrase)
            return
        self.where.setText(self.tr(
            "This computer has no secure system keyring ({reason}). Your private key will be kept in a file "
            "protected by a passphrase; you will type it each time you sign.").format(reason=reason))
        if self._form.indexOf(self.passphrase) < 0:
            self._form.addRow(self.tr("Passphrase"), self.passphrase)
            self._form.addRow(self.tr("Passphrase again"), self.passphrase_again)

    def _create(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Enter your name."))
            return
        passphrase = None
        try:
            if not self.keyring_ok and self._unlock is not None:
                if not self._unlock.matches(self.passphrase.text()):
                    QMessageBox.warning(self, self.windowTitle(), self.tr(
                        "This is not the passphrase that opened this workspace. Type that one."))
                    return
                passphrase = self.passphrase.text()
            elif not self.keyring_ok:
                check_new_passphrase(self.passphrase.text())
                if self.passphrase.text() != self.passphrase_again.text():
                    QMessageBox.warning(self, self.windowTitle(), self.tr("The two passphrases differ. Type them again."))
                    return
                passphrase = self.passphrase.text()
            self.created = create_identity(self._home, self.name.text(), self.role.currentData(), passphrase=passphrase)
            if passphrase is not None and self._unlock is not None:
                self._unlock.record(self._home, True)  # signing uses it without asking
        except Problem as problem:
            if problem.code == Code.NO_SECURE_KEYRING and passphrase is None:
                self._use_key_file(str(problem.params.get("backend", "")))
                self.passphrase.setFocus()
                QMessageBox.warning(self, self.windowTitle(), self.tr(
                    "The system keyring could not keep the key. Choose a passphrase: the key will be kept in a "
                    "protected file instead."))
                return
            QMessageBox.warning(self, self.windowTitle(), describe(problem))
            return
        self.accept()
