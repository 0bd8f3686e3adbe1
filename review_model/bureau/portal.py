"""The applicant list the 广东政务服务网 portal exports, into the desk.

XLSX, or CSV as Chinese Excel and WPS save it (GBK/GB18030), or UTF-8 (with or without BOM), or
Excel's "Unicode text" (UTF-16). The portal's headers are its own: each is mapped once to one of the
package's applicant fields (guessed from the names `package build` accepts, then as the clerk set
it), and the mapping is kept with the round for the next import. Every row is checked as the spec
folder's table is (exchange/package_build.check_applicant_rows): the credit code, duplicates, the
carrier type and the kind of unit; the first bad cell refuses the whole file and nothing changes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..errors import Code, Problem
from ..exchange.package_build import APPLICANT_COLUMNS, check_applicant_rows
from ..home import Home
from ..tables import table_rows
from .desk import actor
from .records import DeskApplicant, DeskMaterial, DeskRound

FIELDS: tuple[str, ...] = tuple(APPLICANT_COLUMNS)
REQUIRED: tuple[str, ...] = ("name", "uscc", "entity_kind", "carrier_type")  # ids are given A01… when absent
# Headers the portal and districts' own lists use, beyond the spec folder's.
PORTAL_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("申报单位名称", "单位全称", "机构名称"),
    "uscc": ("统一社会信用代码（18位）", "社会信用代码", "信用代码"),
    "entity_kind": ("申报主体类型", "单位性质"),
    "carrier_type": ("申报载体类型", "申报事项", "载体名称"),
    "industry": ("所属产业", "产业领域"),
    "address": ("注册地址", "通讯地址", "详细地址"),
    "legal_representative": ("法定代表人（负责人）", "法人代表", "负责人"),
    "contact": ("联系电话", "联系人电话", "手机"),
}


@dataclass(frozen=True)
class PortalTable:
    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # spreadsheet row number, cells
    mapping: dict[str, str]  # header -> field ("" = not read)

    @property
    def missing(self) -> tuple[str, ...]:
        mapped = set(self.mapping.values())
        return tuple(f for f in REQUIRED if f not in mapped)


def _spellings() -> dict[str, str]:
    out = {}
    for field in FIELDS:
        for alias in (field, *APPLICANT_COLUMNS[field], *PORTAL_ALIASES.get(field, ())):
            out[_key(alias)] = field
    return out


def _key(header: str) -> str:
    return "".join(header.split()).lower().replace("(", "（").replace(")", "）")


def read_portal(path: Path, saved: dict[str, str] | None = None) -> PortalTable:
    """The file's header and rows, with the mapping to use: the saved one where it names a header,
    else the guess from the known spellings. Nothing is stored."""
    try:
        data = path.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".csv", ".txt"):
        raw = table_rows(data, path.name)  # UTF-8, GBK/GB18030, UTF-16 "Unicode text", XLSX: tables.py
    else:
        raise Problem(Code.TABLE_INVALID, file=path.name, row=0, column="", reason="format")
    numbered = [(n, tuple(c.strip() for c in r)) for n, r in enumerate(raw, start=1) if any(c.strip() for c in r)]
    if not numbered:
        raise Problem(Code.TABLE_INVALID, file=path.name, row=1, column="", reason="empty")
    header = numbered[0][1]
    spellings = _spellings()
    saved = saved or {}
    mapping = {}
    for cell in header:
        if not cell:
            continue
        field = saved[cell] if cell in saved else spellings.get(_key(cell), "")
        mapping[cell] = field if field in FIELDS else ""
    return PortalTable(path.name, header, tuple(numbered[1:]), mapping)


def saved_mapping(home: Home) -> dict[str, str]:
    with home.store.read() as session:
        row = session.get(DeskRound, 1)
        return json.loads(row.column_mapping) if row else {}


def _rows(table: PortalTable, mapping: dict[str, str], first_id: int) -> list[tuple[int, dict[str, str]]]:
    missing = [f for f in REQUIRED if f not in mapping.values()]
    if missing:
        raise Problem(Code.TABLE_INVALID, file=table.file, row=1, column=missing[0], reason="missing_column")
    rows = []
    for offset, (number, cells) in enumerate(table.rows):
        row = {field: "" for field in FIELDS}
        for header, value in zip(table.header, cells):
            field = mapping.get(header, "")
            if field:  # two columns for one field (联系人, 联系电话) are joined
                row[field] = f"{row[field]} {value}".strip() if row[field] else value
        row["applicant_id"] = row["applicant_id"] or f"A{first_id + offset:02d}"
        rows.append((number, row))
    return rows


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    file: str


def import_applicants(home: Home, path: Path, mapping: dict[str, str] | None = None) -> ImportResult:
    """Import the portal's list: all rows or none. An applicant already on the desk (same credit code)
    is updated in place, so importing a newer export again is safe; new ones get the next ids."""
    with home.store.read() as session:
        if session.get(DeskRound, 1) is None:
            raise Problem(Code.DESK_NO_ROUND)
        existing = {a.uscc: a.applicant_id for a in session.scalars(select(DeskApplicant))}
        taken = {a.applicant_id for a in session.scalars(select(DeskApplicant))}
    table = read_portal(path, saved_mapping(home))
    chosen = {**table.mapping, **(mapping or {})}
    rows = _rows(table, chosen, 1)
    # Ids: an applicant already on the desk keeps its own; new ones continue after the highest.
    next_number = 1 + max((int(i[1:]) for i in taken if i[:1] == "A" and i[1:].isdigit()), default=0)
    id_given = "applicant_id" in chosen.values()
    seen: set[str] = set()
    for number, row in rows:
        code = row["uscc"].strip().upper()
        if code in seen:  # said as what it is, before the ids it decides could clash
            raise Problem(Code.TABLE_INVALID, file=table.file, row=number, column="uscc", reason="duplicate", value=code)
        seen.add(code)
        if code in existing:
            row["applicant_id"] = existing[code]
        elif not id_given:
            row["applicant_id"] = f"A{next_number:02d}"
            next_number += 1
    check_applicant_rows(table.file, rows)
    added = updated = 0
    with home.store.write(actor(home)) as (session, audit):
        desk = session.get(DeskRound, 1)
        position = len(taken)
        for _, row in rows:
            found = session.get(DeskApplicant, row["applicant_id"])
            if found is not None and found.uscc != row["uscc"]:
                raise Problem(Code.TABLE_INVALID, file=table.file, row=0, column="applicant_id", reason="duplicate",
                              value=row["applicant_id"])
            if found is None:
                position += 1
                session.add(DeskApplicant(position=position, **row))
                audit.record("import", "desk_applicant", row["applicant_id"], "uscc", None, row["uscc"])
                added += 1
                continue
            for field in FIELDS:
                if getattr(found, field) != row[field]:
                    audit.record("import", "desk_applicant", row["applicant_id"], field, getattr(found, field), row[field])
                    setattr(found, field, row[field])
            updated += 1
        kept = {h: f for h, f in chosen.items() if f}
        if json.loads(desk.column_mapping) != kept:
            audit.record("set", "desk_round", 1, "column_mapping", desk.column_mapping,
                         json.dumps(kept, ensure_ascii=False, sort_keys=True))
            desk.column_mapping = json.dumps(kept, ensure_ascii=False, sort_keys=True)
    return ImportResult(added, updated, table.file)


def edit_applicant(home: Home, applicant_id: str, field: str, value: str) -> None:
    """One cell of the applicants table, checked as an imported row is."""
    if field not in FIELDS or field == "applicant_id":
        raise Problem(Code.TABLE_INVALID, file="", row=0, column=field, reason="unknown", value=field)
    with home.store.read() as session:
        rows = list(session.scalars(select(DeskApplicant).order_by(DeskApplicant.position)))
    if applicant_id not in {r.applicant_id for r in rows}:
        raise Problem(Code.APPLICANT_UNKNOWN, applicant_id=applicant_id)
    table = [(r.position, {f: (value.strip() if (r.applicant_id == applicant_id and f == field) else getattr(r, f))
                           for f in FIELDS}) for r in rows]
    check_applicant_rows("", table)
    new = next(row[field] for _, row in table if row["applicant_id"] == applicant_id)
    with home.store.write(actor(home)) as (session, audit):
        found = session.get(DeskApplicant, applicant_id)
        if getattr(found, field) != new:
            audit.record("edit", "desk_applicant", applicant_id, field, getattr(found, field), new)
            setattr(found, field, new)


def remove_applicant(home: Home, applicant_id: str) -> None:
    with home.store.write(actor(home)) as (session, audit):
        found = session.get(DeskApplicant, applicant_id)
        if found is None:
            raise Problem(Code.APPLICANT_UNKNOWN, applicant_id=applicant_id)
        for material in session.scalars(select(DeskMaterial).where(DeskMaterial.applicant_id == applicant_id)):
            session.delete(material)
        session.delete(found)
        audit.record("remove", "desk_applicant", applicant_id, "uscc", found.uscc, None)


@dataclass(frozen=True)
class ApplicantRow:
    applicant_id: str
    name: str
    uscc: str
    entity_kind: str
    industry: str
    carrier_type: str
    address: str
    legal_representative: str
    contact: str


def list_applicants(home: Home) -> list[ApplicantRow]:
    """The desk's applicants in import order (plain data, for the table)."""
    with home.store.read() as session:
        rows = list(session.scalars(select(DeskApplicant).order_by(DeskApplicant.position)))
    return [ApplicantRow(*(getattr(r, f) for f in FIELDS)) for r in rows]
