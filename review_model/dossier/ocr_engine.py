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

Red seals: a page with red ink is read from its red channel, where the seal is paper white and
the text under it stays black (without_red).

Speed and memory (benchmarks/ocr.py): the probe's detection is the page's detection. RapidOCR
as shipped shrinks a 200 dpi A4 page to 2000 px and detects on that (1.4 s and ~830 MB of
activations at one thread); detection on the 960 px thumbnail finds the same lines, down to
10.5-point body text, at a fifth of the cost. The lines are then cut from the full 200 dpi image
for recognition, one at a time: in batches of six the wider lines' padding cost more time and
memory than batching saved. Each goes in at the recogniser's height and 0.65 of its width,
read again at full width if it holds digits or Latin (_for_rec). onnxruntime's memory pattern
(buffers planned per input shape, and every line has its own width) is off, and freed memory is
handed back to the system after each page: together a third off the worker's peak.
"""
from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import numpy as np

PROBE_SIDE = 960  # the orientation probe's thumbnail, long side in pixels: also the page's detection
PROBE_LINES = 10  # longest detected lines the angle classifier looks at
REC_BATCH = 1  # lines per recognition run (see above)
REC_SQUEEZE = 0.65  # lines go to the recogniser this much narrower, unless they hold digits or Latin (_for_rec)
GAP_REACH = 1.5  # a character's box reaches out to the gap beside it, at most this many half-heights
TEXT_SCORE = 0.5  # lines the recogniser is less sure of are dropped (RapidOCR's own default)
RED_MARGIN = 60  # a pixel is seal red when its red channel exceeds both others by this much
RED_SHARE = 0.0002  # and a page has a seal when this share of its pixels is (a 4 cm seal at 200 dpi: ~0.5 %)
RED_WHITE = 25  # percentile of the seal's red channel that becomes paper white (10–50 read the same)


def model_files() -> dict[str, Path]:
    """The three models inside the installed rapidocr wheel (found without importing it)."""

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


@dataclass(frozen=True)
class Detection:
    turn: int  # degrees clockwise that turn the page upright
    boxes: np.ndarray  # N × 4 × 2 text-line quadrilaterals in the upright page's full-size pixels, reading order


class OcrEngine:
    def __init__(self, threads: int = 1) -> None:
        # the OCR engine loads only in the OCR worker process
        from rapidocr import RapidOCR

        _without_memory_pattern()

        files = model_files()
        missing = [str(p) for p in files.values() if not p.is_file()]
        if missing:  # never let RapidOCR go looking for them on the network
            raise RuntimeError(f"OCR models missing from the wheel: {', '.join(missing)}")
        ort = "EngineConfig.onnxruntime."
        self.ocr = RapidOCR(params={
            "Det.model_path": str(files["det"]), "Rec.model_path": str(files["rec"]),
            "Cls.model_path": str(files["cls"]), "Global.model_root_dir": str(files["det"].parent),
            "Global.log_level": "error", "Global.use_cls": False,
            "Det.limit_type": "max", "Det.limit_side_len": PROBE_SIDE, "Rec.rec_batch_num": REC_BATCH,
            # one intra-op thread: on 2 shared cores the second thread was slower (issue 13)
            f"{ort}intra_op_num_threads": threads, f"{ort}inter_op_num_threads": 1,
        })
        # load all three now, so a model problem shows at start and load time is measured there.
        # Detection keeps onnxruntime's memory arena: every page's input has about the same size,
        # so its buffers are reused and the page faults of allocating them anew (~50 ms CPU a
        # page) are gone; the lines' inputs differ in width, so recognition goes without.
        engine = self.ocr.cfg.EngineConfig.onnxruntime
        engine.enable_cpu_mem_arena = True
        self.det = self.ocr._load_det_model()
        engine.enable_cpu_mem_arena = False
        self.cls = self.ocr._load_cls_model()
        self.rec = self.ocr._load_rec_model()

    # --- orientation and detection ------------------------------------------------------------
    def detect(self, image: np.ndarray) -> Detection:
        """The page's orientation and its text lines, from detection on a thumbnail."""
        # OpenCV comes with the OCR engine, only in the OCR worker process
        import cv2
        from rapidocr.utils.process_img import get_rotate_crop_image

        h, w = image.shape[:2]
        scale = min(1.0, PROBE_SIDE / max(h, w))
        thumb = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
        boxes = self._boxes(thumb)
        turn = 0
        if len(boxes):
            across = sum(1 for b in boxes if _width(b) > 2 * _height(b))
            down = sum(1 for b in boxes if _height(b) > 2 * _width(b))
            if down > across:
                turn = 90
                thumb = np.ascontiguousarray(np.rot90(thumb, k=-1))  # 90° clockwise
                boxes = self._boxes(thumb)
        if len(boxes):
            longest = sorted(boxes, key=_width, reverse=True)[:PROBE_LINES]
            crops = [get_rotate_crop_image(thumb, np.array(b, dtype=np.float32)) for b in longest]
            votes = {"0": 0.0, "180": 0.0}
            for label, score in self.cls(crops).cls_res or ():
                votes[str(label)] = votes.get(str(label), 0.0) + float(score)
            if votes.get("180", 0.0) > votes.get("0", 0.0):
                turn += 180
                th, tw = thumb.shape[:2]  # the lines as they lie on the page turned half round
                boxes = self.det.sorted_boxes(np.stack([[(tw - x, th - y) for x, y in b[[2, 3, 0, 1]]] for b in boxes]))
        upright_h, upright_w = (w, h) if turn % 180 else (h, w)
        th, tw = thumb.shape[:2]
        full = np.asarray(boxes, dtype=np.float32).reshape(-1, 4, 2) * np.float32([upright_w / tw, upright_h / th])
        return Detection(turn % 360, full)

    def _boxes(self, image: np.ndarray) -> np.ndarray:
        found = self.det(image)
        return np.zeros((0, 4, 2), np.float32) if found.boxes is None else np.asarray(found.boxes, dtype=np.float32)

    # --- recognition --------------------------------------------------------------------------
    def page(self, image: np.ndarray) -> tuple[int, list[OcrLine]]:
        """The orientation of `image` (RGB, the page unrotated) and its text, with boxes in
        `image`'s own pixels."""
        try:
            image = without_red(image)
            found = self.detect(image)
            return found.turn, self.read(image, found)
        finally:
            _give_back_memory()

    def read(self, image: np.ndarray, found: Detection) -> list[OcrLine]:
        """The text of `image` (the page unrotated) at the lines `found`, cut from the full-size
        image; boxes come back in `image`'s own pixels."""
        # rapidocr and OpenCV load with the engine, after limit_threads has set their thread counts
        from rapidocr.ch_ppocr_rec import TextRecInput
        from rapidocr.utils.process_img import get_rotate_crop_image

        turn = found.turn
        h, w = image.shape[:2]
        upright = np.ascontiguousarray(np.rot90(image, k=-(turn // 90))) if turn else image
        crops, boxes = [], []
        for box in found.boxes:
            crop = get_rotate_crop_image(upright, box.copy())
            if crop.size and min(crop.shape[:2]) > 1:
                crops.append(crop)
                boxes.append(box)
        if not crops:
            return []
        height = self.rec.rec_image_shape[1]
        txts, scores, infos = [], [], []
        latin = 0  # lines so far with digits or Latin letters
        for n, crop in enumerate(crops):
            # a page of form fields (most lines so far hold digits) is read at full width from the
            # start; otherwise squeezed, and a line with digits or letters again at full width
            squeeze = 1.0 if latin >= 3 and 2 * latin > n else REC_SQUEEZE
            while True:
                rec = self.rec(TextRecInput(img=[_for_rec(crop, height, squeeze)], return_word_box=True))
                text, score, info = rec.txts[0], rec.scores[0], rec.word_results[0]
                has_latin = any(c.isascii() and c.isalnum() for c in text)
                if squeeze == 1.0 or not has_latin:
                    break
                squeeze = 1.0
            latin += has_latin
            txts.append(text)
            scores.append(score)
            infos.append(info)
        lines = []
        for crop, box, text, score, info in zip(crops, boxes, txts, scores, infos, strict=True):
            if not text.strip() or score < TEXT_SCORE:
                continue
            boxed = [(c, conf, _box(quad, turn, w, h)) for c, conf, quad in _char_quads(text, float(score), info, crop, box)]
            if [c for c, _, _ in boxed] != [c for c in text if c.strip()]:
                boxed = _spread(text, float(score), box, turn, w, h)  # the engine's columns don't match: share the line out
            lines.append(OcrLine(text, float(score), tuple(OcrChar(c, b, s) for c, s, b in boxed)))
        return lines


def without_red(image: np.ndarray) -> np.ndarray:
    """The page (BGR) with its red seals faded out, when it has any: its red channel as the grey
    image, its levels stretched so that the seal's own ink turns paper white. Red ink is light in
    the red channel, black (and blue) text stays dark, so the seal's legend (the applicant's name)
    is no longer read into the sentences it covers: before, detection found it as lines of its
    own and they landed in the middle of the page's text (benchmarks/ocr.py: all of the 7.8 %
    under-seal CER). A page without red (a grey scan) is given back as it was. Numpy only."""
    sample = image[::4, ::4].astype(np.int16)  # every 16th pixel says whether the page has red
    red = (sample[:, :, 2] - np.maximum(sample[:, :, 0], sample[:, :, 1]) > RED_MARGIN) & (sample[:, :, 2] > 120)
    if red.mean() < RED_SHARE:
        return image
    white = float(np.percentile(sample[:, :, 2][red], RED_WHITE))
    levels = np.clip(np.arange(256) * 255.0 / max(white, 1.0), 0, 255).astype(np.uint8)
    grey = levels[image[:, :, 2]]
    return np.ascontiguousarray(np.repeat(grey[:, :, None], 3, axis=2))


def _for_rec(crop: np.ndarray, height: int, squeeze: float) -> np.ndarray:
    """A line as the recogniser is given it: the model's height (48), squeezed across. Its time grows
    with the input's width (benchmarks/ocr.py: ~9 ms per 100 px at one thread, a 40-character
    line ~1,300 px). Chinese reads the same squeezed to 0.65 (benchmarks/ocr.py: every figure;
    0.45 began to drop characters), Latin and digits do not: a run of the same digit (4444 in a
    phone number, 3333 in an account) needs blank output columns between its digits, and even
    at 0.8 one was lost (tests/test_ocr_digits.py). So a line whose squeezed reading has any
    digit or Latin letter is read again at full width, and once most lines of a page have them
    (a form) the rest are read at full width at once (read): Chinese prose gains a third, a
    page of form fields costs what it did. The output columns are shares of the
    line's width either way, so the character boxes hold (see _gaps). Area interpolation: it
    shrinks without aliasing."""
    import cv2  # with the engine, after limit_threads (see OcrEngine.read)

    h, w = crop.shape[:2]
    width = max(1, round(w * height / h * squeeze))
    return cv2.resize(crop, (width, height), interpolation=cv2.INTER_AREA)


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


def _char_quads(text: str, score: float, info, crop: np.ndarray, box: np.ndarray) -> list:
    """Each non-space character of a recognised line with its confidence and its quadrilateral on
    the upright page: centred on the recogniser's output column for it, as wide as a character
    of the line's height (a Chinese one square, a Latin letter or digit narrower), between
    characters out to the gap between their inks (_gaps). RapidOCR's own word boxes take their width from multi-character
    words, which it splits wherever characters are more than 5 columns apart, as they are on
    tightly cut lines: then every box got the width of a digit."""
    chars = [c for word in info.words for c in word]
    cols = [c for word in info.word_cols for c in word]
    if not chars or len(chars) != len(cols) or not info.line_txt_len:
        return []
    solid = [i for i, c in enumerate(text) if not c.isspace()]
    confs = list(info.confs)
    confs = [float(confs[i]) for i in solid] if len(confs) == len(text) else [score] * len(chars)
    crop_h, crop_w = crop.shape[:2]
    step = crop_w / info.line_txt_len  # one output column, in the crop's pixels
    centres = [(c + 0.5) * step for c in cols]
    p = np.asarray(box, dtype=np.float64).reshape(4, 2)
    if _height(p) >= 1.5 * _width(p):  # the crop was turned a quarter (a column of text): its x runs down the box
        start, end, across0, across1 = p[0], p[3], p[1], p[2]
    else:
        start, end, across0, across1 = p[0], p[1], p[3], p[2]
    gaps = _gaps(crop, centres, step)
    out = []
    for i, (c, x) in enumerate(zip(chars, centres, strict=True)):
        half = crop_h * (0.5 if _wide(c) else 0.3)
        x0 = max(x - GAP_REACH * half, gaps[i - 1], 0.0) if i else max(x - half, 0.0)
        x1 = min(x + GAP_REACH * half, gaps[i], crop_w) if i + 1 < len(centres) else min(x + half, crop_w)
        t0, t1 = x0 / crop_w, x1 / crop_w
        quad = [start + t0 * (end - start), start + t1 * (end - start),
                across0 + t1 * (across1 - across0), across0 + t0 * (across1 - across0)]
        out.append((c, confs[i] if i < len(confs) else score, quad))
    return out


def _gaps(crop: np.ndarray, centres: list[float], step: float) -> list[float]:
    """Where each character ends and the next begins, in the crop's pixels: the least inked column
    within one output column of half-way between their centres. The centres are only as fine as
    the recogniser's columns (8 input pixels: a third of a character on lines squeezed for speed,
    see _for_rec), so half-way alone put a word's box up to 2 pt off its ink."""
    ink = (255 - crop.min(axis=2)).astype(np.float64).sum(axis=0)
    out = []
    for a, b in zip(centres, centres[1:]):
        mid = (a + b) / 2
        lo, hi = int(max(a, mid - step)), int(min(b, mid + step)) + 1
        if hi - lo < 2:
            out.append(mid)
            continue
        cols = np.arange(lo, min(hi, len(ink)))
        if not len(cols):
            out.append(mid)
            continue
        # the faintest column, the one nearest half-way among equals
        best = cols[np.argmin(ink[cols] + np.abs(cols + 0.5 - mid) * 1e-6)]
        out.append(float(best) + 0.5)
    return out


def _wide(c: str) -> bool:
    """A character as wide as it is high (CJK ideographs, kana, full-width forms)."""

    return unicodedata.east_asian_width(c) in ("W", "F")


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


def _without_memory_pattern() -> None:
    """RapidOCR builds its onnxruntime sessions itself and offers no switch for the memory
    pattern: wrap its session options (in the OCR worker process only, before any model loads)."""
    from rapidocr.inference_engine.onnxruntime import main as ort_session  # before any model loads (above)

    options = ort_session.OrtInferSession._init_sess_opts
    if getattr(options, "reviewdesk", False):
        return

    def without_pattern(cfg):
        opts = options(cfg)
        opts.enable_mem_pattern = False
        return opts

    without_pattern.reviewdesk = True
    ort_session.OrtInferSession._init_sess_opts = staticmethod(without_pattern)


def _give_back_memory() -> None:
    """glibc keeps a page's freed buffers (~150 MB) and the next page's land beside them; trim.
    Elsewhere (Windows, macOS) the allocator returns large blocks by itself."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # Linux only: glibc's malloc_trim

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl)
        pass


def limit_threads() -> None:
    """onnxruntime and OpenCV each start a thread pool per core by default; on the experts'
    2-core laptops that competes with the GUI. Set before they load."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
