"""The round on the bureau's desk: set up from the city's template, saved field by field with its
audit rows, checked as the package will hold it (exchange/package_build.round_from_raw), and the
calendar years the clerk loads for a year the app does not ship.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..calendar import CalendarYear, Holiday, WorkCalendar, load_calendar_year
from ..chair.compile import default_publicity_start, round_calendar
from ..chair.ranking import PublicityWindow, publicity_window
from ..errors import Code, Problem
from ..exchange.package_build import round_from_raw
from ..exchange.package_schema import RoundFile
from ..home import Home
from ..identity import get_identity
from ..policy import AggregationPolicy
from .records import DeskCalendar, DeskRound

CITY_PROGRAMME = "深圳市终身职业技能培训载体认定"


def actor(home: Home) -> str:
    """Who the audit log names: this home's identity (the clerk), or "bureau" before one exists."""
    info = get_identity(home)
    return info.name if info else "bureau"


def city_template(year: int, district: str, *, round_id: str = "", call_reference: str = "",
                  report_deadline: date | None = None) -> dict:
    """A new round as the city's call sets it: the programme, five working days of 公示, one place
    per carrier type until the district enters its quotas from Annex 1, the usual aggregation policy."""
    bureau = f"深圳市{district}人力资源局"
    return {
        "schema": "reviewdesk-round/1",
        "round_id": round_id or f"{year}-ZSPX",  # 终身职业技能培训: the clerk may name it after the district
        "year": year, "district": district, "bureau": bureau, "programme": CITY_PROGRAMME,
        "title": f"{year}年度{district}终身职业技能培训载体认定评审", "call_reference": call_reference,
        "bureau_address": "", "bureau_phone": "", "correction_days": 5,
        "deadlines": {"submission": None, "review": None,
                      "report": (report_deadline or date(year, 7, 24)).isoformat()},
        "publicity_days": 5,
        "quotas": {"training_base": 1, "master_studio": 1, "rural_station": 1, "chain_leader": 1},
        "policy": json.loads(AggregationPolicy().model_dump_json()),
    }


def desk_calendar_years(home: Home) -> list[CalendarYear]:
    with home.store.read() as session:
        return [CalendarYear.model_validate_json(row.body) for row in session.scalars(select(DeskCalendar))]


def check_round(home: Home, raw: dict) -> RoundFile:
    """The round as the package will hold it; refuses what `package build` refuses (a year without
    calendar data included: load the State Council's list for it first)."""
    return round_from_raw(raw, desk_calendar_years(home))


def save_round(home: Home, raw: dict) -> RoundFile:
    """Create or change the round: checked first, then saved with one audit row per changed field."""
    checked = check_round(home, raw)
    body = _round_body(checked)
    with home.store.write(actor(home)) as (session, audit):
        row = session.get(DeskRound, 1)
        old = json.loads(row.round_json) if row else {}
        if row is None:
            row = DeskRound(id=1, round_json="{}", column_mapping="{}", created_at=audit.at, updated_at=audit.at)
            session.add(row)
            audit.record("create", "desk_round", 1, "round_id", None, body["round_id"])
        for key in sorted(set(old) | set(body)):
            if old.get(key) != body.get(key):
                audit.record("set", "desk_round", 1, key, _audit_text(old.get(key)), _audit_text(body.get(key)))
        row.round_json = json.dumps(body, ensure_ascii=False)  # key order kept: quotas print in the order given
        row.updated_at = audit.at
    return checked


def _round_body(checked: RoundFile) -> dict:
    """What the desk keeps of a checked round: round.json's own fields (calendar, materials and rubric
    pins are the package's, added when it is built)."""
    body = checked.model_dump(mode="json", by_alias=True, exclude={"calendar", "required_materials", "rubrics"})
    return body


