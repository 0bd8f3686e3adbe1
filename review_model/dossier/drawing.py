"""Drawing part of a page into pixels with MuPDF directly (worker process only).

PyMuPDF's get_pixmap cannot pass MuPDF device hints, and one matters here: near 1:1 (a 200-dpi
scan at fit width is drawn at 0.75–2 device pixels per scanned pixel) MuPDF's image interpolation
costs 3–4 times the rest of the drawing and changes nothing a reader can see, so it is switched off
in that band only. Further down (thumbnails, fit page) and further up (400 %) MuPDF filters the
image as usual.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pymupdf
from pymupdf import mupdf

SHARP_BAND = (0.75, 2.0)  # device pixels per image pixel where images are drawn without interpolation


@dataclass(frozen=True)
class PageFacts:
    gray: bool  # a scan whose images are all one-channel: drawn as Grayscale8 (half the work, a third of the bytes)
    image_scale: float | None  # pixels per point of the page's largest image; None without images


def page_facts(page: pymupdf.Page) -> PageFacts:
    area = abs(page.rect) or 1.0
    infos = page.get_image_info()
    covered = sum(abs(pymupdf.Rect(i["bbox"]) & page.rect) for i in infos)
    gray = bool(infos) and all(i.get("colorspace") == 1 for i in infos) and covered >= 0.85 * area
    largest = max(infos, key=lambda i: abs(pymupdf.Rect(i["bbox"])), default=None)
    scale = None
    if largest is not None and abs(pymupdf.Rect(largest["bbox"])) > 0 and largest.get("width"):
        scale = math.sqrt(largest["width"] * largest["height"] / abs(pymupdf.Rect(largest["bbox"])))
    return PageFacts(gray, scale)


def display_list(page: pymupdf.Page) -> mupdf.FzDisplayList:
    """The page's drawing commands, interpreted once: drawing a second tile of the page (or the page
    again after a zoom) skips parsing its content stream."""
    return mupdf.fz_new_display_list_from_page(page.this)


def draw(commands: mupdf.FzDisplayList, matrix: pymupdf.Matrix, device: tuple[int, int, int, int], facts: PageFacts,
         scale: float, into: memoryview | None = None) -> mupdf.FzPixmap:
    """Pixels of `device` (x0, y0, x1, y1 after `matrix`) of the page, white background, no alpha:
    straight into `into` (width × components bytes per row) when given, so nothing is copied after."""
    colorspace = mupdf.fz_device_gray() if facts.gray else mupdf.fz_device_rgb()
    box = mupdf.FzIrect(*device)
    if into is None:
        pixmap = mupdf.fz_new_pixmap_with_bbox(colorspace, box, mupdf.FzSeparations(), 0)
    else:
        pixmap = mupdf.fz_new_pixmap_with_bbox_and_data(colorspace, box, mupdf.FzSeparations(), 0,
                                                        mupdf.python_buffer_data(into))
    mupdf.fz_clear_pixmap_with_value(pixmap, 255)
    ctm = mupdf.FzMatrix(matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
    drawer = mupdf.fz_new_draw_device(ctm, pixmap)
    try:
        if facts.image_scale and SHARP_BAND[0] <= scale / facts.image_scale <= SHARP_BAND[1]:
            mupdf.fz_enable_device_hints(drawer, mupdf.FZ_DONT_INTERPOLATE_IMAGES)
        mupdf.fz_run_display_list(commands, drawer, mupdf.FzMatrix(), mupdf.FzRect(mupdf.FzRect.Fixed_INFINITE),
                                  mupdf.FzCookie())
        mupdf.fz_close_device(drawer)
    finally:
        del drawer
    return pixmap
