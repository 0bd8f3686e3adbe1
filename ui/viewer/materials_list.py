"""An applicant's materials: number, name, pages and whether the file is there and readable."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from review_model.dossier.library import MaterialInfo

from .icons import status_icon


class MaterialList(QListWidget):
    materialChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewerMaterials")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)
        self._materials: list[MaterialInfo] = []

    def _mark(self, m: MaterialInfo) -> str:
        if m.status == "missing":
            return self.tr("not submitted")
        if m.status == "encrypted":
            return self.tr("password-protected")
        return self.tr("{n} pages").format(n=m.pages or 0)

    def set_materials(self, materials: tuple[MaterialInfo, ...]) -> None:
        self.clear()
        self._materials = list(materials)
        for m in materials:
            item = QListWidgetItem(status_icon(m.status), f"{m.position:02d}  {m.name}\n{self._mark(m)}")
            item.setData(Qt.ItemDataRole.UserRole, m.material_id)
            item.setToolTip(m.name)
            if m.status == "missing":
                item.setForeground(QColor("#6b7280"))
            self.addItem(item)

    def show_current(self, material_id: int | None) -> None:
        """Mark the open material without taking the focus or announcing a choice."""
        self.blockSignals(True)
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == material_id:
                self.setCurrentRow(row)
                self.scrollToItem(self.item(row))
                break
        else:
            self.clearSelection()
        self.blockSignals(False)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.materialChosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
