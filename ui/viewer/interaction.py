"""How the expert handles the pages: wheel and keys to move, Ctrl+wheel and pinch to zoom, drag to
select text (and copy it) or, in region mode, to select a rectangle for an evidence link."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter
from PySide6.QtWidgets import QAbstractScrollArea

from review_model.dossier.ocr import needs_ocr

from . import painting
from .selection import OcrPageText, PageText

TEXT_TOOL, REGION_TOOL = "text", "region"
CLICK_SLOP = 4  # pixels a press may move and still be a click


class Interaction:
    """Mixed into PageView (a QAbstractScrollArea)."""

    def setup_interaction(self) -> None:
        self.tool = TEXT_TOOL
        self._press = None  # (page, canvas point)
        self._drag: QRectF | None = None
        self.selection: tuple[int, tuple[int, int]] | None = None
        self._selecting: tuple | None = None  # (page, from, to) in unrotated points
        self._click_areas: list = []

    def set_tool(self, tool: str) -> None:
        self.tool = tool
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if tool == REGION_TOOL else Qt.CursorShape.ArrowCursor)
        self._press, self._drag = None, None

    # --- text ---------------------------------------------------------------------------------
    def clear_selection(self) -> None:
        self.selection, self._selecting = None, None

    def selected_text(self) -> str:
        if not self.selection or self.selection[0] not in self.texts:
            return ""
        return self.texts[self.selection[0]].text(self.selection[1])

    def copy_selection(self) -> bool:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)
        return bool(text)

    def _need_text(self, page: int) -> None:
        if page in self.texts or page in self._text_requests:
            return
        material_id = self.material_id

        def arrived(lines) -> None:
            self._text_requests.pop(page, None)
            if material_id == self.material_id:
                text = PageText(lines)
                if needs_ocr("".join(c[0] for c in text.chars)) and self.material is not None:
                    scanned = self.bridge.library.ocr_lines(self.material.material, page)  # a scan: its OCR, if read
                    if scanned:
                        text = OcrPageText(tuple(tuple(line) for line in scanned))
                self.texts[page] = text
                self._update_selection()
        self._text_requests[page] = self.bridge.text(material_id, page, arrived)

    def _update_selection(self) -> None:
        """Select from the press to the mouse (points of the unrotated page), once the page's text is known."""
        if not self._selecting:
            return
        page, a, b = self._selecting
        text = self.texts.get(page)
        if text is None:
            return
        selected = text.select(a, b)
        self.selection = None if selected is None else (page, selected)
        self.viewport().update()

    def paint_selection(self, p: QPainter, page: int) -> None:
        if self.selection and self.selection[0] == page and page in self.texts:
            boxes = [self.to_view(page, rect) for rect in self.texts[page].rects(self.selection[1])]
            painting.paint_rects(p, boxes, painting.SELECTION)
        if self._drag is not None and self.tool == REGION_TOOL and self._press and self._press[0] == page:
            painting.paint_region(p, self._drag.normalized())

    # --- mouse --------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.material is None:
            return QAbstractScrollArea.mousePressEvent(self, event)
        canvas = event.position() + self.offset()
        page = self.page_at(canvas)
        self._press = None if page is None else (page, canvas)
        self._drag = None
        if page is not None and self.tool == TEXT_TOOL:
            self.clear_selection()
            self._need_text(page)
        self.viewport().update()

    def mouseMoveEvent(self, event) -> None:
        if not self._press:
            return
        canvas = event.position() + self.offset()
        if self._drag is None and (canvas - self._press[1]).manhattanLength() < CLICK_SLOP:
            return
        r = self.layout.rect(self._press[0])
        end = QPointF(min(max(canvas.x(), r.left()), r.right()), min(max(canvas.y(), r.top()), r.bottom()))
        self._drag = QRectF(self._press[1], end)
        if self.tool == TEXT_TOOL:
            page = self._press[0]
            self._selecting = (page, self.from_view(page, self._press[1]), self.from_view(page, end))
            self._update_selection()
        self.viewport().update()

    def mouseReleaseEvent(self, event) -> None:
        press, drag = self._press, self._drag
        self._press, self._drag = None, None
        if not press:
            return
        page = press[0]
        if drag is None:  # a click
            canvas = event.position() + self.offset()
            for area, key in reversed(self._click_areas):
                if area.contains(canvas):
                    self.overlayClicked.emit(key)
                    break
            self.viewport().update()
            return
        if self.tool == REGION_TOOL:
            box = drag.normalized()
            a, b = self.from_view(page, box.topLeft()), self.from_view(page, box.bottomRight())
            rect = self.material.pages[page].clamp((a[0], a[1], b[0], b[1]))
            self.region = (page, rect)
            self.regionSelected.emit(page, rect)
        elif self.selection:
            self.textSelected.emit(self.selected_text())
        self.viewport().update()

    def mouseDoubleClickEvent(self, event) -> None:
        self.mousePressEvent(event)

    # --- wheel, pinch, keys -------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 50
            if steps:
                self.zoom_by(1.1 ** steps, event.position())
            event.accept()
            return
        bar = self.verticalScrollBar()
        delta = event.angleDelta().y()
        if not self.continuous and self.material is not None:
            if delta < 0 and bar.value() >= bar.maximum() and self.current + 1 < self.page_count():
                self.turn(1)
                event.accept()
                return
            if delta > 0 and bar.value() <= bar.minimum() and self.current > 0:
                self.turn(-1, to_bottom=True)
                event.accept()
                return
        QAbstractScrollArea.wheelEvent(self, event)

    def turn(self, step: int, to_bottom: bool = False) -> None:
        """The next (step 1) or previous (-1) page."""
        if self.material is None:
            return
        target = min(max(self.current + step, 0), self.page_count() - 1)
        self.go_to(target)
        if to_bottom and not self.continuous:
            self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())

    def viewportEvent(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.NativeGesture and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value(), event.position())
            return True
        if kind == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(pinch.scaleFactor(), QPointF(centre))
                return True
        return QAbstractScrollArea.viewportEvent(self, event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            if self.copy_selection():
                event.accept()
                return
        key = event.key()
        bar = self.verticalScrollBar()
        if key == Qt.Key.Key_Escape:
            self.clear_selection()
            self.viewport().update()
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self.material is not None:
            self.go_to(0 if key == Qt.Key.Key_Home else self.page_count() - 1)
        elif not self.continuous and key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space) and bar.value() >= bar.maximum():
            self.turn(1)
        elif not self.continuous and key == Qt.Key.Key_PageUp and bar.value() <= bar.minimum():
            self.turn(-1, to_bottom=True)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and self.horizontalScrollBar().maximum() == 0:
            self.turn(1 if key == Qt.Key.Key_Right else -1)
        else:
            QAbstractScrollArea.keyPressEvent(self, event)
