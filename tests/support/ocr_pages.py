"""Image-only pages of real Chinese text, for the OCR tests: the text is typeset with the CJK font
PyMuPDF ships, rendered to pixels like a scanner would (150–200 dpi), and inserted as the page's
only content (no text layer). Returns where each word was drawn, in the new page's PDF points."""
from __future__ import annotations

import io

import pymupdf
from PIL import Image

from review_model.fonts import cjk_font_bytes

SIZE = (420, 160)  # a small page: a few lines, so one OCR takes about a second


def _typeset(lines: list[str], size=SIZE, fontsize: float = 15) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=size[0], height=size[1])
    page.insert_font(fontname="cjk", fontbuffer=cjk_font_bytes())
    for i, line in enumerate(lines):
        page.insert_text((30, 45 + i * 32), line, fontname="cjk", fontsize=fontsize)
    return doc


def scan_page(lines: list[str], words: list[str] = (), *, turn: int = 0, dpi: int = 200,
              size=SIZE) -> tuple[bytes, dict[str, list[tuple[float, float, float, float]]]]:
    """A one-page PDF whose page is a picture of `lines`, the picture turned `turn`° clockwise
    (a sideways scan); and for each of `words`, the rectangles where it was drawn on that page."""
    source = _typeset(lines, size)
    page = source[0]
    drawn = {w: [tuple(r) for r in page.search_for(w)] for w in words}
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    if turn:
        image = image.rotate(-turn, expand=True)  # PIL turns counter-clockwise
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    w, h = size if turn in (0, 180) else (size[1], size[0])
    out = pymupdf.open()
    new = out.new_page(width=w, height=h)
    new.insert_image(new.rect, stream=buffer.getvalue())

    def turned(r):
        x0, y0, x1, y1 = r
        W, H = size
        if turn == 90:
            return (H - y1, x0, H - y0, x1)
        if turn == 180:
            return (W - x1, H - y1, W - x0, H - y0)
        if turn == 270:
            return (y0, W - x1, y1, W - x0)
        return r

    data = out.tobytes()
    return data, {word: [turned(r) for r in rects] for word, rects in drawn.items()}


def strip_page(width: int = 1, height: int = 20000) -> bytes:
    """A page that is a 1 × 20,000 pixel strip (a scanner's misfeed)."""
    image = Image.new("L", (width, height), 0)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    doc = pymupdf.open()
    page = doc.new_page(width=2, height=7200)  # the image stretched over a 2 × 7,200 pt page
    page.insert_image(page.rect, stream=buffer.getvalue())
    return doc.tobytes()


def enormous_page() -> bytes:
    """The largest page PDF allows (200 × 200 inches), drawn full of a scan."""
    image = Image.new("L", (200, 200), 255)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    doc = pymupdf.open()
    page = doc.new_page(width=14400, height=14400)
    page.insert_image(page.rect, stream=buffer.getvalue())
    return doc.tobytes()


def damaged_image_page() -> bytes:
    """A page whose JPEG image stream is cut short and overwritten: MuPDF cannot decode it."""
    image = Image.new("RGB", (400, 300), "white")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    data = buffer.getvalue()
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    page.insert_image(page.rect, stream=data)
    xref = page.get_images()[0][0]
    doc.update_stream(xref, data[:300] + b"garbage" * 40, compress=False)
    doc.xref_set_key(xref, "Filter", "/DCTDecode")
    return doc.tobytes()


def join(*pdfs: bytes) -> bytes:
    out = pymupdf.open()
    for data in pdfs:
        with pymupdf.open(stream=data) as doc:
            out.insert_pdf(doc)
    return out.tobytes()
