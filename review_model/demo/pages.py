"""Drawing primitives for the demo dossiers: text layout, tables, seals, scanned pages and photos.

Text pages are drawn with PyMuPDF (TextWriter + the CJK font PyMuPDF ships, subset on save).
A scanned page is drawn the same way on a scratch page, rendered at 150 dpi, degraded with Pillow
(skew, tint or grey, fading, blur, noise, specks, lid shadow, punch holes) and placed as one JPEG.
Expensive parts (fonts, seals, noise layers, photos) are cached for the run.
"""
from __future__ import annotations

import io
import itertools
import math
import random
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

import pymupdf
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont
from pymupdf import mupdf

A4_W, A4_H = 595.28, 841.89
BLACK = (0, 0, 0)
GREY = (0.42, 0.42, 0.42)
RED = (0.8, 0.08, 0.1)
INK = (0.08, 0.12, 0.38)  # ballpoint blue-black
SCAN_DPI = 150
NOISE = 4  # amplitude of the scanner's grain, grey levels
QUALITY = 0  # 0: each scan draws its JPEG quality from 50-65
MAX_SCAN_BYTES = 150_000
WORK_DPI = 125  # scans are rendered and degraded at this resolution, then upscaled (the scanner's softness)
MARGIN_X, TOP, BOTTOM = 68.0, 72.0, 62.0
_NO_LINE_START = set("，。、；：？！）》」』”’,.;:?!)%％")


@lru_cache(maxsize=1)
def cjk_font() -> pymupdf.Font:
    return pymupdf.Font("cjk")


@lru_cache(maxsize=16)
def pil_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(io.BytesIO(cjk_font().buffer), size)


_WIDTHS: dict[str, float] = {}


def char_widths(s: str, size: float) -> list[float]:
    """Advance widths of each character at `size` (cached per character: Font.char_lengths is slow)."""
    out = []
    for ch in s:
        w = _WIDTHS.get(ch)
        if w is None:
            w = _WIDTHS[ch] = cjk_font().text_length(ch, 1.0)
        out.append(w * size)
    return out


def text_width(s: str, size: float) -> float:
    return sum(char_widths(s, size))


def wrap(text: str, width: float, size: float, indent: int = 0) -> list[str]:
    """Break CJK text into lines no wider than `width` (no line starts with closing punctuation,
    ASCII runs such as codes and numbers are kept whole). `indent` full-width spaces open the text."""
    out: list[str] = []
    for para in text.split("\n"):
        para = "\u3000" * indent + para
        widths = char_widths(para, size)
        start, acc, i = 0, 0.0, 0
        while i < len(para):
            w = widths[i]
            if acc + w > width and i > start:
                cut = i
                if para[i] in _NO_LINE_START:
                    cut = i - 1 if i - 1 > start else i + 1  # carry the last character over with the punctuation
                elif para[i].isascii() and para[i].isalnum():
                    j = i
                    while j > start and para[j - 1].isascii() and para[j - 1].isalnum():
                        j -= 1
                    if j > start:
                        cut = j
                out.append(para[start:cut])
                start, acc, i = cut, 0.0, cut
                continue
            acc += w
            i += 1
        if start < len(para) or not para:
            out.append(para[start:])
    return out


def _rgb(color) -> str:
    return " ".join(f"{c:.3g}" for c in color)


def _show(tw: pymupdf.TextWriter, x: float, y: float, s: str, size: float) -> None:
    """TextWriter.append without its per-call bookkeeping (bounding box, last point), which dominates the
    cost of text-heavy pages; falls back to append() if PyMuPDF's low-level binding is not as expected."""
    m = tw.ictm
    try:
        trm = mupdf.fz_make_matrix(size, 0, 0, size, m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f)
        mupdf.fz_show_string(tw.this, _font_this(), trm, s, 0, 0, 0, 0)
    except (AttributeError, TypeError):  # pragma: no cover - other PyMuPDF builds
        tw.append((x, y), s, font=cjk_font(), fontsize=size)


@lru_cache(maxsize=1)
def _font_this():
    return cjk_font().this


