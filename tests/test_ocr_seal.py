"""A scan with the applicant's red seal stamped over its text reads as the text alone: the seal's
legend is not read into the sentences it covers, and a page without red is read as it was
(issue 13: the seal's legend was all of the under-seal error in benchmarks/ocr.py)."""
from __future__ import annotations

import io

import numpy as np
import pymupdf
import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from review_model.dossier.ocr import OcrClient, layout
from review_model.dossier.ocr_engine import without_red
from review_model.fonts import cjk_font_file

LINES = ["本单位承诺所报材料真实有效", "培训场地面积一千二百平方米", "学徒合同均已按规定签订"]
LEGEND = ["深圳市光明区", "技能培训中心"]


def _scan(seal: bool) -> Image.Image:
    """Three lines of black text at 200 dpi, the seal stamped on the middle one as ink is: red
    multiplies what is under it, so the black text stays black."""
    font = ImageFont.truetype(str(cjk_font_file()), 46)
    page = Image.new("RGB", (1170, 560), (246, 245, 242))
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(LINES):
        draw.text((90, 110 + i * 130), line, font=font, fill=(30, 30, 30))
    if seal:
        stamp = Image.new("RGB", page.size, (255, 255, 255))
        ink = ImageDraw.Draw(stamp)
        cx, cy, r = 560, 270, 190
        ink.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(215, 40, 45), width=14)
        legend = ImageFont.truetype(str(cjk_font_file()), 50)
        ink.text((cx - 150, cy - 75), LEGEND[0], font=legend, fill=(215, 40, 45))
        ink.text((cx - 150, cy + 15), LEGEND[1], font=legend, fill=(215, 40, 45))
        page = ImageChops.multiply(page, stamp)
    return page


def _pdf(image: Image.Image, path) -> None:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)  # a scanner's JPEG, chroma subsampled
    doc = pymupdf.open()
    page = doc.new_page(width=image.width * 72 / 200, height=image.height * 72 / 200)
    page.insert_image(page.rect, stream=buffer.getvalue())
    doc.save(path)


@pytest.mark.slow
def test_a_red_seal_over_the_text_is_not_read_into_it(tmp_path):
    _pdf(_scan(seal=True), tmp_path / "sealed.pdf")
    _pdf(_scan(seal=False), tmp_path / "plain.pdf")
    with OcrClient(page_seconds=120) as client:  # a busy machine is slow
        sealed = layout(client.recognize(str(tmp_path / "sealed.pdf"), 0)["lines"])[0]
        plain = layout(client.recognize(str(tmp_path / "plain.pdf"), 0)["lines"])[0]
    text = "".join(LINES)
    assert plain.replace(" ", "") == text
    assert sealed.replace(" ", "") == text  # the sentences as written, under the seal too
    assert "深圳" not in sealed and "光明区" not in sealed  # and nothing of the seal's legend


def test_a_page_without_red_is_given_to_the_engine_as_it_was():
    grey = np.asarray(_scan(seal=False))[:, :, ::-1].copy()
    assert without_red(grey) is grey
    blue = grey.copy()  # a blue signature and a blue logo are not a seal
    blue[300:400, 100:600] = (180, 60, 20)
    assert without_red(blue) is blue


def test_on_a_sealed_page_the_seal_fades_and_the_text_stays_dark():
    image = np.asarray(_scan(seal=True))[:, :, ::-1].copy()
    faded = without_red(image)
    ring = image[270 - 190 + 7, 560]  # a pixel of the seal's ring, above the text
    assert ring[2] > 150 and ring[1] < 100  # red on the scan
    assert faded[270 - 190 + 7, 560].min() > 240  # paper white after
    dark = image.max(axis=2) < 80  # the black text, under the seal too
    assert dark.any() and faded[dark].max() < 120
