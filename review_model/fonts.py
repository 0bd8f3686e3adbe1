"""The CJK font PyMuPDF ships (Droid Sans Fallback), so Chinese renders on any OS without system
fonts: Qt loads it from memory, reportlab from a copy in the cache folder."""
from __future__ import annotations

import hashlib
import tempfile
import threading
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


def _truetype_skeleton(font, glyphs: dict) -> None:
    """Turn an OpenType-CFF font object into a TrueType one holding the given glyf outlines."""
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyf = font["glyf"] = newTable("glyf")
    font["loca"] = newTable("loca")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:  # vertical origins belong to CFF fonts
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():  # TrueType wants the left side bearing to equal xMin
        if getattr(glyph, "numberOfContours", 0):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.compile(font)
    font["post"].formatType = 3.0  # no glyph names: a CFF font's 31,000 names would only add weight
    font.sfntVersion = "\0\1\0\0"


def _save(font) -> bytes:
    import io

    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def serif_metrics_font(path: Path) -> bytes:
    """The serif font as TrueType with every glyph empty: its widths, cmap and vertical metrics are
    what reportlab lays text out with; the outlines come per document (serif_outline_font)."""
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    empty = TTGlyphPen(None).glyph()
    _truetype_skeleton(font, {name: empty for name in font.getGlyphOrder()})
    return _save(font)


_converting = threading.Lock()  # the source font decompiles its glyphs lazily, once each
_converted: dict[str, object] = {}  # glyph name -> TrueType glyph: documents of one run share most


@lru_cache(maxsize=1)
def _serif_source(path: Path):
    """The OpenType font, read once per process and only read from (about 0.3 s)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path))
    return font, font.getGlyphSet(), font.getBestCmap()


def serif_outline_font(path: Path, codes: set[int]) -> bytes:
    """A TrueType font with the serif outlines of just these characters (plus .notdef), built glyph by
    glyph: fontTools' subsetter would spend a second on layout tables and hints a PDF never uses."""
    import copy

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    with _converting:
        source, glyph_set, cmap = _serif_source(path)
        mapping = {code: cmap[code] for code in codes if code in cmap}
        names = [".notdef", *sorted(set(mapping.values()) - {".notdef"})]
        for name in names:
            if name not in _converted:
                pen = TTGlyphPen(None)
                # max_err 1 unit of 1000 per em, the tolerance fontTools' own otf2ttf uses; CFF and
                # TrueType run their contours in opposite directions
                glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
                _converted[name] = pen.glyph()
        glyphs = {name: copy.deepcopy(_converted[name]) for name in names}
        advances = source["hmtx"].metrics
        builder = FontBuilder(source["head"].unitsPerEm, isTTF=True)
        builder.setupGlyphOrder(names)
        builder.setupCharacterMap(mapping)
        builder.setupGlyf(glyphs)
        builder.setupHorizontalMetrics({name: (advances[name][0], getattr(glyphs[name], "xMin", 0))
                                        for name in names})
        builder.setupHorizontalHeader(ascent=source["hhea"].ascent, descent=source["hhea"].descent)
        builder.font["name"] = copy.deepcopy(source["name"])  # the copyright and licence go with it
        builder.font["OS/2"] = copy.deepcopy(source["OS/2"])
        builder.setupPost(keepGlyphNames=False)
        builder.setupMaxp()
        # the source's dates, not today's: the same text makes the same PDF bytes
        builder.font.recalcTimestamp = False
        builder.font["head"].created = source["head"].created
        builder.font["head"].modified = source["head"].modified
    return _save(builder.font)
