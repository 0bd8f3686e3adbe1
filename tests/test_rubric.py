"""Rubric templates (resources/rubrics/*.json) and the scoring rules a panel relies on.

The hand-computed examples use the shipped 技能大师工作室 rubric (master_studio.json): an expert
checking a score sheet on paper should get the same numbers as the app.
"""
from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

import resources
from review_model.carriers import CARRIER_TYPES, shipped_required_materials
from review_model.errors import Code, Problem
from review_model.rubric import METHOD_NAMES, Rubric, load_rubric, shipped_rubrics

RUBRIC_DIR = resources.path("rubrics")


@pytest.fixture(scope="module")
def rubrics() -> dict[str, Rubric]:
    return shipped_rubrics()


@pytest.fixture(scope="module")
def studio(rubrics: dict[str, Rubric]) -> Rubric:
    return rubrics["master_studio"]


# --- the shipped templates -------------------------------------------------------------------


def test_one_rubric_per_carrier_type_named_after_it(rubrics):
    assert set(rubrics) == set(CARRIER_TYPES)
    assert sorted(p.name for p in RUBRIC_DIR.glob("*.json")) == sorted(f"{c}.json" for c in CARRIER_TYPES)
    for carrier in CARRIER_TYPES:
        assert load_rubric(RUBRIC_DIR / f"{carrier}.json").carrier_type == carrier


@pytest.mark.parametrize("carrier", CARRIER_TYPES)
def test_totals_bonus_vetoes_and_grades(rubrics, carrier):
    rubric = rubrics[carrier]
    assert rubric.total_points == D(100)
    assert sum((s.max_points for s in rubric.sections), D(0)) == D(100)
    assert 3 <= len(rubric.sections) <= 5
    assert all(3 <= len(s.items) <= 6 for s in rubric.sections)
    assert rubric.bonus is not None and D(5) <= rubric.bonus.cap <= D(10)
    assert 2 <= len(rubric.bonus.items) <= 4
    assert 1 <= len(rubric.vetoes) <= 3
    assert rubric.comment_required_below == D("0.6")  # exact, not the float 0.59999…
    assert rubric.section_fail_ratio == D("0.6")
    assert [(g.label, g.min_total) for g in rubric.grades] == [
        ("优秀", D(90)), ("良好", D(80)), ("合格", D(60)), ("不合格", D(0)),
    ]
    assert rubric.version == "2026.1"
    assert rubric.issuer == "深圳市光明区人力资源局"


@pytest.mark.parametrize("carrier", CARRIER_TYPES)
def test_items_fit_on_the_form(rubrics, carrier):
    rubric = rubrics[carrier]
    materials = set(shipped_required_materials()[carrier])
    for item in rubric.scored_items:
        assert len(item.title) <= 16, item.code  # shown in a table cell
        assert item.max_points % item.step == 0, item.code
        assert item.evidence, item.code
        # every material named as evidence is one the applicant actually submits for this type
        assert set(item.evidence.split("、")) <= materials, (item.code, item.evidence)


def test_all_four_assessment_methods_are_used(rubrics):
    used = {i.method for r in rubrics.values() for i in r.scored_items}
    assert used == set(METHOD_NAMES)
    for rubric in rubrics.values():
        methods = {i.method for s in rubric.sections for i in s.items}
        assert "defence" in methods, rubric.carrier_type  # 负责人/领办人现场答辩


def test_chain_leader_vetoes_the_300_insured_staff_condition(rubrics):
    titles = [v.title for v in rubrics["chain_leader"].vetoes]
    assert any("300" in t for t in titles)


# --- the rules, on hand-computed examples from master_studio.json ---------------------------


def test_score_problem(studio):
    # 2.1 工作场所: 10 points in steps of 0.5
    assert studio.score_problem("2.1", D("7.5")) is None
    assert studio.score_problem("2.1", D("0")) is None
    assert studio.score_problem("2.1", D("10")) is None
    assert studio.score_problem("2.1", D("10.5")) == "out_of_range"
    assert studio.score_problem("2.1", D("-0.5")) == "out_of_range"
    assert studio.score_problem("2.1", D("7.25")) == "off_step"
    # 3.1 年度带徒人数 counts apprentices: whole points only
    assert studio.score_problem("3.1", D("7")) is None
    assert studio.score_problem("3.1", D("7.5")) == "off_step"
    # bonus items are scored against their own maximum, not the cap
    assert studio.score_problem("B1", D("3")) is None
    assert studio.score_problem("B1", D("6")) == "out_of_range"
    assert studio.score_problem("9.9", D("1")) == "unknown_item"


