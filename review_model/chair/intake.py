"""The chair's intake: return bundles (.rvret) verified against the round's package and kept.

`import_returns(home, package, paths)` takes many files (or folders of them) at once. Each is read
with `read_return_bundle` against the package; the outcome per file is `imported`, `already` (the
same bundle was imported before: nothing changes) or `invalid` with the first reason. An invalid
bundle imports nothing and is not stored: it is listed in the report only, so a refusal leaves the
home exactly as it was. All files are verified before anything is written; the accepted ones are
then stored in one transaction (a cancel during verification changes nothing).

Which revision counts, per assignment (expert × applicant), from everything received:
- the expert's newest bundle (by the time the expert exported it) says which applicants are
  conflicts (回避): its newest declaration per applicant counts;
- otherwise the highest signed revision received counts (a newer bundle supersedes the older
  revisions; they stay in the history);
- no sheet at all: missing.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from ..errors import Code, Problem
from ..exchange.container import OpenedContainer
from ..exchange.package import Package, open_package
from ..home import Home
from ..identity import require_identity
from ..imported_round import my_expert, round_info
from ..progress import Progress, no_progress
from ..signing.bundle import ReturnBundle, read_return_bundle
from ..store.models import Applicant, Assignment, ChairBundle, ChairSheet, Expert
from ..store.sealed import read_kept_file
from .states import BundleStatus, SheetStatus

BUNDLE_SUFFIX = ".rvret"


@dataclass(frozen=True)
class Chair:
    """This home's identity as the chair of the imported round."""

    expert_id: str
    name: str
    fingerprint: str
    round_id: str
    package_sha256: str


def require_chair(home: Home) -> Chair:
    identity = require_identity(home)
    info = round_info(home)
    if info is None:
        raise Problem(Code.NO_ROUND)
    with home.store.read() as session:
        expert = my_expert(session, identity)
        if expert is None or expert.role != "chair":
            raise Problem(Code.NOT_CHAIR, name=identity.name)
        return Chair(expert.expert_id, expert.name, expert.fingerprint, info.round_id, info.package_sha256)


def check_package(home: Home, package: Package | OpenedContainer) -> Chair:
    """The package must be the very one imported in this (chair's) home."""
    chair = require_chair(home)
    container = package.container if isinstance(package, Package) else package
    if container.manifest.round_id != chair.round_id:
        raise Problem(Code.OTHER_ROUND, current=chair.round_id, offered=container.manifest.round_id)
    if container.sha256 != chair.package_sha256:
        raise Problem(Code.PACKAGE_CHANGED, round=chair.round_id)
    return chair


def open_round_package(home: Home, source: Path | bytes) -> Package:
    """The round's package, opened for the chair's intake: refused as soon as its manifest shows it is
    not the one imported here, before anything in it is parsed."""
    return open_package(source, lambda container: check_package(home, container))


def collect_bundle_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, with each folder replaced by the .rvret files in it (sorted by name)."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() == BUNDLE_SUFFIX and p.is_file())
        else:
            found.append(path)
    unique: list[Path] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


@dataclass(frozen=True)
class BundleOutcome:
    path: Path
    status: BundleStatus
    expert_id: str | None = None
    bundle_sha256: str | None = None
    revisions: int = 0  # signed revisions in the bundle
    new_revisions: int = 0  # of which the chair had none before
    problem: Problem | None = None  # why it is invalid


@dataclass(frozen=True)
class IntakeReport:
    outcomes: tuple[BundleOutcome, ...]

    @property
    def invalid(self) -> tuple[BundleOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status is BundleStatus.INVALID)

    @property
    def imported(self) -> tuple[BundleOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status is BundleStatus.IMPORTED)


def _file_bytes(home: Home, path: Path) -> bytes:
    """A bundle file's bytes: a USB stick's as they are; one the pull kept in the home (sealed where
    the home is: sync/pull.py) opened with the home's key."""
    if path.parent == home.root / "pulled":
        return bytes(read_kept_file(path, home.blobs.sealer))
    try:
        return path.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None


