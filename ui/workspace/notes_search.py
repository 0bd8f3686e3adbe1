"""Find in my notes: site notes, photo captions, comments and opinions across all my applicants."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from review_model import round_time
from review_model.sheets.context import Reviewer
from review_model.sheets.search import SheetHit, search_sheets

KINDS = {
    "note": QT_TRANSLATE_NOOP("NotesSearch", "note"),
    "photo": QT_TRANSLATE_NOOP("NotesSearch", "photo"),
    "comment": QT_TRANSLATE_NOOP("NotesSearch", "comment"),
    "opinion": QT_TRANSLATE_NOOP("NotesSearch", "overall opinion"),
}


class NotesSearchDialog(QDialog):
    hitChosen = Signal(str, str)  # applicant id, item code ('' = the visit as a whole)

    def __init__(self, reviewer: Reviewer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reviewer = reviewer
        self.setWindowTitle(self.tr("Find in my notes"))
        self.query = QLineEdit()
        self.query.setObjectName("notesQuery")
        self.query.setPlaceholderText(self.tr("Words in site notes, photo captions, comments or opinions"))
        self.count = QLabel()
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.itemActivated.connect(self._chosen)
        self.results.itemDoubleClicked.connect(self._chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        layout = QVBoxLayout(self)
        for widget in (self.query, self.count, self.results):
            layout.addWidget(widget)
        self.resize(560, 420)

    def search(self) -> list[SheetHit]:
        self._timer.stop()
        hits = search_sheets(self._reviewer, self.query.text())
        self.results.clear()
        for hit in hits:
            kind = QCoreApplication.translate("NotesSearch", KINDS.get(hit.kind, hit.kind))
            where = f"{hit.applicant_id} {hit.applicant_name}" + (f" · {hit.item_code}" if hit.item_code else "")
            when = f" · {round_time.short(hit.at)}" if hit.at else ""
            item = QListWidgetItem(f"{where} · {kind}{when}\n{hit.text}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.applicant_id, hit.item_code))
            self.results.addItem(item)
        self.count.setText(self.tr("{n} found").format(n=len(hits)) if self.query.text().strip() else "")
        return hits

    def _chosen(self, item: QListWidgetItem) -> None:
        applicant_id, item_code = item.data(Qt.ItemDataRole.UserRole)
        self.hitChosen.emit(applicant_id, item_code)