def test_needs_comment_under_sixty_percent(studio):
    # 2.1 (max 10): 6 is exactly 60 % and needs no reason; 5.5 does
    assert studio.needs_comment("2.1", D("6")) is False
    assert studio.needs_comment("2.1", D("5.5")) is True
    assert studio.needs_comment("2.1", D("0")) is True
    # 1.3 领办人现场答辩 (max 5): the line is 3
    assert studio.needs_comment("1.3", D("3")) is False
    assert studio.needs_comment("1.3", D("2.5")) is True
    # bonus items never need a reason, even at 0
    assert studio.needs_comment("B1", D("0")) is False
    assert studio.needs_comment("B4", D("0")) is False
    assert studio.needs_comment("9.9", D("0")) is False


# An applicant as an expert would score it: sign missing at the door (−2), studio money not kept in
# its own account (−3), 7 apprentices (−3), 2 high-skill talents trained (−3).
APPLICANT = {
    "1.1": D("5"), "1.2": D("4"), "1.3": D("4.5"),                                # S1 13.5 / 15
    "2.1": D("8"), "2.2": D("5"), "2.3": D("10"), "2.4": D("2"), "2.5": D("5"),   # S2 30 / 35
    "3.1": D("7"), "3.2": D("7"), "3.3": D("5"), "3.4": D("5"),                   # S3 24 / 30
    "4.1": D("8.5"), "4.2": D("3"), "4.3": D("5"),                                # S4 16.5 / 20
    "B1": D("3"), "B2": D("2"), "B3": D("3"), "B4": D("2"),                       # bonus 10, cap 8
}


def test_totals_and_grade_on_a_full_score_sheet(studio):
    assert studio.base_total(APPLICANT) == D("84")
    assert studio.bonus_total(APPLICANT) == D("8")  # 10 claimed, capped at 8
    assert studio.total(APPLICANT) == D("92")
    assert studio.grade(studio.total(APPLICANT)) == "优秀"
    assert studio.failed_sections(APPLICANT) == []
    # the cap decides the grade: with 3.2 at 4 instead of 7, base 81 + 8 = 89 (uncapped it would be 91)
    weaker = {**APPLICANT, "3.2": D("4")}
    assert studio.total(weaker) == D("89")
    assert studio.grade(studio.total(weaker)) == "良好"
    assert [c for c, v in weaker.items() if studio.needs_comment(c, v)] == ["2.4", "3.2"]


def test_bonus_total_is_capped(studio):
    assert studio.bonus_total({}) == D("0")
    assert studio.bonus_total({"B3": D("1.5")}) == D("1.5")
    assert studio.bonus_total({"B1": D("5"), "B2": D("3")}) == D("8")
    assert studio.bonus_total({"B1": D("5"), "B2": D("5"), "B3": D("3"), "B4": D("2")}) == D("8")
    # section scores never count towards the bonus
    assert studio.bonus_total({"2.1": D("10")}) == D("0")


@pytest.mark.parametrize(
    ("total", "label"),
    [
        (D("108"), "优秀"), (D("90"), "优秀"), (D("89.5"), "良好"), (D("80"), "良好"),
        (D("79.5"), "合格"), (D("60"), "合格"), (D("59.5"), "不合格"), (D("0"), "不合格"),
    ],
)
def test_grade_boundaries(studio, total, label):
    assert studio.grade(total) == label


def test_failed_sections_under_sixty_percent(studio):
    # S3 技艺传承与交流 is worth 30: 18 passes, 17 fails the whole assessment
    at_line = {**APPLICANT, "3.1": D("4"), "3.2": D("4")}  # 4 + 4 + 5 + 5 = 18
    assert studio.failed_sections(at_line) == []
    below = {**at_line, "3.3": D("4")}  # 17
    assert studio.failed_sections(below) == ["S3"]
    # a good total does not hide it: 13.5 + 30 + 17 + 16.5 + bonus 8 = 85
    assert studio.total(below) == D("85")
    assert studio.grade(studio.total(below)) == "良好"
    # an empty sheet fails every section
    assert studio.failed_sections({}) == ["S1", "S2", "S3", "S4"]


