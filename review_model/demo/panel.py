"""The demo panel at work: the five experts of `reviewdesk demo` (E01 the chair, who scores too) score
their applicants, sign and export; the chair takes in the first bundles and asks for a reconsideration;
the expert amends and exports again. Deterministic: the same demo folder gives the same scores.

    score_demo_round(DIR) -> [DIR/returns/E01.rvret … E05.rvret]   (the newest bundle of each expert)

What the demo shows the chair:
- E03 declares a conflict of interest (回避) with A05;
- E04 triggers a veto (一票否决) on A08;
- E05 scores A02 abnormally low (畸低); the chair asks E05 to reconsider those items for that reason
  (recorded in homes/E01), E05 amends (revision 2) and exports again;
- E02 never signs A10 (a draft stays at home): that sheet is missing.
The first bundles stay in DIR/returns/before-discussion/; homes/E01 has imported them.
"""
from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from ..chair.compile import compile_panel
from ..chair.discussion import add_note, request_reconsideration
from ..chair.intake import import_returns
from ..exchange.package import open_package
from ..home import Home
from ..identity import require_identity, signing_key
from ..overview import overview
from ..progress import Progress, no_progress
from ..rubric import Rubric
from ..sheets import ops
from ..sheets.context import Reviewer
from ..signing.returns import export_returns
from ..signing.sign import sign_sheet
from .round import DEMO_PASSPHRASE

EXPERTS = ("E01", "E02", "E03", "E04", "E05")
QUALITY = {"A01": "0.88", "A02": "0.85", "A03": "0.70", "A04": "0.86", "A05": "0.79", "A06": "0.63", "A07": "0.74",
           "A08": "0.80", "A09": "0.90", "A10": "0.81"}
LENIENCY = {"E01": "0.00", "E02": "0.03", "E03": "-0.02", "E04": "0.01", "E05": "-0.03"}
CONFLICT = ("E03", "A05", "近三年曾担任该单位技能大师工作室的技术顾问，按规定申请回避。")
VETO = ("E04", "A08", "经“信用中国”查询，该单位2025年因违规收取培训费用受到行政处罚，属近三年失信记录。")
ABNORMAL = ("E05", "A02", Decimal("0.50"))  # who scores whom far too low, and how low
UNSIGNED = ("E02", "A10")
REQUEST_NOTE = "E05对该单位评分明显低于其他专家，请结合现场考察记录复核。"
LOW_REASONS = ("现场核查与申报材料不一致，佐证材料不足。", "相关制度未见正式印发文件，执行记录不完整。",
               "近三年开展情况仅提供部分年度数据，无法核实。", "设施设备数量不足，部分设备未见使用记录。")
OPINIONS = {True: "该单位场地、师资、制度和培训开展情况总体符合认定条件，特色较鲜明，建议推荐。",
            False: "该单位部分条件尚不满足认定要求，佐证材料不够充分，建议暂不推荐。"}


def _value(rubric: Rubric, code: str, ratio: Decimal) -> Decimal:
    item = rubric.item(code)
    raw = item.max_points * max(Decimal(0), min(Decimal(1), ratio))
    return (raw / item.step).to_integral_value() * item.step


def _scores(rubric: Rubric, expert_id: str, applicant_id: str, quality: Decimal) -> dict[str, Decimal]:
    """Section items: the expert's view of the applicant plus a little noise. Bonus items (加分项) are
    facts (an award, a certificate): every expert who sees the applicant fairly awards the same."""
    rng = random.Random(f"{expert_id}/{applicant_id}/2026")
    out = {}
    bonus_index = 0
    fair = Decimal(QUALITY[applicant_id])
    judged = quality if quality < fair - Decimal("0.1") else fair  # an abnormal sheet misses the bonus too
    for item in rubric.scored_items:
        noise = Decimal(rng.randint(-6, 6)) / 100
        if rubric.is_bonus(item.code):
            threshold = Decimal("0.84") + Decimal("0.03") * bonus_index
            bonus_index += 1
            if judged >= threshold:
                out[item.code] = item.max_points
            continue
        out[item.code] = _value(rubric, item.code, quality + noise)
    return out


def _fill(reviewer: Reviewer, rubric: Rubric, applicant_id: str, scores: dict[str, Decimal], veto_reason: str = "") -> None:
    rng = random.Random(f"{reviewer.expert_id}/{applicant_id}/comments")
    items = tuple((code, value, rng.choice(LOW_REASONS) if rubric.needs_comment(code, value) else "")
                  for code, value in scores.items())
    vetoes = tuple((v.code, bool(veto_reason) and index == 0, veto_reason if index == 0 else "")
                   for index, v in enumerate(rubric.vetoes))
    total = rubric.total(scores)
    recommend = total >= Decimal(75) and not veto_reason
    ops.SetSheet(applicant_id, items, vetoes, OPINIONS[recommend], "recommend" if recommend else "not_recommend").apply(reviewer)


