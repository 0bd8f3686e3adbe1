"""The CJK font PyMuPDF ships (Droid Sans Fallback), so Chinese renders on any OS without system
fonts: Qt loads it from memory, reportlab from a copy in the cache folder."""
from __future__ import annotations

import copy
import gc
import hashlib
import io
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

CJK_FAMILY = "Droid Sans Fallback"


@lru_cache(maxsize=1)
def cjk_font_bytes() -> bytes:
    # PyMuPDF loads only where a PDF is read (never for --help, status or verify)
    import pymupdf

    return pymupdf.Font("cjk").buffer


def cjk_font_file(cache: Path | None = None) -> Path:
    """A TrueType file of the font (reportlab needs a path); written once per content."""
    data = cjk_font_bytes()
    folder = cache or Path(tempfile.gettempdir()) / "reviewdesk-fonts"
    path = folder / f"cjk-{hashlib.sha256(data).hexdigest()[:12]}.ttf"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_bytes(data)
        partial.replace(path)
    return path


# -- The serif face of official documents ---------------------------------------------------------
# Official documents set their text in a 宋体-style serif: Noto Serif SC (SIL OFL 1.1, which allows
# embedding and subsetting; docs/fonts.md), shipped by the pylopdf-fonts-zh-cn wheel as a
# CFF-flavoured OpenType file. reportlab embeds only TrueType outlines, so each document gets the
# glyphs it uses converted to TrueType (fontTools' cu2qu) when it is saved; converting all 31,000
# glyphs once would take about 40 s.

SERIF_FAMILY = "Noto Serif SC"


def serif_font_file() -> Path | None:
    """The serif OpenType file, or None when its package (or fontTools, which converts it) is missing."""
    try:  # imported by name, so that the frozen app's analysis collects both
        import fontTools  # noqa: F401
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    path = pylopdf_fonts_zh_cn.serif_path()
    return path if path.is_file() else None


class _Sources:
    """The serif OpenType font, read once per process and only read from (about 0.3 s), with the
    characters it lacks that the sans face has (Hangul, Latin letters such as Ł or č) borrowed from
    the sans face, scaled to the serif's em: better a sans letter than an empty box."""

    def __init__(self, path: Path) -> None:
        # fontTools: only when an official document is made (the GUI and the intake read this module for the sans face)
        from fontTools.ttLib import TTFont

        self.serif = TTFont(str(path))
        self.serif_glyphs = self.serif.getGlyphSet()
        sans = TTFont(io.BytesIO(cjk_font_bytes()))
        self.sans_glyphs = sans.getGlyphSet()
        self.scale = self.serif["head"].unitsPerEm / sans["head"].unitsPerEm
        self.cmap = dict(self.serif.getBestCmap())
        self.advances = {name: advance for name, (advance, _) in self.serif["hmtx"].metrics.items()}
        self.borrowed: dict[str, str] = {}  # our glyph name -> the sans face's
        sans_advances = sans["hmtx"].metrics
        for code, name in sans.getBestCmap().items():
            if code not in self.cmap:
                ours = self.cmap[code] = f"sans.{name}"
                self.borrowed[ours] = name
                self.advances[ours] = round(sans_advances[name][0] * self.scale)
        self.order = [*self.serif.getGlyphOrder(), *self.borrowed]
        self.draw(".notdef")  # every module a conversion needs is loaded now, where a failure falls back

    def draw(self, name: str):
        """The TrueType glyph of one of our glyph names."""
        # fontTools: only when an official document is made (see above)
        from fontTools.pens.cu2quPen import Cu2QuPen
        from fontTools.pens.recordingPen import DecomposingRecordingPen
        from fontTools.pens.transformPen import TransformPen
        from fontTools.pens.ttGlyphPen import TTGlyphPen

        pen = TTGlyphPen(None)
        if name in self.borrowed:  # already quadratic; its components (Ł is L and a stroke) drawn out
            outline = DecomposingRecordingPen(self.sans_glyphs)
            self.sans_glyphs[self.borrowed[name]].draw(outline)
            outline.replay(TransformPen(pen, (self.scale, 0, 0, self.scale, 0, 0)))
        else:
            # max_err 1 unit of 1000 per em, the tolerance fontTools' own otf2ttf uses; CFF and
            # TrueType run their contours in opposite directions
            self.serif_glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        return pen.glyph()

    def build(self, names: list[str], mapping: dict[int, str], glyphs: dict, *, empty: bool = False) -> bytes:
        """A TrueType font of these glyphs, with the serif's vertical metrics, names and licence."""
        # fontTools: only when an official document is made (see above)
        from fontTools.fontBuilder import FontBuilder

        serif = self.serif
        builder = FontBuilder(serif["head"].unitsPerEm, isTTF=True)
        builder.setupGlyphOrder(names)
        builder.setupCharacterMap(mapping)
        builder.setupGlyf(glyphs)
        builder.setupHorizontalMetrics({name: (self.advances[name], getattr(glyphs[name], "xMin", 0))
                                        for name in names})
        builder.setupHorizontalHeader(ascent=serif["hhea"].ascent, descent=serif["hhea"].descent)
        builder.font["name"] = copy.deepcopy(serif["name"])  # the copyright and licence go with it
        builder.font["OS/2"] = copy.deepcopy(serif["OS/2"])
        builder.setupPost(keepGlyphNames=False)
        builder.setupMaxp()
        # the source's dates, not today's: the same text makes the same PDF bytes
        builder.font.recalcTimestamp = False
        builder.font["head"].created = serif["head"].created
        builder.font["head"].modified = serif["head"].modified
        if empty:  # the PDF's FontBBox is read from here: the real glyphs', not the empty ones'
            builder.font.recalcBBoxes = False
            for field in ("xMin", "yMin", "xMax", "yMax"):
                setattr(builder.font["head"], field, getattr(serif["head"], field))
        out = io.BytesIO()
        builder.font.save(out)
        return out.getvalue()


