"""The demo round's applicants and their generated dossiers, checked the way an expert would notice:
files present or missing, page counts, passwords, text you can search, scans that are only images."""
from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from review_model.carriers import CARRIER_TYPES, ENTITY_KINDS, shipped_required_materials
from review_model.demo import corpus
from review_model.demo.applicants import APPLICANTS, BY_ID, DEMO_PDF_PASSWORD
from review_model.demo.dossiers import write_dossier
from review_model.demo.pages import cjk_font
from review_model.uscc import uscc_problem

REQUIRED = shipped_required_materials()
ENCRYPTED = next(a for a in APPLICANTS if a.encrypted_material)
INCOMPLETE = next(a for a in APPLICANTS if a.missing_materials)
SMALLEST = min((a for a in APPLICANTS if a not in (ENCRYPTED, INCOMPLETE)), key=lambda a: a.total_pages)
GENERATED = (ENCRYPTED, INCOMPLETE, SMALLEST)


def _open(path: Path) -> pymupdf.Document:
    doc = pymupdf.open(path)
    if doc.needs_pass:
        assert doc.authenticate(DEMO_PDF_PASSWORD)
    return doc


def _is_scan(page: pymupdf.Page) -> bool:
    return not page.get_text().strip()


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory) -> dict[str, tuple[Path, list[Path]]]:
    root = tmp_path_factory.mktemp("dossiers")
    out = {}
    for a in GENERATED:
        folder = root / a.applicant_id
        out[a.applicant_id] = (folder, write_dossier(folder, a, REQUIRED[a.carrier_type], seed=2026))
    return out


# --- the applicants ---------------------------------------------------------------------------------------
def test_applicants_are_ten_with_unique_ids_and_valid_unique_codes():
    assert len(APPLICANTS) == 10
    ids = [a.applicant_id for a in APPLICANTS]
    assert ids == [f"A{i:02d}" for i in range(1, 11)]
    codes = [a.uscc for a in APPLICANTS]
    assert all(uscc_problem(c) is None for c in codes), [c for c in codes if uscc_problem(c)]
    assert len(set(codes)) == len(codes)
    assert len({a.name for a in APPLICANTS}) == len(APPLICANTS)
    assert set(BY_ID) == set(ids)


def test_applicants_cover_all_carrier_types_in_the_requested_mix():
    counts = {t: sum(a.carrier_type == t for a in APPLICANTS) for t in CARRIER_TYPES}
    assert counts == {"training_base": 3, "master_studio": 3, "rural_station": 2, "chain_leader": 2}
    assert all(a.entity_kind in ENTITY_KINDS for a in APPLICANTS)
    assert len({a.entity_kind for a in APPLICANTS}) >= 4
    assert len({a.industry for a in APPLICANTS}) >= 8


def test_applicant_fields_look_like_guangming_records():
    for a in APPLICANTS:
        assert "光明区" in a.address, a.address
        assert re.fullmatch(r"\S{2,4} (0755-2\d{7}|1[3-9]\d{9})", a.contact), a.contact
        assert a.uscc[2:6] == "4403", a.uscc
        prefix = {"enterprise": "91", "association": "51", "training_institution": "52"}.get(a.entity_kind)
        assert prefix is None or a.uscc.startswith(prefix), (a.applicant_id, a.uscc)
        if a.carrier_type == "master_studio":
            assert a.leader


def test_page_counts_are_declared_for_every_submitted_material_and_total_20_to_150():
    totals = []
    for a in APPLICANTS:
        submitted = [m for m in REQUIRED[a.carrier_type] if m not in a.missing_materials]
        assert set(a.pages) == set(submitted), a.applicant_id
        assert 20 <= a.total_pages <= 150, (a.applicant_id, a.total_pages)
        totals.append(a.total_pages)
    assert min(totals) <= 30 and max(totals) >= 120  # small and large dossiers both present


def test_exactly_one_incomplete_and_one_other_with_a_protected_file():
    incomplete = [a for a in APPLICANTS if a.missing_materials]
    protected = [a for a in APPLICANTS if a.encrypted_material]
    assert len(incomplete) == 1 and len(incomplete[0].missing_materials) == 1
    assert len(protected) == 1 and protected[0] is not incomplete[0]
    assert incomplete[0].missing_materials[0] in REQUIRED[incomplete[0].carrier_type]
    assert protected[0].encrypted_material in REQUIRED[protected[0].carrier_type]


def test_the_font_has_every_character_the_wording_uses():
    """No tofu: each character of the sentence pools, rules, clauses and industry data has a glyph."""
    font = cjk_font()
    texts = [s for pool in corpus.POOLS.values() for s in pool] + list(corpus.RULE_ARTICLES)
    texts += [h + b for h, b in corpus.LEASE_CLAUSES + corpus.COOP_CLAUSES] + [s for v in corpus.TECH.values() for s in v]
    texts += [repr(v) for v in corpus.INDUSTRIES.values()] + [a.name + a.address + a.contact + a.leader for a in APPLICANTS]
    missing = {ch for t in texts for ch in t if not ch.isspace() and not font.has_glyph(ord(ch))}
    assert not missing, sorted(missing)


