"""DossierViewer: an applicant's dossier, material by material, for reading beside the rubric.

The workspace drives it through a few calls (show_applicant, open_material, go_to, set_zoom,
set_overlays, flash) and listens to locationChanged, regionSelected and overlayClicked. Calls
from the program never move the keyboard focus: the expert keeps typing a score while pages turn.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from review_model.dossier.library import DossierLibrary, MaterialInfo, Rotations
from review_model.dossier.outline import find_page
from review_model.dossier.renderer import MaterialRenderer, OpenedMaterial
from review_model.errors import Code, Problem
from ui.messages import describe

from .bridge import RenderBridge
from .interaction import REGION_TOOL, TEXT_TOOL
from .materials_list import MaterialList
from .notices import PasswordForm, Placeholder, UprightOffer, WarningStrip
from .outline_tree import OutlineTree
from .page_view import THUMB_WIDTH, PageView
from .painting import Overlay
from .search import SearchController
from .search_panel import HitList, SearchBox
from .thumbnails import ThumbnailStrip
from .tiles import TileCache
from .toolbar import ViewerToolbar


class DossierViewer(QWidget):
    locationChanged = Signal(int, int, str)  # material id (-1: none), page index, zoom spec
    regionSelected = Signal(int, int, object)  # material id, page index, (x0, y0, x1, y1) or None: whole page
    overlayClicked = Signal(object)  # the overlay's key
    materialOpened = Signal(int)

    def __init__(self, library: DossierLibrary, parent: QWidget | None = None, *,
                 renderer: MaterialRenderer | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.bridge = RenderBridge(library, renderer, self)  # starts the worker process now, in parallel
        self.applicant_id: str | None = None
        self.materials: tuple[MaterialInfo, ...] = ()
        self.opened: dict[int, OpenedMaterial] = {}
        self.material_id: int | None = None  # the material shown or being opened
        self._opening: tuple[int, int, int | None] | None = None  # material, page, request
        self._after_open: list = []
        self._overlays: list[Overlay] = []
        self._last_location: tuple | None = None
        self._build()
        self.search = SearchController(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        renderer = self.bridge.renderer
        self.destroyed.connect(lambda *_: renderer.close())  # a viewer deleted with its window, never closed

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = ViewerToolbar(self)
        self.warning = WarningStrip(self)
        self.upright = UprightOffer(self)
        self.pages = PageView(self.bridge, TileCache(), self)
        self.pages.setObjectName("viewerPages")
        self.password = PasswordForm(self)
        self.placeholder = Placeholder(self)
        self.stack = QStackedWidget(self)
        for widget in (self.placeholder, self.pages, self.password):
            self.stack.addWidget(widget)
        self.material_list = MaterialList(self)
        self.thumbnails = ThumbnailStrip(self.bridge, self)
        self.outline = OutlineTree(self)
        self.search_box = SearchBox(self)
        self.hit_list = HitList(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.thumbnails, self.tr("Pages"))
        self.tabs.addTab(self.outline, self.tr("Bookmarks"))
        self.tabs.addTab(self.hit_list, self.tr("Hits"))
        lower = QWidget(self)
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.search_box)
        column.addWidget(self.tabs, 1)
        self.sidebar = QSplitter(Qt.Orientation.Vertical, self)
        self.sidebar.addWidget(self.material_list)
        self.sidebar.addWidget(lower)
        self.sidebar.setStretchFactor(1, 2)
        self.sidebar.setMinimumWidth(150)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("viewerSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([220, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.warning)
        layout.addWidget(self.upright)
        layout.addWidget(self.splitter, 1)
        self._connect()
        self._show_placeholder(self.tr("Choose an applicant to see the dossier."))

    def _connect(self) -> None:
        t, pages = self.toolbar, self.pages
        t.sidebar.toggled.connect(self.sidebar.setVisible)
        t.previous.triggered.connect(lambda: pages.turn(-1))
        t.next.triggered.connect(lambda: pages.turn(1))
        t.pageTyped.connect(self._page_typed)
        t.zoomChosen.connect(self.set_zoom)
        t.zoom_in.triggered.connect(lambda: pages.zoom_by(1.25))
        t.zoom_out.triggered.connect(lambda: pages.zoom_by(0.8))
        t.continuous.toggled.connect(self.set_continuous)
        t.rotate_page.triggered.connect(lambda: self.rotate_page(90))
        t.rotate_page_back.triggered.connect(lambda: self.rotate_page(-90))
        t.rotate_material.triggered.connect(lambda: self.rotate_material(90))
        t.rotate_material_back.triggered.connect(lambda: self.rotate_material(-90))
        t.region.toggled.connect(self.set_region_mode)
        t.whole_page.triggered.connect(self.link_whole_page)
        t.find.triggered.connect(self._find)
        self.addActions([t.rotate_page, t.rotate_page_back, t.rotate_material, t.rotate_material_back, t.find])
        pages.currentPageChanged.connect(self._page_changed)
        pages.zoomChanged.connect(self._zoom_changed)
        pages.regionSelected.connect(lambda page, rect: self.regionSelected.emit(self.material_id, page, rect))
        pages.overlayClicked.connect(self.overlayClicked)
        self.material_list.materialChosen.connect(self.open_material)
        self.thumbnails.pageChosen.connect(lambda page: pages.go_to(page))
        self.thumbnails.thumbnails.loaded.connect(self._thumbnail_loaded)
        self.outline.pageChosen.connect(lambda page: pages.go_to(page))
        self.password.passwordEntered.connect(self._password_entered)
        self.upright.turnRequested.connect(self.rotate_page)

    # --- applicants and materials -------------------------------------------------------------
    def show_applicant(self, applicant_id: str, open_first: bool = True) -> None:
        """List the applicant's materials; unless the program opens one itself right after, the
        first readable material opens."""
        self._close_material()
        self.applicant_id = applicant_id
        self.materials = self.library.materials(applicant_id)
        self.opened = {}
        self.material_list.set_materials(self.materials)
        self.search.reset()
        self._show_placeholder(self.tr("Choose a material on the left."))
        if open_first:
            QTimer.singleShot(0, self._open_first)

    def _open_first(self) -> None:
        if self.material_id is None:
            first = next((m for m in self.materials if m.has_file), None)
            if first is not None:
                self.open_material(first.material_id)

    def material(self, material_id: int) -> MaterialInfo:
        found = next((m for m in self.materials if m.material_id == material_id), None)
        if found is None:
            found = self.library.material(material_id)
            if found.applicant_id != self.applicant_id:
                self.show_applicant(found.applicant_id, open_first=False)
        return found

    def open_material(self, material_id: int, page_index: int = 0) -> None:
        """Show `material_id` at `page_index` (0-based). The focus stays where it is."""
        try:
            material = self.material(material_id)
        except Problem as problem:
            self.warning.say(describe(problem))
            return
        if material_id == self.material_id and material_id in self.opened and self._opening is None:
            self.pages.go_to(page_index)
            return
        self._close_material()
        self.material_id = material_id
        self.material_list.show_current(material_id)
        if not material.has_file:
            self._show_placeholder(describe(Problem(Code.MATERIAL_MISSING, material=material.name)))
            self._announce()
            return
        self._request_open(material, page_index, None)

    def _request_open(self, material: MaterialInfo, page: int, password: str | None) -> None:
        token = object()
        self._opening = (material.material_id, page, token)
        self.bridge.open(material, lambda result: self._opened(token, result), password)

    def _opened(self, token: object, result: OpenedMaterial | Problem) -> None:
        if self._opening is None or self._opening[2] is not token:
            return  # another material was asked for meanwhile
        material_id, page, _ = self._opening
        material = self.material(material_id)
        if isinstance(result, Problem):
            if result.code == Code.PDF_PASSWORD_NEEDED:
                self.password.ask(describe(result))
                self.stack.setCurrentWidget(self.password)
            elif result.code == Code.PDF_PASSWORD_WRONG:
                self.password.refuse(describe(result))
                self.stack.setCurrentWidget(self.password)
            else:
                self._opening = None
                self._show_placeholder(describe(result))
                self._announce()
            return
        self._opening = None
        self.opened[material_id] = result
        rotations = self.library.rotations(material_id)
        self.pages.set_material(result, rotations, page)
        width = round(THUMB_WIDTH * self.devicePixelRatioF())
        self.thumbnails.thumbnails.set_material(material_id, result.labels, rotations, width)
        self.outline.set_outline(result.outline, result.labels)
        self.tabs.setTabEnabled(1, bool(result.outline))
        self.pages.set_overlays(self._overlays)
        self.search.material_shown(material_id)
        self.warning.say(describe(Problem(Code.PDF_DAMAGED, material=material.name)) if result.damaged else "")
        self.toolbar.set_material_open(True)
        self.stack.setCurrentWidget(self.pages)
        self._page_changed(self.pages.current)
        self._zoom_changed(self.pages.zoom())
        self.materialOpened.emit(material_id)
        for action in self._after_open:
            action()
        self._after_open = []

    def _password_entered(self, password: str) -> None:
        if self._opening is not None:
            self._request_open(self.material(self._opening[0]), self._opening[1], password)

    def _close_material(self) -> None:
        self._opening = None
        self._after_open = []
        self.material_id = None
        self.pages.set_material(None, Rotations())
        self.thumbnails.thumbnails.set_material(None, (), Rotations(), 0)
        self.outline.clear()
        self.warning.say("")
        self.toolbar.set_material_open(False)
        self.toolbar.show_page("", 0, 0)
        self.upright.offer(0)

    def _show_placeholder(self, text: str) -> None:
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)

    # --- where the expert is ------------------------------------------------------------------
    def go_to(self, material_id: int, page_index: int) -> None:
        self.open_material(material_id, page_index)

    def turn_page(self, step: int) -> None:
        """Next (1) or previous (-1) page, without taking the keyboard focus."""
        self.pages.turn(step)

    def location(self) -> tuple[int | None, int, str]:
        return self.material_id, self.pages.current if self.pages.material else 0, self.pages.zoom()

    def _announce(self) -> None:
        here = (-1 if self.material_id is None else self.material_id, self.location()[1], self.location()[2])
        if here != self._last_location:
            self._last_location = here
            self.locationChanged.emit(*here)

    def _page_changed(self, page: int) -> None:
        material = self.pages.material
        if material is None:
            return
        label = material.labels[page] if page < len(material.labels) else str(page + 1)
        self.toolbar.show_page(label, page + 1, len(material.pages))
        self.thumbnails.show_page(page)
        self._offer_upright(page)
        self._announce()

    def _zoom_changed(self, spec: str) -> None:
        self.toolbar.show_zoom(spec, self.pages.effective_percent())
        self._announce()

    def _page_typed(self, typed: str) -> None:
        material = self.pages.material
        page = None if material is None else find_page(list(material.labels), typed)
        if page is None:
            self._page_changed(self.pages.current)
            self.warning.say(self.tr("There is no page “{page}” in this material.").format(page=typed))
            return
        self.warning.say("")
        self.pages.go_to(page)

    def set_zoom(self, spec: str) -> None:
        """"fit-width", "fit-page" or a percentage from 25 to 400 ("150")."""
        self.pages.set_zoom(spec)
        self._zoom_changed(self.pages.zoom())

    def zoom(self) -> str:
        return self.pages.zoom()

    def set_continuous(self, continuous: bool) -> None:
        self.pages.set_continuous(continuous)
        if self.toolbar.continuous.isChecked() != continuous:
            self.toolbar.continuous.setChecked(continuous)

    # --- turning pages ------------------------------------------------------------------------
    def rotate_page(self, by: int = 90) -> None:
        self._rotate(self.pages.current, by)

    def rotate_material(self, by: int = 90) -> None:
        self._rotate(None, by)

    def _rotate(self, page: int | None, by: int) -> None:
        if self.pages.material is None:
            return
        try:
            rotations = self.library.rotate(self.material_id, page, by)
        except Problem as problem:
            self.warning.say(describe(problem))
            return
        self.pages.set_rotations(rotations)
        self.thumbnails.thumbnails.set_rotations(rotations)
        self._offer_upright(self.pages.current)

    def _offer_upright(self, page: int) -> None:
        """A scan the OCR found sideways or upside down, shown so: offer the one click that turns it."""
        opened = self.opened.get(self.material_id) if self.material_id is not None else None
        if opened is None or self.pages.material is None:
            self.upright.offer(0)
            return
        self.upright.offer(self.library.upright_turn(opened.material, page, self.pages.total_rotation(page)))

    # --- regions, overlays, flash -------------------------------------------------------------
    def set_region_mode(self, on: bool) -> None:
        self.pages.set_tool(REGION_TOOL if on else TEXT_TOOL)
        if self.toolbar.region.isChecked() != on:
            self.toolbar.region.setChecked(on)

    def region_mode(self) -> bool:
        return self.pages.tool == REGION_TOOL

    def set_linking_enabled(self, on: bool) -> None:
        """Evidence can be linked only while the sheet takes edits (not signed, no conflict)."""
        self.toolbar.region.setEnabled(on)
        self.toolbar.whole_page.setEnabled(on)
        if not on:
            self.set_region_mode(False)

    def link_whole_page(self) -> None:
        if self.pages.material is not None:
            self.regionSelected.emit(self.material_id, self.pages.current, None)

    def set_overlays(self, overlays: list[Overlay]) -> None:
        self._overlays = list(overlays)
        self.pages.set_overlays(self._overlays)

    def flash(self, material_id: int, page_index: int, rect: tuple | None = None) -> None:
        """Show the page and make the region (or the whole page) blink briefly."""
        if material_id == self.material_id and self._opening is None and self.pages.material is not None:
            self.pages.flash(page_index, rect)
            return
        self.open_material(material_id, page_index)
        self._after_open.append(lambda: self.pages.flash(page_index, rect))

    def selected_text(self) -> str:
        return self.pages.selected_text()

    # --- sidebar ------------------------------------------------------------------------------
    def _thumbnail_loaded(self, page: int, image: QImage) -> None:
        self.pages.stand_ins[page] = image

    def _find(self) -> None:  # the expert asked (Ctrl+F): here moving the focus is wanted
        self.sidebar.show()
        self.toolbar.sidebar.setChecked(True)
        self.search_box.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.field.selectAll()

    # --- the end ------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the render worker (also done by close())."""
        self.pages.cancel_all()
        self.bridge.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