# --- broken rubric files ---------------------------------------------------------------------


def _shipped_raw(name: str = "master_studio.json") -> dict:
    return json.loads((RUBRIC_DIR / name).read_text(encoding="utf-8"))


def _entry(raw: dict, code: str) -> dict:
    """The section, item or bonus item dict with this code."""
    for section in raw["sections"]:
        if section["code"] == code:
            return section
        for item in section["items"]:
            if item["code"] == code:
                return item
    for item in raw["bonus"]["items"]:
        if item["code"] == code:
            return item
    raise KeyError(code)


def _write(tmp_path: Path, raw: dict | bytes, name: str = "master_studio.json") -> Path:
    path = tmp_path / name
    if isinstance(raw, bytes):
        path.write_bytes(raw)
    else:
        path.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _refused(path: Path) -> dict:
    with pytest.raises(Problem) as caught:
        load_rubric(path)
    assert caught.value.code is Code.RUBRIC_INVALID
    assert caught.value.params["file"] == path.name
    return caught.value.params


def _set(code: str, field: str, value):
    def change(raw: dict) -> None:
        _entry(raw, code)[field] = value
    return change


def _drop(code: str, field: str):
    def change(raw: dict) -> None:
        del _entry(raw, code)[field]
    return change


def _top(field: str, value):
    def change(raw: dict) -> None:
        raw[field] = value
    return change


def _recode(old: str, new: str):
    return _set(old, "code", new)


def _dup_grade(raw: dict) -> None:
    raw["grades"][1]["label"] = "优秀"


def _dup_veto(raw: dict) -> None:
    raw["vetoes"][1]["code"] = "V1"


def _no_bonus_cap(raw: dict) -> None:
    del raw["bonus"]["cap"]


def _bonus_cap(value):
    def change(raw: dict) -> None:
        raw["bonus"]["cap"] = value
    return change


BROKEN = [
    # (what is wrong, change to master_studio.json, item named, reason)
    ("item without rule", _drop("2.3", "rule"), "2.3", "shape"),
    ("item without method", _drop("1.3", "method"), "1.3", "shape"),
    ("bonus item without max_points", _drop("B2", "max_points"), "B2", "shape"),
    ("item without code names its section", _drop("2.2", "code"), "S2", "shape"),
    ("section without title", _drop("S3", "title"), "S3", "shape"),
    ("max_points as words", _set("2.1", "max_points", "ten"), "2.1", "shape"),
    ("max_points as a list", _set("2.1", "max_points", [10]), "2.1", "shape"),
    ("step as words", _set("3.1", "step", "one"), "3.1", "shape"),
    ("max_points not a number", _set("2.1", "max_points", "NaN"), "2.1", "shape"),
    ("rule empty", _set("4.1", "rule", ""), "4.1", "shape"),
    ("unknown method", _set("1.3", "method", "interview"), "1.3", "shape"),
    ("method in Chinese", _set("2.1", "method", "实地考察"), "2.1", "shape"),
    ("item code with a space", _set("1.1", "code", "1 1"), "1 1", "shape"),
    ("duplicate item code", _recode("2.2", "2.1"), "2.1", "duplicate_code"),
    ("bonus code repeats an item", _recode("B1", "1.1"), "1.1", "duplicate_code"),
    ("duplicate section code", _recode("S2", "S1"), "S1", "duplicate_code"),
    ("duplicate veto code", _dup_veto, "V1", "duplicate_code"),
    ("duplicate grade label", _dup_grade, "grades", "duplicate_code"),
    ("max off step", _set("2.1", "max_points", "7.25"), "2.1", "max_off_step"),
    ("count item max off its whole step", _set("3.1", "max_points", "9.5"), "3.1", "max_off_step"),
    ("step beyond Decimal precision", _set("2.1", "step", "1e-30"), "2.1", "max_off_step"),
    ("max points zero", _set("2.1", "max_points", 0), "2.1", "max_not_positive"),
    ("max points negative", _set("2.1", "max_points", -10), "2.1", "max_not_positive"),
    ("step zero", _set("2.1", "step", "0"), "2.1", "step_not_positive"),
    ("step negative", _set("3.1", "step", "-1"), "3.1", "step_not_positive"),
    ("items not adding up", _set("2.1", "max_points", 8), "total_points", "total_mismatch"),
    ("declared total wrong", _top("total_points", 110), "total_points", "total_mismatch"),
    ("comment ratio as a percentage", _top("comment_required_below", 60), "comment_required_below", "ratio_out_of_range"),
    ("section fail ratio above 1", _top("section_fail_ratio", 1.2), "section_fail_ratio", "ratio_out_of_range"),
    ("item comment ratio negative", _set("2.1", "comment_required_below", -0.1), "2.1", "ratio_out_of_range"),
    ("unknown carrier type", _top("carrier_type", "skill_master"), "carrier_type", "shape"),
    ("carrier type in Chinese", _top("carrier_type", "技能大师工作室"), "carrier_type", "shape"),
    ("wrong schema", _top("schema", "reviewdesk-rubric/2"), "schema", "shape"),
    ("total_points as words", _top("total_points", "一百"), "total_points", "shape"),
    ("extra field on an item", _set("2.1", "weight", 10), "2.1", "shape"),
    ("extra field on a section", _set("S2", "weight", "35%"), "S2", "shape"),
    ("extra field at the top", _top("remark", "区级细化"), "remark", "shape"),
    ("bonus without cap", _no_bonus_cap, "bonus", "shape"),
    ("bonus cap zero", _bonus_cap(0), "bonus", "max_not_positive"),
]