class Canvas:
    """Collects text (one TextWriter per colour and weight), vector graphics (raw PDF operators, y down)
    and images for one page; done() writes them: graphics, then text, then images (seals on top)."""

    def __init__(self, page: pymupdf.Page):
        self.page = page
        self.rect = page.rect
        self._h = page.rect.height
        self.ops: list[str] = []
        self.writers: dict[tuple, pymupdf.TextWriter] = {}
        self.images: list[tuple[pymupdf.Rect, bytes]] = []
        self.turned: list[tuple[pymupdf.TextWriter, tuple]] = []

    def text(self, x: float, y: float, s: str, size: float = 11, color=BLACK, bold: bool = False,
             align: str = "l", width: float = 0.0) -> None:
        """Write `s` with its baseline at y; align 'l', 'c' or 'r' inside [x, x+width]."""
        if not s:
            return
        if align != "l":
            w = text_width(s, size)
            x = x + (width - w) / 2 if align == "c" else x + width - w
        key = (tuple(color), bold)
        tw = self.writers.get(key)
        if tw is None:
            tw = self.writers[key] = pymupdf.TextWriter(self.rect, color=color)
        _show(tw, x, y, s, size)

    def text_turned(self, x: float, y: float, s: str, size: float, angle: float, color=GREY, opacity: float = 1.0) -> None:
        """Text turned by `angle` degrees about (x, y) (watermarks)."""
        tw = pymupdf.TextWriter(self.rect, color=color, opacity=opacity)
        tw.append((x, y), s, font=cjk_font(), fontsize=size)
        self.turned.append((tw, (pymupdf.Point(x, y), pymupdf.Matrix(angle))))

    # vector graphics: paths in page coordinates (y down), converted to PDF space here
    def _p(self, x: float, y: float) -> str:
        return f"{x:.2f} {self._h - y:.2f}"

    def path(self, path: str, width: float = 0.6, color=BLACK, fill=None) -> None:
        ops = ["q"]
        stroke = width > 0 and color is not None
        if stroke:
            ops.append(f"{width:.3g} w 1 J 1 j {_rgb(color)} RG")
        if fill is not None:
            ops.append(f"{_rgb(fill)} rg")
        ops.append(path)
        ops.append(("B" if stroke else "f") if fill is not None else "S")
        ops.append("Q")
        self.ops.append(" ".join(ops))

    def line(self, x0, y0, x1, y1, width: float = 0.6, color=BLACK) -> None:
        self.path(f"{self._p(x0, y0)} m {self._p(x1, y1)} l", width, color)

    def box(self, r, width: float = 0.6, color=BLACK, fill=None) -> None:
        x0, y0, x1, y1 = r
        self.path(f"{x0:.2f} {self._h - y1:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re", width, color, fill)

    def circle(self, c, radius: float, width: float = 1.0, color=BLACK, fill=None) -> None:
        x, y = c
        k = 0.5523 * radius
        r = radius
        p = self._p
        self.path(f"{p(x + r, y)} m {p(x + r, y + k)} {p(x + k, y + r)} {p(x, y + r)} c {p(x - k, y + r)} {p(x - r, y + k)} {p(x - r, y)} c "
                  f"{p(x - r, y - k)} {p(x - k, y - r)} {p(x, y - r)} c {p(x + k, y - r)} {p(x + r, y - k)} {p(x + r, y)} c h", width, color, fill)

    def poly(self, points, width: float = 1.0, color=BLACK, fill=None, closed: bool = False) -> None:
        (x0, y0), *rest = points
        path = f"{self._p(x0, y0)} m " + " ".join(f"{self._p(x, y)} l" for x, y in rest) + (" h" if closed else "")
        self.path(path, width, color, fill)

    def quarter_arc(self, cx: float, cy: float, r: float, down: bool, width: float = 0.5, color=GREY) -> None:
        """A door swing: quarter circle from (cx + r, cy) to (cx, cy +/- r)."""
        s = r if down else -r
        k = 0.5523 * s
        self.path(f"{self._p(cx + r, cy)} m {self._p(cx + r, cy + k)} {self._p(cx + 0.5523 * r, cy + s)} {self._p(cx, cy + s)} c", width, color)

    def image(self, r, data: bytes) -> None:
        self.images.append((pymupdf.Rect(r), data))

    def signature(self, x: float, y: float, w: float, rng: random.Random, color=INK) -> None:
        """A hand-written looking scribble (a few connected bezier strokes) starting at (x, y)."""
        parts = []
        strokes = rng.randint(2, 4)
        step = w / strokes
        for s in range(strokes):
            px, py = x + s * step + rng.uniform(-3, 3), y + rng.uniform(-6, 4)
            parts.append(f"{self._p(px, py)} m")
            for _ in range(rng.randint(2, 4)):
                qx, qy = px + rng.uniform(4, step * 0.6), y + rng.uniform(-9, 7)
                parts.append(f"{self._p(px + rng.uniform(-6, 10), py - rng.uniform(6, 16))} "
                             f"{self._p(qx + rng.uniform(-10, 6), qy + rng.uniform(4, 14))} {self._p(qx, qy)} c")
                px, py = qx, qy
        parts.append(f"{self._p(x, y + 6)} m {self._p(x + w * 0.4, y + 10)} {self._p(x + w * 0.7, y + 2)} {self._p(x + w * 1.05, y + 4)} c")
        self.path(" ".join(parts), 1.1, color)

    def done(self) -> None:
        if self.ops:
            shape = self.page.new_shape()
            shape.totalcont = "\n".join(self.ops) + "\n"
            shape.commit()
        for (_color, bold), tw in self.writers.items():
            tw.write_text(self.page, render_mode=2 if bold else 0)
        for tw, morph in self.turned:
            tw.write_text(self.page, morph=morph)
        for r, data in self.images:
            self.page.insert_image(r, stream=data)


