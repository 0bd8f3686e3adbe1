"""The desk's data as a spec folder (docs/formats.md), so that the package is built by the one
package writer, `build_package`, exactly as `package build SPEC_DIR` builds it; and the completeness
check (受理 / 补正) by the same rule, per applicant, for the screen and the notices.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..carriers import shipped_required_materials
from ..errors import Code, Problem
from ..exchange.container import SigningKey
from ..exchange.package_build import CompletenessEntry, assemble_spec, build_package, dossier_completeness
from ..exchange.package_schema import Finding, MaterialEntry
from ..home import Home
from ..progress import Progress, no_progress, scaled
from ..store.sealed import is_sealed
from .desk import INTAKE_FILE, intake_identity_bytes, require_round, round_body
from .portal import FIELDS
from .records import DeskApplicant, DeskCalendar, DeskExpert, DeskMaterial, DeskRubric

if TYPE_CHECKING:
    from ..dossier.scan_quality import ScanFinding


def _place(home: Home, digest: str, target: Path) -> None:
    """The blob at `target`: a hard link where the file system allows (no copy of a large dossier)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source = home.blobs.path(digest)
    if is_sealed(source):  # the package's dossiers leave the home: their plaintext, not the home's sealed form
        target.write_bytes(home.blobs.read(digest))
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _dossier_folder(home: Home, folder: Path, materials: list[DeskMaterial]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    required = {m.material for m in materials if m.material}
    used: set[str] = set()
    for m in materials:
        if m.material:
            name = f"{m.material}.pdf"
        else:  # an extra file keeps its own name, so package build reports it as extra under that name
            name = m.source_name.replace("/", "_") + (".pdf" if "#" in m.source_name else "")
            while name in used or Path(name).stem in required:
                name = f"_{name}"
        used.add(name)
        _place(home, m.sha256, folder / name)


def write_spec(home: Home, spec: Path, *, with_experts: bool = True) -> None:
    """Write the desk as a spec folder at `spec` (which must not exist or be empty)."""
    body = round_body(home)
    if body is None:
        raise Problem(Code.DESK_NO_ROUND)
    spec.mkdir(parents=True, exist_ok=True)
    (spec / "round.json").write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    intake_key = intake_identity_bytes(body)
    if intake_key is not None:  # round.json names it; package build carries its key, signed
        (spec / INTAKE_FILE).write_bytes(intake_key)
    with home.store.read() as session:
        applicants = list(session.scalars(select(DeskApplicant).order_by(DeskApplicant.position)))
        experts = list(session.scalars(select(DeskExpert).order_by(DeskExpert.position)))
        materials = list(session.scalars(select(DeskMaterial).order_by(DeskMaterial.id)))
        rubrics = list(session.scalars(select(DeskRubric)))
        calendars = list(session.scalars(select(DeskCalendar)))
    with open(spec / "applicants.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        for a in applicants:
            writer.writerow([getattr(a, f) for f in FIELDS])
    if with_experts:
        (spec / "identities").mkdir(exist_ok=True)
        with open(spec / "experts.csv", "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["expert_id", "name", "role", "organisation", "title", "identity_file", "applicants"])
            for e in experts:
                assigned = json.loads(e.applicants)
                (spec / "identities" / f"{e.expert_id}.pub").write_bytes(e.identity)
                writer.writerow([e.expert_id, e.name, e.role, e.organisation, e.title, f"{e.expert_id}.pub",
                                 "*" if assigned == "*" else " ".join(assigned)])
    for a in applicants:
        _dossier_folder(home, spec / "dossiers" / a.applicant_id, [m for m in materials if m.applicant_id == a.applicant_id])
    if rubrics:
        (spec / "rubrics").mkdir(exist_ok=True)
        for r in rubrics:
            (spec / "rubrics" / f"{r.carrier_type}.json").write_text(r.body, encoding="utf-8")
    if calendars:
        (spec / "calendars").mkdir(exist_ok=True)
        for c in calendars:
            (spec / "calendars" / f"{c.year}.json").write_text(c.body, encoding="utf-8")


def _ready(home: Home) -> None:
    """What a package needs before building is worth trying: applicants, a chair, members."""
    with home.store.read() as session:
        applicants = session.scalars(select(DeskApplicant.applicant_id)).first()
        roles = [e.role for e in session.scalars(select(DeskExpert))]
    if applicants is None:
        raise Problem(Code.DESK_NOT_READY, missing="applicants")
    if "chair" not in roles:
        raise Problem(Code.DESK_NOT_READY, missing="chair")
    if "member" not in roles:
        raise Problem(Code.DESK_NOT_READY, missing="members")


def build_from_desk(home: Home, out: Path, key: SigningKey, progress: Progress = no_progress,
                    ocr: bool = False) -> tuple[list[CompletenessEntry], str]:
    """Write the desk as a spec folder in staging and build the signed package from it. The staging
    folder is removed whatever happens; `out` is written only when everything is accepted."""
    require_round(home)
    _ready(home)
    staging = home.staging_dir()
    try:
        spec = staging / "spec"
        write_spec(home, spec)
        progress(5, 100)
        return build_package(spec, out, key, scaled(progress, 5, 95), ocr=ocr)  # ocr: as package build --ocr
    finally:
        home.clear_staging(staging)


@dataclass(frozen=True)
class Completeness:
    applicant_id: str
    name: str
    carrier_type: str
    acceptance: str  # accepted | correction
    materials: tuple[MaterialEntry, ...]
    findings: tuple[Finding, ...]
    scans: tuple[ScanFinding, ...] = ()  # unfit scanned pages, per material and page


def completeness(home: Home, progress: Progress = no_progress, *, scans: bool = True) -> list[Completeness]:
    """受理 / 补正 per applicant, by the rule `package build` applies (dossier_completeness).
    `scans=False`: the files only, at once (scanned pages are judged page by page, which takes a
    while the first time); `progress(done, total)` per applicant may raise to cancel."""
    round_file = require_round(home)
    staging = home.staging_dir()
    try:
        spec = staging / "spec"
        write_spec(home, spec, with_experts=False)
        with home.store.read() as session:
            applicants = list(session.scalars(select(DeskApplicant).order_by(DeskApplicant.position)))
        required = {**shipped_required_materials(), **round_file.required_materials}
        out = []
        for index, a in enumerate(applicants):
            unfit: list[ScanFinding] = []
            entries, findings = dossier_completeness(spec / "dossiers" / a.applicant_id, a.applicant_id,
                                                     list(required[a.carrier_type]), unfit if scans else None)
            out.append(Completeness(a.applicant_id, a.name, a.carrier_type,
                                    "correction" if findings or unfit else "accepted", tuple(entries), tuple(findings),
                                    tuple(unfit)))
            progress(index + 1, len(applicants))
        return out
    finally:
        home.clear_staging(staging)


def check_spec(spec: Path):
    """A spec folder's completeness without building (for `bureau notices`)."""
    return assemble_spec(spec)
