"""What every official document (score sheets, panel summary, candidate list, the bureau's notices
and letters) is drawn with: its fonts (the serif body face, embedded per document) and the running
header and footer, drawn once the page count is known: 第 x 页 共 y 页."""
from __future__ import annotations

import io
import logging
import threading
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace, TTFontFile
from reportlab.pdfgen import canvas as pdfcanvas

from .fonts import CJK_FAMILY, SERIF_FAMILY, cjk_font_file, serif_font_file, serif_metrics_font, serif_outline_font

log = logging.getLogger(__name__)


class _SerifFace(TTFontFace):
    """Lays text out with the serif font's metrics; the outlines it embeds are made for the
    characters the document being saved used (outlines, set by _SerifFont.addObjects)."""

    outlines: TTFontFile | None = None

    def makeSubset(self, subset):
        return self.outlines.makeSubset(subset)


class _SerifFont(TTFont):
    """reportlab's TrueType font, whose glyphs are converted from the OpenType-CFF file only when a
    document is saved, and only those the document uses."""

    _saving = threading.Lock()  # the face holds one document's outlines at a time

    def __init__(self, name: str, source: Path) -> None:
        self.source = source
        self.missing: WeakKeyDictionary = WeakKeyDictionary()  # document -> characters the font lacks
        super().__init__(name, io.BytesIO(serif_metrics_font(source)))
        self.face.__class__ = _SerifFace  # the same face, with makeSubset taking this document's outlines

    def splitString(self, text, doc, encoding="utf-8"):
        lacking = {c for c in text if ord(c) not in self.face.charToGlyph and c not in "\n\r\t\xa0"}
        if lacking:
            self.missing.setdefault(doc, set()).update(lacking)
        return super().splitString(text, doc, encoding)

    def addObjects(self, doc) -> None:
        state = self.state.get(doc)
        codes = {code for subset in state.subsets for code in subset} if state else set()
        if doc in self.missing:
            log.warning("%s has no glyph for %s (nor the sans face): printed as an empty box", SERIF_FAMILY,
                        " ".join(f"U+{ord(c):04X}" for c in sorted(self.missing.pop(doc))))
        with self._saving:
            self.face.outlines = TTFontFile(io.BytesIO(serif_outline_font(self.source, codes)))
            try:
                super().addObjects(doc)
            finally:
                self.face.outlines = None


def document_font(name: str, source: Path | None) -> TTFont:
    """The body face of official documents under this reportlab name: the serif font from source, or
    PyMuPDF's sans CJK face (with a warning in the log) when there is none or it cannot be read."""
    if source is not None:
        try:
            return _SerifFont(name, source)
        except Exception as error:  # a damaged or unexpected font file must not stop a document
            log.warning("the serif CJK font %s cannot be used (%s)", source, error)
    log.warning("official documents are set in the sans face %s: %s", CJK_FAMILY,
                "the serif font (package pylopdf-fonts-zh-cn, with fontTools) is not installed"
                if source is None else "the serif font failed")
    return TTFont(name, str(cjk_font_file()))


def heading_font(name: str) -> str:
    """The reportlab name of the headings' face beside the body face `name` (register_document_font)."""
    return f"{name}-Bold"


@cache
def register_document_font(name: str) -> str:
    """Register the body face under this name and the headings' face under heading_font(name), once
    per process; says which family the body is in. Headings are in the sans face, as a bureau's
    documents set them in 黑体 beside 宋体 text (there is no bold Noto Serif SC to ship); <b> in a
    paragraph picks it too."""
    font = document_font(name, serif_font_file())
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFont(TTFont(heading_font(name), str(cjk_font_file())))
    pdfmetrics.registerFontFamily(name, normal=name, bold=heading_font(name), italic=name,
                                  boldItalic=heading_font(name))
    return SERIF_FAMILY if isinstance(font, _SerifFont) else CJK_FAMILY


def numbered_canvas(*, header_left: str, header_right: str, footer: str, pagesize: tuple[float, float],
                    margin_x: float, margin_top: float, margin_bottom: float, font: str, colour: Color):
    """A Canvas class for SimpleDocTemplate.build(canvasmaker=…)."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            page_w, page_h = pagesize
            self.saveState()
            self.setFont(font, 8)
            self.setFillColor(colour)
            self.setStrokeColor(colour)
            self.setLineWidth(0.4)
            top = page_h - margin_top + 6 * mm
            self.drawString(margin_x, top + 1.6 * mm, header_left)
            self.drawRightString(page_w - margin_x, top + 1.6 * mm, header_right)
            self.line(margin_x, top, page_w - margin_x, top)
            bottom = margin_bottom - 8 * mm
            self.line(margin_x, bottom + 3.6 * mm, page_w - margin_x, bottom + 3.6 * mm)
            self.drawString(margin_x, bottom, footer)
            self.drawRightString(page_w - margin_x, bottom, f"第 {number} 页  共 {total} 页")
            self.restoreState()

    return NumberedCanvas
