"""Every edit from the workspace goes through here: the domain applies it (one committed
transaction), the returned inverse goes on the undo stack, and `changed` tells views what moved.

QUndoCommand only wraps the domain's plain-data commands: undo applies the stored inverse and
keeps the inverse of *that* for redo.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from review_model.errors import Problem
from review_model.sheets.context import Reviewer
from review_model.sheets.ops import Applied, Command, OpChanges


class _DomainUndo(QUndoCommand):
    def __init__(self, editor: SheetEditor, text: str, inverse: Command) -> None:
        super().__init__(text)
        self._editor = editor
        self._inverse = inverse
        self._first_redo = True  # pushed after the edit was applied: the first redo() is a no-op

    def undo(self) -> None:
        applied = self._editor._run(self._inverse.apply)
        if applied is not None and applied.undo is not None:
            self._inverse = applied.undo
        else:
            self.setObsolete(True)

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        applied = self._editor._run(self._inverse.apply)
        if applied is not None and applied.undo is not None:
            self._inverse = applied.undo


class SheetEditor(QObject):
    changed = Signal(object)  # OpChanges
    saved = Signal(datetime)  # when an edit was committed to disk
    failed = Signal(object)  # Problem: the view shows it; nothing was changed

    def __init__(self, reviewer: Reviewer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)

    def _run(self, action: Callable[[Reviewer], Applied]) -> Applied | None:
        try:
            applied = action(self.reviewer)
        except Problem as problem:
            self.failed.emit(problem)
            return None
        self.saved.emit(datetime.now(UTC))
        self.changed.emit(applied.changes)
        return applied

    def apply(self, text: str, action: Callable[[Reviewer], Applied]) -> Applied | None:
        """Run a domain edit; push its inverse as one undo step labelled `text`."""
        applied = self._run(action)
        if applied is not None and applied.undo is not None:
            self.undo_stack.push(_DomainUndo(self, text, applied.undo))
        return applied

    def run(self, action: Callable[[Reviewer], Applied]) -> Applied | None:
        """Run an edit that cannot be undone (conflict declarations, amending)."""
        applied = self._run(action)
        if applied is not None:
            self.undo_stack.clear()
        return applied

    def announce(self, changes: OpChanges) -> None:
        """A change made outside the editor (signing a revision): views redraw, and the undo history
        ends here because what is signed cannot be undone."""
        self.undo_stack.clear()
        self.changed.emit(changes)
