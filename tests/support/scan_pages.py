"""Scanned A4 pages for the scan-quality tests: real Chinese prose typeset with the CJK font,
rendered to pixels like a scanner (at a chosen dpi), optionally turned by a few degrees (a sheet
fed askew), and placed as the page's only content; or a white sheet (a page scanned blank)."""
from __future__ import annotations

import io

import pymupdf
from PIL import Image

from review_model.fonts import cjk_font_bytes

A4 = (595, 842)
PROSE = ("根据《深圳市终身职业技能培训载体认定工作实施方案》，申报单位应当具备与培训规模相适应的培训场地和设施设备，"
         "建立健全培训管理制度，配备专兼职师资队伍，近三年累计开展职业技能培训不少于一千人次，培训合格率达到百分之九十以上。"
         "申报材料须真实、完整、有效，电子扫描件应当清晰明辨、不缺页、不歪斜，并加盖单位公章。")


def _prose_page() -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    page.insert_font(fontname="cjk", fontbuffer=cjk_font_bytes())
    page.insert_text((72, 80), "培训场地及设施设备证明", fontname="cjk", fontsize=18)
    text = PROSE * 5
    page.insert_textbox(pymupdf.Rect(72, 110, A4[0] - 72, A4[1] - 90), text, fontname="cjk", fontsize=12,
                        lineheight=1.6)
    return doc


def scanned(*, dpi: int = 200, turn: float = 0.0, blank: bool = False) -> Image.Image:
    """One A4 sheet as the scanner sees it: grey pixels at `dpi`, turned `turn`° counter-clockwise."""
    if blank:
        return Image.new("L", (round(A4[0] * dpi / 72), round(A4[1] * dpi / 72)), 250)
    with _prose_page() as doc:
        pix = doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
        image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    if turn:
        image = image.rotate(turn, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return image


def scan_pdf(sheets: list[Image.Image]) -> bytes:
    """A PDF of image-only A4 pages, one per sheet (JPEG, as scanners save them)."""
    out = pymupdf.open()
    for image in sheets:
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        page = out.new_page(width=A4[0], height=A4[1])
        page.insert_image(page.rect, stream=buffer.getvalue())
    return out.tobytes(garbage=3, deflate=True)


def typeset_pdf() -> bytes:
    """A born-digital page of the same prose (a text layer, no image)."""
    with _prose_page() as doc:
        return doc.tobytes()
