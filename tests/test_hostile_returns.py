"""Return bundles validly signed by the expert's own key that used to crash the chair (impossible
stamps, deep JSON, control characters, repeated keys) are refused with their reason and left out,
never stored: the chair's later compiles keep working."""
from __future__ import annotations

import pytest

from review_model.chair.intake import import_returns
from review_model.errors import Code
from review_model.exchange.package import open_package
from review_model.home import Home
from review_model.verification import verify_file
from tests.support.forge_returns import forge_return
from tests.support.hostile_round import make_world, run
from tests.support.snapshot import snapshot
from tests.support.tamper import duplicate_key, nested


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return make_world(tmp_path_factory.mktemp("returns"))


def _text(path: str, value: str):
    """A sheet edit putting `value` at `path` (items.0.comment, notes.0.text, opinion, vetoes.0.reason)."""
    def edit(_entry, doc):
        *parents, last = path.split(".")
        target = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if path.startswith("vetoes"):
            target["triggered"] = doc["totals"]["vetoed"] = True
        target[int(last) if last.isdigit() else last] = value
    return edit


def _deep_sheet(_entry, data: bytes) -> bytes:
    return data[:-1] + b',"zz":' + nested(200_000).encode() + b"}"  # canonical: "zz" sorts last


def _declare(reason: str):
    def edit(conflicts):
        conflicts["declarations"].append({"applicant_id": "A02", "has_conflict": True, "reason": reason,
                                          "declared_at": conflicts["declarations"][0]["declared_at"]})
    return edit


BAD_STAMP = "2026-13-45T99:99:99+00:00"
# name -> (forge_return keywords, expected code, expected member or sheet reason)
CASES = {
    "comment with \\x01": (dict(sheets=_text("items.0.comment", "现场核查\x01不足")), Code.RETURN_INVALID, "control"),
    "note with \\x0b": (dict(sheets=_text("notes.0.text", "面积约60平方米\x0b设备齐全")), Code.RETURN_INVALID, "control"),
    "opinion with an escape sequence": (dict(sheets=_text("opinion", "同意\x1b[2J推荐")), Code.RETURN_INVALID, "control"),
    "veto reason with \\x07": (dict(sheets=_text("vetoes.0.reason", "失信\x07记录")), Code.RETURN_INVALID, "control"),
    "conflict reason with \\x01": (dict(conflicts=_declare("兼职\x01")), Code.JSON_REFUSED, "conflicts.json"),
    "signed_at 2026-13-45T99:99:99": (dict(sheets=_text("revision.signed_at", BAD_STAMP), redraw=False),
                                      Code.SCHEMA_INVALID, "return.json"),
    "sheet created_at 2026-02-30": (dict(sheets=_text("revision.created_at", "2026-02-30T10:00:00+08:00"), redraw=False),
                                    Code.RETURN_INVALID, "sheet_schema"),
    "bundle created_at 2026-13-45": (dict(listing=lambda d: d.update(created_at=BAD_STAMP)),
                                     Code.SCHEMA_INVALID, "return.json"),
    "sheet nested 200000 deep": (dict(raw=_deep_sheet), Code.RETURN_INVALID, "too_deep"),
    "sheet naming a field twice": (dict(raw=lambda _e, data: duplicate_key(data, "opinion", "另一意见")),
                                   Code.RETURN_INVALID, "duplicate_key"),
    "return.json naming a field twice": (dict(members=lambda m: m.update({"return.json": duplicate_key(
        m["return.json"], "created_at", "2026-07-01T09:00:00+08:00")})), Code.JSON_REFUSED, "return.json"),
}


def _forge(world, tmp_path, name) -> object:
    keywords = CASES[name][0]
    return forge_return(world.bundle, tmp_path / "E02-forged.rvret", world.expert_key, world.package, **keywords)


@pytest.mark.parametrize("name", list(CASES))
def test_a_validly_signed_bundle_that_would_poison_the_chair_is_refused_and_not_stored(world, tmp_path, name):
    forged = _forge(world, tmp_path, name)
    _keywords, code, where = CASES[name]
    chair = world.copy_home("chair", tmp_path / "chair")
    before = snapshot(chair)
    with Home(chair) as home, open_package(world.package) as package:
        report = import_returns(home, package, [forged])
    (outcome,) = report.outcomes
    assert outcome.status == "invalid" and outcome.problem.code == code, outcome.problem
    assert where in (outcome.problem.params.get("reason"), outcome.problem.params.get("member")), outcome.problem
    assert snapshot(chair) == before
    with pytest.raises(type(outcome.problem)) as caught:  # `reviewdesk verify --package` says the same
        verify_file(forged, world.package)
    assert caught.value.code == code


@pytest.mark.parametrize("name", ["comment with \\x01", "note with \\x0b", "conflict reason with \\x01"])
def test_after_a_poisoned_bundle_was_offered_compile_still_works(world, tmp_path, capsys, name):
    forged = _forge(world, tmp_path, name)
    chair = world.copy_home("chair", tmp_path / "chair")
    before = snapshot(chair)
    code, out, err = run(capsys, "--home", chair, "chair", "compile", world.package, forged, "-o", tmp_path / "first")
    assert "E02-forged.rvret: refused, left out" in out
    assert code == 1 and "no applicant has a score yet" in err and snapshot(chair) == before
    code, out, err = run(capsys, "--home", chair, "chair", "compile", world.package, world.bundle, forged,
                         "-o", tmp_path / "second")
    assert code == 0, err
    assert "E02-forged.rvret: refused, left out" in out and "E02.rvret: E02 李专家, 1 signed revisions (1 new)" in out
    assert (tmp_path / "second" / "panel-scores.xlsx").exists() and (tmp_path / "second" / "result.rvres").exists()
    code, out, err = run(capsys, "--home", chair, "chair", "compile", world.package, forged, "-o", tmp_path / "third")
    assert code == 0 and "refused, left out" in out, err  # and again: nothing poisoned the home
    verified = verify_file(tmp_path / "third" / "result.rvres", world.package)
    assert verified.kind == "result"
