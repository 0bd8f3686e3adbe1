"""Driving the sign dialog: signing runs in the background (ui/sign_dialog.py), so a test clicks Sign
and waits for the attempt to end before it looks at what the dialog shows."""
from __future__ import annotations

from PySide6.QtCore import Qt


def sign_and_wait(qtbot, dialog, timeout: int = 30_000) -> bool:
    """Click Sign as a user does and wait until the attempt has ended: True if it signed."""
    with qtbot.waitSignal(dialog.attempted, timeout=timeout) as ended:
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    return ended.args[0]