@pytest.mark.parametrize(("change", "item", "reason"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_broken_rubric_names_file_item_and_reason(tmp_path, change, item, reason):
    raw = _shipped_raw()
    change(raw)
    params = _refused(_write(tmp_path, raw))
    assert (params["item"], params["reason"]) == (item, reason)


def test_shape_error_detail_names_the_path(tmp_path):
    raw = _shipped_raw()
    _set("2.1", "max_points", "ten")(raw)
    params = _refused(_write(tmp_path, raw))
    assert params["detail"].startswith("sections.1.items.0.max_points:")


def test_total_mismatch_reports_declared_and_actual(tmp_path):
    raw = _shipped_raw()
    _set("2.1", "max_points", 8)(raw)
    params = _refused(_write(tmp_path, raw))
    assert json.loads(params["detail"]) == {"declared": "100", "actual": "98"}


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param((RUBRIC_DIR / "master_studio.json").read_bytes()[:-40], id="truncated"),
        pytest.param(b"sections: []\n", id="yaml"),
        pytest.param((RUBRIC_DIR / "master_studio.json").read_text(encoding="utf-8").encode("gbk"), id="saved-as-gbk"),
    ],
)
def test_not_json(tmp_path, data):
    params = _refused(_write(tmp_path, data))
    assert (params["item"], params["reason"]) == ("", "not_json")


def test_json_that_is_not_an_object(tmp_path):
    params = _refused(_write(tmp_path, b"[]"))
    assert (params["item"], params["reason"]) == ("", "shape")


def test_missing_file_is_unreadable(tmp_path):
    params = _refused(tmp_path / "chain_leader.json")
    assert (params["item"], params["reason"]) == ("", "unreadable")


def test_copy_saved_with_bom_still_loads(tmp_path):
    # Windows Notepad writes UTF-8 with a BOM; district staff edit rubrics that way
    data = b"\xef\xbb\xbf" + (RUBRIC_DIR / "rural_station.json").read_bytes()
    rubric = load_rubric(_write(tmp_path, data, "rural_station.json"))
    assert rubric == shipped_rubrics()["rural_station"]


@pytest.mark.parametrize("carrier", CARRIER_TYPES)
def test_decimals_as_strings_or_numbers_load_alike(tmp_path, carrier):
    raw = _shipped_raw(f"{carrier}.json")
    for section in raw["sections"]:
        for item in section["items"]:
            item["max_points"] = str(item["max_points"])
            item["step"] = float(item["step"])
    raw["comment_required_below"] = "0.6"
    rubric = load_rubric(_write(tmp_path, raw, f"{carrier}.json"))
    assert rubric.total_points == D(100)
    assert rubric.comment_required_below == D("0.6")
    assert [i.max_points for i in rubric.scored_items] == [i.max_points for i in shipped_rubrics()[carrier].scored_items]
