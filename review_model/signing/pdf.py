"""The PDF score sheet (评分表): a signed sheet document drawn as an official Chinese form.

Always Chinese (it is filed with the bureau), A4, with the CJK font embedded. Every page carries
the round, the applicant, the revision, the short hash of the signed JSON and "第 x 页 共 y 页";
the item table repeats its header on each page (tables: pdf_tables.py). The full SHA-256 of the
signed JSON is also in the PDF's metadata (subject), where the return-bundle check reads it.
"""
from __future__ import annotations

import io
from datetime import datetime
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from ..carriers import OFFICIAL_NAMES
from ..pdf_canvas import heading_font, numbered_canvas, register_document_font
from ..round_time import in_round_time
from ..rubric import Rubric
from .document import SUBJECT_PREFIX, SheetDocument, short_hash
from .pdf_tables import (
    FONT,
    GREY,
    WIDTH,
    info_table,
    item_table,
    opinion_table,
    para,
    signature_table,
    style,
    veto_table,
)

MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 22 * mm, 20 * mm


@lru_cache(maxsize=1)
def _register_font() -> str:
    register_document_font(FONT)  # the serif face, or the sans one when it is missing (pdf_canvas)
    return FONT


def china_time(iso: str) -> datetime:
    return in_round_time(datetime.fromisoformat(iso))


def chinese_date(iso: str) -> str:
    moment = china_time(iso)
    return f"{moment.year}年{moment.month}月{moment.day}日"


class BoldLine(Flowable):
    """A centred heading in a heavier stroke (the font has a single weight)."""

    def __init__(self, text: str, size: float, space_after: float = 0) -> None:
        super().__init__()
        self.text, self.size, self.space_after = text, size, space_after

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.size * 1.3 + self.space_after

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(self.size / 28)
        text = c.beginText()
        text.setTextRenderMode(2)  # fill and stroke: a bold face from a regular one
        width = pdfmetrics.stringWidth(self.text, FONT, self.size)
        text.setTextOrigin((self.width - width) / 2, self.space_after + self.size * 0.25)
        text.setFont(FONT, self.size)
        text.textOut(self.text)
        c.drawText(text)
        c.restoreState()


def _heading(text: str) -> Paragraph:
    heading = style(11.5, leading=15)
    heading.fontName = heading_font(FONT)  # 黑体-style headings over 宋体-style text
    heading.spaceBefore, heading.spaceAfter = 9, 4
    return Paragraph(text, heading)


def _notes(doc: SheetDocument) -> list:
    titles = {i.code: i.title for i in doc.items}
    out = []
    for note in sorted(doc.notes, key=lambda n: (n.item_code != "", n.created_at)):
        where = "【综合】" if not note.item_code else f"【{note.item_code} {titles.get(note.item_code, '')}】"
        when = china_time(note.created_at).strftime("%m-%d %H:%M")
        out.append(para(f"{where}{note.text}（{when}）", 9.5))
    for photo in doc.photos:
        where = "综合" if not photo.item_code else f"{photo.item_code} {titles.get(photo.item_code, '')}"
        taken = f"，拍摄于 {photo.taken_at.replace('T', ' ')[:16]}" if photo.taken_at else ""
        caption = f"“{photo.caption}”" if photo.caption else ""
        out.append(para(f"【现场照片】{where}：{caption}{photo.original_name}{taken}，SHA-256 {photo.sha256[:12]}…", 8.5,
                        colour=GREY))
    return out or [para("（无）", 9.5)]


def _fit(head: str, tail: str, width: float, size: float = 8) -> str:
    """`head + tail`, shortening `head` with an ellipsis until it fits `width` at `size`."""
    while head and pdfmetrics.stringWidth(head + tail, FONT, size) > width:
        head = head[:-2] + "…"
    return head + tail


def render_score_sheet(doc: SheetDocument, rubric: Rubric, json_sha256: str) -> bytes:
    """The PDF of a sheet document whose canonical JSON has SHA-256 `json_sha256`."""
    _register_font()
    a = doc.applicant
    kind = "考察评估" if a.carrier_type == "chain_leader" else "认定评审"
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"评分表 {a.name} 第{doc.revision.number}版", author=doc.expert.name,
        subject=f"{SUBJECT_PREFIX}{json_sha256}", creator="ReviewDesk 评审台", invariant=1,
    )
    number = f"编号：{doc.round.round_id}-{a.applicant_id}-{doc.expert.expert_id}-{doc.revision.number}"
    story = [
        Spacer(1, 2 * mm),
        para(doc.round.title, 12.5, align=TA_CENTER),
        Spacer(1, 2.5 * mm),
        BoldLine(f"{OFFICIAL_NAMES.get(a.carrier_type, '')}{kind}专家评分表", 19, space_after=3 * mm),
        para(number, 8.5, align=TA_RIGHT, colour=GREY),
        Spacer(1, 1.5 * mm),
        info_table(doc),
        _heading("一、评分明细"),
        item_table(doc, rubric),
        CondPageBreak(40 * mm),
        _heading("二、一票否决事项"),
        veto_table(doc),
        CondPageBreak(30 * mm),
        _heading("三、考察记录"),
        *_notes(doc),
        KeepTogether([_heading("四、综合评审意见"), opinion_table(doc), Spacer(1, 5 * mm),
                      signature_table(doc, json_sha256, chinese_date(doc.revision.signed_at),
                                      chinese_date(doc.conflict.confirmed_at))]),
    ]
    header = f"{doc.round.title}　{doc.round.district}"
    tail = f"　第 {doc.revision.number} 版　签名摘要 {short_hash(json_sha256)}"
    footer = _fit(f"申报单位：{a.name}", tail, WIDTH - 30 * mm)
    template.build(story, canvasmaker=numbered_canvas(
        header_left=header, header_right="评审专家评分表", footer=footer, pagesize=A4, margin_x=MARGIN_X,
        margin_top=MARGIN_TOP, margin_bottom=MARGIN_BOTTOM, font=FONT, colour=GREY))
    return buffer.getvalue()
