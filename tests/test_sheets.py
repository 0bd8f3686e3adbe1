"""Score-sheet edits: preconditions, validation, the checklist, undo, photos, the audit trail."""
from __future__ import annotations

import io
import shutil
from datetime import datetime
from decimal import Decimal

import pytest
from PIL import Image
from sqlalchemy import select

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.importer import import_package
from review_model.overview import applicant_detail, overview
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view
from review_model.store.models import AuditEntry
from tests.support.small_round import make_small_round


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("sheets"))


@pytest.fixture
def reviewer(round_, tmp_path):
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    home = Home(home_dir)
    import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    yield Reviewer.open(home)
    home.close()


def fill_all(reviewer: Reviewer, applicant_id: str, score_ratio: Decimal = Decimal("0.8")) -> None:
    view = sheet_view(reviewer, applicant_id)
    for item in view.rubric.scored_items:
        if view.rubric.is_bonus(item.code):
            continue
        value = (item.max_points * score_ratio / item.step).to_integral_value() * item.step
        ops.set_score(reviewer, applicant_id, item.code, value)


def test_scoring_waits_for_the_conflict_question(reviewer):
    with pytest.raises(Problem) as caught:
        ops.set_score(reviewer, "A01", "1.1", Decimal("5"))
    assert caught.value.code == Code.CONFLICT_UNCONFIRMED
    ops.confirm_no_conflict(reviewer, "A01")
    ops.set_score(reviewer, "A01", "1.1", Decimal("5"))
    assert sheet_view(reviewer, "A01").scores["1.1"] == Decimal("5")


def test_a_declared_conflict_disables_the_applicant(reviewer):
    with pytest.raises(Problem) as no_reason:
        ops.declare_conflict(reviewer, "A02", "  ")
    assert no_reason.value.code == Code.REASON_REQUIRED
    ops.declare_conflict(reviewer, "A02", "近三年曾在该单位任职")
    for attempt in (lambda: ops.set_score(reviewer, "A02", "1.1", Decimal("1")),
                    lambda: ops.add_note(reviewer, "A02", "", "x"),
                    lambda: ops.confirm_no_conflict(reviewer, "A02")):
        with pytest.raises(Problem) as caught:
            attempt()
        assert caught.value.code == Code.CONFLICT_DECLARED
    row = next(a for a in overview(reviewer.home).applicants if a.applicant_id == "A02")
    assert row.state == "conflict"
    view = sheet_view(reviewer, "A02")
    assert view.conflict == "declared" and view.conflict_reason == "近三年曾在该单位任职" and view.checklist == ()


@pytest.mark.parametrize("value, reason", [(Decimal("-1"), "out_of_range"), (Decimal("99"), "out_of_range"),
                                           (Decimal("2.25"), "off_step")])
def test_scores_outside_the_rubric_are_refused(reviewer, value, reason):
    ops.confirm_no_conflict(reviewer, "A01")
    with pytest.raises(Problem) as caught:
        ops.set_score(reviewer, "A01", "1.1", value)
    assert caught.value.code == Code.SCORE_INVALID and caught.value.params["reason"] == reason
    with pytest.raises(Problem) as unknown:
        ops.set_score(reviewer, "A01", "9.9", Decimal("1"))
    assert unknown.value.params["reason"] == "unknown_item"
    assert sheet_view(reviewer, "A01").scores.get("1.1") is None


def test_typed_scores_parse_like_a_person_types_them():
    assert ops.parse_score("7.5") == Decimal("7.5")
    assert ops.parse_score(" ７．５ ") == Decimal("7.5")  # full-width digits from a Chinese input method
    assert ops.parse_score("") is None
    for bad in ("七", "7,5", "nan", "inf"):
        with pytest.raises(ValueError):
            ops.parse_score(bad)


def test_checklist_empties_as_the_sheet_is_completed(reviewer):
    assert [e.kind for e in sheet_view(reviewer, "A01").checklist][:1] == ["conflict_unconfirmed"]
    ops.confirm_no_conflict(reviewer, "A01")
    rubric = sheet_view(reviewer, "A01").rubric
    fill_all(reviewer, "A01")
    assert next(a for a in overview(reviewer.home).applicants if a.applicant_id == "A01").state == "draft"
    low = rubric.sections[0].items[0]
    ops.set_score(reviewer, "A01", low.code, Decimal(0))
    kinds = {(e.kind, e.code) for e in sheet_view(reviewer, "A01").checklist}
    assert kinds == {("comment_missing", low.code), ("recommendation_missing", "")}
    ops.set_comment(reviewer, "A01", low.code, "现场未见独立场地")
    veto = rubric.vetoes[0].code
    ops.SetVeto("A01", veto, True, "").apply(reviewer)
    assert ("veto_reason_missing", veto) in {(e.kind, e.code) for e in sheet_view(reviewer, "A01").checklist}
    ops.SetVeto("A01", veto, False, "").apply(reviewer)
    ops.SetOpinion("A01", "场地、设备基本满足要求。", "recommend").apply(reviewer)
    view = sheet_view(reviewer, "A01")
    assert view.checklist == ()
    assert next(a for a in overview(reviewer.home).applicants if a.applicant_id == "A01").state == "ready"
    expected = sum((v for v in view.given().values()), Decimal(0))
    assert view.total == expected and view.grade == rubric.grade(expected)


