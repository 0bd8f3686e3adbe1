"""The passphrase: asked once at start where no secure keyring holds the home key (the session's
`Unlock` remembers it for signing), else right before signing, only when the key is a file."""
from __future__ import annotations

import hmac
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import require_identity, signing_key

from .messages import describe
from .tasks import wait_off_the_gui_thread
from .text import tr


def ask_to_unlock(parent: QWidget | None = None) -> str | None:
    """The passphrase that unlocks the workspace at start, asked only where no secure keyring holds
    its key (review_model/home_key.py calls this then, once); None when the person cancels."""
    text, ok = QInputDialog.getText(parent, tr("ReviewDesk"),
                                    tr("This workspace is encrypted with your passphrase. Type it to open the workspace:"),
                                    QLineEdit.EchoMode.Password)
    return text if ok and text else None


class Unlock:
    """The passphrase typed at start to open the home, remembered for the session so that signing does
    not ask for it again: a person has one passphrase (home_key.py seals the home key as keys.py seals
    the signing key file). Nothing is remembered for a keyring home, which asks nothing.

    Made by the start-up (desktop/app.py), which gives it to the main window, which hands it to what
    signs (the sign dialog, the signed exports, the bureau's build, the background sender). It lives
    only in this object: never written, logged or given to a child process, and `forget()` drops it
    when the home closes. Where it does not open the signing key (the key file was sealed with another
    passphrase) it is not offered for that key again, and the person is asked as before.
    """

    def __init__(self, ask: Callable[[], str | None] = ask_to_unlock, given: str | None = None) -> None:
        self._ask = ask
        # REVIEWDESK_PASSPHRASE, which scripts set for the command line: tried first, once; a wrong
        # one is said and then the person is asked
        self._given = given
        self._passphrase: str | None = None
        self._opens: dict[bytes, bool] = {}  # a signing key's public key → whether the passphrase opens its file

    def __call__(self) -> str | None:
        """The passphrase source given to Home at start: asks, and remembers the answer."""
        self.forget()
        given, self._given = self._given, None
        self._passphrase = given or self._ask()
        return self._passphrase

    @property
    def held(self) -> bool:
        return self._passphrase is not None

    def matches(self, typed: str) -> bool:
        """Whether `typed` is the passphrase that opened the home (to confirm it, never to show it)."""
        return self._passphrase is not None and hmac.compare_digest(typed.encode(), self._passphrase.encode())

    def for_signing(self, home: Home) -> str | None:
        """The remembered passphrase for this home's key file, unless it is known not to open it; None
        for a keyring identity too, which needs none."""
        if self._passphrase is None:
            return None
        info = require_identity(home)
        if info.key_store != "file" or self._opens.get(info.public_raw) is False:
            return None
        return self._passphrase

    def record(self, home: Home, opened: bool) -> None:
        """What signing with the remembered passphrase found: a refusal stops it being offered for this key."""
        if self._passphrase is not None:
            self._opens[require_identity(home).public_raw] = opened

    def opens(self, home: Home) -> bool:
        """Whether the remembered passphrase opens this home's key file: tried once per key (one scrypt
        derivation, a fraction of a second; the key is dropped at once), then known."""
        passphrase = self.for_signing(home)
        if passphrase is None:
            return False
        public_raw = require_identity(home).public_raw
        if public_raw not in self._opens:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                wait_off_the_gui_thread(lambda: signing_key(home, lambda: passphrase))  # scrypt
                self._opens[public_raw] = True
            except Problem as problem:
                if problem.code != Code.PASSPHRASE_WRONG:
                    return False  # e.g. the key file is gone: asked, and the flow itself says what is wrong
                self._opens[public_raw] = False
            finally:
                QApplication.restoreOverrideCursor()
        return self._opens[public_raw]

    def forget(self) -> None:
        self._passphrase = None
        self._opens.clear()


def with_passphrase(parent: QWidget, home: Home, title: str, prompt: str,
                    proceed: Callable[[str | None], None], unlock: Unlock | None = None) -> QInputDialog | None:
    """Call `proceed(None)` at once for a keyring identity, `proceed(passphrase)` at once with the
    session's passphrase where it opens the key file; otherwise open a password prompt (non-modal
    `open()`, so tests can drive it; it says the passphrase typed at start was wrong for this key when
    that was just found) and call `proceed(passphrase)` when it is confirmed.
    The caller keeps the returned dialog alive until it closes."""
    if require_identity(home).key_store != "file":
        proceed(None)
        return None
    remembered = unlock.for_signing(home) if unlock is not None else None
    if remembered is not None and unlock.opens(home):
        proceed(remembered)
        return None
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    refused = remembered is not None and unlock.for_signing(home) is None
    dialog.setLabelText(f"{describe(Problem(Code.PASSPHRASE_WRONG))}\n{prompt}" if refused else prompt)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.textValueSelected.connect(proceed)
    dialog.open()
    return dialog
