"""The OCR worker process: `python -m review_model.dossier.ocr_worker` (in a frozen app:
`reviewdesk --render-worker ocr`, see worker.main).

One request at a time from stdin: {"op": "ocr", "id", "path", "page"} → the page rendered at
OCR_DPI (unrotated), guarded against pages no engine should be given, turned upright, read, and
the reply {"id", "lines": [[text, confidence, [[char, x0, y0, x1, y1, confidence], …]], …],
"rotation": degrees, "dpi"} with every box in unrotated PDF points; or {"id", "error": reason,
"detail"}. The app (ocr.OcrClient) kills and restarts the process when a page overruns its time
limit. Runs at low priority: the expert's window comes first.
"""
from __future__ import annotations

import os
import sys
import time

from ..store.sealed import Sealer, blob_label, is_sealed
from .ocr import MAX_ASPECT, MAX_PIXELS, MIN_DPI, OCR_DPI, OcrFailure, engine_id
from .protocol import read_message, write_message

_DAMAGE_WORDS = ("image", "jpeg", "jpx", "jbig2", "png", "tiff", "flate", "truncat", "corrupt", "syntax")


def _lower_priority() -> None:
    try:
        os.nice(10)
    except (AttributeError, OSError):  # Windows: no nice()
        try:
            import psutil  # type: ignore[import-not-found]

            psutil.Process().nice(psutil.BELOW_NORMAL_PRIORITY_CLASS)
        except Exception:
            pass


class PageReader:
    def __init__(self) -> None:
        # PyMuPDF loads only where a PDF is read (never for --help, status or verify)
        import pymupdf

        from .ocr_engine import OcrEngine, limit_threads

        limit_threads()
        pymupdf.TOOLS.mupdf_display_errors(False)
        pymupdf.TOOLS.mupdf_display_warnings(False)
        self.pymupdf = pymupdf
        started = time.perf_counter()
        self.engine = OcrEngine()
        self.load_seconds = time.perf_counter() - started
        self._doc: tuple[str, object] | None = None
        self.sealer = None  # a sealed home's: set by the app's {"op": "key"} message

    def _open(self, path: str):
        """A blob, decrypted into memory when the home is sealed (the key came first on stdin)."""

        if not is_sealed(path):
            return self.pymupdf.open(path)
        if self.sealer is None:
            raise PermissionError("the workspace is locked")
        return self.pymupdf.open(stream=memoryview(self.sealer.open(path, blob_label(path))), filetype="pdf")

    def _document(self, path: str):
        if self._doc is None or self._doc[0] != path:
            if self._doc is not None:
                self._doc[1].close()
            self._doc = (path, self._open(path))
        return self._doc[1]

    def ocr(self, path: str, page: int) -> dict:
        # numpy comes with the OCR engine, only in the OCR worker process
        import numpy as np

        pymupdf = self.pymupdf
        try:
            p = self._document(path).load_page(page)
        except Exception as exc:
            return {"error": OcrFailure.UNREADABLE, "detail": f"{type(exc).__name__}: {exc}"}
        unrotated = p.rect * p.derotation_matrix
        w_pt, h_pt = abs(unrotated.width), abs(unrotated.height)
        if min(w_pt, h_pt) <= 0 or max(w_pt, h_pt) / min(w_pt, h_pt) > MAX_ASPECT:
            return {"error": OcrFailure.PAGE_SHAPE, "detail": f"{w_pt:.0f} × {h_pt:.0f} pt"}
        dpi = min(OCR_DPI, 72 * (MAX_PIXELS / (w_pt * h_pt)) ** 0.5)
        if dpi < MIN_DPI:
            return {"error": OcrFailure.PAGE_TOO_LARGE, "detail": f"{w_pt:.0f} × {h_pt:.0f} pt"}
        scale = dpi / 72
        pymupdf.TOOLS.mupdf_warnings(reset=True)
        pix = p.get_pixmap(matrix=p.derotation_matrix * pymupdf.Matrix(scale, scale), colorspace=pymupdf.csRGB,
                           alpha=False)
        warnings = pymupdf.TOOLS.mupdf_warnings(reset=True) or ""
        if any(word in warnings.lower() for word in _DAMAGE_WORDS):
            return {"error": OcrFailure.IMAGE_DAMAGED, "detail": warnings.strip().splitlines()[0][:200]}
        image = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
        image = np.ascontiguousarray(image[:, :, ::-1])  # the engine (OpenCV) wants BGR
        turn, lines = self.engine.page(image)  # one detection gives the orientation and the lines

        def points(box):
            return [round(v / scale, 2) for v in box]

        return {"rotation": turn, "dpi": round(dpi, 1),
                "lines": [[ln.text, round(ln.confidence, 4),
                           [[c.char, *points(c.box), round(c.confidence, 4)] for c in ln.chars]] for ln in lines]}


def main(argv: list[str] | None = None) -> int:
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray output must never corrupt the replies
    _lower_priority()
    reader = PageReader()

    write_message(replies, {"id": 0, "ready": True, "pid": os.getpid(), "engine": engine_id(),
                            "load_seconds": reader.load_seconds})
    while True:
        message = read_message(sys.stdin.buffer)
        if message is None or message.get("op") == "quit":
            break
        if message.get("op") == "key":  # a sealed home's key, through this pipe only (never argv or env)

            reader.sealer = Sealer(message["key"])
            continue
        try:
            reply = reader.ocr(message["path"], message["page"])
        except MemoryError:
            reply = {"error": OcrFailure.PAGE_TOO_LARGE, "detail": "out of memory"}
        except Exception as exc:  # one bad page never takes the rest down
            reply = {"error": OcrFailure.ENGINE_ERROR, "detail": f"{type(exc).__name__}: {exc}"[:300]}
        reply["id"] = message["id"]
        write_message(replies, reply)
    replies.flush()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stderr.flush()
    os._exit(code)
