"""Scoring rubrics (评审细则): sections, items, bonus items with a cap, veto items, grades.

Rubrics are data (resources/rubrics/*.json), versioned, because districts adjust them. Loading a
bad file names the file, the item and the reason. Points are Decimals end to end: a score of 7.5
is exactly 7.5 in the database, in the signed JSON and in the panel's arithmetic.
"""
from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .carriers import CarrierType
from .errors import Code, Problem

Method = Literal["document_review", "site_visit", "expert_judgement", "defence"]
METHOD_NAMES = {  # as printed on official forms
    "document_review": "材料审核",
    "site_visit": "实地考察",
    "expert_judgement": "专家意见",
    "defence": "答辩",
}
SCHEMA = "reviewdesk-rubric/1"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RubricItem(_Frozen):
    code: str = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9.\-]+$")
    title: str = Field(min_length=1)
    max_points: Decimal
    step: Decimal = Decimal("0.5")
    method: Method
    rule: str = Field(min_length=1)
    evidence: str = ""  # which materials usually prove it, as a hint to the expert
    comment_required_below: Decimal | None = None  # overrides the rubric-wide ratio


class Section(_Frozen):
    code: str = Field(min_length=1, max_length=16)
    title: str = Field(min_length=1)
    items: list[RubricItem] = Field(min_length=1)

    @property
    def max_points(self) -> Decimal:
        return sum((i.max_points for i in self.items), Decimal(0))


class Bonus(_Frozen):
    cap: Decimal
    items: list[RubricItem] = Field(min_length=1)


class Veto(_Frozen):
    code: str = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9.\-]+$")
    title: str = Field(min_length=1)
    rule: str = ""


class Grade(_Frozen):
    min_total: Decimal
    label: str = Field(min_length=1)


class Rubric(_Frozen):
    schema_: Literal["reviewdesk-rubric/1"] = Field(alias="schema")
    rubric_id: str = Field(min_length=1, pattern=r"^[a-z0-9_\-]+$")
    carrier_type: CarrierType
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    issuer: str = ""
    basis: str = ""
    total_points: Decimal
    comment_required_below: Decimal = Decimal("0.6")
    section_fail_ratio: Decimal | None = None
    sections: list[Section] = Field(min_length=1)
    bonus: Bonus | None = None
    vetoes: list[Veto] = []
    grades: list[Grade] = []

    # --- lookups -------------------------------------------------------------------------
    @property
    def scored_items(self) -> list[RubricItem]:
        """Every item that takes a score, bonus items last, in form order."""
        items = [i for s in self.sections for i in s.items]
        return items + (list(self.bonus.items) if self.bonus else [])

    def item(self, code: str) -> RubricItem | None:
        return next((i for i in self.scored_items if i.code == code), None)

    def is_bonus(self, code: str) -> bool:
        return bool(self.bonus) and any(i.code == code for i in self.bonus.items)

    def section_of(self, code: str) -> Section | None:
        return next((s for s in self.sections if any(i.code == code for i in s.items)), None)

    def veto(self, code: str) -> Veto | None:
        return next((v for v in self.vetoes if v.code == code), None)

    # --- rules ---------------------------------------------------------------------------
    def score_problem(self, code: str, value: Decimal) -> str | None:
        """None if `value` is a valid score for item `code`, else 'unknown_item', 'out_of_range' or 'off_step'."""
        item = self.item(code)
        if item is None:
            return "unknown_item"
        if not value.is_finite():
            return "not_a_number"
        if value < 0 or value > item.max_points:
            return "out_of_range"
        if value % item.step != 0:
            return "off_step"
        return None

    def needs_comment(self, code: str, value: Decimal) -> bool:
        """Scores under the ratio (e.g. 60 % of the item's points) need a written reason."""
        item = self.item(code)
        if item is None or self.is_bonus(code) or not value.is_finite():
            return False
        ratio = item.comment_required_below if item.comment_required_below is not None else self.comment_required_below
        return value < item.max_points * ratio

    def bonus_total(self, scores: dict[str, Decimal]) -> Decimal:
        if not self.bonus:
            return Decimal(0)
        raw = sum((scores.get(i.code, Decimal(0)) for i in self.bonus.items), Decimal(0))
        return min(raw, self.bonus.cap)

    def base_total(self, scores: dict[str, Decimal]) -> Decimal:
        return sum((scores.get(i.code, Decimal(0)) for s in self.sections for i in s.items), Decimal(0))

    def total(self, scores: dict[str, Decimal]) -> Decimal:
        return self.base_total(scores) + self.bonus_total(scores)

    def grade(self, total: Decimal) -> str | None:
        for grade in sorted(self.grades, key=lambda g: g.min_total, reverse=True):
            if total >= grade.min_total:
                return grade.label
        return None

    def failed_sections(self, scores: dict[str, Decimal]) -> list[str]:
        """Sections under `section_fail_ratio` of their points, which fail the whole assessment."""
        if self.section_fail_ratio is None:
            return []
        return [
            s.code for s in self.sections
            if sum((scores.get(i.code, Decimal(0)) for i in s.items), Decimal(0)) < s.max_points * self.section_fail_ratio
        ]


