"""A binder without bookmarks split at page ranges the clerk marks: each mark is attached as it is
made (a new Home sees it), the binder itself stays byte for byte as given, and a range that is
empty, runs past the binder or overlaps another material's pages is one sentence, nothing changed."""
from __future__ import annotations

import hashlib

import pymupdf
import pytest

from review_model.bureau.dossiers import binder_marks, binder_thumbnails, detach, mark_binder_range
from review_model.bureau.spec import completeness
from review_model.errors import Code
from review_model.home import Home
from tests.support.bureau_inputs import BINDER_APPLICANT, binder_pdf
from tests.test_bureau_bad_input import _refused, desk  # noqa: F401  (fixture)


@pytest.fixture
def plain(desk):  # noqa: F811
    path = desk.root / "无书签合订本.pdf"
    path.write_bytes(binder_pdf(desk.materials[BINDER_APPLICANT], bookmarks=False))
    return path


def _pages(data: bytes) -> int:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return doc.page_count


def test_each_mark_is_saved_as_made_and_the_binder_kept_unmodified(desk, plain):  # noqa: F811
    original = plain.read_bytes()
    materials = list(desk.materials[BINDER_APPLICANT])
    sizes = [_pages(desk.materials[BINDER_APPLICANT][m]) for m in materials[:2]]
    with Home(desk.bureau_home) as home:
        mark_binder_range(home, BINDER_APPLICANT, plain, materials[0], 2, 1 + sizes[0])
    with Home(desk.bureau_home) as home:  # another session (or after a kill): the first mark is there
        assert [(m.material, m.first) for m in binder_marks(home, BINDER_APPLICANT, plain)] == [(materials[0], 2)]
        mark_binder_range(home, BINDER_APPLICANT, plain, materials[1], 2 + sizes[0], 1 + sizes[0] + sizes[1])
        marks = binder_marks(home, BINDER_APPLICANT, plain)
        found = next(c for c in completeness(home) if c.applicant_id == BINDER_APPLICANT)
        kept = home.blobs.read(hashlib.sha256(original).hexdigest())
    assert [m.material for m in marks] == materials[:2]
    assert [m.pages for m in found.materials[:2]] == sizes
    assert plain.read_bytes() == original and kept == original


def test_marking_a_material_again_moves_it(desk, plain):  # noqa: F811
    first = list(desk.materials[BINDER_APPLICANT])[0]
    with Home(desk.bureau_home) as home:
        mark_binder_range(home, BINDER_APPLICANT, plain, first, 2, 3)
        mark_binder_range(home, BINDER_APPLICANT, plain, first, 2, 2)
        assert [(m.first, m.last) for m in binder_marks(home, BINDER_APPLICANT, plain)] == [(2, 2)]
        detach(home, BINDER_APPLICANT, binder_marks(home, BINDER_APPLICANT, plain)[0].source_name)
        assert binder_marks(home, BINDER_APPLICANT, plain) == []


def test_an_overlapping_range_is_refused(desk, plain):  # noqa: F811
    a, b = list(desk.materials[BINDER_APPLICANT])[:2]
    with Home(desk.bureau_home) as home:
        mark_binder_range(home, BINDER_APPLICANT, plain, a, 2, 4)
    problem, text = _refused(desk, lambda home: mark_binder_range(home, BINDER_APPLICANT, plain, b, 4, 5))
    assert problem.code == Code.BINDER_RANGE_OVERLAP and a in text and "2–4" in text


def test_a_range_past_the_binder_is_refused(desk, plain):  # noqa: F811
    a = list(desk.materials[BINDER_APPLICANT])[0]
    problem, text = _refused(desk, lambda home: mark_binder_range(home, BINDER_APPLICANT, plain, a, 3, 999))
    assert problem.code == Code.BINDER_RANGES_INVALID and "999" in text


def test_an_empty_range_is_refused(desk, plain):  # noqa: F811
    a = list(desk.materials[BINDER_APPLICANT])[0]
    problem, text = _refused(desk, lambda home: mark_binder_range(home, BINDER_APPLICANT, plain, a, 5, 3))
    assert problem.code == Code.BINDER_RANGE_EMPTY and a in text


def test_thumbnails_show_every_page(plain):
    thumbs = binder_thumbnails(plain, width=80)
    assert len(thumbs) == _pages(plain.read_bytes()) and all(t.startswith(b"\x89PNG") for t in thumbs)