def import_returns(home: Home, package: Package, paths: Iterable[Path], progress: Progress = no_progress) -> IntakeReport:
    """Verify every bundle in `paths` against `package`; store the valid new ones (module docstring)."""
    chair = check_package(home, package)
    files = collect_bundle_files(paths)
    with home.store.read() as session:
        known_bundles = set(session.scalars(select(ChairBundle.bundle_sha256)))
        known_sheets = set(session.scalars(select(ChairSheet.json_sha256)))
    outcomes: list[BundleOutcome] = []
    accepted: list[tuple[Path, str, ReturnBundle]] = []
    for index, path in enumerate(files):
        def within(done: int, total: int, index=index) -> None:
            progress(index * 100 + (100 * done // total if total else 100), len(files) * 100)

        try:
            data = _file_bytes(home, path)
            bundle = read_return_bundle(data, package, within)
        except Problem as problem:
            if problem.code == Code.CANCELLED:
                raise
            outcomes.append(BundleOutcome(path, BundleStatus.INVALID, problem=problem))
            continue
        fresh = [s for s in bundle.sheets if s.json_sha256 not in known_sheets]
        status = BundleStatus.ALREADY if bundle.bundle_sha256 in known_bundles else BundleStatus.IMPORTED
        outcomes.append(BundleOutcome(path, status, bundle.expert_id, bundle.bundle_sha256, len(bundle.sheets),
                                      0 if status == "already" else len(fresh)))
        if status == "imported":
            accepted.append((path, hashlib.sha256(data).hexdigest(), bundle))
            known_bundles.add(bundle.bundle_sha256)
            known_sheets.update(s.json_sha256 for s in fresh)
        progress((index + 1) * 100, len(files) * 100)
    if accepted:
        _store(home, chair, accepted)
    progress(1, 1)
    return IntakeReport(tuple(outcomes))


def _store(home: Home, chair: Chair, accepted: list[tuple[Path, str, ReturnBundle]]) -> None:
    with home.store.write(actor=f"{chair.expert_id} {chair.name}") as (session, audit):
        stored = set(session.scalars(select(ChairSheet.json_sha256)))
        for path, file_sha256, bundle in accepted:
            declarations = [d.model_dump() for d in bundle.declarations]
            row = ChairBundle(bundle_sha256=bundle.bundle_sha256, file_sha256=file_sha256, file_name=path.name,
                              expert_id=bundle.expert_id, created_at=bundle.created_at, imported_at=audit.at,
                              declarations=json.dumps(declarations, ensure_ascii=False), revisions=len(bundle.sheets))
            session.add(row)
            session.flush()
            for sheet in bundle.sheets:
                if sheet.json_sha256 in stored:
                    continue
                stored.add(sheet.json_sha256)
                session.add(ChairSheet(bundle_id=row.id, expert_id=bundle.expert_id, applicant_id=sheet.applicant_id,
                                       revision=sheet.revision, signed_at=sheet.signed_at,
                                       amend_reason=sheet.document.revision.amend_reason, json_sha256=sheet.json_sha256,
                                       signed_json=sheet.json_bytes, signature=sheet.signature,
                                       pdf_sha256=sheet.pdf_sha256))
            audit.record("import", "return_bundle", bundle.bundle_sha256, "expert", None, bundle.expert_id)


# --- what has been received ------------------------------------------------------------------------
@dataclass(frozen=True)
class BundleRow:
    bundle_sha256: str
    file_name: str
    file_sha256: str
    expert_id: str
    expert_name: str
    created_at: datetime
    imported_at: datetime
    revisions: int
    conflicts: int
    current: bool  # the expert's newest bundle; older ones are superseded (kept as history)


@dataclass(frozen=True)
class RevisionRow:
    revision: int
    signed_at: datetime
    amend_reason: str
    json_sha256: str
    file_name: str  # the bundle that first brought it
    counts: bool


@dataclass(frozen=True)
class AssignmentState:
    expert_id: str
    applicant_id: str
    status: SheetStatus
    revision: int | None  # the counting revision
    conflict_reason: str
    history: tuple[RevisionRow, ...]


@dataclass(frozen=True)
class PanelMember:
    expert_id: str
    name: str
    role: str  # member | chair
    organisation: str
    title: str
    fingerprint: str


@dataclass(frozen=True)
class ApplicantRef:
    applicant_id: str
    name: str
    uscc: str
    carrier_type: str


@dataclass(frozen=True)
class IntakeState:
    bundles: tuple[BundleRow, ...]  # in import order
    members: tuple[PanelMember, ...]
    applicants: tuple[ApplicantRef, ...]  # in package order
    assignments: dict[tuple[str, str], AssignmentState]  # (expert_id, applicant_id)

    def missing(self) -> list[AssignmentState]:
        return [a for a in self.assignments.values() if a.status is SheetStatus.MISSING]


def _newest_declarations(bundles: list[ChairBundle]) -> dict[str, tuple[bool, str]]:
    if not bundles:
        return {}
    newest = max(bundles, key=lambda b: (b.created_at, b.id))
    latest: dict[str, tuple[bool, str]] = {}
    for declaration in json.loads(newest.declarations):
        latest[declaration["applicant_id"]] = (declaration["has_conflict"], declaration["reason"])
    return latest


def intake_state(home: Home) -> IntakeState:
    with home.store.read() as session:
        experts = list(session.scalars(select(Expert).order_by(Expert.expert_id)))
        applicants = list(session.scalars(select(Applicant).order_by(Applicant.position)))
        assigned = {(a.expert_id, a.applicant_id) for a in session.scalars(select(Assignment))}
        bundles = list(session.scalars(select(ChairBundle).order_by(ChairBundle.id)))
        sheets = list(session.scalars(select(ChairSheet).order_by(ChairSheet.revision, ChairSheet.signed_at)))
    names = {e.expert_id: e.name for e in experts}
    files = {b.id: b.file_name for b in bundles}
    by_expert: dict[str, list[ChairBundle]] = {}
    for bundle in bundles:
        by_expert.setdefault(bundle.expert_id, []).append(bundle)
    newest = {e: max(bs, key=lambda b: (b.created_at, b.id)).id for e, bs in by_expert.items()}
    rows = tuple(BundleRow(b.bundle_sha256, b.file_name, b.file_sha256, b.expert_id, names.get(b.expert_id, ""),
                           b.created_at, b.imported_at, b.revisions,
                           sum(1 for d in json.loads(b.declarations) if d["has_conflict"]), newest[b.expert_id] == b.id)
                 for b in bundles)
    assignments: dict[tuple[str, str], AssignmentState] = {}
    for expert in experts:
        declared = _newest_declarations(by_expert.get(expert.expert_id, []))
        for applicant in applicants:
            key = (expert.expert_id, applicant.applicant_id)
            if key not in assigned:
                continue
            received = [s for s in sheets if (s.expert_id, s.applicant_id) == key]
            conflict, reason = declared.get(applicant.applicant_id, (False, ""))
            counting = None if conflict or not received else received[-1]
            history = tuple(RevisionRow(s.revision, s.signed_at, s.amend_reason, s.json_sha256, files.get(s.bundle_id, ""),
                                        s is counting) for s in received)
            status = SheetStatus.CONFLICT if conflict else SheetStatus.SCORED if counting else SheetStatus.MISSING
            assignments[key] = AssignmentState(expert.expert_id, applicant.applicant_id, status,
                                               counting.revision if counting else None, reason if conflict else "",
                                               history)
    members = tuple(PanelMember(e.expert_id, e.name, e.role, e.organisation, e.title, e.fingerprint) for e in experts)
    refs = tuple(ApplicantRef(a.applicant_id, a.name, a.uscc, a.carrier_type) for a in applicants)
    return IntakeState(rows, members, refs, assignments)


def counted_documents(home: Home, state: IntakeState | None = None) -> dict[tuple[str, str], tuple[bytes, bytes]]:
    """Per scored assignment: (the counting revision's signed JSON, the first revision's signed JSON).
    One statement whatever the number of assignments (a refresh of the chair's desk runs this)."""
    state = state or intake_state(home)
    wanted = {key: (next(r for r in a.history if r.counts).json_sha256, a.history[0].json_sha256)
              for key, a in state.assignments.items() if a.status is SheetStatus.SCORED}
    digests = {d for pair in wanted.values() for d in pair}
    if not digests:
        return {}
    with home.store.read() as session:
        rows = {digest: data for digest, data in session.execute(
            select(ChairSheet.json_sha256, ChairSheet.signed_json).where(ChairSheet.json_sha256.in_(digests)))}
    return {key: (rows[counting], rows[first]) for key, (counting, first) in wanted.items()}
