"""What still stands between the draft and signing; a click goes to the place to fix it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from review_model.rubric import Rubric
from review_model.sheets.view import ChecklistEntry

from ..sheet_labels import checklist_entry


def describe_entry(rubric: Rubric, entry: ChecklistEntry) -> str:
    item = rubric.item(entry.code) or rubric.veto(entry.code)
    return checklist_entry(entry.kind, entry.code, item.title if item else "")


class ChecklistView(QListWidget):
    entryActivated = Signal(object)  # ChecklistEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklist")
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def _activated(self, item: QListWidgetItem) -> None:
        self.entryActivated.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_entries(self, rubric: Rubric, entries: tuple[ChecklistEntry, ...]) -> None:
        self.clear()
        for entry in entries:
            item = QListWidgetItem(describe_entry(rubric, entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.addItem(item)
