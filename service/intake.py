"""Accepting a bundle: verified by the domain exactly as the chair's intake verifies it, then the
rules that need everything the intake already holds, then a signed receipt.

A return bundle is authenticated by its own signature: `read_return_bundle(file, package)` (the
chair's intake and `reviewdesk verify` use the very same function) checks the container, that its
signer is an expert of the round's package, every sheet, assignment and declared conflict. What
one bundle cannot show, the intake checks against the bundles it accepted before:
- different bytes for a revision it already holds → `revision_conflict` (the database's unique key
  on expert × applicant × revision keeps this even when two uploads race);
- a sheet for an applicant the expert declared a conflict with in an accepted bundle →
  `conflict_declared`;
- a bundle older than one accepted from the same expert is kept as history: its revisions are on
  record, the newest still counts (`disposition: history`).
The same bytes twice get the receipt given the first time (and a refusal, the same refusal).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from review_model import crypto
from review_model.chair.result_check import check_result_container
from review_model.errors import Code, Problem
from review_model.exchange.container import open_container
from review_model.exchange.package import Package, check_dossiers, open_package
from review_model.exchange.safezip import SafeZip
from review_model.exchange.verify import check_against_package
from review_model.signing.bundle import ReturnBundle, read_return_bundle
from review_model.signing.document import stamp
from review_model.store.blobs import READ_ONLY_FILE, private_dir, private_file, set_mode
from review_model.store.db import utcnow
from review_model.sync.receipt import Receipt, ReceiptSheet

from .db import Database
from .home import IntakeHome, ReceiptKey
from .limits import Limits
from .models import Bundle, Counter, Refusal, Round, Sheet


class Reason(str, Enum):
    """Why the intake refused an upload (stable API codes; docs/formats.md lists them)."""

    NOT_A_BUNDLE = "not_a_bundle"  # not a sound, signed exchange container of the right kind
    SIGNATURE_BAD = "signature_bad"
    TOO_LARGE = "too_large"  # over the intake's bounds (size, members, expanded size)
    UNKNOWN_ROUND = "unknown_round"  # no round on this intake for the bundle's package
    NOT_IN_PACKAGE = "not_in_package"  # signer is not an expert of the package
    NOT_ASSIGNED = "not_assigned"
    CONFLICT_DECLARED = "conflict_declared"
    REVISION_CONFLICT = "revision_conflict"  # different bytes claiming a revision already received
    INVALID = "bundle_invalid"  # any other rule of the bundle's verification (the domain's problem says which)
    UPLOAD_CORRUPT = "upload_corrupt"  # the bytes received do not have the SHA-256 announced


@dataclass(frozen=True)
class Outcome:
    file_sha256: str
    status: str  # accepted | already | refused
    receipt: bytes | None = None
    signature: str | None = None
    reason: Reason | None = None
    problem: dict | None = None  # {code, params}: the domain's refusal

    def answer(self) -> dict:
        if self.status == "refused":
            return {"outcome": "refused", "file_sha256": self.file_sha256, "reason": self.reason.value,
                    "problem": self.problem}
        return {"outcome": self.status, "file_sha256": self.file_sha256, "receipt": self.receipt.decode("utf-8"),
                "signature": self.signature}


class Refused(Exception):
    def __init__(self, reason: Reason, problem: Problem | None = None, expert_id: str | None = None,
                 applicant_id: str | None = None, round_pk: int | None = None) -> None:
        super().__init__(reason.value)
        self.reason, self.problem, self.expert_id, self.round_pk = reason, problem, expert_id, round_pk
        self.applicant_id = applicant_id or (str(problem.params.get("applicant")) if problem and
                                             problem.params.get("applicant") else None)


def problem_dict(problem: Problem | None) -> dict | None:
    if problem is None:
        return None
    return {"code": problem.code.value, "params": {k: (v if isinstance(v, (int, str, bool)) or v is None else str(v))
                                                    for k, v in problem.params.items()}}


_CONTAINER_CODES = {Code.NOT_A_ZIP, Code.ZIP_UNSAFE_PATH, Code.ZIP_LINK, Code.ZIP_DUPLICATE, Code.ZIP_OVERLAP,
                    Code.ZIP_UNSUPPORTED, Code.MEMBER_MISSING, Code.MEMBER_EXTRA, Code.MEMBER_ALTERED,
                    Code.MANIFEST_INVALID, Code.WRONG_KIND}


def reason_for(problem: Problem) -> Reason:
    """The intake's reason code for a refusal of the domain's verification."""
    if problem.code == Code.SIGNATURE_BAD:
        return Reason.SIGNATURE_BAD
    if problem.code in (Code.ZIP_TOO_LARGE, Code.ZIP_RATIO):
        return Reason.TOO_LARGE
    if problem.code in _CONTAINER_CODES:
        return Reason.NOT_A_BUNDLE
    if problem.code == Code.SIGNER_UNTRUSTED:
        return Reason.NOT_IN_PACKAGE
    if problem.code == Code.OTHER_ROUND:
        return Reason.UNKNOWN_ROUND
    if problem.code == Code.RETURN_INVALID and problem.params.get("reason") in ("not_assigned", "conflict_declared"):
        return Reason(problem.params["reason"])
    return Reason.INVALID


# --- rounds --------------------------------------------------------------------------------------
def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _adopt_copy(home: IntakeHome, source: Path, digest: str) -> None:
    """Put a copy of `source` into the blob store without reading it into memory."""
    if home.blobs.has(digest):
        return
    staged = home.uploads / f"package-{digest}.tmp"
    try:
        private_file(staged)
        with open(source, "rb") as src, open(staged, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        home.blobs.adopt(staged, digest)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise Problem(Code.FILE_WRITE_FAILED, path=str(home.blobs.root), detail=exc.strerror or str(exc)) from None


def roster_of(package: Package) -> dict:
    return {
        "experts": [{"expert_id": e.expert_id, "name": e.name, "role": e.role, "fingerprint": e.fingerprint,
                     "applicants": list(e.applicants)} for e in package.experts],
        "applicants": [{"applicant_id": a.applicant_id, "name": a.name, "carrier_type": a.carrier_type}
                       for a in package.applicants],
    }


def add_package(db: Database, home: IntakeHome, path: Path) -> tuple[str, bool]:
    """Open a round for the package at `path` (verified completely, dossiers too); return its round
    id and whether it is new. The same package again changes nothing; another package for a round
    already open is refused."""
    try:
        with open_package(path) as package:
            check_dossiers(package)
            roster = roster_of(package)
            chair = package.chair()
            facts = dict(round_id=package.round.round_id, package_sha256=package.sha256, title=package.round.title,
                         bureau_name=package.bureau_name, bureau_fingerprint=package.bureau_fingerprint,
                         chair_fingerprint=chair.fingerprint)
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
    with db.session() as session:
        known = session.scalars(select(Round).where(Round.round_id == facts["round_id"])).first()
        if known is not None:
            if known.package_sha256 == facts["package_sha256"]:
                return known.round_id, False
            raise Problem(Code.INTAKE_ROUND_EXISTS, round=known.round_id)
    digest = file_sha256(path)
    _adopt_copy(home, path, digest)
    with db.session() as session:
        session.add(Round(**facts, package_file_sha256=digest, roster=json.dumps(roster, ensure_ascii=False),
                          added_at=utcnow()))
    return facts["round_id"], True


class Packages:
    """The rounds' packages, opened once per process (their JSON members parsed; dossiers unread)."""

    def __init__(self, db: Database, home: IntakeHome) -> None:
        self._db, self._home = db, home
        self._open: dict[str, tuple[Round, Package]] = {}
        self._lock = threading.Lock()

    def for_package(self, package_sha256: str | None) -> tuple[Round, Package] | None:
        if not package_sha256:
            return None
        with self._lock:
            if package_sha256 in self._open:
                return self._open[package_sha256]
            with self._db.session() as session:
                row = session.scalars(select(Round).where(Round.package_sha256 == package_sha256)).first()
            if row is None:
                return None
            package = open_package(self._home.blobs.path(row.package_file_sha256))
            package.close()  # everything verification needs is parsed; no file handle kept
            self._open[package_sha256] = (row, package)
            return row, package