# --- the generated dossiers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("a", GENERATED, ids=lambda a: a.applicant_id)
def test_every_required_material_but_the_missing_one_is_a_pdf_named_after_it(dossiers, a):
    folder, paths = dossiers[a.applicant_id]
    expected = {f"{m}.pdf" for m in REQUIRED[a.carrier_type] if m not in a.missing_materials}
    assert {p.name for p in folder.iterdir()} == expected  # nothing else written
    assert {p.name for p in paths} == expected
    for m in a.missing_materials:
        assert not (folder / f"{m}.pdf").exists()


@pytest.mark.parametrize("a", GENERATED, ids=lambda a: a.applicant_id)
def test_each_pdf_opens_with_its_declared_page_count(dossiers, a):
    _, paths = dossiers[a.applicant_id]
    total = 0
    for path in paths:
        doc = _open(path)
        assert doc.page_count == a.pages[path.stem], path.name
        total += doc.page_count
    assert total == a.total_pages


def test_the_protected_material_needs_the_demo_password(dossiers):
    _, paths = dossiers[ENCRYPTED.applicant_id]
    for path in paths:
        doc = pymupdf.open(path)
        if path.stem == ENCRYPTED.encrypted_material:
            assert doc.needs_pass and doc.is_encrypted
            assert not doc.authenticate("wrong")
            assert doc.authenticate(DEMO_PDF_PASSWORD)
            assert "AES" in doc.metadata["encryption"] and "256" in doc.metadata["encryption"]
            assert doc.page_count == ENCRYPTED.pages[path.stem]
        else:
            assert not doc.needs_pass, path.name


@pytest.mark.parametrize("a", GENERATED, ids=lambda a: a.applicant_id)
def test_text_pages_name_the_applicant_and_scans_are_one_image_without_text(dossiers, a):
    _, paths = dossiers[a.applicant_id]
    text_pages = scans = 0
    for path in paths:
        doc = _open(path)
        cover = doc[0].get_text()
        assert path.stem in cover and a.name in cover, path.name
        for page in doc:
            if _is_scan(page):
                scans += 1
                images = page.get_images(full=True)
                assert len(images) == 1, (path.name, page.number)
                info = doc.extract_image(images[0][0])
                assert info["ext"] == "jpeg" and len(info["image"]) < 170_000, (path.name, page.number)
                short, long_ = sorted((info["width"], info["height"]))
                assert 800 <= short <= 1300 and 1.35 < long_ / short < 1.48  # an A4 sheet at about 150 dpi
            else:
                text_pages += 1
                assert a.name in page.get_text(), (path.name, page.number)
    assert text_pages and scans
    assert 0.15 < scans / (scans + text_pages) < 0.7


@pytest.mark.parametrize("a", GENERATED, ids=lambda a: a.applicant_id)
def test_some_pages_come_sideways(dossiers, a):
    """Each dossier has a page the viewer shows sideways (/Rotate 90 or 270: the expert has to turn it)."""
    _, paths = dossiers[a.applicant_id]
    rotated = [page for p in paths for page in _open(p) if page.rotation in (90, 270)]
    assert rotated
    for page in rotated:  # the sheet's own orientation and the displayed one disagree: its lines run up the screen
        sheet = page.mediabox
        assert (sheet.width > sheet.height) != (page.rect.width > page.rect.height)
        assert _is_scan(page)


def test_orientation_varies_as_scans_do(dossiers):
    landscape = portrait = 0
    for a in GENERATED:
        for path in dossiers[a.applicant_id][1]:
            for page in _open(path):
                if page.rotation == 0:
                    landscape += page.rect.width > page.rect.height
                    portrait += page.rect.width < page.rect.height
    assert landscape >= 2 and portrait > landscape


def test_the_application_form_carries_the_code_and_the_applicant_signs_and_seals_it(dossiers):
    for a in GENERATED:
        folder, _ = dossiers[a.applicant_id]
        form = next(m for m in REQUIRED[a.carrier_type] if "申报表" in m)
        doc = _open(folder / f"{form}.pdf")
        text = "".join(page.get_text() for page in doc)
        for value in (a.uscc, a.name, a.legal_representative, a.address[:10]):
            assert value in text, (a.applicant_id, value)
        assert _is_scan(doc[-1])  # the signed and sealed last page comes back scanned, in colour
        info = doc.extract_image(doc[-1].get_images(full=True)[0][0])
        assert info["colorspace"] == 3


def test_longer_materials_have_an_outline_and_page_labels(dossiers):
    folder, paths = dossiers[ENCRYPTED.applicant_id]
    with_outline = 0
    for path in paths:
        doc = _open(path)
        toc = doc.get_toc()
        if doc.page_count >= 5:
            with_outline += len(toc) > 1
        for _level, title, page in toc:
            assert 1 <= page <= doc.page_count and title
        assert [doc[i].get_label() for i in range(min(3, doc.page_count))] == ["i", "1", "2"][: min(3, doc.page_count)]
    assert with_outline >= 3


def test_generation_is_deterministic_for_a_seed(tmp_path, dossiers):
    a = SMALLEST
    again = write_dossier(tmp_path / "again", a, REQUIRED[a.carrier_type], seed=2026)
    other = write_dossier(tmp_path / "other", a, REQUIRED[a.carrier_type], seed=7)
    folder, _ = dossiers[a.applicant_id]
    form = next(p for p in again if "申报表" in p.stem)

    def texts(path: Path) -> list[str]:
        return [page.get_text() for page in _open(path)]
    assert texts(form) == texts(folder / form.name)
    assert texts(form) != texts(next(p for p in other if p.name == form.name))
