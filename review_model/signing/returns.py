"""Exporting the return bundle (.rvret): every signed revision of this home's expert, their PDFs,
the conflict declarations and (optionally) the reduced site photos, signed by the expert.

Members (container.MEMBER_PATTERNS["return"]): return.json (the listing, newest revision per
applicant marked current), conflicts.json, sheets/<applicant_id>/rN.json (the signed bytes),
sheets/<applicant_id>/rN.pdf, photos/<sha256>.jpg. The manifest names the package hash.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from ..errors import Code, Problem
from ..exchange.container import SigningKey, container_bytes
from ..home import Home
from ..progress import Progress, no_progress
from ..sheets.context import Reviewer
from ..store.blobs import sha256_hex, write_durably
from ..store.db import utcnow
from ..store.models import ConflictDeclaration, Expert, ScoreSheet, SheetRevision
from .bundle import CONFLICTS_SCHEMA, RETURN_SCHEMA
from .document import SheetDocument, stamp
from .sign import check_key


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_sha256: str  # SHA-256 of the bundle's manifest.json
    applicants: int  # applicants with at least one signed revision
    revisions: int
    conflicts: int  # applicants this expert declared a conflict with
    photos: int
    unsigned: tuple[str, ...]  # applicants whose newest revision is an unsigned draft (not in the bundle)


@dataclass(frozen=True)
class _Signed:
    applicant_id: str
    number: int
    signed_at: str
    json_bytes: bytes
    signature: str
    pdf_sha256: str


def _collect(reviewer: Reviewer, leave_out: Collection[str] = ()) -> tuple[list[_Signed], list[dict], list[str]]:
    with reviewer.home.store.read() as session:
        sheets = session.scalars(select(ScoreSheet).filter_by(expert_id=reviewer.expert_id)
                                 .order_by(ScoreSheet.applicant_id))
        signed, unsigned = [], []
        for sheet in sheets:
            if sheet.applicant_id in leave_out:
                continue
            revisions = list(session.scalars(select(SheetRevision).filter_by(sheet_id=sheet.id)
                                             .order_by(SheetRevision.number)))
            signed += [_Signed(sheet.applicant_id, r.number, stamp(r.signed_at), r.signed_json, r.signature, r.pdf_sha256)
                       for r in revisions if r.state == "signed"]
            if revisions and revisions[-1].state != "signed":
                unsigned.append(sheet.applicant_id)
        declarations = [{"applicant_id": d.applicant_id, "has_conflict": d.has_conflict, "reason": d.reason,
                         "declared_at": stamp(d.declared_at)}
                        for d in session.scalars(select(ConflictDeclaration).filter_by(expert_id=reviewer.expert_id)
                                                 .order_by(ConflictDeclaration.id))
                        if d.applicant_id not in leave_out]
    return signed, declarations, unsigned


def _blob(home: Home, digest: str) -> bytes:
    try:
        data = home.blobs.read(digest)
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(home.blobs.path(digest))) from None
    if sha256_hex(data) != digest:
        raise Problem(Code.MEMBER_ALTERED, member=str(home.blobs.path(digest)))
    return data


def export_returns(source: Reviewer | Home, out_path: Path, key: SigningKey, include_photos: bool = True,
                   progress: Progress = no_progress, leave_out: Collection[str] = (),
                   write: Callable[[bytes], None] | None = None) -> ExportResult:
    """Write every signed revision of this home as one return bundle at `out_path`, signed with `key`.

    `leave_out`: applicants not to carry (the outbox leaves out those the intake refused, so one
    refusal does not block every later bundle). `write`: given the bundle's bytes instead of
    writing `out_path` (the outbox keeps its copy sealed: no plain copy on the disk, not even for
    a moment)."""
    reviewer = source if isinstance(source, Reviewer) else Reviewer.open(source)
    check_key(reviewer, key)
    signed, declarations, unsigned = _collect(reviewer, leave_out)
    declared = {d["applicant_id"] for d in declarations if d["has_conflict"]}
    if not signed and not declared:
        raise Problem(Code.NOTHING_TO_EXPORT)
    members: dict[str, bytes] = {}
    listing: list[dict] = []
    photos = sorted({p.sha256 for s in signed for p in SheetDocument.model_validate_json(s.json_bytes).photos}
                    if include_photos else set())
    newest = {s.applicant_id: s.number for s in signed}
    steps = len(signed) + len(photos) + 1
    for index, s in enumerate(signed):
        stem = f"sheets/{s.applicant_id}/r{s.number}"
        members[f"{stem}.json"], members[f"{stem}.pdf"] = s.json_bytes, _blob(reviewer.home, s.pdf_sha256)
        listing.append({"applicant_id": s.applicant_id, "revision": s.number, "current": newest[s.applicant_id] == s.number,
                        "signed_at": s.signed_at, "json": f"{stem}.json", "json_sha256": sha256_hex(s.json_bytes),
                        "signature": s.signature, "pdf": f"{stem}.pdf", "pdf_sha256": s.pdf_sha256})
        progress(index + 1, steps)
    for index, digest in enumerate(photos):
        members[f"photos/{digest}.jpg"] = _blob(reviewer.home, digest)
        progress(len(signed) + index + 1, steps)
    with reviewer.home.store.read() as session:
        expert = session.get(Expert, reviewer.expert_id)
        expert_info = {"expert_id": expert.expert_id, "name": expert.name, "fingerprint": expert.fingerprint}
    members["return.json"] = _json({
        "schema": RETURN_SCHEMA, "round_id": reviewer.round_id, "package_sha256": reviewer.package_sha256,
        "expert": expert_info, "created_at": stamp(utcnow()), "photos_included": include_photos,
        "sheets": listing, "photos": photos,
    })
    members["conflicts.json"] = _json({"schema": CONFLICTS_SCHEMA, "expert_id": reviewer.expert_id,
                                       "declarations": declarations})
    data, digest = container_bytes("return", reviewer.round_id, members, replace(key, id=reviewer.expert_id),
                                   package_sha256=reviewer.package_sha256)
    if write is None:
        write_durably(out_path, data)
    else:
        write(data)
    with reviewer.edit() as (_session, audit):
        audit.record("export", "return_bundle", digest, "revisions", None, len(signed))
    progress(1, 1)
    return ExportResult(out_path, digest, len(newest), len(signed), len(declared), len(photos), tuple(unsigned))


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
