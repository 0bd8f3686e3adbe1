"""The current item at hand: its scoring rule, site notes, photos and evidence links.

Notes and photos belong to the item in focus, or to the visit as a whole (the inspection record)
when "whole visit" is chosen.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from review_model import round_time
from review_model.rubric import Rubric
from review_model.sheets.view import LinkEntry, SheetView

from ..labels import METHODS, label
from .item_row import SAVE_DELAY_MS, _plain

DRAFT_DELAY_MS = SAVE_DELAY_MS  # a note's draft is saved like a score: after the same short pause

VISIT = ""  # notes and photos of the visit as a whole


class ItemDetails(QTabWidget):
    noteAdded = Signal(str, str)  # scope (item code or VISIT), text
    noteDraftChanged = Signal(str)  # the text typed in the note box, not yet added (saved after a pause)
    noteRemoved = Signal(int)
    photosRequested = Signal(str, bool)  # scope, from a camera folder (else files)
    photoRemoved = Signal(int)
    photoOpened = Signal(int)  # photo id: show it large, with its caption
    linkRegionRequested = Signal(bool)  # region-selection mode on/off
    linkWholePageRequested = Signal()
    linkRemoved = Signal(int)
    linkActivated = Signal(object)  # LinkEntry

    def __init__(self, photo_pixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._photo_pixmap = photo_pixmap  # sha256 -> QPixmap (thumbnail), from the workspace
        self.item_code = ""
        self.rubric: Rubric | None = None
        self.rule = QTextBrowser()
        self.rule.setOpenLinks(False)
        self.addTab(self.rule, self.tr("Scoring rule"))
        self.addTab(self._notes_tab(), self.tr("Site notes"))
        self.addTab(self._photos_tab(), self.tr("Photos"))
        self.addTab(self._links_tab(), self.tr("Evidence"))

    # --- building ---------------------------------------------------------------------------
    def _scope_box(self) -> QComboBox:
        box = QComboBox()
        box.currentIndexChanged.connect(lambda _i: self._refresh_lists())
        return box

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        self.notes_scope = self._scope_box()
        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("noteText")
        self.note_text.setPlaceholderText(self.tr("What you saw on site… (Ctrl+Enter adds it)"))
        self.note_text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        add = QPushButton(self.tr("Add note"))
        add.setObjectName("addNote")
        add.clicked.connect(self._add_note)
        QShortcut(QKeySequence("Ctrl+Return"), self.note_text, activated=self._add_note)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(lambda: self.noteDraftChanged.emit(self.note_text.toPlainText()))
        self.note_text.textChanged.connect(self._draft_timer.start)
        remove = QPushButton(self.tr("Delete note"))
        remove.clicked.connect(lambda: self._remove_selected(self.notes, self.noteRemoved))
        buttons = QHBoxLayout()
        buttons.addWidget(self.notes_scope, 1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout = QVBoxLayout(page)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.note_text)
        layout.addLayout(buttons)
        return page

    def _photos_tab(self) -> QWidget:
        page = QWidget()
        self.photos_scope = self._scope_box()
        self.photos = QListWidget()
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(120, 90))
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setWordWrap(True)
        from_files = QPushButton(self.tr("Add photos…"))
        from_files.clicked.connect(lambda: self.photosRequested.emit(self._scope(self.photos_scope), False))
        from_camera = QPushButton(self.tr("From camera folder…"))
        from_camera.clicked.connect(lambda: self.photosRequested.emit(self._scope(self.photos_scope), True))
        remove = QPushButton(self.tr("Remove photo"))
        remove.clicked.connect(lambda: self._remove_selected(self.photos, self.photoRemoved))
        self._photo_buttons = (from_files, from_camera, remove)
        self.photos.itemActivated.connect(lambda item: self.photoOpened.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.photos.setToolTip(self.tr("Double-click a photo to see it large and write its caption"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.photos_scope, 1)
        for button in (from_files, from_camera, remove):
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.photos, 1)
        layout.addLayout(buttons)
        return page

    def _links_tab(self) -> QWidget:
        page = QWidget()
        self.links = QListWidget()
        self.links.itemActivated.connect(lambda item: self.linkActivated.emit(item.data(Qt.ItemDataRole.UserRole + 1)))
        self.links.itemClicked.connect(lambda item: self.linkActivated.emit(item.data(Qt.ItemDataRole.UserRole + 1)))
        self.select_region = QPushButton(self.tr("Select a region to link"))
        self.select_region.setObjectName("selectRegion")
        self.select_region.setCheckable(True)
        self.select_region.toggled.connect(self.linkRegionRequested)
        whole = QPushButton(self.tr("Link the page shown"))
        whole.setObjectName("linkPage")
        whole.clicked.connect(self.linkWholePageRequested)
        remove = QPushButton(self.tr("Remove link"))
        remove.clicked.connect(lambda: self._remove_selected(self.links, self.linkRemoved))
        self._link_buttons = (self.select_region, whole, remove)
        self.links_hint = QLabel()
        self.links_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.select_region, whole, remove):
            buttons.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.links_hint)
        layout.addWidget(self.links, 1)
        layout.addLayout(buttons)
        return page

    # --- actions ----------------------------------------------------------------------------
    def _scope(self, box: QComboBox) -> str:
        return box.currentData() or VISIT

    def _add_note(self) -> None:
        text = self.note_text.toPlainText().strip()
        if text:
            self._draft_timer.stop()  # adding the note clears its saved draft in the same transaction
            self.noteAdded.emit(self._scope(self.notes_scope), text)
            self.note_text.blockSignals(True)
            self.note_text.clear()
            self.note_text.blockSignals(False)

    def set_note_draft(self, text: str) -> None:
        """Show the applicant's saved draft (not the user typing: nothing is saved back)."""
        self._draft_timer.stop()
        self.note_text.blockSignals(True)
        self.note_text.setPlainText(text)
        self.note_text.blockSignals(False)

    def flush_draft(self) -> None:
        """Save the draft typed so far now (before switching applicant or quitting)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.noteDraftChanged.emit(self.note_text.toPlainText())

    @staticmethod
    def _remove_selected(widget: QListWidget, signal) -> None:
        item = widget.currentItem()
        if item is not None:
            signal.emit(item.data(Qt.ItemDataRole.UserRole))

    # --- showing ----------------------------------------------------------------------------
    def show_item(self, rubric: Rubric, code: str, view: SheetView | None) -> None:
        self.rubric, self.item_code = rubric, code
        item = rubric.item(code)
        for box in (self.notes_scope, self.photos_scope):
            box.blockSignals(True)
            box.clear()
            if item is not None:
                box.addItem(self.tr("Item {code} {title}").format(code=code, title=item.title), code)
            box.addItem(self.tr("Whole visit (inspection record)"), VISIT)
            box.blockSignals(False)
        if item is None:
            self.rule.setPlainText(self.tr("Click into an item's score to see its rule here."))
        else:
            scale = self.tr("Maximum {max} points, in steps of {step}. Assessed by: {method}").format(
                max=_plain(item.max_points), step=_plain(item.step), method=label(METHODS, item.method))
            evidence = self.tr("Evidence usually in: {materials}").format(materials=item.evidence) if item.evidence else ""
            html = f"<p><b>{escape(item.code)} {escape(item.title)}</b></p><p>{escape(scale)}</p><p>{escape(item.rule)}</p>"
            if evidence:
                html += f"<p style='color:#555'>{escape(evidence)}</p>"
            self.rule.setHtml(html)
        self.links_hint.setText(self.tr("Links for item {code}. Select a region on a page, or link the page shown; "
                                         "click a link to go to it.").format(code=code) if item else "")
        if view is not None:
            self.sync(view)

    def sync(self, view: SheetView) -> None:
        self._view = view
        self._refresh_lists()
        editable = view.editable
        # a signed sheet or a declared conflict takes no more notes, photos or evidence links
        for widget in (self.note_text, *self._link_buttons, *self._photo_buttons):
            widget.setEnabled(editable)

    def _refresh_lists(self) -> None:
        view = getattr(self, "_view", None)
        if view is None:
            return
        self.notes.clear()
        scope = self._scope(self.notes_scope)
        for note in view.notes_for(scope):
            item = QListWidgetItem(f"{round_time.short(note.created_at)}  {note.text}")
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.notes.addItem(item)
        self.photos.clear()
        for photo in view.photos_for(self._scope(self.photos_scope)):
            when = f"{photo.taken_at:%m-%d %H:%M}" if photo.taken_at else photo.original_name
            item = QListWidgetItem(QIcon(self._photo_pixmap(photo.sha256)), f"{when}\n{photo.caption}".strip())
            item.setToolTip(photo.original_name)
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.photos.addItem(item)
        self.links.clear()
        for link in view.links_for(self.item_code):
            self.links.addItem(self._link_item(link))

    def _link_item(self, link: LinkEntry) -> QListWidgetItem:
        where = self.tr("{material}, page {page}").format(material=link.material_name, page=link.page_index + 1)
        what = self.tr("region") if link.rect else self.tr("whole page")
        item = QListWidgetItem(f"{where} · {what}")
        item.setData(Qt.ItemDataRole.UserRole, link.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, link)
        return item

    def end_region_mode(self) -> None:
        self.select_region.blockSignals(True)
        self.select_region.setChecked(False)
        self.select_region.blockSignals(False)


def thumbnail(data: bytes, size: QSize = QSize(240, 180)) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
