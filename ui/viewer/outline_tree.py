"""The open material's bookmarks (its outline), when the PDF has any."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from review_model.dossier.outline import OutlineEntry


class OutlineTree(QTreeWidget):
    pageChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def set_outline(self, entries: tuple[OutlineEntry, ...], labels: tuple[str, ...]) -> None:
        self.clear()
        parents: list[QTreeWidgetItem] = []
        for entry in entries:
            level = max(1, min(entry.level, len(parents) + 1))
            del parents[level - 1:]
            item = QTreeWidgetItem([entry.title])
            if 0 <= entry.page_index < len(labels):
                item.setToolTip(0, self.tr("Page {label}").format(label=labels[entry.page_index]))
            item.setData(0, Qt.ItemDataRole.UserRole, entry.page_index)
            if parents:
                parents[-1].addChild(item)
            else:
                self.addTopLevelItem(item)
            parents.append(item)
        self.expandToDepth(0)

    def _chosen(self, item: QTreeWidgetItem) -> None:
        page = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(page, int) and page >= 0:
            self.pageChosen.emit(page)