# --- flowed content: units placed top to bottom, broken across pages ---------------------------------
Draw = Callable[[Canvas, float, float, float], None]


class Unit(NamedTuple):
    h: float
    draw: Draw
    toc: tuple[int, str] | None = None
    header: Unit | None = None  # a table row repeats its table's header after a page break
    box: bool = False  # a boxed text line (form fields): the page closes and reopens the box
    keep: float = 0.0  # a heading wants this much room after it on the same page


def u_space(h: float) -> Unit:
    return Unit(h, lambda cv, x, y, w: None)


def u_break() -> Unit:
    """Start a new page (unless already at the top of one)."""
    return Unit(0.0, lambda cv, x, y, w: None, keep=1e9)


def u_title(text: str, size: float = 17, toc: int | None = 1, color=BLACK) -> Unit:
    def draw(cv, x, y, w):
        for i, s in enumerate(wrap(text, w, size)):
            cv.text(x, y + 8 + size + i * size * 1.4, s, size, color=color, bold=True, align="c", width=w)
    n = len(wrap(text, 440, size))
    return Unit(size * 1.4 * n + 18, draw, (toc, text) if toc else None, keep=60)


def u_heading(text: str, size: float = 12.5, toc: int | None = 2, indent: bool = False) -> Unit:
    def draw(cv, x, y, w):
        cv.text(x + (2 * size if indent else 0), y + 6 + size, text, size, bold=True)
    return Unit(size + 14, draw, (toc, text) if toc else None, keep=50)


def u_para(text: str, w: float, size: float = 11.5, indent: int = 2, leading: float = 1.75, box: bool = False,
           color=BLACK, pad: float = 0.0) -> list[Unit]:
    out = []
    for s in wrap(text, w - 2 * pad, size, indent):
        def draw(cv, x, y, ww, s=s):
            cv.text(x + pad, y + size * 1.15, s, size, color=color)
            if box:
                cv.line(x, y, x, y + size * leading)
                cv.line(x + ww, y, x + ww, y + size * leading)
        out.append(Unit(size * leading, draw, box=box))
    return out