# --- accepting -----------------------------------------------------------------------------------
def _check_bounds(path: Path, limits: Limits) -> None:
    """What the domain's reader will hold in memory is bounded by the members' declared sizes (it
    refuses more real bytes than declared): bound those and their count before reading any."""
    with SafeZip(path) as archive:
        entries = list(archive.entries.values())
    if len(entries) > limits.max_members:
        raise Refused(Reason.TOO_LARGE, Problem(Code.ZIP_TOO_LARGE, member="", size=len(entries)))
    expanded = sum(e.size for e in entries)
    if expanded > limits.max_expanded:
        raise Refused(Reason.TOO_LARGE, Problem(Code.ZIP_TOO_LARGE, member="", size=expanded))


@dataclass(frozen=True)
class Result:
    """A panel result (.rvres) the chair uploaded, verified against the package."""

    expert_id: str  # the chair's
    bundle_sha256: str
    created_at: datetime


def verify(path: Path, packages: Packages, limits: Limits) -> tuple[Round, ReturnBundle | Result]:
    """The domain's verification of the bundle (or the chair's result) at `path`; else Refused."""
    try:
        _check_bounds(path, limits)
        with open_container(path) as container:
            manifest = container.manifest
        if manifest.kind not in ("return", "result"):
            raise Problem(Code.WRONG_KIND, expected="return", found=manifest.kind)
    except Problem as problem:
        raise Refused(reason_for(problem), problem) from None
    found = packages.for_package(manifest.package_sha256)
    if found is None:
        raise Refused(Reason.UNKNOWN_ROUND, Problem(Code.OTHER_ROUND, current="", offered=manifest.round_id))
    round_row, package = found
    signer = package.expert_by_key(manifest.public_raw())  # the signature verified: the key is the signer's
    try:
        if manifest.kind == "return":
            return round_row, read_return_bundle(path, package)
        with open_container(path, expected_kind="result") as container:
            check_against_package(container, package, check_result_container)  # as `reviewdesk verify R.rvres --package P`
            return round_row, Result(signer.expert_id, container.sha256, manifest.created_at)
    except Problem as problem:
        raise Refused(reason_for(problem), problem, signer.expert_id if signer else None,
                      round_pk=round_row.id) from None


