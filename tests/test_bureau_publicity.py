"""Objections during 公示 and the final list: recorded in the home with their audit rows, an
upheld (成立) objection takes its candidate off the final list, the final list is printed
(final-list.pdf, Chinese, official look) — on the command line (`bureau objection …`,
`bureau final-list`) and in the domain; each kind of bad input is one sentence, nothing changed."""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from review_model.bureau.publish import (
    ObjectionVerdict,
    decide_objection,
    list_objections,
    publicity_facts,
    record_objection,
    write_final_list,
)
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.store.models import AuditEntry
from tests.support.cli import reviewdesk
from tests.support.snapshot import snapshot
from tests.test_bureau_documents import _look, _text, signed_result  # noqa: F401  (fixture)
from ui.messages import describe


@pytest.fixture
def published(signed_result, tmp_path):  # noqa: F811
    panel, result = signed_result
    _, facts = publicity_facts(result, panel.package)
    ids = [c.applicant_id for chosen in facts.candidates.values() for c in chosen]
    return panel.package, result, facts, ids, tmp_path / "bureau-home"


def _refused(root: Path, action):
    before = snapshot(root) if root.exists() else None
    with Home(root) as home, pytest.raises(Problem) as caught:
        action(home)
    if before is not None:
        assert snapshot(root) == before
    text = describe(caught.value)
    assert "\n" not in text and "{" not in text, text
    return caught.value


def test_an_upheld_objection_takes_the_candidate_off_the_final_list(published, tmp_path):
    package, result, facts, ids, root = published
    assert len(ids) >= 2
    with Home(root) as home:
        first = record_objection(home, result, package, applicant_id=ids[0], received=facts.start,
                                 objector="深圳市某培训学校（加盖公章）", summary="反映其培训场地面积不实")
        second = record_objection(home, result, package, applicant_id=ids[1], received=facts.end,
                                  objector="王某，13800000000", summary="反映其师资情况")
        decide_objection(home, first.number, ObjectionVerdict.UPHELD, "经实地核查，培训场地实际面积不足申报面积的一半")
        decide_objection(home, second.number, ObjectionVerdict.REJECTED, "经核实，师资证明材料真实有效")
        done = write_final_list(home, result, package, tmp_path / "final")
        kept = [o.verdict for o in list_objections(home)]
        with home.store.read() as session:
            audit = [(a.action, a.entity) for a in session.scalars(select(AuditEntry))]
    stays = [c.applicant_id for chosen in done.candidates.values() for c in chosen]
    assert ids[0] not in stays and ids[1] in stays and len(stays) == len(ids) - 1
    assert kept == [ObjectionVerdict.UPHELD, ObjectionVerdict.REJECTED]
    assert audit.count(("receive", "desk_objection")) == 2 and audit.count(("decide", "desk_objection")) == 2
    assert ("final_list", "desk_publicity") in audit
    text = _text(done.path).replace("\n", "")
    names = {c.applicant_id: c.name for chosen in facts.candidates.values() for c in chosen}
    assert "认定候选名单（公示结果）" in text and "异议成立1件、不成立1件" in text
    assert f"经核查，关于{names[ids[0]]}的异议成立，取消其拟认定候选资格" in text
    assert "培训场地实际面积不足" in text and "王某" not in text  # objectors are not named
    _look(done.path, "final-list")
    # the 报送 letter that goes is the final list's: the removed candidate is neither counted nor listed
    letter = _text(done.letter).replace("\n", "")
    assert done.letter == tmp_path / "final" / "report-letter.pdf"
    assert f"确定候选单位{len(stays)}个" in letter and "异议成立1件、不成立1件" in letter
    assert names[ids[1]] in letter and letter.count(names[ids[0]]) == 1  # only where the objection is told
    assert "无异议或者异议不成立" not in letter
    _look(done.letter, "report-letter-final")


def test_objections_outside_the_window_or_about_no_candidate_are_refused(published):
    package, result, facts, ids, root = published
    with Home(root):
        pass
    late = _refused(root, lambda home: record_objection(home, result, package, applicant_id=ids[0],
                                                        received=facts.end + timedelta(days=1), objector="李某"))
    assert late.code == Code.OBJECTION_OUTSIDE_WINDOW
    assert _refused(root, lambda home: record_objection(home, result, package, applicant_id="A99",
                                                        received=facts.start, objector="李某")).code \
        == Code.OBJECTION_NOT_CANDIDATE
    assert _refused(root, lambda home: record_objection(home, result, package, applicant_id=ids[0],
                                                        received=facts.start, objector="  ")).code \
        == Code.OBJECTION_NO_OBJECTOR


def test_a_finding_needs_a_reason_and_the_final_list_waits_for_every_finding(published, tmp_path):
    package, result, facts, ids, root = published
    with Home(root) as home:
        number = record_objection(home, result, package, applicant_id=ids[0], received=facts.start,
                                  objector="李某").number
    assert _refused(root, lambda home: decide_objection(home, number, ObjectionVerdict.UPHELD, " ")).code \
        == Code.OBJECTION_REASON_MISSING
    assert _refused(root, lambda home: decide_objection(home, 99, ObjectionVerdict.UPHELD, "x")).code \
        == Code.OBJECTION_UNKNOWN
    out = tmp_path / "final"
    assert _refused(root, lambda home: write_final_list(home, result, package, out)).code == Code.OBJECTION_PENDING
    assert _refused(root, lambda home: write_final_list(home, result, package, out, facts.end)).code \
        == Code.PUBLICITY_NOT_OVER
    assert not out.exists()


def test_objections_and_the_final_list_on_the_command_line(published, tmp_path):
    package, result, facts, ids, root = published
    common = ("--home", root, "--lang", "zh_CN", "bureau")
    added = reviewdesk(*common, "objection", "add", result, "--package", package, "--applicant", ids[0],
                       "--received", facts.start.isoformat(), "--by", "赵某，13900000000", "--about", "反映其学徒人数不实")
    assert added.returncode == 0, added.stderr
    refused = reviewdesk(*common, "final-list", result, "--package", package, "-o", tmp_path / "final")
    assert refused.returncode != 0 and "异议" in refused.stderr and not (tmp_path / "final").exists()
    decided = reviewdesk(*common, "objection", "decide", "1", "--not-upheld", "--reason", "经核实，学徒花名册与社保记录一致")
    assert decided.returncode == 0, decided.stderr
    listed = reviewdesk(*common, "objection", "list", "--json")
    rows = json.loads(listed.stdout)
    assert [(r["number"], r["applicant_id"], r["verdict"]) for r in rows] == [(1, ids[0], "rejected")]
    final = reviewdesk(*common, "final-list", result, "--package", package, "-o", tmp_path / "final")
    assert final.returncode == 0, final.stderr
    pdf = tmp_path / "final" / "final-list.pdf"
    with pymupdf.open(pdf) as doc:
        text = "".join(p.get_text() for p in doc).replace("\n", "")
    assert "异议成立0件、不成立1件" in text and "学徒花名册与社保记录一致" in text
    _look(pdf, "final-list-cli")