def u_row(cells: list[tuple[str, float]], w: float, size: float = 9.5, header: Unit | None = None,
          head: bool = False, fill=None, align: str = "c", min_h: float = 0.0) -> Unit:
    """One table row: cells are (text, fraction of width). Label-like short cells are centred."""
    widths = [f * w for _, f in cells]
    wrapped = [wrap(t, cw - 6, size) for (t, _), cw in zip(cells, widths)]
    lead = size * 1.35
    h = max(min_h, max(len(ls) for ls in wrapped) * lead + 8)

    def draw(cv, x, y, ww):
        cx = x
        for (ls, cw) in zip(wrapped, widths):
            cv.box((cx, y, cx + cw, y + h), width=0.7, fill=fill)
            ty = y + (h - len(ls) * lead) / 2
            for s in ls:
                a = "c" if (align == "c" and len(ls) == 1) or head else "l"
                cv.text(cx + 3, ty + size * 1.05, s, size, bold=head, align=a, width=cw - 6)
                ty += lead
            cx += cw
    return Unit(h, draw, header=header)


def u_table(cols: list[str], fracs: list[float], rows: Iterable[list[str]], w: float, size: float = 9.5,
            align: str = "c") -> Iterator[Unit]:
    header = u_row(list(zip(cols, fracs)), w, size, head=True, fill=(0.9, 0.9, 0.9))
    yield header
    for r in rows:
        yield u_row(list(zip(r, fracs)), w, size, header=header, align=align)


def paginate(units: Iterator[Unit], npages: int, height: float) -> list[list[Unit]]:
    """Fill exactly `npages` pages of `height` from `units` (which must not run dry first)."""
    pages: list[list[Unit]] = []
    cur: list[Unit] = []
    used = 0.0
    for u in units:
        if cur and used + u.h + u.keep > height:
            pages.append(cur)
            if len(pages) == npages:
                return pages
            cur, used = [], 0.0
            if u.header is not None:
                cur.append(u.header)
                used += u.header.h
        cur.append(u)
        used += u.h
    if cur:
        pages.append(cur)
    return pages


def pages_needed(units: Iterable[Unit], landscape: bool = False) -> int:
    """How many pages a finite run of units fills."""
    return len(paginate(iter(units), 1 << 30, (A4_W if landscape else A4_H) - TOP - BOTTOM))


def draw_units(cv: Canvas, units: list[Unit], x: float, y: float, w: float) -> None:
    prev_box = False
    for u in units:
        if u.box != prev_box:
            cv.line(x, y, x + w, y, width=0.7)
        u.draw(cv, x, y, w)
        y += u.h
        prev_box = u.box
    if prev_box:
        cv.line(x, y, x + w, y, width=0.7)


