"""The chair's intake: many bundles at once, verified against the package; valid ones kept, invalid ones
listed with their reason and leaving the home unchanged; newer bundles supersede older revisions."""
from __future__ import annotations

import shutil
from decimal import Decimal as D

import pytest

from review_model.chair.compile import compile_panel
from review_model.chair.discussion import request_reconsideration
from review_model.chair.intake import collect_bundle_files, import_returns, intake_state
from review_model.errors import Code, Problem
from review_model.exchange.package import open_package
from review_model.home import Home
from tests.support.panel_round import Sheet, make_panel_round
from tests.support.snapshot import snapshot
from tests.support.tamper import resign


@pytest.fixture(scope="module")
def panel(tmp_path_factory):
    """Three experts (mean per item); E03 declares a conflict with A02, E02 never sends A03."""
    round_ = make_panel_round(tmp_path_factory.mktemp("intake"), experts=3, policy={"method": "mean"})
    round_.files = {
        "E01": round_.bundle("E01", {"A01": [Sheet("30", "20", "25")], "A02": [Sheet("30", "20", "20")],
                                     "A03": [Sheet("30", "20", "20")]}),
        "E02": round_.bundle("E02", {"A01": [Sheet("35", "25", "20")], "A02": [Sheet("34", "20", "20")]}),
        "E03": round_.bundle("E03", {"A01": [Sheet("32", "21", "27")], "A03": [Sheet("31", "20", "20")]},
                             conflicts={"A02": "近三年曾任该单位技术顾问"}),
        # E02 again, later: A01 amended after the chair's request (1.1: 35 → 30), A03 still not sent
        "E02b": round_.bundle("E02", {"A01": [Sheet("35", "25", "20"), Sheet("30", "25", "20", amend_reason="按组长要求复核第1.1项")],
                                      "A02": [Sheet("34", "20", "20")]}, name="E02-second.rvret"),
    }
    return round_


def _chair_home(panel, tmp_path) -> Home:
    shutil.copytree(panel.chair_home, tmp_path / "chair")
    return Home(tmp_path / "chair")


def _import(home, panel, *names):
    with open_package(panel.package) as package:
        return import_returns(home, package, [panel.files[n] for n in names])


def test_a_folder_of_bundles_is_verified_and_every_assignment_accounted_for(panel, tmp_path):
    home = _chair_home(panel, tmp_path)
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name in ("E01", "E02", "E03"):
        shutil.copy(panel.files[name], folder / f"{name}.rvret")
    (folder / "notes.txt").write_text("not a bundle")
    assert [p.name for p in collect_bundle_files([folder])] == ["E01.rvret", "E02.rvret", "E03.rvret"]
    with open_package(panel.package) as package:
        report = import_returns(home, package, [folder])
    assert [(o.status, o.expert_id, o.revisions) for o in report.outcomes] == [
        ("imported", "E01", 3), ("imported", "E02", 2), ("imported", "E03", 2)]
    state = intake_state(home)
    status = {key: (a.status, a.revision) for key, a in state.assignments.items()}
    assert status[("E03", "A02")] == ("conflict", None)
    assert state.assignments[("E03", "A02")].conflict_reason == "近三年曾任该单位技术顾问"
    assert status[("E02", "A03")] == ("missing", None)
    assert [(a.expert_id, a.applicant_id) for a in state.missing()] == [("E02", "A03")]
    assert sum(1 for s in status.values() if s == ("scored", 1)) == 7
    home.close()


def test_the_same_bundle_twice_changes_nothing(panel, tmp_path):
    home = _chair_home(panel, tmp_path)
    _import(home, panel, "E01")
    before = snapshot(tmp_path / "chair")
    again = _import(home, panel, "E01", "E01")
    assert [o.status for o in again.outcomes] == ["already"]  # the same file named twice counts once
    assert snapshot(tmp_path / "chair") == before
    home.close()


def test_an_invalid_bundle_is_listed_with_its_reason_and_imports_nothing(panel, tmp_path):
    home = _chair_home(panel, tmp_path)
    _import(home, panel, "E01")
    broken = tmp_path / "broken.rvret"
    broken.write_bytes(panel.files["E02"].read_bytes()[:-200])
    forged = resign(panel.files["E03"], tmp_path / "forged.rvret", panel.keys["E02"], lambda members: None)
    before = snapshot(tmp_path / "chair")
    with open_package(panel.package) as package:
        report = import_returns(home, package, [broken, forged, tmp_path / "absent.rvret"])
    assert [o.status for o in report.outcomes] == ["invalid"] * 3
    assert [o.problem.code for o in report.outcomes] == [Code.NOT_A_ZIP, Code.SCHEMA_INVALID, Code.FILE_UNREADABLE]
    assert snapshot(tmp_path / "chair") == before  # nothing stored, not even the refusal
    home.close()


def test_valid_bundles_go_in_while_an_invalid_one_is_left_out(panel, tmp_path):
    home = _chair_home(panel, tmp_path)
    junk = tmp_path / "junk.rvret"
    junk.write_bytes(b"PK not really")
    with open_package(panel.package) as package:
        report = import_returns(home, package, [panel.files["E01"], junk, panel.files["E03"]])
    assert [o.status for o in report.outcomes] == ["imported", "invalid", "imported"]
    assert len(report.invalid) == 1 and {b.expert_id for b in intake_state(home).bundles} == {"E01", "E03"}
    home.close()


