"""Filling score sheets in tests: an expert's home with the small round imported, and a complete draft."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

from review_model.home import Home
from review_model.importer import import_package
from review_model.overview import applicant_detail
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view


def expert_home(round_, person: str, target: Path) -> Home:
    """A copy of `person`'s home from the small round, with the package imported."""
    shutil.copytree(round_.homes[person], target)
    home = Home(target)
    import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    return home


@contextmanager
def a01_reviewer(round_, target: Path) -> Iterator[Reviewer]:
    """E02 on a copy of the small round, the conflict question on A01 answered: ready to score A01."""
    home = expert_home(round_, "E02", target)
    reviewer = Reviewer.open(home)
    ops.confirm_no_conflict(reviewer, "A01")
    try:
        yield reviewer
    finally:
        home.close()


def complete_sheet(reviewer: Reviewer, applicant_id: str, ratio: Decimal = Decimal("0.8"), *,
                   comment: str = "", opinion: str = "场地、设备、制度和带徒情况基本符合认定条件。",
                   recommendation: str = "recommend", evidence: bool = True) -> None:
    """Confirm no conflict and fill every item so that the checklist is empty."""
    ops.confirm_no_conflict(reviewer, applicant_id)
    view = sheet_view(reviewer, applicant_id)
    for item in view.rubric.scored_items:
        if view.rubric.is_bonus(item.code):
            continue
        value = (item.max_points * ratio / item.step).to_integral_value() * item.step
        text = comment or ("扣分原因：现场核查与申报材料不一致。" if view.rubric.needs_comment(item.code, value) else "")
        ops.SetItem(applicant_id, item.code, value, text).apply(reviewer)
    bonus = view.rubric.bonus.items[0] if view.rubric.bonus else None
    if bonus is not None:
        ops.SetItem(applicant_id, bonus.code, bonus.max_points, "获市级以上表彰").apply(reviewer)
    if evidence:
        first = view.rubric.sections[0].items[0].code
        materials = [m for m in applicant_detail(reviewer.home, applicant_id).materials if m.pages]
        ops.add_link(reviewer, applicant_id, first, materials[0].material_id, 0)
        ops.add_link(reviewer, applicant_id, first, materials[-1].material_id, 1, (72, 100, 300, 240))
        ops.add_note(reviewer, applicant_id, "", "现场考察：工作室位于厂区二楼，面积约60平方米，设备齐全。")
    ops.SetOpinion(applicant_id, opinion, recommendation).apply(reviewer)


def make_key_file_round(root: Path, passphrase: str, person: str = "E02") -> tuple[dict[str, Path], Path, str]:
    """The small round, where `person` keeps the key in a passphrase-protected file (no keyring).

    Returns the homes, the package and the bureau's fingerprint; nothing is imported yet."""
    from review_model.exchange.package_build import build_package
    from review_model.identity import create_identity, public_identity_bytes, require_identity, signing_key
    from tests.support.small_round import PEOPLE, write_spec

    homes, identities = {}, {}
    for person_id, name, role in PEOPLE:
        homes[person_id] = root / "homes" / person_id
        with Home(homes[person_id]) as home:
            info = create_identity(home, name, role, passphrase=passphrase if person_id == person else None)
            identities[person_id] = public_identity_bytes(info)
    write_spec(root / "spec", identities)
    package = root / "round.rvpkg"
    with Home(homes["B01"]) as bureau:
        build_package(root / "spec", package, signing_key(bureau, person_id="B01"))
        return homes, package, require_identity(bureau).fingerprint