# --- seals, photos -----------------------------------------------------------------------------------
def _noise_layer(size: tuple[int, int], seed: int, lo: int, hi: int, scale: int = 1) -> Image.Image:
    rng = random.Random(seed)
    w, h = max(1, size[0] // scale), max(1, size[1] // scale)
    img = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    if scale > 1:
        img = img.resize(size, Image.Resampling.BILINEAR)
    return img.point([lo + (hi - lo) * v // 255 for v in range(256)])


@lru_cache(maxsize=48)
def seal_png(name: str, variant: int = 0, middle: str = "", code: str = "") -> bytes:
    """A red round seal (公章): ring, star, the unit's name along the top arc, optional text under the star
    and the 13-digit anti-forgery number along the bottom arc; mottled ink, slightly turned."""
    rng = random.Random(f"{name}|{variant}")
    S = 360
    mask = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(mask)
    d.ellipse((10, 10, S - 10, S - 10), outline=255, width=13)
    cx = cy = S / 2
    pts = []
    for i in range(10):
        r = 50 if i % 2 == 0 else 20
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + r * math.cos(a), cy - 6 + r * math.sin(a)))
    d.polygon(pts, fill=255)
    n = len(name)
    span = min(250.0, 26.0 + n * 17.0)
    fsize = int(min(50, 2 * math.pi * 120 * span / 360 / max(n, 1) * 0.95))
    font = pil_font(fsize)
    radius = S / 2 - 24 - fsize / 2
    for i, ch in enumerate(name):
        a = -90 - span / 2 + span * (i + 0.5) / n
        glyph = Image.new("L", (fsize + 8, fsize + 8), 0)
        ImageDraw.Draw(glyph).text(((fsize + 8) / 2, (fsize + 8) / 2), ch, fill=255, font=font, anchor="mm")
        glyph = glyph.rotate(-(a + 90), resample=Image.Resampling.BICUBIC, expand=True)
        px = cx + radius * math.cos(math.radians(a)) - glyph.width / 2
        py = cy + radius * math.sin(math.radians(a)) - glyph.height / 2
        mask.paste(255, (int(px), int(py)), glyph)
    if middle:
        d.text((cx, cy + 78), middle, fill=255, font=pil_font(30), anchor="mm")
    if code:
        small = pil_font(17)
        for i, ch in enumerate(code):
            a = 90 + 60 - 120 * (i + 0.5) / len(code)
            glyph = Image.new("L", (22, 22), 0)
            ImageDraw.Draw(glyph).text((11, 11), ch, fill=255, font=small, anchor="mm")
            glyph = glyph.rotate(-(a - 90), resample=Image.Resampling.BICUBIC, expand=True)
            px = cx + (S / 2 - 34) * math.cos(math.radians(a)) - glyph.width / 2
            py = cy + (S / 2 - 34) * math.sin(math.radians(a)) - glyph.height / 2
            mask.paste(255, (int(px), int(py)), glyph)
    mottle = _noise_layer((S, S), rng.randrange(1 << 30), 110, 255, scale=6)
    mask = ImageChops.multiply(mask, mottle).filter(ImageFilter.GaussianBlur(0.8))
    mask = mask.rotate(rng.uniform(-18, 18), resample=Image.Resampling.BICUBIC)
    ink = Image.new("RGBA", (S, S), (214, 28, 38, 0))
    ink.putalpha(mask.point(lambda v: int(v * 0.88)))
    buf = io.BytesIO()
    ink.save(buf, "PNG", optimize=False, compress_level=3)
    return buf.getvalue()


# --- scanning ----------------------------------------------------------------------------------------
@lru_cache(maxsize=12)
def _noise_gray(size: tuple[int, int], seed: int, amp: int) -> Image.Image:
    return _noise_layer(size, seed, 0, 2 * amp, scale=2)


@lru_cache(maxsize=12)
def _noise_rgb(size: tuple[int, int], seed: int, amp: int) -> Image.Image:
    g = _noise_gray(size, seed, amp)
    return Image.merge("RGB", (g, g, g))


@lru_cache(maxsize=20)
def _specks(size: tuple[int, int], seed: int, mode: str) -> Image.Image:
    """White sheet with dust specks, a hair or two and toner dots (darker() it onto a scan)."""
    rng = random.Random(seed)
    img = Image.new("L", size, 255)
    d = ImageDraw.Draw(img)
    w, h = size
    for _ in range(160):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((0.5, 0.5, 0.8, 1, 1.4))
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(90, 200))
    for _ in range(2):
        x, y = rng.randrange(w), rng.randrange(h)
        d.line([(x + k * 3, y + int(8 * math.sin(k / 4))) for k in range(30)], fill=150, width=1)
    return img.convert(mode)


