"""The binder page-range picker (补正 / 受理 of a binder PDF without bookmarks, or with wrong ones):
the binder's pages as thumbnails; the clerk selects a material's pages and assigns them. Each
assignment is attached at once by the domain (bureau/dossiers.mark_binder_range), which refuses an
empty, overlapping or out-of-range selection in one sentence; the binder itself is never changed."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from review_model.bureau.dossiers import binder_marks, binder_thumbnails, detach, mark_binder_range, required_materials

THUMB = 110


def _framed(image: QImage) -> QPixmap:
    """The page with a thin grey edge: a white page on a white list is otherwise invisible."""
    pixmap = QPixmap.fromImage(image)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#888888"))
    painter.drawRect(0, 0, pixmap.width() - 1, pixmap.height() - 1)
    painter.end()
    return pixmap


class BinderPicker(QDialog):
    def __init__(self, step, applicant_id: str, binder: Path) -> None:
        super().__init__(step)
        self.step, self.home, self.applicant_id, self.binder = step, step.home, applicant_id, binder
        self.setWindowTitle(self.tr("Split {file} by page ranges ({id})").format(file=binder.name, id=applicant_id))
        self.materials = required_materials(self.home, applicant_id)
        self.pages = QListWidget()
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setIconSize(QSize(THUMB, round(THUMB * 1.42)))
        self.pages.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setSpacing(4)
        self.pages.setGridSize(QSize(THUMB + 28, round(THUMB * 1.42) + 44))
        self.pages.setWordWrap(True)
        self.pages.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pages.itemSelectionChanged.connect(self._selection_to_range)
        for number, png in enumerate(binder_thumbnails(binder, THUMB), start=1):
            item = QListWidgetItem(QIcon(_framed(QImage.fromData(png))), "")
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages.addItem(item)
        self.material = QComboBox()
        for number, name in enumerate(self.materials, start=1):
            self.material.addItem(f"{number}. {name}", name)
        self.first, self.last = QSpinBox(), QSpinBox()
        for spin in (self.first, self.last):
            spin.setRange(0, self.pages.count())
        self.assign_button = QPushButton(self.tr("Assign these pages"))
        self.assign_button.clicked.connect(self.assign)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Material")))
        choose.addWidget(self.material, 1)
        choose.addWidget(QLabel(self.tr("pages")))
        choose.addWidget(self.first)
        choose.addWidget(QLabel("–"))
        choose.addWidget(self.last)
        choose.addWidget(self.assign_button)
        self.marks = QTableWidget(0, 2)
        self.marks.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Pages")])
        self.marks.verticalHeader().setVisible(False)
        self.marks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.marks.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.marks.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.marks.setMaximumHeight(190)
        self.remove_button = QPushButton(self.tr("Remove the selected mark"))
        self.remove_button.clicked.connect(self.remove)
        self.hint = QLabel(self.tr("Select a material's first and last page (Shift+click), choose the material and "
                                   "assign. Each assignment is saved at once; the binder itself is not changed."))
        self.hint.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.pages, 1)
        layout.addLayout(choose)
        layout.addWidget(self.marks)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(1280, 720)
        self.refresh()

    def select_pages(self, first: int, last: int) -> None:
        """Select pages first..last on the thumbnails (1-based), as the clerk's Shift+click does."""
        self.pages.clearSelection()
        for row in range(first - 1, min(last, self.pages.count())):
            self.pages.item(row).setSelected(True)

    def _selection_to_range(self) -> None:
        chosen = sorted(item.data(Qt.ItemDataRole.UserRole) for item in self.pages.selectedItems())
        self.first.setValue(chosen[0] if chosen else 0)
        self.last.setValue(chosen[-1] if chosen else 0)

    def assign(self) -> None:
        material, first, last = self.material.currentData(), self.first.value(), self.last.value()
        if self.step.attempt(lambda: mark_binder_range(self.home, self.applicant_id, self.binder, material, first,
                                                       last)) is not None:
            self.pages.clearSelection()
            if self.material.currentIndex() + 1 < self.material.count():
                self.material.setCurrentIndex(self.material.currentIndex() + 1)  # the binder's next material
            self.refresh()

    def remove(self) -> None:
        row = self.marks.currentRow()
        if 0 <= row < len(self._marks):
            source = self._marks[row].source_name
            if self.step.attempt(lambda: detach(self.home, self.applicant_id, source)) is not None:
                self.refresh()

    def refresh(self) -> None:
        self._marks = self.step.attempt(lambda: binder_marks(self.home, self.applicant_id, self.binder)) or []
        owner = {}
        for mark in self._marks:
            for page in range(mark.first, mark.last + 1):
                owner[page] = mark.material
        for row in range(self.pages.count()):
            item = self.pages.item(row)
            number = row + 1
            material = owner.get(number)
            if material is None:
                caption = ""
            elif material in self.materials:
                caption = f"\n{self.materials.index(material) + 1}. {material[:7]}"
            else:  # split off at a bookmark that matched no material
                caption = "\n" + self.tr("(extra)")
            item.setText(self.tr("page {number}").format(number=number) + caption)
            item.setForeground(Qt.GlobalColor.darkGreen if material else Qt.GlobalColor.black)
            item.setBackground(QColor("#e3f1e3") if material else QColor(Qt.GlobalColor.transparent))
        self.marks.setRowCount(len(self._marks))
        for r, mark in enumerate(self._marks):
            for c, text in enumerate((mark.material or mark.source_name, f"{mark.first}–{mark.last}")):
                self.marks.setItem(r, c, QTableWidgetItem(text))
        self.step.refresh()
