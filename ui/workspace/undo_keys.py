"""Ctrl+Z / Ctrl+Shift+Z in the rubric's text fields undo the sheet's edits, as everywhere else.

A QLineEdit accepts the Undo and Redo keys for its own text (a ShortcutOverride), so the app's
Undo action never fired while the cursor was in a score box. This filter refuses that override:
what is typed is committed first (one more step on the app's undo stack), then the key goes to
the window's Undo/Redo action.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Shift+Z and Ctrl+Y, which experts use on every OS
    (some platform themes know only one of them)."""
    keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
        sequence = QKeySequence(extra)
        if sequence not in keys:
            keys.append(sequence)
    return keys


def _is_undo_or_redo(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed == key for key in redo_keys())


class UndoKeysToApp(QObject):
    def __init__(self, flush: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flush = flush

    def watch(self, *widgets: QObject) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_or_redo(event):
            self._flush()
            event.ignore()  # not the field's own undo: the shortcut map gives the key to the app's action
            return True
        return False
