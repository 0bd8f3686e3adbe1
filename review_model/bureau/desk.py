"""The round on the bureau's desk: set up from the city's template, saved field by field with its
audit rows, checked as the package will hold it (exchange/package_build.round_from_raw), and the
calendar years the clerk loads for a year the app does not ship.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import select

from ..calendar import CalendarYear, Holiday, shipped_calendar
from ..carriers import CARRIER_TYPES
from ..chair.compile import default_publicity_start, round_calendar
from ..chair.ranking import PublicityWindow, publicity_window
from ..errors import Code, Problem
from ..exchange.package_build import certificate_sha256, round_from_raw
from ..exchange.package_schema import IntakeRef, RoundFile
from ..home import Home
from ..identity import IDENTITY_FORMAT, get_identity, parse_public_identity
from ..policy import AggregationPolicy
from ..rubric import parse_rubric, shipped_rubrics
from ..tables import read_table
from .records import DeskCalendar, DeskRound, DeskRubric
from .rubric_sheet import rubric_json_bytes

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
    """The round as the package will hold it; refuses what `package build` refuses. A year without
    calendar data is refused with the desk's way out: load the State Council's list for it."""
    try:
        return round_from_raw(raw, desk_calendar_years(home))
    except Problem as problem:
        if problem.code == Code.CALENDAR_YEAR_MISSING:
            raise Problem(Code.DESK_CALENDAR_MISSING, year=problem.params["year"]) from None
        raise


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
@dataclass(frozen=True)
class CalendarData:
    """A year the round can count working days in: shipped with the app, or loaded by the clerk."""

    year: int
    source: str  # the State Council's notice, as the file names it
    loaded_from: str  # the file the clerk loaded; "" = shipped with the app


def round_calendar_years(home: Home) -> list[CalendarData]:
    """Every year with calendar data for this round, in order (a loaded year replaces a shipped one)."""
    years = {y.year: CalendarData(y.year, y.source, "") for y in shipped_calendar().years.values()}
    with home.store.read() as session:
        for row in session.scalars(select(DeskCalendar)):
            loaded = CalendarYear.model_validate_json(row.body)
            years[loaded.year] = CalendarData(loaded.year, loaded.source, row.source_name)
    return [years[y] for y in sorted(years)]


def _calendar_refused(path: Path, where: str, reason: str, row: int | None = None) -> Problem:
    return Problem(Code.CALENDAR_FILE_INVALID, file=path.name, where=where, reason=reason, row=row)


def _read_calendar_json(path: Path) -> CalendarYear:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
    except ValueError:  # not UTF-8, or not JSON at all
        raise _calendar_refused(path, "", "not_json") from None
    try:
        return CalendarYear.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        kind = error["type"]
        reason = ("missing_field" if kind == "missing" else "unknown_field" if kind == "extra_forbidden" else
                  "not_a_date" if "date" in kind else "not_a_number" if "int" in kind else "shape")
        raise _calendar_refused(path, ".".join(str(p) for p in error["loc"]), reason) from None


def _read_calendar_xlsx(path: Path) -> CalendarYear:

    rows = read_table(path, {"name": ("节日", "名称"), "first": ("开始", "放假开始"), "last": ("结束", "放假结束")},
                      ("name", "first"))
    holidays, worked = [], []
    for number, row in rows:
        try:
            first = date.fromisoformat(row["first"][:10])
            last = date.fromisoformat((row["last"] or row["first"])[:10])
        except ValueError:
            raise _calendar_refused(path, "", "not_a_date", row=number) from None
        if row["name"] in ("调休上班", "adjusted_workday"):
            worked.append(first)
        else:
            holidays.append(Holiday(name=row["name"], first=first, last=last))
    if not holidays:
        raise _calendar_refused(path, "", "no_holidays")
    return CalendarYear(year=holidays[0].first.year, source=path.stem, holidays=holidays, adjusted_workdays=worked)


def read_calendar_file(path: Path) -> CalendarYear:
    """A State Council holiday year from JSON (as resources/calendars/) or XLSX (columns 名称, 开始,
    结束; a row named 调休上班 gives a worked weekend day in 开始), checked day by day: every holiday
    ends on or after its first day, and every date lies in the year the file is for."""
    year = _read_calendar_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_calendar_json(path)
    if not year.holidays:
        raise _calendar_refused(path, "holidays", "no_holidays")
    for holiday in year.holidays:
        if holiday.last < holiday.first:
            raise _calendar_refused(path, holiday.name, "ends_before_start")
    for day in [d for h in year.holidays for d in (h.first, h.last)] + list(year.adjusted_workdays):
        if day.year != year.year:
            raise _calendar_refused(path, day.isoformat(), "other_year")
    return year


def load_calendar(home: Home, path: Path) -> CalendarYear:
    """Keep a validated holiday year with the round (it goes into the package's calendar)."""
    year = read_calendar_file(path)
    with home.store.write(actor(home)) as (session, audit):
        row = session.get(DeskCalendar, year.year)
        body = year.model_dump_json()
        old = None
        if row is None:
            session.add(DeskCalendar(year=year.year, body=body, source_name=path.name))
        else:
            old = row.source_name
            row.body, row.source_name = body, path.name
        audit.record("load", "desk_calendar", year.year, "source", old, path.name)
    return year


# --- the aggregation policy ----------------------------------------------------------------------------
POLICY_FIELDS = tuple(AggregationPolicy.model_fields)


def round_policy(home: Home) -> AggregationPolicy:
    body = round_body(home)
    if body is None:
        raise Problem(Code.DESK_NO_ROUND)
    return AggregationPolicy.model_validate(body.get("policy") or {})


def set_policy(home: Home, **changes: object) -> AggregationPolicy:
    """Change one or more choices of the round's aggregation policy, saved at once with its audit row.
    Refused (nothing changed): a value the policy does not allow, a share for 畸高畸低 outside 0–100 %,
    a tie-break section no rubric of the round has."""
    body = round_body(home)
    if body is None:
        raise Problem(Code.DESK_NO_ROUND)
    unknown = [f for f in changes if f not in POLICY_FIELDS]
    if unknown:
        raise Problem(Code.POLICY_INVALID, field=unknown[0], value="")
    merged = {**(body.get("policy") or {}), **{k: (str(v) if isinstance(v, Decimal) else v) for k, v in changes.items()}}
    try:
        policy = AggregationPolicy.model_validate(merged)
    except ValidationError as exc:
        field = str(exc.errors()[0]["loc"][0])
        raise Problem(Code.POLICY_INVALID, field=field, value=str(merged.get(field))) from None
    if not Decimal("0") < policy.abnormal_ratio < Decimal("1"):
        raise Problem(Code.POLICY_INVALID, field="abnormal_ratio", value=str(policy.abnormal_ratio))
    if policy.min_score < 0:
        raise Problem(Code.POLICY_INVALID, field="min_score", value=str(policy.min_score))
    if policy.tie_rule == "section_then_shared" and policy.tie_section not in dict(tie_sections(home)):
        raise Problem(Code.POLICY_INVALID, field="tie_section", value=policy.tie_section or "")
    save_round(home, {**body, "policy": json.loads(policy.model_dump_json())})
    return policy


def tie_sections(home: Home) -> list[tuple[str, str]]:
    """The sections (一级指标) a tie can be broken by: codes every carrier type's rubric has, each with
    the words the panel reads: its title where all carrier types name it alike, else 一级指标S2."""

    rubrics = [district_rubric(home, t) for t in CARRIER_TYPES]
    codes = [s.code for s in rubrics[0].sections if all(s.code in {x.code for x in r.sections} for r in rubrics)]
    out = []
    for code in codes:
        titles = list(dict.fromkeys(s.title for r in rubrics for s in r.sections if s.code == code))
        out.append((code, titles[0] if len(titles) == 1 else f"一级指标{code}"))
    return out


# --- the intake service the package names ----------------------------------------------------------------
INTAKE_FILE = "intake.pub"  # the name the package gives the intake's receipt key


@dataclass(frozen=True)
class IntakeSettings:
    url: str
    fingerprint: str  # of the intake's receipt key
    tls_sha256: str  # "" = no pin: the certificate must then be trusted by the system


def round_intake(home: Home) -> IntakeSettings | None:
    body = round_body(home) or {}
    intake = body.get("intake")
    if not intake:
        return None
    return IntakeSettings(intake["url"], intake.get("fingerprint", ""), intake.get("tls_sha256", ""))


def set_intake(home: Home, url: str, identity: Path | None = None, certificate: Path | None = None, *,
               unpin: bool = False) -> IntakeSettings | None:
    """Name the intake the experts' outboxes send to, as `package build` puts it into the package:
    its address, its receipt key (the file `reviewdesk intake key -o` writes; kept from before when
    not given) and, optionally, the pin of its TLS certificate (the PEM file `intake serve --tls-cert`
    serves, as `package build --intake-cert` pins it). An empty address removes the intake."""

    body = round_body(home)
    if body is None:
        raise Problem(Code.DESK_NO_ROUND)
    url = url.strip()
    if not url:
        save_round(home, {**body, "intake": None})
        return None
    old = body.get("intake") or {}
    if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", url):
        raise Problem(Code.DESK_INTAKE_URL_INVALID, url=url)
    key = {k: old.get(k, "") for k in ("public_key_pem", "fingerprint")}
    if identity is not None:
        try:
            data = identity.read_bytes()
        except OSError:
            raise Problem(Code.FILE_UNREADABLE, path=str(identity)) from None
        found = parse_public_identity(data, identity.name)
        if found.role != "intake":
            raise Problem(Code.DESK_INTAKE_KEY_INVALID, file=identity.name, role=found.role)
        key = {"public_key_pem": found.public_key_pem, "fingerprint": found.fingerprint}
    if not key["public_key_pem"]:
        raise Problem(Code.DESK_INTAKE_KEY_MISSING)
    pin = "" if unpin else old.get("tls_sha256", "")
    if certificate is not None:
        try:
            pin = certificate_sha256(certificate)
        except Problem as problem:
            if problem.code == Code.SPEC_INVALID:
                raise Problem(Code.DESK_INTAKE_CERT_INVALID, file=certificate.name) from None
            raise
    if pin and not url.startswith("https://"):
        raise Problem(Code.DESK_INTAKE_PIN_NEEDS_HTTPS, url=url)
    intake = IntakeRef(url=url, identity_file=INTAKE_FILE, tls_sha256=pin, **key)
    save_round(home, {**body, "intake": intake.model_dump(mode="json")})
    return round_intake(home)


def intake_identity_bytes(round_body_: dict) -> bytes | None:
    """The intake's receipt key as a public identity file for the spec folder, made from what the round
    keeps of it (key and fingerprint: all the package carries of that file)."""

    intake = round_body_.get("intake")
    if not intake or not intake.get("public_key_pem"):
        return None
    return json.dumps({"format": IDENTITY_FORMAT, "format_version": 1, "name": "受理服务", "role": "intake",
                       "public_key_pem": intake["public_key_pem"], "fingerprint": intake["fingerprint"],
                       "created_at": "2000-01-01T00:00:00+00:00"}, ensure_ascii=False, indent=2).encode("utf-8")


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

    with home.store.read() as session:
        row = session.get(DeskRubric, carrier_type)
    return parse_rubric(row.body, f"{carrier_type}.json") if row else shipped_rubrics()[carrier_type]
