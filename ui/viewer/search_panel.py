"""Searching the dossier: the query box (always in view, above the sidebar's tabs), where to look
(this material or all of the applicant's), and the hits list (a tab): one row per page, with the
text around the first hit."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from review_model.dossier.text_index import Hit, TextSource

THIS_MATERIAL, ALL_MATERIALS = "material", "applicant"


class SearchBox(QWidget):
    searchRequested = Signal(str, str)  # query, scope

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("viewerSearch")
        self.field.setPlaceholderText(self.tr("Search the text…"))
        self.field.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("All materials"), ALL_MATERIALS)
        self.scope.addItem(self.tr("This material"), THIS_MATERIAL)
        self.scope.setToolTip(self.tr("Where to search"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.field, 3)
        layout.addWidget(self.scope, 2)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.run)
        self.field.textChanged.connect(lambda _: self._debounce.start())
        self.field.returnPressed.connect(self.run)
        self.scope.currentIndexChanged.connect(lambda _: self.run())

    def run(self) -> None:
        self._debounce.stop()
        self.searchRequested.emit(self.field.text().strip(), self.scope.currentData())


class HitList(QWidget):
    hitChosen = Signal(object)  # Hit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #4b5563;")
        self.hits = QListWidget()
        self.hits.setWordWrap(True)
        self.hits.setObjectName("viewerHits")
        self.hits.itemClicked.connect(self._chosen)
        self.hits.itemActivated.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.hits, 1)

    def show_hits(self, query: str, hits: list[Hit], names: dict[int, str], labels: dict[int, tuple[str, ...]],
                  index_note: str = "") -> None:
        self.hits.clear()
        for hit in hits:
            page_labels = labels.get(hit.material_id, ())
            label = page_labels[hit.page_index] if hit.page_index < len(page_labels) else str(hit.page_index + 1)
            head = self.tr("{material} · page {label}").format(material=names.get(hit.material_id, ""), label=label)
            if hit.count > 1:
                head += " " + self.tr("({count} hits)").format(count=hit.count)
            if hit.source == TextSource.OCR:  # read from the scan: the expert should know it may be misread
                head += " · " + self.tr("OCR")
            item = QListWidgetItem(f"{head}\n{hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.hits.addItem(item)
        if not query:
            text = ""
        elif hits:
            pages = len({(h.material_id, h.page_index) for h in hits})
            text = self.tr("{count} hits on {pages} pages").format(count=sum(h.count for h in hits), pages=pages)
        else:
            text = self.tr("No hits.")
        self.status.setText("\n".join(t for t in (text, index_note) if t))

    def _chosen(self, item: QListWidgetItem) -> None:
        self.hitChosen.emit(item.data(Qt.ItemDataRole.UserRole))
