"""The render worker as seen from the GUI thread: replies arrive as queued calls on this thread,
pixels as QPixmaps. Only the worker process runs PyMuPDF, so the window never stalls on it."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from review_model.dossier.library import DossierLibrary, MaterialInfo
from review_model.dossier.renderer import MaterialRenderer, Piece
from review_model.errors import Problem


def piece_image(piece: Piece) -> QImage:
    """The piece's pixels as they came (Grayscale8 or RGB888: Qt paints both directly, and a grey
    scan takes a quarter of the memory of RGB32). The image reads `piece.pixels`, which the caller
    keeps alive as long as the image (see tiles.CachedPiece)."""
    fmt = QImage.Format.Format_Grayscale8 if piece.channels == 1 else QImage.Format.Format_RGB888
    return QImage(piece.pixels, piece.width, piece.height, piece.stride, fmt)


class RenderBridge(QObject):
    _deliver = Signal(object, object)

    def __init__(self, library: DossierLibrary, renderer: MaterialRenderer | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.renderer = renderer or MaterialRenderer(library)
        self._deliver.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._alive = True
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(2000)
        self._watchdog.timeout.connect(lambda: self.renderer.check_stalled())
        self._watchdog.start()
        QTimer.singleShot(0, self._prepare_search)  # once the window is up, not before

    def _prepare_search(self) -> None:
        if self._alive:
            self.library.prepare_search()

    def _run(self, fn: Callable, value: object) -> None:
        if self._alive:
            fn(value)

    def _later(self, fn: Callable) -> Callable:
        return lambda value: self._deliver.emit(fn, value)  # from the reader thread to this one

    # --- requests (callbacks run on the GUI thread) --------------------------------------------
    def open(self, material: MaterialInfo, done: Callable, password: str | None = None) -> int | None:
        return self.renderer.open(material, self._later(done), password)

    def close_material(self, material_id: int) -> None:
        self.renderer.close_material(material_id)

    def render(self, material_id: int, page: int, rotation: int, scale: float, clip, done: Callable[[object], None],
               priority: int) -> int:
        def arrived(result: Piece | Problem) -> None:
            if isinstance(result, Problem):
                done(result)
            else:
                done((result, piece_image(result)))
        return self.renderer.render(material_id, page, rotation, scale, clip, self._later(arrived), priority)

    def cached_thumbnail(self, material_id: int, page: int, width: int) -> QImage | None:
        data = self.renderer.cached_thumbnail(material_id, page, width)
        if data is None:
            return None
        image = QImage.fromData(data, "JPG")
        return None if image.isNull() else image

    def thumbnail(self, material_id: int, page: int, width: int, done: Callable[[QImage | None], None]) -> int:
        def arrived(data: bytes | None) -> None:
            image = QImage.fromData(data, "JPG") if data else QImage()
            done(None if image.isNull() else image)
        return self.renderer.thumbnail(material_id, page, width, self._later(arrived))

    def text(self, material_id: int, page: int, done: Callable) -> int:
        return self.renderer.text(material_id, page, self._later(done))

    def find(self, material_id: int, pages: list[int], query: str, done: Callable) -> int:
        return self.renderer.find(material_id, pages, query, self._later(done))

    def search_live(self, material_id: int, query: str, done: Callable) -> int:
        return self.renderer.search_live(material_id, query, self._later(done))

    def cancel(self, ids: list[int]) -> None:
        self.renderer.cancel([i for i in ids if i is not None])

    @property
    def worker_pid(self) -> int | None:
        return self.renderer.worker.pid

    def shutdown(self) -> None:
        if self._alive:
            self._alive = False
            self._watchdog.stop()
            self.renderer.close()