class Intake:
    """Acceptance on one database and home, with the receipt key in memory."""

    def __init__(self, db: Database, home: IntakeHome, key: ReceiptKey, limits: Limits | None = None) -> None:
        self.db, self.home, self.key = db, home, key
        self.limits = limits or Limits()
        self.packages = Packages(db, home)
        self._accepting = threading.Lock()  # one acceptance at a time in this process (SQLite writes serialise anyway)

    def known(self, digest: str) -> Outcome | None:
        """The answer already given for these bytes, if any."""
        with self.db.session() as session:
            bundle = session.scalars(select(Bundle).where(Bundle.file_sha256 == digest)).first()
            if bundle is not None:
                return Outcome(digest, "already", bundle.receipt.encode("utf-8"), bundle.receipt_signature)
            refusal = session.scalars(select(Refusal).where(Refusal.file_sha256 == digest)).first()
            if refusal is not None:
                return Outcome(digest, "refused", reason=Reason(refusal.reason), problem=json.loads(refusal.problem))
        return None

    def accept(self, staged: Path, digest: str) -> Outcome:
        """Verify the complete upload at `staged` (SHA-256 `digest`, already checked) and keep it or
        refuse it. On a definite answer the staged file is gone (linked into the blob store, or
        deleted); on a passing fault (disk full, database away) it stays, so completing again works."""
        previous = self.known(digest)
        if previous is not None:
            staged.unlink(missing_ok=True)
            return previous
        try:
            round_row, bundle = verify(staged, self.packages, self.limits)
        except Refused as refused:
            outcome = self._refuse(digest, refused)
            staged.unlink(missing_ok=True)
            return outcome
        with self._accepting:
            for _attempt in range(3):
                try:
                    with self.db.session() as session:
                        outcome = self._record(session, staged, digest, round_row, bundle)
                except Refused as refused:
                    refused.expert_id = bundle.expert_id
                    outcome = self._refuse(digest, refused, round_row.id)
                except IntegrityError:
                    # A concurrent upload won a unique key (the same bytes, or a revision's bytes):
                    # answer from what is on record now.
                    outcome = self.known(digest)
                    if outcome is None:
                        continue
                staged.unlink(missing_ok=True)
                return outcome
        raise Problem(Code.INTAKE_DB_UNUSABLE, url="", detail="concurrent updates")

    def _refuse(self, digest: str, refused: Refused, round_pk: int | None = None) -> Outcome:
        problem = problem_dict(refused.problem)
        round_pk = round_pk or refused.round_pk
        try:
            with self.db.session() as session:
                session.add(Refusal(file_sha256=digest, round_pk=round_pk, expert_id=refused.expert_id,
                                    applicant_id=refused.applicant_id, reason=refused.reason.value,
                                    problem=json.dumps(problem, ensure_ascii=False), received_at=utcnow()))
        except IntegrityError:  # the same bytes refused by a concurrent request: same answer
            pass
        return Outcome(digest, "refused", reason=refused.reason, problem=problem)

    def _record(self, session, staged: Path, digest: str, round_row: Round, bundle: ReturnBundle | Result) -> Outcome:
        kind = "return" if isinstance(bundle, ReturnBundle) else "result"
        if kind == "return":
            self._check_history(session, round_row, bundle)
        earlier = list(session.scalars(select(Bundle).where(Bundle.round_pk == round_row.id, Bundle.kind == kind,
                                                            Bundle.expert_id == bundle.expert_id)))
        newest = max((b.created_at for b in earlier), default=None)
        disposition = "history" if newest is not None and bundle.created_at < newest else "current"
        sheets = bundle.sheets if isinstance(bundle, ReturnBundle) else ()
        conflicts = sorted(bundle.declared_conflicts()) if isinstance(bundle, ReturnBundle) else []
        seq = self._next_seq(session)
        now = utcnow()
        size = staged.stat().st_size
        receipt = Receipt.model_validate({
            "schema": "reviewdesk-receipt/1", "seq": seq, "received_at": stamp(now),
            "intake_fingerprint": self.key.fingerprint, "round_id": round_row.round_id,
            "package_sha256": round_row.package_sha256, "kind": kind, "signer_id": bundle.expert_id,
            "file_sha256": digest, "bundle_sha256": bundle.bundle_sha256, "size": size,
            "bundle_created_at": stamp(bundle.created_at), "disposition": disposition,
            "sheets": [ReceiptSheet(applicant_id=s.applicant_id, revision=s.revision, json_sha256=s.json_sha256)
                       for s in sheets],
            "conflicts": conflicts,
        })
        data = receipt.canonical()
        signature = crypto.b64(self.key.sign(data))
        row = Bundle(round_pk=round_row.id, kind=kind, file_sha256=digest, bundle_sha256=bundle.bundle_sha256,
                     size=size, expert_id=bundle.expert_id, created_at=bundle.created_at, received_at=now, seq=seq,
                     conflicts=json.dumps(conflicts), receipt=data.decode("utf-8"), receipt_signature=signature)
        session.add(row)
        session.flush()
        held = {(s.applicant_id, s.revision) for s in session.scalars(
            select(Sheet).where(Sheet.round_pk == round_row.id, Sheet.expert_id == bundle.expert_id))}
        for sheet in sheets:
            if (sheet.applicant_id, sheet.revision) not in held:
                session.add(Sheet(round_pk=round_row.id, expert_id=bundle.expert_id, applicant_id=sheet.applicant_id,
                                  revision=sheet.revision, json_sha256=sheet.json_sha256, signed_at=sheet.signed_at,
                                  first_bundle_id=row.id))
        session.flush()
        # The file is linked into place before the commit: a committed receipt always has its bundle
        # on disk. If the commit then fails, the staged file is still there for the next try and the
        # link is an unreferenced copy (content-addressed: harmless, reused).
        self._link_blob(staged, digest)
        return Outcome(digest, "accepted", data, signature)

    @staticmethod
    def _check_history(session, round_row: Round, bundle: ReturnBundle) -> None:
        """The rules one bundle cannot show: a held revision's bytes, an accepted declared conflict."""
        held = {(s.applicant_id, s.revision): s for s in session.scalars(
            select(Sheet).where(Sheet.round_pk == round_row.id, Sheet.expert_id == bundle.expert_id))}
        for sheet in bundle.sheets:
            existing = held.get((sheet.applicant_id, sheet.revision))
            if existing is not None and existing.json_sha256 != sheet.json_sha256:
                raise Refused(Reason.REVISION_CONFLICT,
                              Problem(Code.RETURN_INVALID, applicant=sheet.applicant_id, revision=sheet.revision,
                                      reason="revision_conflict", detail=existing.json_sha256[:16]),
                              applicant_id=sheet.applicant_id)
        declared: set[str] = set()
        for other in session.scalars(select(Bundle).where(Bundle.round_pk == round_row.id, Bundle.kind == "return",
                                                          Bundle.expert_id == bundle.expert_id)):
            declared |= set(json.loads(other.conflicts))
        for sheet in bundle.sheets:
            if sheet.applicant_id in declared:
                raise Refused(Reason.CONFLICT_DECLARED,
                              Problem(Code.RETURN_INVALID, applicant=sheet.applicant_id, revision=sheet.revision,
                                      reason="conflict_declared", detail=""),
                              applicant_id=sheet.applicant_id)

    def _link_blob(self, staged: Path, digest: str) -> None:
        target = self.home.blobs.path(digest)
        if target.exists():
            return
        private_dir(target.parent)
        os.link(staged, target)  # same file system, no copy: a full disk cannot stop it half way
        set_mode(target, READ_ONLY_FILE)
        fsync_dir(target.parent)

    @staticmethod
    def _next_seq(session) -> int:
        """The next receipt number: the counter row is locked until commit (gapless, race-free)."""
        return session.execute(update(Counter).where(Counter.name == "receipt").values(value=Counter.value + 1)
                               .returning(Counter.value)).scalar_one()


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # NTFS journals renames; directories cannot be opened for fsync there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (28, 122)  # ENOSPC, EDQUOT
    if isinstance(exc, OperationalError):
        text = str(exc.orig).lower()
        return "disk" in text and "full" in text or "no space" in text
    return False
