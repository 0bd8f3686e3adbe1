"""The digits of a form read exactly, runs of the same digit too (a phone number's 4444, an
account's 6666): lines go to the recogniser squeezed for speed (ocr_engine._for_rec), and
squeezed too far the recogniser merges repeated digits (issue 13)."""
from __future__ import annotations

import io

import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from review_model.dossier.ocr import OcrClient, layout
from review_model.fonts import cjk_font_file

LINES = ["联系电话：0755-84444666，手机：13911112222", "开户银行账号：6666 7777 0000 3333",
         "统一社会信用代码：91440300MA5F3K7X2Q", "受理编号：SZ-GM-2026-0111，2026年11月11日",
         "网址：www.szjn60.org.cn，邮箱：hr555@szjn.cn"]


def _form(path) -> None:
    """The lines typed on a form at 200 dpi, 14 point, saved as a scanner's JPEG."""
    font = ImageFont.truetype(str(cjk_font_file()), 38)
    page = Image.new("RGB", (1500, 120 + 90 * len(LINES)), (248, 247, 244))
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(LINES):
        draw.text((80, 60 + i * 90), line, font=font, fill=(28, 28, 28))
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=75)
    doc = pymupdf.open()
    pdf_page = doc.new_page(width=page.width * 72 / 200, height=page.height * 72 / 200)
    pdf_page.insert_image(pdf_page.rect, stream=buffer.getvalue())
    doc.save(path)


@pytest.mark.slow
def test_repeated_digits_on_a_form_are_read_exactly(tmp_path):
    _form(tmp_path / "form.pdf")
    with OcrClient(page_seconds=120) as client:  # a busy machine is slow
        text = layout(client.recognize(str(tmp_path / "form.pdf"), 0)["lines"])[0]
    got = text.replace(" ", "")
    for line in LINES:
        for field in line.replace("，", "：").split("："):
            assert field.replace(" ", "") in got, (field, text)