def _semantic_problems(rubric: Rubric) -> tuple[str, str, dict] | None:
    """First (item, reason, extra) that makes a well-shaped rubric unusable, or None."""
    seen: set[str] = set()
    for section in rubric.sections:
        if section.code in seen:
            return section.code, "duplicate_code", {}
        seen.add(section.code)
    for item in rubric.scored_items:
        if item.code in seen:
            return item.code, "duplicate_code", {}
        seen.add(item.code)
        if item.step <= 0:
            return item.code, "step_not_positive", {}
        if item.max_points <= 0:
            return item.code, "max_not_positive", {}
        try:
            off_step = item.max_points % item.step != 0
        except InvalidOperation:  # max/step beyond Decimal precision (e.g. step 1e-30): no usable step
            off_step = True
        if off_step:
            return item.code, "max_off_step", {}
        ratio = item.comment_required_below
        if ratio is not None and not (0 <= ratio <= 1):
            return item.code, "ratio_out_of_range", {}
    for veto in rubric.vetoes:
        if veto.code in seen:
            return veto.code, "duplicate_code", {}
        seen.add(veto.code)
    base = sum((s.max_points for s in rubric.sections), Decimal(0))
    if base != rubric.total_points:
        return "total_points", "total_mismatch", {"declared": str(rubric.total_points), "actual": str(base)}
    if not (0 <= rubric.comment_required_below <= 1):
        return "comment_required_below", "ratio_out_of_range", {}
    if rubric.section_fail_ratio is not None and not (0 <= rubric.section_fail_ratio <= 1):
        return "section_fail_ratio", "ratio_out_of_range", {}
    if rubric.bonus and rubric.bonus.cap <= 0:
        return "bonus", "max_not_positive", {}
    labels = [g.label for g in rubric.grades]
    if len(set(labels)) != len(labels):
        return "grades", "duplicate_code", {}
    return None


def parse_rubric(data: bytes | str, name: str) -> Rubric:
    """Parse and check rubric JSON; `name` identifies the file in the error."""
    try:
        raw = json.loads(data, parse_float=Decimal)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Problem(Code.RUBRIC_INVALID, file=name, item="", reason="not_json", detail=str(exc)) from None
    try:
        rubric = Rubric.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise Problem(
            Code.RUBRIC_INVALID, file=name, item=_item_at(raw, error["loc"]), reason="shape",
            detail=f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}",
        ) from None
    found = _semantic_problems(rubric)
    if found:
        item, reason, extra = found
        raise Problem(Code.RUBRIC_INVALID, file=name, item=item, reason=reason, detail=json.dumps(extra))
    return rubric


def _item_at(raw: object, loc: tuple) -> str:
    """The code of the innermost section or item on the error's path, for a useful message.

    Outside any section or item (carrier_type, total_points, an unknown top-level key, bonus.cap),
    the top-level field's name, as the semantic checks report it.
    """
    found = str(loc[0]) if loc else ""
    node = raw
    for part in loc:
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("code"), str):
            found = node["code"]
    return found


def load_rubric(path: Path) -> Rubric:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise Problem(Code.RUBRIC_INVALID, file=path.name, item="", reason="unreadable", detail=str(exc)) from None
    return parse_rubric(data, path.name)


def shipped_rubrics() -> dict[str, Rubric]:
    """The rubric templates shipped in resources/rubrics, by carrier type."""
    # package data is located at call time (frozen and editable installs alike)
    import resources

    rubrics = [load_rubric(p) for p in sorted(resources.path("rubrics").glob("*.json"))]
    return {r.carrier_type: r for r in rubrics}
