"""Asking for the key file's passphrase right before signing, only when the key is a file."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from review_model.home import Home
from review_model.identity import require_identity

from .text import tr


def with_passphrase(parent: QWidget, home: Home, title: str, prompt: str,
                    proceed: Callable[[str | None], None]) -> QInputDialog | None:
    """Call `proceed(None)` at once for a keyring identity; otherwise open a password prompt (non-modal
    `open()`, so tests can drive it) and call `proceed(passphrase)` when it is confirmed.
    The caller keeps the returned dialog alive until it closes."""
    if require_identity(home).key_store != "file":
        proceed(None)
        return None
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.textValueSelected.connect(proceed)
    dialog.open()
    return dialog


def ask_to_unlock(parent: QWidget | None = None) -> str | None:
    """The passphrase that unlocks the workspace at start, asked only where no secure keyring holds
    its key (review_model/home_key.py calls this then, once); None when the person cancels."""
    text, ok = QInputDialog.getText(parent, tr("ReviewDesk"),
                                    tr("This workspace is encrypted with your passphrase. Type it to open the workspace:"),
                                    QLineEdit.EchoMode.Password)
    return text if ok and text else None
