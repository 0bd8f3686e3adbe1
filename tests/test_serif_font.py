"""Official documents are set in a 宋体-style serif (Noto Serif SC), embedded as a subset, with a real
glyph for every character they print; headings in the 黑体-style sans; the sans face everywhere, with
a warning in the log, when the serif font cannot be had (docs/fonts.md)."""
from __future__ import annotations

import io
import logging
import re

import pymupdf
import pytest
from fontTools.ttLib import TTFont

from review_model.chair.pdf_common import build_pdf, heading
from review_model.identity import signing_key
from review_model.pdf_canvas import document_font
from review_model.sheets.context import Reviewer
from review_model.signing.pdf import BoldLine
from review_model.signing.pdf_tables import para
from review_model.signing.sign import sign_sheet
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import make_small_round

SERIF, SANS = "NotoSerifSC-Regular", "Droid-Sans-Fallback"
# beyond GB2312 (堃, 珺, 喆, 赟 are in names people have), full-width punctuation, Latin and digits
BODY = "深圳市光明区精工模具技能大师工作室（负责人：王堃、李珺、张喆、陈赟），综合得分87.50分；“推荐”。"


def _drawn(pdf: bytes) -> list[tuple[str, str, int]]:
    """(font name, character, glyph id) of every character drawn (PyMuPDF's text trace)."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [(span["font"], chr(ucs), gid) for page in doc for span in page.get_texttrace()
                for ucs, gid, _, _ in span["chars"]]


def _embedded(pdf: bytes) -> dict[str, list[tuple[str, bytes]]]:
    """Font name without its subset tag -> [(the full name, its embedded font program)]."""
    found: dict[str, list] = {}
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        seen = set()
        for page in doc:
            for xref, ext, _kind, basefont, *_ in page.get_fonts(full=True):
                if xref in seen:
                    continue
                seen.add(xref)
                program = doc.extract_font(xref)[3] if ext != "n/a" else b""
                found.setdefault(basefont.split("+")[-1], []).append((basefont, program))
    return found


def _assert_every_character_has_its_glyph(pdf: bytes, font: str) -> None:
    programs = [TTFont(io.BytesIO(program)) for _, program in _embedded(pdf)[font]]
    drawn = [(c, gid) for name, c, gid in _drawn(pdf) if name == font and not c.isspace()]
    assert drawn
    for character, gid in drawn:
        assert gid != 0, f"{character!r} is drawn as .notdef"
        # the glyph id is in one of the font's subsets; that glyph must have an outline
        outlines = [p["glyf"][p.getGlyphOrder()[gid]] for p in programs if gid < len(p.getGlyphOrder())]
        assert any(glyph.numberOfContours for glyph in outlines), f"{character!r} has an empty glyph"


@pytest.fixture(scope="module")
def signed_sheet(tmp_path_factory) -> bytes:
    root = tmp_path_factory.mktemp("serif")
    round_ = make_small_round(root)
    home = expert_home(round_, "E02", root / "E02")
    reviewer = Reviewer.open(home)
    complete_sheet(reviewer, "A01", opinion="场地、设备、制度和带徒情况基本符合认定条件，建议王堃、陈赟继续带徒。")
    signed = sign_sheet(reviewer, "A01", signing_key(home, person_id=reviewer.expert_id))
    pdf = home.blobs.read(signed.pdf_sha256)
    home.close()
    return pdf


@pytest.mark.slow
def test_a_signed_score_sheet_is_set_in_the_embedded_serif_face(signed_sheet):
    embedded = _embedded(signed_sheet)
    assert SERIF in embedded, sorted(embedded)
    for basefont, program in embedded[SERIF]:
        assert re.fullmatch(rf"[A-Z]{{6}}\+{SERIF}", basefont)  # a subset, as PDF names one
        assert program and len(program) < 2_000_000  # embedded, and only the glyphs used
    drawn = _drawn(signed_sheet)
    body = [c for font, c, _ in drawn if font == SERIF]
    assert len(body) > 0.8 * len(drawn)  # the text is in the serif; the sans is for headings
    assert {font for font, _, _ in drawn} <= {SERIF, SANS}
    _assert_every_character_has_its_glyph(signed_sheet, SERIF)
    text = "".join(c for _, c, _ in drawn)
    assert "建议王堃、陈赟继续带徒" in text and "深圳市光明区精工模具技能大师工作室" in text
    headings = "".join(c for font, c, _ in drawn if font == SANS)
    for title in ("一、评分明细", "二、一票否决事项", "四、综合评审意见"):
        assert title in headings, title


def test_a_document_prints_every_character_in_serif_and_its_headings_in_sans():
    pdf = build_pdf([BoldLine("补正材料通知书", 19), heading("一、补正要求"), para(BODY, 10.5)], wide=False,
                    title="t", author="a", subject="s", header_left="2026年度认定评审", header_right="通知书",
                    footer="深圳市光明区人力资源局")
    drawn = _drawn(pdf)
    serif = "".join(c for font, c, _ in drawn if font == SERIF)
    assert BODY in serif and "补正材料通知书" in serif and "深圳市光明区人力资源局" in serif and "第 1 页" in serif
    assert "".join(c for font, c, _ in drawn if font == SANS) == "一、补正要求"
    _assert_every_character_has_its_glyph(pdf, SERIF)
    _assert_every_character_has_its_glyph(pdf, SANS)
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:  # a real bounding box for viewers that clip by it
        for xref, _, _, basefont, *_ in doc[0].get_fonts(full=True):
            if basefont.endswith(SERIF):
                descriptor = doc.xref_get_key(xref, "FontDescriptor")[1].split()[0]
                box = [float(v) for v in doc.xref_get_key(int(descriptor), "FontBBox")[1].strip("[]").split()]
                assert box[2] - box[0] >= 1000 and box[3] - box[1] >= 1000, box


def test_letters_the_serif_lacks_are_borrowed_from_the_sans_face_not_left_empty(caplog):
    names = "外籍专家 Łukasz Dvořák、김민준"  # Noto Serif SC has no Ł, ř or Hangul; the sans face has them
    with caplog.at_level(logging.WARNING, logger="review_model.pdf_canvas"):
        pdf = build_pdf([para(names, 10.5)], wide=False, title="t", author="a", subject="s", header_left="",
                        header_right="", footer="")
    assert "no glyph" not in caplog.text
    assert names in "".join(c for font, c, _ in _drawn(pdf) if font == SERIF)
    _assert_every_character_has_its_glyph(pdf, SERIF)


def test_a_character_the_serif_lacks_is_named_in_the_log(caplog):
    with caplog.at_level(logging.WARNING, logger="review_model.pdf_canvas"):
        build_pdf([para("签到😀完毕", 10.5)], wide=False, title="t", author="a", subject="s", header_left="",
                  header_right="", footer="")
    assert "U+1F600" in caplog.text  # neither face has an emoji


def _one_line(font) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, "受理通知书：申报材料齐全")
    canvas.save()
    return out.getvalue()


def test_without_the_serif_font_documents_use_the_sans_face_and_say_so(caplog):
    with caplog.at_level(logging.WARNING, logger="review_model.pdf_canvas"):
        pdf = _one_line(document_font("ReviewDeskTestNoSerif", None))
    assert "sans face Droid Sans Fallback" in caplog.text and "not installed" in caplog.text
    assert "".join(c for _, c, _ in _drawn(pdf)) == "受理通知书：申报材料齐全"
    _assert_every_character_has_its_glyph(pdf, SANS)


def test_a_damaged_serif_font_file_falls_back_to_the_sans_face(tmp_path, caplog):
    broken = tmp_path / "NotoSerifSC-Regular.otf"
    broken.write_bytes(b"OTTO" + b"\0" * 200)
    with caplog.at_level(logging.WARNING, logger="review_model.pdf_canvas"):
        pdf = _one_line(document_font("ReviewDeskTestBroken", broken))
    assert "cannot be used" in caplog.text and "serif font failed" in caplog.text
    assert {font for font, _, _ in _drawn(pdf)} == {SANS}