def test_a_newer_bundle_supersedes_older_revisions_and_the_history_stays(panel, tmp_path):
    home = _chair_home(panel, tmp_path)
    _import(home, panel, "E01", "E02", "E03")
    request_reconsideration(home, "A01", ["E02"], ["1.1"], "abnormal", "1.1项明显高于其他专家")
    _import(home, panel, "E02b")
    state = intake_state(home)
    a01 = state.assignments[("E02", "A01")]
    assert (a01.status, a01.revision) == ("scored", 2)
    assert [(r.revision, r.counts, r.file_name) for r in a01.history] == [
        (1, False, "E02.rvret"), (2, True, "E02-second.rvret")]
    assert [(b.file_name, b.current) for b in state.bundles if b.expert_id == "E02"] == [
        ("E02.rvret", False), ("E02-second.rvret", True)]
    # E01 30/20/25, E02 r2 30/25/20, E03 32/21/27: 1.1 92/3 + 1.2 22 + 2.1 24 = 76.666… → 76.67
    comp = compile_panel(home)
    assert comp.applicant("A01").result.final_score == D("76.67")
    [change] = comp.changes
    assert (change.expert_id, change.item_code, change.old, change.new, change.reason, change.source) == (
        "E02", "1.1", D(35), D(30), "abnormal", "request")
    assert comp.applicant("A01").requests[0].answered_by == 2 and comp.can_sign
    # importing the older bundle again (or after) never rolls the count back
    _import(home, panel, "E02")
    assert intake_state(home).assignments[("E02", "A01")].revision == 2
    home.close()


def test_intake_needs_the_chair_and_the_imported_package(panel, tmp_path, small_round):
    home = _chair_home(panel, tmp_path)
    with open_package(small_round.package) as other, pytest.raises(Problem) as caught:
        import_returns(home, other, [panel.files["E01"]])
    assert caught.value.code == Code.OTHER_ROUND
    home.close()
    member = Home(small_round.homes["E02"])
    with open_package(panel.package) as package, pytest.raises(Problem) as caught:
        import_returns(member, package, [panel.files["E01"]])
    assert caught.value.code == Code.NO_ROUND
    member.close()


def test_cancelling_while_verifying_leaves_the_home_unchanged(panel, tmp_path):
    home = _chair_home(panel, tmp_path)
    before = snapshot(tmp_path / "chair")
    seen = []

    def progress(done, total):
        seen.append(done)
        if done >= total // 2:
            raise Problem(Code.CANCELLED)

    with open_package(panel.package) as package, pytest.raises(Problem) as caught:
        import_returns(home, package, [panel.files["E01"], panel.files["E02"], panel.files["E03"]], progress)
    assert caught.value.code == Code.CANCELLED and seen
    assert snapshot(tmp_path / "chair") == before
    home.close()


def test_bundles_are_verified_against_the_package_the_home_imported_without_the_file(panel, tmp_path):
    from review_model.chair.receive import imported_package, receive_returns

    home = _chair_home(panel, tmp_path)
    imported = imported_package(home)
    with open_package(panel.package) as package:
        assert (imported.sha256, imported.round, imported.experts) == (package.sha256, package.round, package.experts)
        assert imported.rubrics == package.rubrics and imported.bureau_fingerprint == package.bureau_fingerprint
        assert [a.model_dump(exclude={"materials"}) for a in imported.applicants] == [
            a.model_dump(exclude={"materials"}) for a in package.applicants]
        assert [[m.model_dump(exclude={"member"}) for m in a.materials] for a in imported.applicants] == [
            [m.model_dump(exclude={"member"}) for m in a.materials] for a in package.applicants]
    forged = resign(panel.files["E03"], tmp_path / "forged.rvret", panel.keys["E02"], lambda members: None)
    report = receive_returns(home, [panel.files["E01"], forged, panel.files["E03"]])  # no package file at all
    assert [o.status for o in report.outcomes] == ["imported", "invalid", "imported"]
    assert report.outcomes[1].problem.code == Code.SCHEMA_INVALID
    assert {b.expert_id for b in intake_state(home).bundles} == {"E01", "E03"}
    before = snapshot(tmp_path / "chair")
    with pytest.raises(Problem) as caught:  # a package file that cannot be read: one clear refusal, nothing changes
        receive_returns(home, [panel.files["E02"]], tmp_path / "absent.rvpkg")
    assert caught.value.code == Code.FILE_UNREADABLE and snapshot(tmp_path / "chair") == before
    home.close()


def test_a_bundle_of_another_round_is_refused_against_the_imported_package(panel, tmp_path):
    from review_model.chair.receive import receive_returns

    other = make_panel_round(tmp_path / "other", experts=3, policy={"method": "mean"})
    foreign = other.bundle("E01", {"A01": [Sheet("30", "20", "25")]})
    home = _chair_home(panel, tmp_path)
    before = snapshot(tmp_path / "chair")
    [outcome] = receive_returns(home, [foreign]).outcomes
    assert outcome.status == "invalid" and outcome.problem.code in (Code.OTHER_ROUND, Code.SIGNER_UNTRUSTED)
    assert snapshot(tmp_path / "chair") == before
    home.close()