def _audit_text(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def round_body(home: Home) -> dict | None:
    """The saved round's fields, as round.json holds them; None before the round is set up."""
    with home.store.read() as session:
        row = session.get(DeskRound, 1)
        return json.loads(row.round_json) if row else None


def require_round(home: Home) -> RoundFile:
    body = round_body(home)
    if body is None:
        raise Problem(Code.DESK_NO_ROUND)
    return check_round(home, body)


@dataclass(frozen=True)
class Schedule:
    """The dates the clerk must see before the call goes out: when 公示 can run and whether the list
    reaches the city bureau by the report deadline."""

    window: PublicityWindow

    @property
    def late(self) -> bool:
        return self.window.late


def round_schedule(round_file: RoundFile, start: date | None = None) -> Schedule:
    """公示 from `start` (default: the first working day after the review deadline) on the round's calendar."""
    first = start or default_publicity_start(round_file)
    return Schedule(publicity_window(round_calendar(round_file), first, round_file.publicity_days,
                                     round_file.deadlines.report))


# --- calendar years ---------------------------------------------------------------------------------
def read_calendar_file(path: Path) -> CalendarYear:
    """A State Council holiday year from JSON (as resources/calendars/) or XLSX (columns name, first,
    last; a row named 调休上班 gives a worked weekend day in `first`)."""
    if path.suffix.lower() != ".xlsx":
        return load_calendar_year(path)
    from ..tables import read_table

    rows = read_table(path, {"name": ("节日", "名称"), "first": ("开始", "放假开始"), "last": ("结束", "放假结束")},
                      ("name", "first"))
    holidays, worked = [], []
    try:
        for _, row in rows:
            first = date.fromisoformat(row["first"][:10])
            if row["name"] in ("调休上班", "adjusted_workday"):
                worked.append(first)
            else:
                holidays.append(Holiday(name=row["name"], first=first,
                                        last=date.fromisoformat((row["last"] or row["first"])[:10])))
    except ValueError as exc:
        raise Problem(Code.CALENDAR_INVALID, year=path.stem, detail=str(exc).splitlines()[0]) from None
    if not holidays:
        raise Problem(Code.CALENDAR_INVALID, year=path.stem, detail="no holidays")
    year = CalendarYear(year=holidays[0].first.year, source=path.name, holidays=holidays, adjusted_workdays=worked)
    WorkCalendar.from_years([year])  # every date in its own year, or refused
    return year


def load_calendar(home: Home, path: Path) -> CalendarYear:
    """Keep a validated holiday year with the round (it goes into the package's calendar)."""
    year = read_calendar_file(path)
    if path.suffix.lower() != ".xlsx":
        WorkCalendar.from_years([year])
    with home.store.write(actor(home)) as (session, audit):
        row = session.get(DeskCalendar, year.year)
        body = year.model_dump_json()
        if row is None:
            session.add(DeskCalendar(year=year.year, body=body, source_name=path.name))
        else:
            row.body, row.source_name = body, path.name
        audit.record("load", "desk_calendar", year.year, "source", None, path.name)
    return year


# --- the district's rubrics ---------------------------------------------------------------------------
@dataclass(frozen=True)
class RubricChange:
    """One difference of the district's rubric from the city's template, for the panel's printout."""

    code: str
    what: str  # added | removed | max_points | title | rule | method | step
    city: str
    district: str


def rubric_changes(city, district) -> list[RubricChange]:
    """Item by item: what the district changed (Rubric objects; bonus items and vetoes included)."""
    def items(rubric) -> dict[str, object]:
        found = {i.code: i for i in rubric.scored_items}
        found.update({v.code: v for v in rubric.vetoes})
        return found

    before, after = items(city), items(district)
    changes = [RubricChange(code, "removed", getattr(before[code], "title", ""), "") for code in before if code not in after]
    for code, item in after.items():
        if code not in before:
            changes.append(RubricChange(code, "added", "", item.title))
            continue
        for field in ("title", "max_points", "step", "method", "rule"):
            old, new = getattr(before[code], field, None), getattr(item, field, None)
            if old != new:
                changes.append(RubricChange(code, field, str(old), str(new)))
    return changes


def set_district_rubric(home: Home, rubric, source_name: str) -> None:
    """Use the district's adjusted rubric for its carrier type (already checked: rubric.parse_rubric)."""
    from .records import DeskRubric
    from .rubric_sheet import rubric_json_bytes

    body = rubric_json_bytes(rubric).decode("utf-8")
    with home.store.write(actor(home)) as (session, audit):
        row = session.get(DeskRubric, rubric.carrier_type)
        old = None
        if row is None:
            session.add(DeskRubric(carrier_type=rubric.carrier_type, body=body, source_name=source_name,
                                   imported_at=audit.at))
        else:
            old = json.loads(row.body).get("version")
            row.body, row.source_name, row.imported_at = body, source_name, audit.at
        audit.record("import", "desk_rubric", rubric.carrier_type, "version", old, rubric.version)


def district_rubric(home: Home, carrier_type: str):
    """The rubric the round uses for a carrier type: the district's, else the city's template."""
    from ..rubric import parse_rubric, shipped_rubrics
    from .records import DeskRubric

    with home.store.read() as session:
        row = session.get(DeskRubric, carrier_type)
    return parse_rubric(row.body, f"{carrier_type}.json") if row else shipped_rubrics()[carrier_type]
