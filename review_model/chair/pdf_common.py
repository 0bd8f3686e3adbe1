"""What the panel's PDFs share with the score sheet: the CJK font, the table style (signing/pdf_tables)
and a running header and footer with "第 x 页 共 y 页", here for portrait or landscape A4."""
from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ..pdf_canvas import heading_font, numbered_canvas
from ..round_time import in_round_time
from ..signing.pdf import _register_font
from ..signing.pdf_tables import FONT, GREY, style

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 20 * mm, 18 * mm
# Full-width Chinese punctuation that must not start a line (reportlab's table lists the Japanese
# set and the ASCII one, not these): a comma at the start of a line looks wrong in an official text.
CHINESE_CANNOT_START = "，；：！？”’》〉】〗"


def _kinsoku() -> None:
    # reportlab loads only when a document is drawn
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):  # each holds its own copy of the table
        missing = "".join(c for c in CHINESE_CANNOT_START if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def page_size(wide: bool) -> tuple[float, float]:
    return landscape(A4) if wide else A4


def text_width(wide: bool) -> float:
    return page_size(wide)[0] - 2 * MARGIN_X


def china_day(moment: datetime) -> str:
    local = in_round_time(moment)
    return f"{local.year}年{local.month}月{local.day}日"


def heading(text: str, size: float = 12) -> Paragraph:
    look = style(size, leading=size * 1.35)
    look.fontName = heading_font(FONT)  # 黑体-style headings over 宋体-style text
    look.spaceBefore, look.spaceAfter = 8, 4
    return Paragraph(text, look)


def prepare() -> None:
    """Call before making any Paragraph: the font must be registered when text is laid out."""
    _register_font()
    _kinsoku()


def build_pdf(story: list, *, wide: bool, title: str, author: str, subject: str, header_left: str,
              header_right: str, footer: str) -> bytes:
    prepare()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=page_size(wide), leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                                 topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
                                 subject=subject, creator="ReviewDesk 评审台", invariant=1)
    template.build(story, canvasmaker=numbered_canvas(
        header_left=header_left, header_right=header_right, footer=footer, pagesize=page_size(wide),
        margin_x=MARGIN_X, margin_top=MARGIN_TOP, margin_bottom=MARGIN_BOTTOM, font=FONT, colour=GREY))
    return buffer.getvalue()