_converting = threading.Lock()  # the source fonts decompile their glyphs lazily, once each
_converted: dict[str, object] = {}  # glyph name -> TrueType glyph: documents of one run share most


@contextmanager
def _converting_quietly() -> Iterator[None]:
    """One conversion at a time, without the cyclic collector's full passes: fontTools makes
    hundreds of thousands of small objects, and each full pass over them held the interpreter lock
    for 0.1–0.2 s, stalling the window while a document was made in a background thread. What the
    conversion keeps (the decompiled fonts and glyphs, cached for the process) is then frozen out of
    the collector's sight (gc.freeze), so later passes do not walk it again; the little cyclic
    garbage frozen with it is kept for the process's life."""
    with _converting:
        enabled = gc.isenabled()
        gc.disable()
        try:
            yield
        finally:
            gc.freeze()
            if enabled:
                gc.enable()


@lru_cache(maxsize=1)
def _sources(path: Path) -> _Sources:
    return _Sources(path)


@lru_cache(maxsize=1)
def serif_metrics_font(path: Path) -> bytes:
    """The serif font as TrueType with every glyph empty: its widths, cmap and vertical metrics are
    what reportlab lays text out with; the outlines come per document (serif_outline_font)."""
    # fontTools: only when an official document is made (see above)
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    with _converting_quietly():
        sources = _sources(path)
        empty = TTGlyphPen(None).glyph()
        return sources.build(sources.order, sources.cmap, {name: empty for name in sources.order}, empty=True)


def serif_outline_font(path: Path, codes: set[int]) -> bytes:
    """A TrueType font with the outlines of just these characters (plus .notdef), built glyph by
    glyph: fontTools' subsetter would spend a second on layout tables and hints a PDF never uses."""
    with _converting_quietly():
        sources = _sources(path)
        mapping = {code: sources.cmap[code] for code in codes if code in sources.cmap}
        names = [".notdef", *sorted(set(mapping.values()) - {".notdef"})]
        for name in names:
            if name not in _converted:
                _converted[name] = sources.draw(name)
        return sources.build(names, mapping, {name: copy.deepcopy(_converted[name]) for name in names})
