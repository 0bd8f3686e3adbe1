"""Driving a DossierViewer in tests: build it on a dossier home, wait until the pages are drawn."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from review_model.dossier.library import DossierLibrary


def make_viewer(qtbot, home, size=(1200, 800)):
    from ui.viewer import DossierViewer

    viewer = DossierViewer(DossierLibrary(home))
    qtbot.addWidget(viewer)
    viewer.resize(*size)
    viewer.show()
    qtbot.waitExposed(viewer)
    return viewer


def open_and_wait(qtbot, viewer, material_id: int, page: int = 0, timeout: int = 10000) -> None:
    viewer.open_material(material_id, page)
    qtbot.waitUntil(lambda: viewer.pages.material is not None and viewer.pages.material_id == material_id, timeout=timeout)
    wait_drawn(qtbot, viewer, timeout)


def wait_drawn(qtbot, viewer, timeout: int = 10000) -> None:
    QApplication.processEvents()
    qtbot.waitUntil(viewer.pages.rendered, timeout=timeout)


def ctrl_wheel(widget, steps: int, at: QPointF | None = None) -> None:
    at = at or QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(at, widget.mapToGlobal(at), QPoint(0, 0), QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def drag(qtbot, widget, start: QPointF, end: QPointF) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start.toPoint())
    for step in range(1, 5):
        point = start + (end - start) * (step / 4)
        qtbot.mouseMove(widget, point.toPoint())
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end.toPoint())
