"""One applicant's workspace: the dossier viewer on the left, the rubric and the current item's
details on the right. Every edit goes through the SheetEditor; views redraw what changed.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from review_model import round_time
from review_model.errors import Code, Problem
from review_model.overview import applicant_detail
from review_model.settings import get_json, set_json
from review_model.sheets import drafts, ops
from review_model.sheets.states import ApplicantState, ChecklistKind, ConflictState, SheetState
from review_model.sheets.view import ChecklistEntry, SheetView, refresh_view, sheet_view
from ui.viewer import Overlay

from ..applicant_page import ApplicantPage
from ..labels import CARRIER_TYPES, STATES, label
from ..messages import describe
from .checklist import ChecklistView
from .conflict import ConflictBanner, ConflictDialog
from .details import ItemDetails, thumbnail
from .dossier_pane import DossierPane
from .editor import SheetEditor
from .photo_import import PhotoImporter
from .photo_view import PhotoDialog
from .rubric_panel import RubricPanel


class Workspace(QWidget):
    # (applicant id, ApplicantState, revision number or None) after an edit of that applicant's sheet
    stateChanged = Signal(str, object, object)
    signRequested = Signal(str)
    amendRequested = Signal(str)
    message = Signal(str)

    def __init__(self, editor: SheetEditor, viewer: DossierPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.viewer = viewer
        self.applicant_id = ""
        self.applicant_name = ""
        self.view: SheetView | None = None
        self.panels: dict[str, RubricPanel] = {}
        self.panel: RubricPanel | None = None
        self._thumbnails: dict[str, QPixmap] = {}
        self.photos = PhotoImporter(self, editor)
        self._build()
        editor.changed.connect(self._changed)
        editor.failed.connect(self._failed)
        editor.saved.connect(lambda at: self.saved_label.setText(self.tr("Saved {time}").format(time=round_time.clock(at))))

    # --- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.state_label = QLabel()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setStyleSheet("color: #15803d;")
        self.todo_button = QPushButton()
        self.todo_button.setFlat(True)
        self.todo_button.clicked.connect(lambda: self.tabs.setCurrentWidget(self.checklist))
        self.sign_button = QPushButton(self.tr("Sign…"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(lambda: self._flush_then(self.signRequested))
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.clicked.connect(lambda: self.amendRequested.emit(self.applicant_id))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        for widget in (self.state_label, self.saved_label, self.todo_button, self.amend_button, self.sign_button):
            header.addWidget(widget)
        self.banner = ConflictBanner()
        self.banner.answerRequested.connect(self.ask_conflict)
        self.panel_stack = QStackedWidget()
        self.details = ItemDetails(self._photo_pixmap)
        self.checklist = ChecklistView()
        self.checklist.entryActivated.connect(self._go_to_entry)
        self.tabs = self.details  # the checklist is one more tab of the details
        self.details.addTab(self.checklist, self.tr("To do"))
        self.facts = ApplicantPage()  # who the applicant is and what the bureau asked to correct
        self.facts.materials.hide()  # the viewer lists the materials
        facts = QScrollArea()  # the details pane is short on a laptop: long addresses scroll, never clip
        facts.setWidget(self.facts)
        facts.setWidgetResizable(True)
        facts.setFrameShape(QScrollArea.Shape.NoFrame)
        self.details.addTab(facts, self.tr("Unit"))
        self._connect_details()
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.setObjectName("rubricSplitter")
        self.right.addWidget(self.panel_stack)
        self.right.addWidget(self.details)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([700, 260])  # the rubric gets most of the height
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("workspaceSplitter")
        self.splitter.addWidget(self.viewer)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self._connect_viewer()

    def _connect_details(self) -> None:
        d = self.details
        d.noteAdded.connect(lambda scope, text: self.editor.apply(
            self.tr("Add note"), lambda r: ops.add_note(r, self.applicant_id, scope, text, from_draft=True)))
        d.noteDraftChanged.connect(self._save_note_draft)
        d.noteRemoved.connect(lambda note_id: self.editor.apply(
            self.tr("Delete note"), ops.RemoveNote(self.applicant_id, note_id).apply))
        d.photoOpened.connect(self._open_photo)
        d.photoRemoved.connect(lambda photo_id: self.editor.apply(
            self.tr("Remove photo"), ops.RemovePhoto(self.applicant_id, photo_id).apply))
        d.photosRequested.connect(lambda scope, camera: self.photos.choose(self.applicant_id, scope, camera))
        d.linkRemoved.connect(lambda link_id: self.editor.apply(
            self.tr("Remove link"), ops.RemoveLink(self.applicant_id, link_id).apply))
        d.linkActivated.connect(lambda link: link and self.viewer.flash(link.material_id, link.page_index, link.rect))
        d.linkRegionRequested.connect(self.viewer.set_region_mode)
        d.linkWholePageRequested.connect(self._link_page_shown)

    def _connect_viewer(self) -> None:
        self.viewer.regionSelected.connect(self._link_region)
        self.viewer.overlayClicked.connect(self._overlay_clicked)
        self.viewer.locationChanged.connect(self._location_changed)
        self._location_timer = QTimer(self)
        self._location_timer.setSingleShot(True)
        self._location_timer.setInterval(300)  # page and zoom are saved within half a second
        self._location_timer.timeout.connect(self._save_location)
        self._pending_location: tuple | None = None
        # Flip pages while typing a score: the viewer never takes the focus.
        for keys, step in (("PgDown", 1), ("PgUp", -1)):
            QShortcut(QKeySequence(keys), self, activated=lambda s=step: self.viewer.turn_page(s))
        for keys, step in (("Alt+Down", 1), ("Alt+Up", -1)):  # also where PgUp/PgDn scroll a text box
            QShortcut(QKeySequence(keys), self, activated=lambda s=step: self.viewer.turn_page(s))

    # --- showing an applicant ---------------------------------------------------------------
    def show_applicant(self, applicant_id: str) -> None:
        if self.panel is not None:
            self.panel.flush()
        self.details.flush_draft()  # the old applicant's note draft stays with the old applicant
        detail = applicant_detail(self.editor.reviewer.home, applicant_id)
        if detail is None:
            return
        self.applicant_id, self.applicant_name = applicant_id, detail.name
        self.details.set_note_draft(drafts.note_draft(self.editor.reviewer, applicant_id))
        self.facts.show_applicant(detail)
        self.title.setText(f"{detail.applicant_id}  {detail.name}")
        self.title.setToolTip(f"{detail.uscc} · {label(CARRIER_TYPES, detail.carrier_type)} · {detail.industry}")
        self.panel = self._panel_for(detail.carrier_type)
        self.panel_stack.setCurrentWidget(self.panel)
        self.editor.undo_stack.clear()  # undo history belongs to one applicant's sheet
        self._save_location()
        self._show_dossier(applicant_id)
        self.reload()
        self.details.show_item(self.panel.rubric, self.panel.current_item, self.view)

    # --- where the expert was in the dossier ---------------------------------------------------
    def _show_dossier(self, applicant_id: str) -> None:
        saved = get_json(self.editor.reviewer.home, f"ui.location.{applicant_id}")
        if isinstance(saved, dict):
            self.viewer.show_applicant(applicant_id, open_first=False)
            self.viewer.open_material(int(saved["material"]), int(saved["page"]))
            if saved.get("zoom"):
                self.viewer.set_zoom(str(saved["zoom"]))
        else:
            self.viewer.show_applicant(applicant_id)

    def _location_changed(self, material_id: int, page_index: int, zoom: str) -> None:
        if material_id >= 0 and self.applicant_id:
            self._pending_location = (self.applicant_id, material_id, page_index, zoom)
            self._location_timer.start()

    def _save_location(self) -> None:
        self._location_timer.stop()
        if self._pending_location is not None:
            applicant, material, page, zoom = self._pending_location
            self._pending_location = None
            set_json(self.editor.reviewer.home, f"ui.location.{applicant}",
                     {"material": material, "page": page, "zoom": zoom})

    def _panel_for(self, carrier_type: str) -> RubricPanel:
        if carrier_type not in self.panels:
            panel = RubricPanel(self.editor.reviewer.rubrics[carrier_type])
            panel.scoreCommitted.connect(lambda code, value: self.editor.apply(
                self.tr("Score {code}").format(code=code), lambda r: ops.set_score(r, self.applicant_id, code, value)))
            panel.commentCommitted.connect(lambda code, text: self.editor.apply(
                self.tr("Comment {code}").format(code=code), lambda r: ops.set_comment(r, self.applicant_id, code, text)))
            panel.vetoCommitted.connect(lambda code, on, reason: self.editor.apply(
                self.tr("Veto {code}").format(code=code), ops.SetVeto(self.applicant_id, code, on, reason).apply))
            panel.opinionCommitted.connect(lambda text, choice: self.editor.apply(
                self.tr("Opinion"), ops.SetOpinion(self.applicant_id, text, choice).apply))
            panel.currentItemChanged.connect(self._item_changed)
            panel.invalidScore.connect(self._invalid_score)
            self.panels[carrier_type] = panel
            self.panel_stack.addWidget(panel)
        return self.panels[carrier_type]

    def reload(self, changes: ops.OpChanges | None = None) -> None:
        """Show the sheet: all of it, or (after an edit) what `changes` names, re-read and redrawn."""
        if changes is None or self.view is None:
            self.view = sheet_view(self.editor.reviewer, self.applicant_id)
        else:
            self.view = refresh_view(self.editor.reviewer, self.view, changes)
        view = self.view
        self.panel.sync(view, changes)
        self.details.sync(view)
        self.checklist.show_entries(view.rubric, view.checklist)
        self.banner.show_state(view.conflict, view.conflict_reason)
        revision = " · " + self.tr("revision {n}").format(n=view.revision) if view.revision else ""
        self.state_label.setText(label(STATES, view.applicant_state) + revision)
        missing = len(view.checklist)
        self.todo_button.setText(self.tr("{n} to do").format(n=missing) if missing else self.tr("Complete"))
        declared, signed = view.conflict == ConflictState.DECLARED, view.state == SheetState.SIGNED
        self.todo_button.setVisible(not declared)
        self.sign_button.setEnabled(view.sign_refusal is None)
        self.sign_button.setVisible(not signed and not declared)
        self.amend_button.setVisible(signed)
        self.viewer.set_linking_enabled(view.editable)
        if changes is None or changes.links or changes.revision:
            self._show_overlays(view)

    def _show_overlays(self, view: SheetView) -> None:
        self.viewer.set_overlays([Overlay(link.id, link.material_id, link.page_index, link.rect, link.item_code)
                                  for link in view.links])

    # --- reacting ---------------------------------------------------------------------------
    def _changed(self, changes: ops.OpChanges) -> None:
        if changes.applicant_id == self.applicant_id:
            self.reload(changes)
            state = self.view.applicant_state
            self.stateChanged.emit(changes.applicant_id, state,
                                   None if state == ApplicantState.CONFLICT else self.view.revision)
        else:  # an edit of another applicant's sheet (e.g. signed from a dialog): the list re-reads it
            self.stateChanged.emit(changes.applicant_id, None, None)

    def _open_photo(self, photo_id: int) -> None:
        photo = next((p for p in (self.view.photos if self.view else ()) if p.id == photo_id), None)
        if photo is None:
            return
        dialog = PhotoDialog(photo, self.editor.reviewer.home.blobs.read(photo.sha256), self.view.editable, self)
        if dialog.exec() and dialog.caption_text() != photo.caption:
            self.editor.apply(self.tr("Photo caption"),
                              ops.caption_photo(self.applicant_id, photo, dialog.caption_text()).apply)

    def _save_note_draft(self, text: str) -> None:
        if not self.applicant_id:
            return
        try:
            drafts.save_note_draft(self.editor.reviewer, self.applicant_id, text)
        except Problem as problem:
            self.message.emit(describe(problem))

    def _failed(self, problem: Problem) -> None:
        if problem.code == Code.CONFLICT_UNCONFIRMED:
            self.ask_conflict()
        else:
            QMessageBox.warning(self, self.tr("Not saved"), describe(problem))
            self.reload()

    def _invalid_score(self, code: str, reason: str) -> None:
        item = self.panel.rubric.item(code)
        self.message.emit(describe(Problem(Code.SCORE_INVALID, item=code, value=self.panel.rows[code].score.text(),
                                           reason=reason, max=str(item.max_points), step=str(item.step))))

    def _item_changed(self, code: str) -> None:
        self.details.show_item(self.panel.rubric, code, self.view)
        if self.view is not None and self.view.conflict == ConflictState.UNCONFIRMED:
            self.ask_conflict()

    def ask_conflict(self) -> None:
        dialog = ConflictDialog(self.applicant_name, self)
        if not dialog.exec():
            return
        if dialog.declared:
            self.editor.run(lambda r: ops.declare_conflict(r, self.applicant_id, dialog.reason_text))
        else:
            self.editor.run(lambda r: ops.confirm_no_conflict(r, self.applicant_id))
            if self.panel.current_item:
                self.panel.focus_item(self.panel.current_item)

    def _go_to_entry(self, entry: ChecklistEntry) -> None:
        if entry.kind == ChecklistKind.CONFLICT_UNCONFIRMED:
            self.ask_conflict()
        elif entry.kind == ChecklistKind.RECOMMENDATION_MISSING:
            self.panel.scroll.ensureWidgetVisible(self.panel.recommend)
            self.panel.recommend.setFocus()
        elif entry.code in self.panel.rows:
            self.panel.focus_item(entry.code)
            if entry.kind == ChecklistKind.COMMENT_MISSING:
                self.panel.rows[entry.code].comment.setFocus()
        elif entry.code in self.panel.vetoes:
            self.panel.vetoes[entry.code].reason.setFocus()

    def _link_region(self, material_id: int, page_index: int, rect) -> None:
        self.details.end_region_mode()
        self.viewer.set_region_mode(False)
        self._add_link(material_id, page_index, rect)

    def _link_page_shown(self) -> None:
        material_id, page_index, _zoom = self.viewer.location()
        if material_id is not None:
            self._add_link(material_id, page_index, None)

    def _add_link(self, material_id: int, page_index: int, rect) -> None:
        code = self.panel.current_item
        if not code:
            self.message.emit(self.tr("Click into the item the evidence is for, then link it."))
            return
        self.editor.apply(self.tr("Link evidence to {code}").format(code=code),
                          lambda r: ops.add_link(r, self.applicant_id, code, material_id, page_index, rect))

    def _overlay_clicked(self, link_id: int) -> None:
        link = next((k for k in (self.view.links if self.view else ()) if k.id == link_id), None)
        if link is not None:
            self.panel.set_current_item(link.item_code)
            self.panel.scroll.ensureWidgetVisible(self.panel.rows[link.item_code])

    def show_item(self, item_code: str) -> None:
        """Bring an item (or, for '', the whole-visit record) into view with its notes."""
        if item_code and item_code in self.panel.rows:
            self.panel.set_current_item(item_code)
            self.panel.scroll.ensureWidgetVisible(self.panel.rows[item_code])
        self.details.setCurrentIndex(1)  # the site notes

    def _flush_then(self, signal) -> None:
        self.flush()
        signal.emit(self.applicant_id)

    def flush(self) -> None:
        if self.panel is not None:
            self.panel.flush()
        self.details.flush_draft()
        if hasattr(self, "_location_timer"):
            self._save_location()

    def _photo_pixmap(self, sha256: str) -> QPixmap:
        if sha256 not in self._thumbnails:  # reduced photos never change: their hash names them
            self._thumbnails[sha256] = thumbnail(self.editor.reviewer.home.blobs.read(sha256), QSize(240, 180))
        return self._thumbnails[sha256]
