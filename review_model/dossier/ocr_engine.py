"""The OCR engine: RapidOCR (PP-OCRv6 small, in the `rapidocr` wheel) on onnxruntime's CPU.

Imported only inside the OCR worker process (ocr_worker.py): onnxruntime, OpenCV and numpy cost
the GUI ~1.5 s and ~150 MB and never load there (tests/test_ocr_isolation.py checks).

Offline: every model path points at the files inside the installed wheel; RapidOCR would
otherwise look for (and try to download) models named in its default_models.yaml. The
recogniser carries its character list inside the .onnx file, so no dictionary is fetched either.

Orientation: RapidOCR's per-line angle classifier flips good lines and scrambles rotated pages
(issue 13 measured 84 % CER on those). Instead one whole-page probe: text detection on a small
thumbnail says whether the lines run across or down the page; the classifier on the longest
lines then says right way up or upside down. The page is OCRed turned upright, with the per-line
classifier off, and every box is turned back into the page's own (unrotated) pixels.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PROBE_SIDE = 960  # the orientation probe's thumbnail: long side in pixels
PROBE_LINES = 10  # longest detected lines the angle classifier looks at


def model_files() -> dict[str, Path]:
    """The three models inside the installed rapidocr wheel (found without importing it)."""
    from importlib.util import find_spec

    spec = find_spec("rapidocr")
    if spec is None or not spec.origin:
        raise RuntimeError("rapidocr is not installed")
    models = Path(spec.origin).parent / "models"
    return {"det": models / "PP-OCRv6_det_small.onnx", "rec": models / "PP-OCRv6_rec_small.onnx",
            "cls": models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx"}


@dataclass(frozen=True)
class OcrChar:
    char: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in the page image's pixels (unrotated page)
    confidence: float


@dataclass(frozen=True)
class OcrLine:
    text: str
    confidence: float
    chars: tuple[OcrChar, ...]  # the line's non-space characters, in reading order


class OcrEngine:
    def __init__(self, threads: int = 1) -> None:
        # the OCR engine loads only in the OCR worker process
        from rapidocr import RapidOCR

        files = model_files()
        missing = [str(p) for p in files.values() if not p.is_file()]
        if missing:  # never let RapidOCR go looking for them on the network
            raise RuntimeError(f"OCR models missing from the wheel: {', '.join(missing)}")
        ort = "EngineConfig.onnxruntime."
        self.ocr = RapidOCR(params={
            "Det.model_path": str(files["det"]), "Rec.model_path": str(files["rec"]),
            "Cls.model_path": str(files["cls"]), "Global.model_root_dir": str(files["det"].parent),
            "Global.log_level": "error", "Global.use_cls": False,
            # one intra-op thread: on 2 shared cores the second thread was slower (issue 13)
            f"{ort}intra_op_num_threads": threads, f"{ort}inter_op_num_threads": 1,
        })
        # load all three now, so a model problem shows at start and load time is measured there
        self.det = self.ocr._load_det_model()
        self.cls = self.ocr._load_cls_model()
        self.ocr._load_rec_model()

    # --- orientation --------------------------------------------------------------------------
    def orientation(self, image: np.ndarray) -> int:
        """Degrees (0, 90, 180, 270) to turn the image clockwise so that its text reads upright."""
        # OpenCV comes with the OCR engine, only in the OCR worker process
        import cv2
        from rapidocr.utils.process_img import get_rotate_crop_image

        h, w = image.shape[:2]
        scale = min(1.0, PROBE_SIDE / max(h, w))
        thumb = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
        boxes = self._boxes(thumb)
        if not len(boxes):
            return 0
        across = sum(1 for b in boxes if _width(b) > 2 * _height(b))
        down = sum(1 for b in boxes if _height(b) > 2 * _width(b))
        turn = 0
        if down > across:
            turn = 90
            thumb = np.ascontiguousarray(np.rot90(thumb, k=-1))  # 90° clockwise
            boxes = self._boxes(thumb)
            if not len(boxes):
                return turn
        longest = sorted(boxes, key=_width, reverse=True)[:PROBE_LINES]
        crops = [get_rotate_crop_image(thumb, np.array(b, dtype=np.float32)) for b in longest]
        result = self.cls(crops)
        votes = {"0": 0.0, "180": 0.0}
        for label, score in result.cls_res or ():
            votes[str(label)] = votes.get(str(label), 0.0) + float(score)
        if votes.get("180", 0.0) > votes.get("0", 0.0):
            turn += 180
        return turn % 360

    def _boxes(self, image: np.ndarray) -> list:
        found = self.det(image)
        return [] if found.boxes is None else list(found.boxes)

    # --- recognition --------------------------------------------------------------------------
    def read(self, image: np.ndarray, turn: int) -> list[OcrLine]:
        """The text of `image` (RGB, the page unrotated), read after turning it `turn`° clockwise;
        boxes come back in `image`'s own pixels."""
        h, w = image.shape[:2]
        upright = np.ascontiguousarray(np.rot90(image, k=-(turn // 90))) if turn else image
        out = self.ocr(upright, use_cls=False, return_word_box=True, return_single_char_box=True)
        if out.txts is None:
            return []
        lines = []
        words = out.word_results or [()] * len(out.txts)
        for text, score, line_box, chars in zip(out.txts, out.scores, out.boxes, words, strict=False):
            boxed = [(c, float(s), _box(b, turn, w, h)) for c, s, b in chars if c.strip()]
            if [c for c, _, _ in boxed] != [c for c in text if c.strip()]:
                boxed = _spread(text, float(score), line_box, turn, w, h)  # the engine's boxes don't match: share the line out
            lines.append(OcrLine(text, float(score), tuple(OcrChar(c, b, s) for c, s, b in boxed)))
        return lines


def _width(box) -> float:
    return float(np.linalg.norm(np.asarray(box[1]) - np.asarray(box[0])))


def _height(box) -> float:
    return float(np.linalg.norm(np.asarray(box[3]) - np.asarray(box[0])))


def _box(points, turn: int, w: int, h: int) -> tuple[float, float, float, float]:
    """A quadrilateral in the turned image, as an axis-aligned box in the unturned image."""
    xs, ys = [], []
    for x, y in np.asarray(points, dtype=float).reshape(-1, 2):
        if turn == 90:  # turned clockwise: (x, y) came from (y, h - x)
            x, y = y, h - x
        elif turn == 180:
            x, y = w - x, h - y
        elif turn == 270:
            x, y = w - y, x
        xs.append(x)
        ys.append(y)
    return (max(0.0, min(xs)), max(0.0, min(ys)), min(float(w), max(xs)), min(float(h), max(ys)))


def _spread(text: str, score: float, points, turn: int, w: int, h: int) -> list:
    """Boxes for a line's characters when the engine's don't match its text: equal shares along
    the line (in the upright image, where the line runs left to right), turned back."""
    chars = [c for c in text if c.strip()]
    if not chars:
        return []
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    x0, y0, x1, y1 = pts[:, 0].min(), pts[:, 1].min(), pts[:, 0].max(), pts[:, 1].max()
    step = (x1 - x0) / len(chars)
    return [(c, score, _box([(x0 + i * step, y0), (x0 + (i + 1) * step, y1)], turn, w, h))
            for i, c in enumerate(chars)]


def limit_threads() -> None:
    """onnxruntime and OpenCV each start a thread pool per core by default; on the experts'
    2-core laptops that competes with the GUI. Set before they load."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