def scan_jpeg(src: pymupdf.Page, rng: random.Random, *, color: bool, faded: bool, sideways: bool) -> bytes:
    """Render `src` as a 150 dpi scan: skewed 0.3-1.5 degrees, tinted (colour) or grey, optionally faded,
    softened, noisy, specked; JPEG quality 50-65."""
    work = SCAN_DPI if color else WORK_DPI  # colour: resizing RGB costs more than working at full size
    zoom = work / 72
    angle = rng.uniform(0.3, 1.5) * rng.choice((-1, 1))
    mat = pymupdf.Matrix(zoom, zoom).prerotate(angle)
    pix = src.get_pixmap(matrix=mat, colorspace=pymupdf.csRGB if color else pymupdf.csGRAY, alpha=False)
    mode = "RGB" if color else "L"
    img = Image.frombytes(mode, (pix.width, pix.height), pix.samples)
    W, H = round(src.rect.width * zoom), round(src.rect.height * zoom)
    mx, my = (img.width - W) // 2, (img.height - H) // 2
    dx, dy = mx + rng.randint(-min(mx, 8), min(mx, 8)), my + rng.randint(-min(my, 8), min(my, 8))
    img = img.crop((dx, dy, dx + W, dy + H))
    if sideways:
        img = img.transpose(rng.choice((Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270)))
    if faded:
        paper, ink = rng.randint(228, 242), rng.randint(105, 140)
    else:
        paper, ink = rng.randint(236, 250), rng.randint(8, 40)
    if color:
        tint = (paper, paper - rng.randint(3, 9), paper - rng.randint(12, 26))
        lut = [min(255, ink + (t - ink) * v // 255) for t in tint for v in range(256)]
    else:
        lut = [ink + (paper - ink) * v // 255 for v in range(256)]
    img = img.point(lut)
    d = ImageDraw.Draw(img)
    if rng.random() < 0.35:  # scanner lid shadow along one edge
        edge = rng.choice(("l", "r", "t"))
        shade = (90, 90, 90) if color else 90
        box = {"l": (0, 0, 4, img.height), "r": (img.width - 5, 0, img.width, img.height), "t": (0, 0, img.width, 4)}[edge]
        d.rectangle(box, fill=shade)
    if rng.random() < 0.3:  # binder punch holes
        for fy in (0.38, 0.62):
            cy = int(img.height * fy)
            d.ellipse((18, cy - 12, 42, cy + 12), fill=(70, 70, 70) if color else 70)
    seed = rng.randrange(5)
    noise = _noise_rgb(img.size, seed, NOISE) if color else _noise_gray(img.size, seed, NOISE)
    img = ImageChops.add(img, noise, 1.0, -NOISE)
    specks = _specks(img.size, seed, mode)
    if rng.random() < 0.5:
        specks = specks.transpose(Image.Transpose.ROTATE_180)
    img = ImageChops.darker(img, specks)
    quality = QUALITY or rng.randint(50, 65)
    data = _jpeg(img, round(img.width * SCAN_DPI / work), round(img.height * SCAN_DPI / work), quality)
    if len(data) > MAX_SCAN_BYTES:  # a dense page: store it at a lower resolution rather than bloat the dossier
        scale = max(0.72, (MAX_SCAN_BYTES / len(data)) ** 0.5 * 0.97) * SCAN_DPI / work
        data = _jpeg(img, round(img.width * scale), round(img.height * scale), quality)
    return data


def _jpeg(img: Image.Image, width: int, height: int, quality: int) -> bytes:
    if (width, height) != img.size:
        img = img.resize((width, height), Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# --- one PDF being built -------------------------------------------------------------------------------
class DocBuilder:
    """Pages of one material: text pages, scanned pages (via a scratch document), flowed content,
    outline entries and page labels; saved subset, optionally AES-256 encrypted."""

    def __init__(self, applicant_name: str, material: str, rng: random.Random):
        self.doc = pymupdf.open()
        self._scratch: pymupdf.Document | None = None
        self.rng = rng
        self.name, self.material = applicant_name, material
        self.toc: list[list] = []
        self.labels: list[dict] = []

    @property
    def count(self) -> int:
        return self.doc.page_count

    @staticmethod
    def _new(doc: pymupdf.Document, landscape: bool) -> pymupdf.Page:
        return doc.new_page(width=A4_H if landscape else A4_W, height=A4_W if landscape else A4_H)

    def header(self, cv: Canvas, number: int) -> None:
        """Running header and page number (the cover is not numbered), as printed from a word processor."""
        number -= 1
        w = cv.rect.width
        cv.text(MARGIN_X, 42, self.name, 8, color=GREY)
        cv.text(MARGIN_X, 42, self.material, 8, color=GREY, align="r", width=w - 2 * MARGIN_X)
        cv.line(MARGIN_X, 47, w - MARGIN_X, 47, width=0.4, color=GREY)
        cv.text(0, cv.rect.height - 30, f"— {number} —", 9, align="c", width=w)

    def text_page(self, draw: Callable[[Canvas], None], landscape: bool = False, header: bool = True) -> pymupdf.Page:
        page = self._new(self.doc, landscape)
        cv = Canvas(page)
        if header:
            self.header(cv, self.count)
        draw(cv)
        cv.done()
        return page

    def scan_page(self, draw: Callable[[Canvas], None], *, landscape: bool = False, color: bool = False,
                  faded: bool = False, sideways: bool = False, rotate: int = 0, header: bool = False) -> pymupdf.Page:
        """Draw on a scratch page, 'scan' it, and add a page holding only that image. A sideways scan of a
        landscape sheet lands on a portrait page (content turned 90 degrees); `rotate` sets /Rotate."""
        if self._scratch is None:
            self._scratch = pymupdf.open()
        src = self._new(self._scratch, landscape)
        cv = Canvas(src)
        if header:
            self.header(cv, self.count + 1)
        draw(cv)
        cv.done()
        data = scan_jpeg(src, self.rng, color=color, faded=faded, sideways=sideways)
        self._scratch.delete_page(-1)
        page = self._new(self.doc, landscape != sideways)
        page.insert_image(page.rect, stream=data)
        if rotate:
            page.set_rotation(rotate)
        return page

    def flow(self, units: Iterable[Unit], npages: int, *, landscape: bool = False,
             scan: Callable[[int], dict | None] | None = None) -> None:
        """Lay `units` out over exactly `npages` pages; scan(i) may return scan_page options for page i."""
        if npages <= 0:
            return
        w = (A4_H if landscape else A4_W) - 2 * MARGIN_X
        h = (A4_W if landscape else A4_H) - TOP - BOTTOM
        pages = paginate(iter(units), npages, h)
        if len(pages) != npages:
            raise RuntimeError(f"{self.material}: content ran out after {len(pages)} of {npages} pages")
        for i, us in enumerate(pages):
            for u in us:
                if u.toc:
                    self.toc.append([u.toc[0], u.toc[1], self.count + 1])

            def draw(cv: Canvas, us=us) -> None:
                draw_units(cv, us, MARGIN_X, TOP, w)
            opts = scan(i) if scan else None
            if opts:
                self.scan_page(draw, landscape=landscape, header=True, **opts)
            else:
                self.text_page(draw, landscape=landscape)

    def flow_measured(self, units: list[Unit], max_pages: int, *, landscape: bool = False,
                      scan: Callable[[int], dict | None] | None = None) -> int:
        """Lay out a finite run of units on as many pages as it needs (at most max_pages; the rest of the
        last page stays blank); return the number of pages used."""
        k = min(max_pages, pages_needed(units, landscape))
        self.flow(itertools.chain(units, itertools.repeat(u_space(24))), k, landscape=landscape, scan=scan)
        return k

    def save(self, path, password: str | None = None, date: str = "20260612") -> None:
        if self._scratch is not None:
            self._scratch.close()
        if len(self.toc) > 1:
            toc, prev = [], 0
            for level, title, page in self.toc:
                level = max(1, min(level, prev + 1))
                toc.append([level, title, page])
                prev = level
            self.doc.set_toc(toc)
        if self.labels:
            self.doc.set_page_labels(self.labels)
        stamp = f"D:{date}093000+08'00'"
        self.doc.set_metadata({"title": self.material, "author": self.name, "subject": "2026年度深圳市终身职业技能培训载体认定申报材料",
                               "keywords": "评审台演示数据（虚构）", "creator": "ReviewDesk demo", "producer": "PyMuPDF",
                               "creationDate": stamp, "modDate": stamp})
        self.doc.subset_fonts()
        opts: dict = {"garbage": 3, "deflate": True}
        if password:
            opts.update(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "-owner",
                        permissions=pymupdf.PDF_PERM_PRINT | pymupdf.PDF_PERM_ACCESSIBILITY)
        self.doc.save(str(path), **opts)
        self.doc.close()
