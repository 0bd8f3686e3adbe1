"""Is a scanned page fit to be read? The call demands scans 清晰明辨、不缺页、不歪斜: a page whose
image is too coarse (effective resolution below MIN_DPI), blank (next to no ink) or heavily skewed
is a 补正 matter, found here per page so the clerk can name it in the 补正材料通知书.

Only pages that are scans are judged for resolution and skew: a page mostly covered by one image.
A born-digital page (text layer, vector drawing) is as sharp and straight as its author made it;
it is blank only when it holds nothing at all.

Skew is measured by the projection profile: ink pixels of a small grey rendering are projected
onto rows at small angles; text lines give the sharpest profile (largest variance) at the angle
the page is turned by. Columns are tried too, so a page scanned sideways is not taken for skewed.
The verdicts depend only on the file's bytes, so they are cached by its SHA-256.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pymupdf

from ..progress import Progress, no_progress

# The city names no resolution. At 100 dpi a 五号 character is still about 15 pixels tall; below it
# small print, figures and the 公章's text blur. (Scanners' 150 dpi pages saved smaller to keep a
# dense page's file size, as the demo's are, stay readable and are not flagged.)
MIN_DPI = 100
# What a notice asks for when it sends a page back: the usual office scan, well clear of the line
# below which a page is sent back at all (the demo's dense pages, which passed 受理, are 108–145 dpi).
RESCAN_DPI = 200
BLANK_INK = 0.002  # share of ink pixels below which a page holds nothing legible
MAX_SKEW_DEGREES = 3.0  # a flatbed's usual tilt is under 1.5°; beyond 3° the notice's 不歪斜 is not met
SCAN_COVER = 0.5  # an image covering this share of the page makes it a scanned page
_RENDER_DPI = 45
_CONTRAST = 40  # grey levels below the paper's at which a pixel is ink (a faded scan's ink is light)
_COARSE = np.arange(-10.0, 10.01, 1.0)
_CACHE: dict[str, tuple[PageVerdict, ...]] = {}


class ScanProblem(StrEnum):
    LOW_RESOLUTION = "low_resolution"
    BLANK = "blank"
    SKEWED = "skewed"


@dataclass(frozen=True)
class PageVerdict:
    page: int  # 1-based
    problem: ScanProblem
    value: float  # dpi for low_resolution, ink share for blank, degrees for skewed


def _scan_image(page: pymupdf.Page) -> tuple[float, float] | None:
    """(effective dpi, covered share) of the largest image on the page, or None without images."""
    area = abs(page.rect)
    best = None
    for info in page.get_image_info():
        box = pymupdf.Rect(info["bbox"]) & page.rect
        if box.is_empty or box.width < 1 or box.height < 1:
            continue
        # The image may be placed rotated (a sideways scan): pair its longer side with the box's.
        px = sorted((info["width"], info["height"]))
        pt = sorted((box.width, box.height))
        dpi = min(px[0] / (pt[0] / 72), px[1] / (pt[1] / 72))
        share = abs(box) / area
        if best is None or share > best[1]:
            best = (dpi, share)
    return best


def _grey(page: pymupdf.Page) -> np.ndarray:
    pix = page.get_pixmap(matrix=pymupdf.Matrix(_RENDER_DPI / 72, _RENDER_DPI / 72), colorspace=pymupdf.csGRAY,
                          alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, :pix.width]


def _profile_score(ys: np.ndarray, xs: np.ndarray, angles: np.ndarray) -> np.ndarray:
    """Sum of squared row counts of the ink projected at each angle (degrees): sharpest at the tilt."""
    scores = np.empty(len(angles))
    for i, angle in enumerate(np.radians(angles)):
        rows = np.round(ys * np.cos(angle) - xs * np.sin(angle)).astype(np.int64)
        counts = np.bincount(rows - rows.min())
        scores[i] = float(np.dot(counts, counts))
    return scores


def ink_mask(grey: np.ndarray) -> np.ndarray:
    """The pixels darker than the paper (its 90th percentile grey) by _CONTRAST: ink, also faded ink."""
    paper = float(np.percentile(grey, 90))
    return grey < paper - _CONTRAST


def skew_degrees(ink: np.ndarray) -> float | None:
    """How far the text lines of a page's ink mask are turned from the page's edges (degrees), or
    None when no line structure is found (a photo, a page of drawings, too little ink)."""
    ys, xs = np.nonzero(ink)
    if len(ys) < 300:
        return None
    if len(ys) > 12000:  # a dense page: a regular sample keeps the profile and the time
        step = len(ys) // 12000 + 1
        ys, xs = ys[::step], xs[::step]
    ys, xs = ys.astype(np.float64), xs.astype(np.float64)
    best = None
    for a, b in ((ys, xs), (xs, ys)):  # lines across the page, or a sideways scan's lines down it
        coarse = _profile_score(a, b, _COARSE)
        angle = _COARSE[int(np.argmax(coarse))]
        fine_angles = np.arange(angle - 1.0, angle + 1.01, 0.2)
        fine = _profile_score(a, b, fine_angles)
        peak, level = float(fine.max()), float(np.median(coarse))
        found = (peak / level if level else 0.0, float(fine_angles[int(np.argmax(fine))]))
        if best is None or found[0] > best[0]:
            best = found
    sharpness, angle = best
    if sharpness < 1.3:  # no angle stands out: nothing line-like to be straight or skewed
        return None
    return abs(angle)


def check_page(page: pymupdf.Page, number: int) -> list[PageVerdict]:
    found = []
    scan = _scan_image(page)
    is_scan = scan is not None and scan[1] >= SCAN_COVER
    if scan is None and not page.get_text("text").strip() and not page.get_drawings():
        return [PageVerdict(number, ScanProblem.BLANK, 0.0)]
    if not is_scan:
        return found
    dpi = round(scan[0], 1)
    if dpi < MIN_DPI - 0.5:  # 149.6 dpi from rounding in the scanner's metadata is 150
        found.append(PageVerdict(number, ScanProblem.LOW_RESOLUTION, dpi))
    mask = ink_mask(_grey(page))
    ink = float(np.count_nonzero(mask)) / mask.size
    if ink < BLANK_INK:
        found.append(PageVerdict(number, ScanProblem.BLANK, round(ink, 5)))
        return found
    skew = skew_degrees(mask)
    if skew is not None and skew > MAX_SKEW_DEGREES:
        found.append(PageVerdict(number, ScanProblem.SKEWED, round(skew, 1)))
    return found


def check_scan(data: bytes, progress: Progress = no_progress) -> tuple[PageVerdict, ...]:
    """Every unfit page of a PDF, in page order. `progress(done, total)` per page; it may raise
    Problem(Code.CANCELLED) to stop. A PDF that does not open has no pages to judge (the
    completeness check reports it as unreadable)."""
    digest = hashlib.sha256(data).hexdigest()
    if digest in _CACHE:
        return _CACHE[digest]
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except (RuntimeError, ValueError):
        return ()
    verdicts: list[PageVerdict] = []
    with doc:
        if doc.needs_pass:
            return ()
        total = doc.page_count
        for index in range(total):
            verdicts.extend(check_page(doc[index], index + 1))
            progress(index + 1, total)
    if len(_CACHE) > 2000:
        _CACHE.clear()
    _CACHE[digest] = tuple(verdicts)
    return _CACHE[digest]


@dataclass(frozen=True)
class ScanFinding:
    """A page of a required material whose scan is unfit (补正: to be scanned again)."""

    material: str
    page: int
    problem: ScanProblem
    value: float


def material_scans(material: str, data: bytes, progress: Progress = no_progress) -> list[ScanFinding]:
    return [ScanFinding(material, v.page, v.problem, v.value) for v in check_scan(data, progress)]
