"""The viewer's tool bar: pages, zoom, reading mode, rotation, region selection, search."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMenu, QStyle, QToolBar, QToolButton, QWidget

from .layout import FIT_PAGE, FIT_WIDTH, parse_zoom

ZOOM_CHOICES = (
    (FIT_WIDTH, QT_TRANSLATE_NOOP("ViewerToolbar", "Fit width")),
    (FIT_PAGE, QT_TRANSLATE_NOOP("ViewerToolbar", "Fit page")),
    ("25", "25%"), ("50", "50%"), ("75", "75%"), ("100", "100%"), ("125", "125%"), ("150", "150%"),
    ("200", "200%"), ("300", "300%"), ("400", "400%"),
)


class ViewerToolbar(QToolBar):
    zoomChosen = Signal(str)
    pageTyped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(18, 18))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        style = self.style()
        self.sidebar = self._action(self.tr("Sidebar"), self.tr("Show or hide the materials and thumbnails"), True)
        self.sidebar.setChecked(True)
        self.addSeparator()
        self.previous = self._action(self.tr("Previous page"), self.tr("Previous page (Page Up)"))
        self.previous.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.next = self._action(self.tr("Next page"), self.tr("Next page (Page Down)"))
        self.next.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        for action in (self.previous, self.next):
            self.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.page_box = QLineEdit()
        self.page_box.setObjectName("viewerPageBox")
        self.page_box.setFixedWidth(self.fontMetrics().horizontalAdvance("0000") + 16)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_box.setToolTip(self.tr("Go to page: type the printed page label or the page number"))
        self.page_box.returnPressed.connect(lambda: self.pageTyped.emit(self.page_box.text()))
        self.page_count = QLabel()
        self.addWidget(self.page_box)
        self.addWidget(self.page_count)
        self.addSeparator()
        self.zoom_out = self._action("−", self.tr("Zoom out (Ctrl+− or Ctrl+wheel)"))
        self.zoom_out.setShortcuts(_keys("Ctrl+-", QKeySequence.StandardKey.ZoomOut))
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("viewerZoom")
        self.zoom_box.setEditable(True)
        self.zoom_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zoom_box.lineEdit().setValidator(None)
        for spec, text in ZOOM_CHOICES:
            self.zoom_box.addItem(QCoreApplication.translate("ViewerToolbar", text), spec)
        self.zoom_box.setMinimumContentsLength(6)
        self.zoom_box.activated.connect(lambda i: self.zoomChosen.emit(self.zoom_box.itemData(i)))
        self.zoom_box.lineEdit().returnPressed.connect(self._typed_zoom)
        self.addWidget(self.zoom_box)
        self.zoom_in = self._action("+", self.tr("Zoom in (Ctrl+= or Ctrl+wheel)"))
        # Ctrl+= is Ctrl++ without Shift on Chinese and US keyboards alike
        self.zoom_in.setShortcuts(_keys("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn))
        self.addSeparator()
        self.continuous = self._action(self.tr("Continuous"), self.tr("Scroll through all pages, or show one page at a time"), True)
        self.continuous.setChecked(True)
        self.rotate_page = QAction(self.tr("Turn page clockwise"), self)
        self.rotate_page_back = QAction(self.tr("Turn page anticlockwise"), self)
        self.rotate_material = QAction(self.tr("Turn whole material clockwise"), self)
        self.rotate_material_back = QAction(self.tr("Turn whole material anticlockwise"), self)
        self.rotate_page.setShortcut(QKeySequence("Ctrl+R"))
        self.rotate_material.setShortcut(QKeySequence("Ctrl+Shift+R"))
        menu = QMenu(self)
        menu.addActions([self.rotate_page, self.rotate_page_back, self.rotate_material, self.rotate_material_back])
        self.rotate_button = QToolButton()
        self.rotate_button.setText(self.tr("Turn"))
        self.rotate_button.setToolTip(self.tr("Turn the page or the whole material for reading (the file is not changed)"))
        self.rotate_button.setMenu(menu)
        self.rotate_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.rotate_button.clicked.connect(self.rotate_page.trigger)
        self.addWidget(self.rotate_button)
        self.addSeparator()
        self.region = self._action(self.tr("Select region"), self.tr("Drag on a page to select a region as evidence"), True)
        self.whole_page = self._action(self.tr("Whole page"), self.tr("Use the whole page shown as evidence"))
        self.find = QAction(self.tr("Find"), self)
        self.find.setShortcut(QKeySequence.StandardKey.Find)
        for action in (self.rotate_page, self.rotate_page_back, self.rotate_material, self.rotate_material_back, self.find):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _action(self, text: str, tip: str, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setCheckable(checkable)
        self.addAction(action)
        return action

    def _typed_zoom(self) -> None:
        mode, percent = parse_zoom(self.zoom_box.currentText().strip())
        if mode == "percent":
            self.zoomChosen.emit(f"{percent:.0f}")

    def show_zoom(self, spec: str, percent: float) -> None:
        index = self.zoom_box.findData(spec)
        if index >= 0 and spec in (FIT_WIDTH, FIT_PAGE):
            self.zoom_box.setCurrentIndex(index)
        else:
            self.zoom_box.setEditText(f"{percent:.0f}%")

    def show_page(self, label: str, number: int, count: int) -> None:
        if not self.page_box.hasFocus():
            self.page_box.setText(label)
        self.page_count.setText(self.tr("({number} of {count})").format(number=number, count=count) if count else "")

    def set_material_open(self, is_open: bool) -> None:
        for widget in (self.page_box, self.zoom_box, self.rotate_button):
            widget.setEnabled(is_open)
        for action in (self.previous, self.next, self.zoom_out, self.zoom_in, self.region, self.whole_page,
                       self.rotate_page, self.rotate_page_back, self.rotate_material, self.rotate_material_back):
            action.setEnabled(is_open)


def _keys(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Each key once: the platform's standard binding often repeats one given explicitly."""
    found: list[QKeySequence] = []
    for key in keys:
        for sequence in (QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]):
            if sequence not in found:
                found.append(sequence)
    return found