def test_undo_and_redo_through_the_returned_commands(reviewer):
    ops.confirm_no_conflict(reviewer, "A01")
    first = ops.set_score(reviewer, "A01", "1.1", Decimal("3"))
    second = ops.set_score(reviewer, "A01", "1.1", Decimal("4.5"))
    redo = second.undo.apply(reviewer)  # undo 4.5 → 3
    assert sheet_view(reviewer, "A01").scores["1.1"] == Decimal("3")
    redo.undo.apply(reviewer)  # redo → 4.5
    assert sheet_view(reviewer, "A01").scores["1.1"] == Decimal("4.5")
    first_undo = first.undo
    assert first_undo.score is None

    note = ops.add_note(reviewer, "A01", "1.1", "工作室门口有标牌")
    restored = note.undo.apply(reviewer)
    assert sheet_view(reviewer, "A01").notes == ()
    restored.undo.apply(reviewer)
    notes = sheet_view(reviewer, "A01").notes
    assert [(n.id, n.text) for n in notes] == [(note.value, "工作室门口有标牌")]

    material = applicant_detail(reviewer.home, "A01").materials[3]
    link = ops.add_link(reviewer, "A01", "1.1", material.material_id, 1, (100.456, 300, 50, 200))
    entry = sheet_view(reviewer, "A01").links[0]
    assert entry.rect == (50.0, 200.0, 100.46, 300.0) and entry.material_name == material.name
    back = link.undo.apply(reviewer)
    assert sheet_view(reviewer, "A01").links == ()
    back.undo.apply(reviewer)
    assert sheet_view(reviewer, "A01").links[0].id == link.value


def test_links_must_point_at_a_real_page_of_this_applicant(reviewer):
    ops.confirm_no_conflict(reviewer, "A01")
    material = applicant_detail(reviewer.home, "A01").materials[0]
    other = applicant_detail(reviewer.home, "A02").materials[0]
    for material_id, page in ((material.material_id, 99), (other.material_id, 0)):
        with pytest.raises(Problem) as caught:
            ops.add_link(reviewer, "A01", "1.1", material_id, page)
        assert caught.value.code == Code.NOT_FOUND
    whole_page = ops.add_link(reviewer, "A01", "1.1", material.material_id, 0, (10, 10, 10.5, 10.2))
    assert sheet_view(reviewer, "A01").links[0].rect is None and whole_page.value


def test_photos_keep_the_exif_time_and_leave_the_original_untouched(reviewer, tmp_path):
    ops.confirm_no_conflict(reviewer, "A01")
    original = tmp_path / "DSC_0042.JPG"
    image = Image.new("RGB", (4000, 3000), (120, 140, 90))
    exif = image.getexif()
    exif.get_ifd(0x8769)[0x9003] = "2026:06:18 10:42:07"
    image.save(original, exif=exif, quality=95)
    before = original.read_bytes()
    added = ops.add_photo(reviewer, "A01", "1.1", original, "实训车间")
    assert original.read_bytes() == before
    photo = sheet_view(reviewer, "A01").photos[0]
    assert photo.taken_at == datetime(2026, 6, 18, 10, 42, 7) and photo.original_name == "DSC_0042.JPG"
    with Image.open(io.BytesIO(reviewer.home.blobs.read(photo.sha256))) as reduced:  # sealed on disk
        assert max(reduced.size) == 1600
    ops.RemovePhoto("A01", added.value).apply(reviewer)
    broken = tmp_path / "not_a_photo.jpg"
    broken.write_bytes(b"this is text")
    with pytest.raises(Problem) as caught:
        ops.add_photo(reviewer, "A01", "", broken)
    assert caught.value.code == Code.PHOTO_UNREADABLE
    assert sheet_view(reviewer, "A01").photos == ()


def test_every_edit_is_in_the_audit_log_with_old_and_new(reviewer):
    ops.confirm_no_conflict(reviewer, "A01")
    ops.set_score(reviewer, "A01", "1.1", Decimal("3"))
    ops.set_score(reviewer, "A01", "1.1", Decimal("4.5"))
    with reviewer.home.store.read() as session:
        scores = [(e.old_value, e.new_value, e.actor) for e in session.scalars(
            select(AuditEntry).filter_by(action="score").order_by(AuditEntry.id))]
    assert scores == [(None, "3", "E02 李专家"), ("3", "4.5", "E02 李专家")]
    assert sheet_view(reviewer, "A01").version == 2


def test_an_unassigned_applicant_cannot_be_scored(round_, tmp_path):
    from tests.support.tamper import bureau_key, edit_json, resign

    def only_a01(members):
        def edit(d):
            for expert in d["experts"]:
                if expert["expert_id"] == "E02":
                    expert["applicants"] = ["A01"]
        edit_json(members, "experts.json", edit)

    package = resign(round_.package, tmp_path / "p.rvpkg", bureau_key(round_.homes["B01"]), only_a01)
    shutil.copytree(round_.homes["E02"], tmp_path / "E02")
    with Home(tmp_path / "E02") as home:
        import_package(home, package, trust_bureau=round_.bureau_fingerprint)
        reviewer = Reviewer.open(home)
        assert [a.applicant_id for a in overview(home).applicants] == ["A01"]
        with pytest.raises(Problem) as caught:
            ops.confirm_no_conflict(reviewer, "A02")
        assert caught.value.code == Code.NOT_ASSIGNED
