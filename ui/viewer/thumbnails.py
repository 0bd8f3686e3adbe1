"""The thumbnail strip: a small picture of each page with its label; the open page marked.

Thumbnails are loaded only for rows being drawn: from the home's cache folder when there, else
rendered by the worker at low priority (and cached there for next time).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QTransform
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QWidget

from review_model.dossier.library import Rotations

from .bridge import RenderBridge

BOX_W, BOX_H, LABEL_H, PAD = 96, 128, 18, 6
HITS_ROLE = Qt.ItemDataRole.UserRole + 1


class ThumbnailModel(QAbstractListModel):
    loaded = Signal(int, QImage)  # page, image (its PDF rotation applied, not the expert's)

    def __init__(self, bridge: RenderBridge, parent=None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.material_id: int | None = None
        self.labels: tuple[str, ...] = ()
        self.rotations = Rotations()
        self.images: dict[int, QImage] = {}
        self._pending: dict[int, int] = {}
        self.width = BOX_W
        self.hits: dict[int, int] = {}  # page -> search hits on it

    def set_material(self, material_id: int | None, labels: tuple[str, ...], rotations: Rotations, width: int) -> None:
        self.bridge.cancel(list(self._pending.values()))
        self.beginResetModel()
        self.material_id, self.labels, self.rotations, self.width = material_id, labels, rotations, width
        self.images, self._pending = {}, {}
        self.endResetModel()

    def set_rotations(self, rotations: Rotations) -> None:
        self.rotations = rotations
        if self.labels:
            self.dataChanged.emit(self.index(0), self.index(len(self.labels) - 1))

    def set_hits(self, hits: dict[int, int]) -> None:
        self.hits = dict(hits)
        if self.labels:
            self.dataChanged.emit(self.index(0), self.index(len(self.labels) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.labels)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        page = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.labels[page]
        if role == Qt.ItemDataRole.UserRole:
            return self.image(page)
        if role == HITS_ROLE:
            return self.hits.get(page, 0)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Page {label} ({number} of {count})").format(label=self.labels[page], number=page + 1,
                                                                         count=len(self.labels))
        return None

    def image(self, page: int) -> QImage | None:
        """The page's thumbnail turned as the expert turned it; asks for it when not loaded yet."""
        image = self.images.get(page)
        if image is None:
            self.request(page)
            return None
        turn = self.rotations.of(page)
        return image.transformed(QTransform().rotate(turn)) if turn else image

    def request(self, page: int) -> None:
        if page in self.images or page in self._pending or self.material_id is None:
            return
        cached = self.bridge.cached_thumbnail(self.material_id, page, self.width)
        if cached is not None:
            self._store(page, cached)
            return
        material_id = self.material_id

        def arrived(image: QImage | None) -> None:
            self._pending.pop(page, None)
            if image is not None and material_id == self.material_id:
                self._store(page, image)
                self.dataChanged.emit(self.index(page), self.index(page))
        self._pending[page] = self.bridge.thumbnail(material_id, page, self.width, arrived)

    def _store(self, page: int, image: QImage) -> None:
        self.images[page] = image
        self.loaded.emit(page, image)

    def pending(self) -> int:
        return len(self._pending)


class ThumbnailDelegate(QStyledItemDelegate):
    def sizeHint(self, option, index) -> QSize:
        return QSize(BOX_W + 2 * PAD, BOX_H + LABEL_H + 2 * PAD)

    def paint(self, painter: QPainter, option, index) -> None:
        painter.save()
        r = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(r, option.palette.highlight().color().lighter(160))
        box = QRectF(r.x() + (r.width() - BOX_W) / 2, r.y() + PAD, BOX_W, BOX_H)
        image = index.data(Qt.ItemDataRole.UserRole)
        if isinstance(image, QImage) and not image.isNull():
            size = image.size().toSizeF()
            size.scale(box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(box.x() + (box.width() - size.width()) / 2, box.y() + (box.height() - size.height()) / 2,
                            size.width(), size.height())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
        else:
            target = box.adjusted(BOX_W * 0.12, 0, -BOX_W * 0.12, 0)
            painter.fillRect(target, QColor("#f3f4f6"))
        painter.setPen(QPen(option.palette.highlight().color(), 2) if selected else QPen(QColor("#9ca3af"), 1))
        painter.drawRect(target)
        hits = index.data(HITS_ROLE)
        if hits:
            self._badge(painter, target, str(hits))
        painter.setPen(option.palette.text().color())
        painter.drawText(QRectF(r.x(), box.bottom() + 2, r.width(), LABEL_H), int(Qt.AlignmentFlag.AlignCenter),
                         str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()


    @staticmethod
    def _badge(painter: QPainter, target: QRectF, text: str) -> None:
        """The number of search hits on the page, in the search-highlight colour."""
        metrics = painter.fontMetrics()
        w = max(metrics.horizontalAdvance(text) + 10, metrics.height() + 2)
        badge = QRectF(target.right() - w + 4, target.top() - 4, w, metrics.height() + 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#b45309"), 1))
        painter.setBrush(QColor("#facc15"))
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setPen(QColor("#1f2937"))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), text)


class ThumbnailStrip(QListView):
    pageChosen = Signal(int)

    def __init__(self, bridge: RenderBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails = ThumbnailModel(bridge, self)
        self.setModel(self.thumbnails)
        self.setItemDelegate(ThumbnailDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.clicked.connect(lambda index: self.pageChosen.emit(index.row()))
        self.activated.connect(lambda index: self.pageChosen.emit(index.row()))

    def show_page(self, page: int) -> None:
        """Mark the page shown, without taking the focus."""
        index = self.thumbnails.index(page)
        if index.isValid():
            self.selectionModel().setCurrentIndex(index, self.selectionModel().SelectionFlag.ClearAndSelect)
            self.scrollTo(index)
