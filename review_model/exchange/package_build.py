"""The bureau builds a review package from a spec folder (documented in docs/formats.md):

    spec/round.json                      the round (calendar, rubrics, materials default to resources/)
    spec/applicants.csv|.xlsx            one row per applicant
    spec/experts.csv|.xlsx               one row per expert, with the name of their identity file
    spec/identities/*.pub                the experts' public identity files
    spec/dossiers/<applicant_id>/<material name>.pdf
    spec/rubrics/<carrier_type>.json     optional: the district's adjusted rubric
    spec/calendars/<year>.json           optional: calendar years not shipped with the app

Every dossier is checked against its carrier type's required materials; the completeness report
says 受理 (accepted) or 补正 (correction) per applicant and why.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..calendar import CalendarYear, load_calendar_year, shipped_calendar
from ..carriers import CARRIER_TYPES, ENTITY_KIND_NAMES, OFFICIAL_NAMES, shipped_required_materials
from ..errors import Code, Problem
from ..identity import parse_public_identity
from ..pdfcheck import inspect_pdf
from ..progress import no_progress, scaled
from ..rubric import load_rubric, shipped_rubrics
from ..tables import read_table
from ..uscc import uscc_problem
from .container import SigningKey, write_container
from .package_schema import APPLICANT_ID, ApplicantEntry, ExpertEntry, Finding, IntakeRef, MaterialEntry, RoundFile

if TYPE_CHECKING:  # numpy loads only when dossiers are checked, not when the CLI or the app starts
    from ..dossier.scan_quality import ScanFinding

APPLICANT_COLUMNS = {
    "applicant_id": ("编号", "申报编号"), "name": ("申报单位", "单位名称"), "uscc": ("统一社会信用代码",),
    "entity_kind": ("单位类型", "主体类型"), "industry": ("所属行业", "行业"), "carrier_type": ("载体类型", "申报类型"),
    "address": ("地址", "单位地址"), "legal_representative": ("法定代表人",), "contact": ("联系人", "联系方式"),
}
EXPERT_COLUMNS = {
    "expert_id": ("编号", "专家编号"), "name": ("姓名",), "role": ("角色",), "organisation": ("工作单位", "单位"),
    "title": ("职称", "职务"), "identity_file": ("身份文件", "公钥文件"), "applicants": ("评审对象", "分配"),
}
ROLE_NAMES = {"member": "member", "成员": "member", "专家": "member", "chair": "chair", "组长": "chair"}


@dataclass(frozen=True)
class CompletenessEntry:
    applicant_id: str
    name: str
    carrier_type: str
    acceptance: str  # accepted | correction
    findings: tuple[Finding, ...]
    scans: tuple[ScanFinding, ...] = ()  # unfit scanned pages (too coarse, blank, skewed): also 补正


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _bad_row(file: str, row: int, column: str, reason: str, value: str = "") -> Problem:
    return Problem(Code.TABLE_INVALID, file=file, row=row, column=column, reason=reason, value=value)


def _table(spec: Path, stem: str) -> Path:
    for suffix in (".xlsx", ".csv"):
        if (spec / f"{stem}{suffix}").exists():
            return spec / f"{stem}{suffix}"
    raise Problem(Code.SPEC_FILE_MISSING, file=f"{stem}.csv / {stem}.xlsx")


def _round(spec: Path, intake_cert: Path | None = None) -> RoundFile:
    path = spec / "round.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise Problem(Code.SPEC_FILE_MISSING, file="round.json") from None
    except (ValueError, OSError) as exc:
        raise Problem(Code.SPEC_INVALID, file="round.json", detail=str(exc)) from None
    extra_years = [load_calendar_year(p) for p in sorted((spec / "calendars").glob("*.json"))]
    return _with_intake_key(round_from_raw(raw, extra_years), spec, intake_cert)


def certificate_sha256(path: Path) -> str:
    """The pin of a TLS certificate (PEM file, as `intake serve --tls-cert` takes it): SHA-256 of its DER."""
    import ssl  # only for building with --intake-cert

    try:
        der = ssl.PEM_cert_to_DER_cert(path.read_text(encoding="ascii"))
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
    except ValueError:  # not ASCII, or no CERTIFICATE block
        raise Problem(Code.SPEC_INVALID, file=path.name, detail="not a PEM certificate") from None
    return hashlib.sha256(der).hexdigest()


def _with_intake_key(round_file: RoundFile, spec: Path, intake_cert: Path | None = None) -> RoundFile:
    """The package carries the intake's receipt key, signed by the bureau (round.json names its file),
    and the pin of its TLS certificate when `intake_cert` is given (instead of round.json's)."""
    if round_file.intake is None:
        if intake_cert is not None:
            raise Problem(Code.SPEC_INVALID, file="round.json", detail="intake: needed to pin a certificate")
        return round_file
    if intake_cert is not None:
        try:  # validated again: a pin needs an https:// url
            pinned = IntakeRef.model_validate({**round_file.intake.model_dump(),
                                               "tls_sha256": certificate_sha256(intake_cert)})
        except ValidationError as exc:
            raise Problem(Code.SPEC_INVALID, file="round.json", detail=f"intake: {exc.errors()[0]['msg']}") from None
        round_file = round_file.model_copy(update={"intake": pinned})
    name = round_file.intake.identity_file
    path = next((p for p in (spec / name, spec / "identities" / name) if p.is_file()), None)
    if path is None:
        raise Problem(Code.SPEC_FILE_MISSING, file=name)
    identity = parse_public_identity(path.read_bytes(), name)
    if identity.role != "intake":
        raise Problem(Code.IDENTITY_FILE_INVALID, file=name, detail=f"role {identity.role}")
    return round_file.model_copy(update={"intake": round_file.intake.model_copy(
        update={"public_key_pem": identity.public_key_pem, "fingerprint": identity.fingerprint})})


def round_from_raw(raw: dict, extra_years: list[CalendarYear] = ()) -> RoundFile:
    """round.json's content checked as a package will hold it (the bureau's desk checks its round
    here too): the shipped calendar plus `extra_years`, the shipped material lists, no rubric pins yet."""
    if not isinstance(raw, dict):
        raise Problem(Code.SPEC_INVALID, file="round.json", detail="not an object")
    raw = dict(raw)
    calendar = shipped_calendar()
    years = {y.year: y for y in [*calendar.years.values(), *extra_years]}
    raw.setdefault("calendar", [y.model_dump(mode="json") for y in years.values()])
    raw.setdefault("required_materials", shipped_required_materials())
    raw["rubrics"] = {}
    try:
        round_file = RoundFile.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise Problem(Code.SPEC_INVALID, file="round.json",
                      detail=f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None
    if round_file.year not in years:
        raise Problem(Code.CALENDAR_YEAR_MISSING, year=round_file.year)
    return round_file


def _rubric_bytes(spec: Path, needed: set[str]) -> dict[str, bytes]:
    shipped = shipped_rubrics()
    out: dict[str, bytes] = {}
    for carrier_type in sorted(needed):
        override = spec / "rubrics" / f"{carrier_type}.json"
        if override.exists():
            rubric = load_rubric(override)  # refuses a bad file with its name, item and reason
            if rubric.carrier_type != carrier_type:
                raise Problem(Code.RUBRIC_INVALID, file=override.name, item="carrier_type", reason="shape", detail="")
            out[carrier_type] = override.read_bytes()
        else:
            import resources  # the shipped files, outside the domain package: needed only without the bureau's own

            path = resources.path("rubrics", f"{carrier_type}.json")
            if carrier_type not in shipped:
                raise Problem(Code.SPEC_FILE_MISSING, file=f"rubrics/{carrier_type}.json")
            out[carrier_type] = path.read_bytes()
    return out


def _code_for(value: str, names: dict[str, str]) -> str | None:
    if value in names:
        return value
    return next((code for code, name in names.items() if name == value), None)


def _applicants(spec: Path) -> list[tuple[int, dict[str, str]]]:
    path = _table(spec, "applicants")
    rows = read_table(path, APPLICANT_COLUMNS, ("applicant_id", "name", "uscc", "entity_kind", "carrier_type"))
    return check_applicant_rows(path.name, rows)


def check_applicant_rows(file: str, rows: list[tuple[int, dict[str, str]]]) -> list[tuple[int, dict[str, str]]]:
    """Every applicant row's id, credit code (GB 32100), carrier type and kind, and no id or code
    twice; codes and names normalised in place. The first bad cell is refused with its row and column
    (the spec folder's table and the bureau desk's portal import alike)."""
    seen_ids: dict[str, int] = {}
    seen_uscc: dict[str, int] = {}
    for number, row in rows:
        if not re.fullmatch(APPLICANT_ID[1:-1], row["applicant_id"]):
            raise _bad_row(file, number, "applicant_id", "format", row["applicant_id"])
        row["uscc"] = row["uscc"].upper()
        reason = uscc_problem(row["uscc"])
        if reason:
            raise _bad_row(file, number, "uscc", f"uscc_{reason}", row["uscc"])
        for column, seen in (("applicant_id", seen_ids), ("uscc", seen_uscc)):
            if row[column] in seen:
                raise _bad_row(file, number, column, "duplicate", row[column])
            seen[row[column]] = number
        carrier = _code_for(row["carrier_type"], OFFICIAL_NAMES)
        if carrier not in CARRIER_TYPES:
            raise _bad_row(file, number, "carrier_type", "unknown", row["carrier_type"])
        row["carrier_type"] = carrier
        kind = _code_for(row["entity_kind"], ENTITY_KIND_NAMES)
        if kind is None:
            raise _bad_row(file, number, "entity_kind", "unknown", row["entity_kind"])
        row["entity_kind"] = kind
        if not row["name"]:
            raise _bad_row(file, number, "name", "empty")
    return rows


def _experts(spec: Path, applicant_ids: list[str]) -> list[ExpertEntry]:
    path = _table(spec, "experts")
    rows = read_table(path, EXPERT_COLUMNS, ("expert_id", "name", "role", "identity_file", "applicants"))
    experts = []
    for number, row in rows:
        role = ROLE_NAMES.get(row["role"].lower())
        if role is None:
            raise _bad_row(path.name, number, "role", "unknown", row["role"])
        identity_path = spec / "identities" / row["identity_file"]
        if not row["identity_file"] or not identity_path.is_file():
            raise _bad_row(path.name, number, "identity_file", "missing_file", row["identity_file"])
        identity = parse_public_identity(identity_path.read_bytes(), row["identity_file"])
        wanted = [a for a in re.split(r"[\s,，、;；]+", row["applicants"]) if a]
        if wanted in (["*"], ["全部"]):
            wanted = list(applicant_ids)
        unknown = [a for a in wanted if a not in applicant_ids]
        if unknown:
            raise _bad_row(path.name, number, "applicants", "unknown", unknown[0])
        try:
            experts.append(ExpertEntry(
                expert_id=row["expert_id"], name=row["name"], role=role, organisation=row["organisation"],
                title=row["title"], public_key_pem=identity.public_key_pem, fingerprint=identity.fingerprint,
                applicants=wanted,
            ))
        except ValidationError:
            raise _bad_row(path.name, number, "expert_id", "format", row["expert_id"]) from None
    return experts


def _dossier(folder: Path, applicant_id: str, materials: list[str], members: dict[str, bytes],
             sources: dict[str, str] | None = None,
             scans: list[ScanFinding] | None = None) -> tuple[list[MaterialEntry], list[Finding]]:
    files = {_nfc(p.stem): p for p in sorted(folder.glob("*")) if p.is_file()} if folder.is_dir() else {}
    entries, findings = [], []
    for position, material in enumerate(materials, start=1):
        path = files.pop(_nfc(material), None)
        if path is None or path.suffix.lower() != ".pdf":
            if path is not None:
                files[path.name] = path  # a same-named file that is not a PDF is an extra file
            findings.append(Finding(material=material, problem="missing"))
            entries.append(MaterialEntry(position=position, name=material, status="missing"))
            continue
        data = path.read_bytes()
        state = inspect_pdf(data)
        if state.status in ("unreadable", "empty"):
            findings.append(Finding(material=material, problem=state.status))
            entries.append(MaterialEntry(position=position, name=material, status="missing"))
            continue
        if state.status == "encrypted":
            findings.append(Finding(material=material, problem="encrypted"))
        elif scans is not None:
            # numpy and a page render: only where scans are judged
            from ..dossier.scan_quality import material_scans

            scans.extend(material_scans(material, data))
        member = f"dossiers/{applicant_id}/m{position:02d}.pdf"
        members[member] = data
        if sources is not None:
            sources[member] = path.name
        entries.append(MaterialEntry(position=position, name=material, status=state.status, member=member,
                                     sha256=hashlib.sha256(data).hexdigest(), size=len(data), pages=state.pages))
    findings.extend(Finding(material=path.name, problem="extra") for path in files.values())
    return entries, findings


@dataclass(frozen=True)
class Assembled:
    """A spec folder checked and turned into the package's members, not yet signed or written."""

    round: RoundFile
    applicants: tuple[ApplicantEntry, ...]
    report: tuple[CompletenessEntry, ...]
    members: dict[str, bytes]
    sources: dict[str, str] = field(default_factory=dict)  # dossier member → its file's name in the applicant's folder


def assemble_spec(spec: Path, progress: Callable[[int, int], None] | None = None,
                  intake_cert: Path | None = None) -> Assembled:
    """Check the spec folder completely (every refusal as in `build_package`) and return the members
    the package would hold; nothing is written (`bureau notices` reads the completeness from here)."""
    if not spec.is_dir():
        raise Problem(Code.SPEC_FILE_MISSING, file=str(spec))
    round_file = _round(spec, intake_cert)
    rows = _applicants(spec)
    applicant_ids = [row["applicant_id"] for _, row in rows]
    experts = _experts(spec, applicant_ids)
    needed = {row["carrier_type"] for _, row in rows}
    rubric_bytes = _rubric_bytes(spec, needed)
    members: dict[str, bytes] = {f"rubrics/{t}.json": data for t, data in rubric_bytes.items()}
    pins = {}
    for carrier_type, data in rubric_bytes.items():
        rubric = json.loads(data)
        pins[carrier_type] = {"rubric_id": rubric["rubric_id"], "version": rubric["version"],
                              "sha256": hashlib.sha256(data).hexdigest()}
    missing_lists = needed - set(round_file.required_materials)
    if missing_lists:
        raise Problem(Code.SPEC_INVALID, file="round.json", detail=f"required_materials.{sorted(missing_lists)[0]}")
    applicants, report = [], []
    sources: dict[str, str] = {}
    for index, (_, row) in enumerate(rows):
        scans: list[ScanFinding] = []
        materials, findings = _dossier(spec / "dossiers" / row["applicant_id"], row["applicant_id"],
                                       round_file.required_materials[row["carrier_type"]], members, sources, scans)
        # Unfit scans make it 补正 too; the package's findings keep their five kinds (docs/formats.md).
        acceptance = "correction" if findings or scans else "accepted"
        applicants.append(ApplicantEntry(**row, acceptance=acceptance, findings=findings, materials=materials))
        report.append(CompletenessEntry(row["applicant_id"], row["name"], row["carrier_type"], acceptance, tuple(findings),
                                        tuple(scans)))
        if progress:
            progress(index + 1, len(rows))
    round_json = round_file.model_dump(mode="json", by_alias=True)
    round_json["rubrics"] = pins
    if round_json.get("intake") is None:
        round_json.pop("intake", None)  # a package without an intake is byte for byte as before
    elif not round_json["intake"]["tls_sha256"]:
        del round_json["intake"]["tls_sha256"]  # nor one without a pin (older apps refuse unknown fields)
    members["round.json"] = _json(round_json)
    members["applicants.json"] = _json({"schema": "reviewdesk-applicants/1",
                                        "applicants": [a.model_dump(mode="json") for a in applicants]})
    members["experts.json"] = _json({"schema": "reviewdesk-experts/1",
                                     "experts": [e.model_dump(mode="json") for e in experts]})
    return Assembled(round_file, tuple(applicants), tuple(report), members, sources)


def dossier_completeness(folder: Path, applicant_id: str, materials: list[str],
                         scans: list[ScanFinding] | None = None) -> tuple[list[MaterialEntry], list[Finding]]:
    """The completeness check of one applicant's dossier folder, as `build_package` makes it
    (unfit scanned pages appended to `scans` when given)."""
    return _dossier(folder, applicant_id, materials, {}, scans=scans)


def build_package(spec: Path, out: Path, key: SigningKey, progress: Callable[[int, int], None] | None = None,
                  intake_cert: Path | None = None, *, ocr: bool = False, stop: threading.Event | None = None,
                  ocr_report: list | None = None) -> tuple[list[CompletenessEntry], str]:
    """Check the spec folder, write the signed package to `out`; return the completeness report and
    the package hash. Nothing is written if any input is refused. `intake_cert`: the intake's TLS
    certificate, pinned in the package (SPEC_DIR's round.json may give the pin itself instead).

    With `ocr`, every scanned page of the shipped dossiers is OCRed here and the results ship as
    ocr/<sha256>.json members (dossier/ocr_package.py); the checks then take the first tenth of
    `progress`, the OCR the rest. Cancelling (`progress` raising CANCELLED, or `stop` set, which
    cuts a page short) writes nothing. The OCR's PackageOcrReport is appended to `ocr_report`."""
    if not ocr:
        assembled = assemble_spec(spec, progress, intake_cert)
        digest = write_container(out, "package", assembled.round.round_id, assembled.members, key)
        return list(assembled.report), digest
    # the OCR worker's client (and pydantic's result schema): only for package build --ocr
    from ..dossier.ocr_package import ocr_members

    overall = progress or no_progress
    assembled = assemble_spec(spec, scaled(overall, 0, 10), intake_cert)
    files = [(m.sha256, str(spec / "dossiers" / a.applicant_id / source), assembled.members[m.member])
             for a in assembled.applicants for m in a.materials
             if m.member and m.status == "ok" and (source := assembled.sources.get(m.member))]
    members, report = ocr_members(files, scaled(overall, 10, 90), stop)
    if ocr_report is not None:
        ocr_report.append(report)
    digest = write_container(out, "package", assembled.round.round_id, {**assembled.members, **members}, key)
    return list(assembled.report), digest


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
