"""Reading a return bundle (.rvret) against its package: everything verified, nothing trusted.

`read_return_bundle(source, package)` is what the chair's intake and `reviewdesk verify F.rvret
--package P.rvpkg` call. It accepts a bundle only if the container is sound and signed by an
expert of that package, return.json and conflicts.json are valid and agree with the members,
revision numbering is 1..n per applicant with the newest marked current, no sheet exists where
the expert declared a conflict, and every sheet passes checks.py (its own signature, round,
assignment, rubric pin, scores, totals) with a PDF whose hash return.json lists and whose
metadata names the sheet's hash. The first failure is the reason.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import Code, Problem
from ..exchange import signed_json
from ..exchange.container import OpenedContainer, open_container
from ..exchange.package import Package
from ..pdfcheck import quiet_pymupdf
from .checks import SheetRefused, check_sheet, parse_signed_sheet, refuse
from .document import SHA256, SUBJECT_PREFIX, SheetDocument, Stamp

RETURN_SCHEMA, CONFLICTS_SCHEMA = "reviewdesk-return/1", "reviewdesk-conflicts/1"
_SHEET_MEMBER = re.compile(r"sheets/([A-Za-z0-9_\-]{1,32})/r(\d{1,3})\.(json|pdf)")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExpertInfo(_Strict):
    expert_id: str
    name: str
    fingerprint: str


class SheetListing(_Strict):
    applicant_id: str
    revision: int = Field(ge=1, le=999)
    current: bool
    signed_at: Stamp
    json_member: str = Field(alias="json")
    json_sha256: str = Field(pattern=SHA256)
    signature: str
    pdf: str
    pdf_sha256: str = Field(pattern=SHA256)


class ReturnFile(_Strict):
    schema_: Literal["reviewdesk-return/1"] = Field(alias="schema")
    round_id: str
    package_sha256: str = Field(pattern=SHA256)
    expert: ExpertInfo
    created_at: Stamp
    photos_included: bool
    sheets: list[SheetListing]
    photos: list[str]  # SHA-256 of each reduced photo shipped as photos/<sha256>.jpg


class Declaration(_Strict):
    applicant_id: str
    has_conflict: bool
    reason: str
    declared_at: Stamp


class ConflictsFile(_Strict):
    schema_: Literal["reviewdesk-conflicts/1"] = Field(alias="schema")
    expert_id: str
    declarations: list[Declaration]


@dataclass(frozen=True)
class VerifiedSheet:
    applicant_id: str
    revision: int
    current: bool
    document: SheetDocument
    json_bytes: bytes  # exactly the bytes the expert signed
    json_sha256: str
    signature: str  # base64 Ed25519 over json_bytes
    pdf: bytes
    pdf_sha256: str
    signed_at: datetime


@dataclass(frozen=True)
class ReturnBundle:
    round_id: str
    package_sha256: str
    bundle_sha256: str  # SHA-256 of the bundle's manifest.json
    expert_id: str
    expert_name: str
    fingerprint: str
    public_raw: bytes
    created_at: datetime
    sheets: tuple[VerifiedSheet, ...]  # by applicant, then revision
    declarations: tuple[Declaration, ...]  # in the order made; the newest per applicant counts
    photos: dict[str, bytes]  # sha256 -> reduced JPEG (empty when the expert left photos out)

    def current(self) -> dict[str, VerifiedSheet]:
        return {s.applicant_id: s for s in self.sheets if s.current}

    def declared_conflicts(self) -> set[str]:
        latest = {d.applicant_id: d.has_conflict for d in self.declarations}
        return {a for a, declared in latest.items() if declared}


def _model(members: dict[str, bytes], name: str, model: type[BaseModel]):
    if name not in members:
        raise Problem(Code.MEMBER_MISSING, member=name)
    try:
        return model.model_validate(signed_json.member(members[name], name))
    except ValidationError as exc:
        error = exc.errors()[0]
        raise Problem(Code.SCHEMA_INVALID, member=name,
                      detail=f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None


def read_return_bundle(source: Path | bytes, package: Package,
                       progress: Callable[[int, int], None] | None = None) -> ReturnBundle:
    """Open and verify a return bundle against `package` (see the module's docstring)."""
    with open_container(source, expected_kind="return") as container:
        return check_return(container, package, progress)


def check_return(container: OpenedContainer, package: Package,
                 progress: Callable[[int, int], None] | None = None) -> ReturnBundle:
    manifest = container.manifest
    if manifest.round_id != package.round.round_id or manifest.package_sha256 != package.sha256:
        raise Problem(Code.OTHER_ROUND, current=package.round.round_id, offered=manifest.round_id)
    public_raw = manifest.public_raw()
    expert = package.expert_by_key(public_raw)
    if expert is None or (manifest.signer.id and manifest.signer.id != expert.expert_id):
        raise Problem(Code.SIGNER_UNTRUSTED, fingerprint=manifest.signer.fingerprint)
    members = container.read_all(progress)
    listing: ReturnFile = _model(members, "return.json", ReturnFile)
    conflicts: ConflictsFile = _model(members, "conflicts.json", ConflictsFile)
    if (listing.round_id, listing.package_sha256, listing.expert.expert_id) != (
            package.round.round_id, package.sha256, expert.expert_id) or conflicts.expert_id != expert.expert_id:
        raise Problem(Code.SCHEMA_INVALID, member="return.json", detail="round, package or expert")
    by_applicant = _check_listing(listing, members)
    declared = _declared(conflicts)
    sheets: list[VerifiedSheet] = []
    for applicant_id, entries in sorted(by_applicant.items()):
        _check_numbering(applicant_id, entries)
        for entry in entries:
            sheets.append(_verified(entry, members, package, expert, public_raw, applicant_id in declared))
    _check_declarations(conflicts, expert)
    photos = _check_photos(listing, members, sheets)
    return ReturnBundle(listing.round_id, listing.package_sha256, container.sha256, expert.expert_id, expert.name,
                        expert.fingerprint, public_raw, datetime.fromisoformat(listing.created_at), tuple(sheets),
                        tuple(conflicts.declarations), photos)


def _declared(conflicts: ConflictsFile) -> set[str]:
    """Applicants whose newest declaration is a conflict."""
    latest = {d.applicant_id: d.has_conflict for d in conflicts.declarations}
    return {a for a, has in latest.items() if has}


def _check_declarations(conflicts: ConflictsFile, expert) -> None:
    for declaration in conflicts.declarations:
        if declaration.applicant_id not in expert.applicants:
            raise Problem(Code.SCHEMA_INVALID, member="conflicts.json", detail=f"{declaration.applicant_id}: not assigned")
        if declaration.has_conflict and not declaration.reason.strip():
            raise Problem(Code.SCHEMA_INVALID, member="conflicts.json", detail=f"{declaration.applicant_id}: no reason")


def _check_listing(listing: ReturnFile, members: dict[str, bytes]) -> dict[str, list[SheetListing]]:
    """Every sheet member is listed once with its JSON and PDF, under its own name and hash."""
    by_applicant: dict[str, list[SheetListing]] = {}
    named: set[str] = set()
    for entry in listing.sheets:
        stem = f"sheets/{entry.applicant_id}/r{entry.revision}"
        if entry.json_member != f"{stem}.json" or entry.pdf != f"{stem}.pdf" or stem in named:
            raise refuse(entry.applicant_id, entry.revision, "listing_mismatch", stem)
        named.add(stem)
        for name, digest in ((entry.json_member, entry.json_sha256), (entry.pdf, entry.pdf_sha256)):
            if name not in members or hashlib.sha256(members[name]).hexdigest() != digest:
                raise refuse(entry.applicant_id, entry.revision, "listing_mismatch", name)
        by_applicant.setdefault(entry.applicant_id, []).append(entry)
    for name in members:
        found = _SHEET_MEMBER.fullmatch(name)
        if found and name.rsplit(".", 1)[0] not in named:  # exact names: r01.json is not r1.json
            raise refuse(found.group(1), int(found.group(2)), "listing_mismatch", name)
    return by_applicant


def _check_numbering(applicant_id: str, entries: list[SheetListing]) -> None:
    entries.sort(key=lambda e: e.revision)
    numbers = [e.revision for e in entries]
    if numbers != list(range(1, len(entries) + 1)):
        raise refuse(applicant_id, numbers[-1], "revision_gap", " ".join(map(str, numbers)))
    current = [e.revision for e in entries if e.current]
    if current != [numbers[-1]]:
        raise refuse(applicant_id, current[0] if current else 0, "current_not_newest", f"r{numbers[-1]}")
    stamps = [datetime.fromisoformat(e.signed_at) for e in entries]
    if stamps != sorted(stamps):
        raise refuse(applicant_id, numbers[-1], "revision_gap", "signed_at")


def _verified(entry: SheetListing, members: dict[str, bytes], package: Package, expert, public_raw: bytes,
              conflict_declared: bool) -> VerifiedSheet:
    data, pdf = members[entry.json_member], members[entry.pdf]
    try:
        doc = parse_signed_sheet(data, entry.signature, public_raw)
        if doc.revision.signed_at != entry.signed_at:
            raise SheetRefused("listing_mismatch", "signed_at")
        check_sheet(doc, package, expert, entry.applicant_id, entry.revision, conflict_declared)
        if not _pdf_names(pdf, entry.json_sha256):
            raise SheetRefused("pdf_mismatch", entry.pdf)
    except SheetRefused as refused:
        raise refuse(entry.applicant_id, entry.revision, refused.reason, refused.detail) from None
    return VerifiedSheet(entry.applicant_id, entry.revision, entry.current, doc, data, entry.json_sha256,
                         entry.signature, pdf, entry.pdf_sha256, datetime.fromisoformat(entry.signed_at))


def _pdf_names(pdf: bytes, json_sha256: str) -> bool:
    """The PDF opens and its metadata names the signed JSON it was drawn from."""
    pymupdf = quiet_pymupdf()
    try:
        with pymupdf.open(stream=pdf, filetype="pdf") as document:
            return (document.metadata or {}).get("subject") == f"{SUBJECT_PREFIX}{json_sha256}" and document.page_count > 0
    except (RuntimeError, ValueError):
        return False


def _check_photos(listing: ReturnFile, members: dict[str, bytes], sheets: list[VerifiedSheet]) -> dict[str, bytes]:
    shipped = {name[len("photos/"):-len(".jpg")]: data for name, data in members.items() if name.startswith("photos/")}
    referenced = {p.sha256 for s in sheets for p in s.document.photos}
    for digest, data in shipped.items():
        if hashlib.sha256(data).hexdigest() != digest:
            raise Problem(Code.MEMBER_ALTERED, member=f"photos/{digest}.jpg")
    wanted = referenced if listing.photos_included else set()
    if set(listing.photos) != set(shipped) or set(shipped) != wanted:
        missing = sorted(wanted - set(shipped)) or sorted(set(shipped) ^ set(listing.photos))
        raise Problem(Code.SCHEMA_INVALID, member="return.json", detail=f"photos: {missing[:1]}")
    return shipped


def check_return_container(container: OpenedContainer, package: Package) -> None:
    """`reviewdesk verify F.rvret --package P.rvpkg` (wired in review_model/verification.py)."""
    check_return(container, package)
