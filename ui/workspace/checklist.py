"""What still stands between the draft and signing; a click goes to the place to fix it."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from review_model.rubric import Rubric
from review_model.sheets.view import ChecklistEntry

KINDS = {
    "conflict_unconfirmed": QT_TRANSLATE_NOOP("Checklist", "Conflict of interest not yet answered"),
    "unscored": QT_TRANSLATE_NOOP("Checklist", "Not scored: {code} {title}"),
    "comment_missing": QT_TRANSLATE_NOOP("Checklist", "Comment required (under 60%): {code} {title}"),
    "veto_reason_missing": QT_TRANSLATE_NOOP("Checklist", "Veto without a reason: {code} {title}"),
    "recommendation_missing": QT_TRANSLATE_NOOP("Checklist", "Recommendation not chosen"),
}


def describe_entry(rubric: Rubric, entry: ChecklistEntry) -> str:
    item = rubric.item(entry.code) or rubric.veto(entry.code)
    text = QCoreApplication.translate("Checklist", KINDS.get(entry.kind, entry.kind))
    return text.format(code=entry.code, title=item.title if item else "")


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
