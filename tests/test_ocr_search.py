"""Scanned pages become searchable: `reviewdesk index --wait` reads every page without a text layer
in the OCR worker, and `reviewdesk search` finds its words like text-layer words, with
`source: "ocr"` and a rectangle that lies on the word as drawn (issue 13)."""
from __future__ import annotations

import json

import pymupdf
import pytest

from tests.support import dossier_pdfs as pdfs
from tests.support.cli import reviewdesk
from tests.support.dossier_home import dossier_home
from tests.support.ocr_pages import join, scan_page

LINES = ["职业技能培训基地申报表", "学徒 合同 场地 91440300MA5F"]


def _overlap(a, b) -> float:
    """Share of `b`'s area covered by `a`."""
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return max(0, x1 - x0) * max(0, y1 - y0) / ((b[2] - b[0]) * (b[3] - b[1]))


def _ink(pdf: bytes, page: int, rect) -> float:
    """Share of dark pixels inside `rect` of the rendered page."""
    with pymupdf.open(stream=pdf) as doc:
        pix = doc[page].get_pixmap(dpi=100, clip=pymupdf.Rect(rect), colorspace=pymupdf.csGRAY)
    return sum(1 for v in pix.samples if v < 128) / max(1, len(pix.samples))


@pytest.mark.slow
def test_index_wait_then_search_finds_a_word_on_a_scan_at_its_place(tmp_path):
    upright, drawn = scan_page(LINES, ["培训", "合同"])
    sideways, drawn_sideways = scan_page(LINES, ["培训"], turn=90)
    data = join(upright, sideways)
    home, _ = dossier_home(tmp_path / "home", [("申报表", pdfs.text_pdf(["高技能人才培训基地 申报表 光明区 正文共计十二页"])),
                                              ("场地证明", data)])
    home.close()
    before = reviewdesk("--home", tmp_path / "home", "--lang", "en", "search", "合同", "--json")
    assert before.returncode == 0, before.stderr
    assert json.loads(before.stdout)["hits"] == []  # not read yet: the scan has no text layer

    indexed = reviewdesk("--home", tmp_path / "home", "--lang", "en", "index", "--wait", "--json")
    assert indexed.returncode == 0, indexed.stderr
    states = {m["material"]: m for m in json.loads(indexed.stdout)["materials"]}
    assert states["场地证明"]["ocr"] == {"done": 2, "pending": 0, "failed": 0}
    assert states["场地证明"]["rotated_pages"] == [{"page": 2, "rotation": 270}]  # turn it back 90° to read it
    assert states["申报表"]["ocr"] == {"done": 0, "pending": 0, "failed": 0}  # a real text layer is never OCRed

    found = reviewdesk("--home", tmp_path / "home", "--lang", "en", "search", "培训", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["hits"]
    assert {(h["material"], h["page"], h["source"]) for h in hits} == {
        ("申报表", 1, "text"), ("场地证明", 1, "ocr"), ("场地证明", 2, "ocr")}
    for hit, expected in ((next(h for h in hits if h["source"] == "ocr" and h["page"] == 1), drawn["培训"][0]),
                          (next(h for h in hits if h["source"] == "ocr" and h["page"] == 2), drawn_sideways["培训"][0])):
        assert _overlap(hit["rect"], expected) > 0.7, (hit["rect"], expected)
        assert _overlap(expected, hit["rect"]) > 0.7  # on the word, not on its whole line
        assert _ink(data, hit["page"] - 1, hit["rect"]) > 0.05  # and the rendered page has ink there

    two = json.loads(reviewdesk("--home", tmp_path / "home", "search", "合同", "--applicant", "A01", "--json").stdout)["hits"]
    assert [(h["page"], h["source"]) for h in two] == [(1, "ocr"), (2, "ocr")]  # a 2-character word, upright and sideways
    assert _overlap(two[0]["rect"], drawn["合同"][0]) > 0.7

    again = reviewdesk("--home", tmp_path / "home", "index", "--wait", "--json")  # what is done stays done
    assert "Reading scanned pages" not in again.stderr
    assert json.loads(again.stdout)["materials"][1]["ocr"]["done"] == 2


def test_search_for_an_unknown_applicant_is_one_clear_line(tmp_path):
    home, _ = dossier_home(tmp_path / "home", [("申报表", pdfs.text_pdf(["培训"]))])
    home.close()
    result = reviewdesk("--home", tmp_path / "home", "--lang", "en", "search", "培训", "--applicant", "B99")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "B99" in result.stderr