def _key(home: Home, expert_id: str):
    store = require_identity(home).key_store
    return signing_key(home, lambda: DEMO_PASSPHRASE if store == "file" else None, person_id=expert_id)


def _score_expert(home: Home, expert_id: str) -> None:
    reviewer = Reviewer.open(home)
    applicants = [(a.applicant_id, a.carrier_type) for a in overview(home).applicants]
    key = _key(home, expert_id)
    for applicant_id, carrier_type in applicants:
        if (expert_id, applicant_id) == CONFLICT[:2]:
            ops.declare_conflict(reviewer, applicant_id, CONFLICT[2])
            continue
        rubric = reviewer.rubrics[carrier_type]
        quality = Decimal(QUALITY[applicant_id]) + Decimal(LENIENCY[expert_id])
        if (expert_id, applicant_id) == ABNORMAL[:2]:
            quality = ABNORMAL[2]
        ops.confirm_no_conflict(reviewer, applicant_id)
        _fill(reviewer, rubric, applicant_id, _scores(rubric, expert_id, applicant_id, quality),
              VETO[2] if (expert_id, applicant_id) == VETO[:2] else "")
        if (expert_id, applicant_id) != UNSIGNED:
            sign_sheet(reviewer, applicant_id, key)


def _reconsider(chair_home: Home, package: Path, first: list[Path]) -> list[str]:
    """The chair imports the first bundles and asks E05 to reconsider the items the 复核 dialog proposes on A02
    (E05's total is 畸低; the items that pull it down)."""

    with open_package(package) as opened:
        import_returns(chair_home, opened, first)
    expert_id, applicant_id, _ = ABNORMAL
    items = list(compile_panel(chair_home).applicant(applicant_id).result.to_reconsider[expert_id])
    add_note(chair_home, applicant_id, "评审组讨论认为该单位实训条件和培训成效突出；E05评分明显偏低，请其复核。")
    request_reconsideration(chair_home, applicant_id, [expert_id], items, "abnormal", REQUEST_NOTE)
    return items


def _amend(home: Home, items: list[str]) -> None:
    expert_id, applicant_id, _ = ABNORMAL
    reviewer = Reviewer.open(home)
    ops.amend(reviewer, applicant_id, "按评审组复核请求，结合现场考察记录重新评分（评分畸低）。")
    rubric = reviewer.rubrics[next(a.carrier_type for a in overview(home).applicants if a.applicant_id == applicant_id)]
    quality = Decimal(QUALITY[applicant_id]) + Decimal(LENIENCY[expert_id])
    fresh = _scores(rubric, expert_id, applicant_id, quality)
    for code in items:
        ops.SetItem(applicant_id, code, fresh.get(code), "").apply(reviewer)
    ops.SetOpinion(applicant_id, OPINIONS[True], "recommend").apply(reviewer)
    sign_sheet(reviewer, applicant_id, _key(home, expert_id))


def score_demo_round(demo_dir: Path, progress: Progress = no_progress) -> list[Path]:
    """Score, sign and export for the demo's five experts (module docstring); return the newest bundles."""
    demo_dir = Path(demo_dir)
    returns, first_dir = demo_dir / "returns", demo_dir / "returns" / "before-discussion"
    first_dir.mkdir(parents=True, exist_ok=True)
    first = []
    for index, expert_id in enumerate(EXPERTS):
        with Home(demo_dir / "homes" / expert_id) as home:
            _score_expert(home, expert_id)
            first.append(first_dir / f"{expert_id}.rvret")
            export_returns(home, first[-1], _key(home, expert_id))
        progress(index + 1, len(EXPERTS) + 2)
    with Home(demo_dir / "homes" / "E01") as chair:
        items = _reconsider(chair, demo_dir / "round.rvpkg", first)
    with Home(demo_dir / "homes" / ABNORMAL[0]) as home:
        _amend(home, items)
    progress(len(EXPERTS) + 1, len(EXPERTS) + 2)
    final = []
    for expert_id in EXPERTS:
        with Home(demo_dir / "homes" / expert_id) as home:
            final.append(returns / f"{expert_id}.rvret")
            export_returns(home, final[-1], _key(home, expert_id))
    progress(len(EXPERTS) + 2, len(EXPERTS) + 2)
    return final
