"""The outbox: every signed revision and declared conflict goes to the bureau's intake by itself.

Items are queued by sync/queue.py in the transaction that signs or declares. A pass of the sender
(`Outbox.send`, run by `reviewdesk sync` and the GUI's background sender) does this:

1. Pack: when pending items are not all in one bundle still being sent, export ONE return bundle of
   everything (signing/returns.py export_returns, signed with the expert's key) into
   <home>/outbox/<file sha256>.rvret (sealed under the home key where the home is sealed: it holds
   names, scores and comments; the name is the plain bundle's hash, what the intake receives) and
   record which items it carries. One cumulative bundle, not
   one per item: the chair's rule reads an expert's newest bundle as the whole of their conflicts
   and takes the highest revision received, so every bundle must stand on its own; one upload per
   pass also suits a link that is up for a few minutes, and the oldest item is always in it.
   Applicants the intake refused are left out, so one refusal does not block every later bundle.
2. Send the file through the intake client's resumable upload; the transfer's address is stored as
   soon as the intake gives it, so after a crash the next pass resumes the same bytes.
3. Delivered only when the intake's receipt (checked by the client: the package's intake key, the
   file's hash and size) lists the item. A refusal marks the refused applicant's items refused
   (never retried) and re-packs the rest; any other failure marks the items waiting, with the last
   error and the next try: exponential backoff with a cap, retried forever, oldest first.

Nothing is deleted after sending: bundles, receipts and items stay in the home.
The chair's signed panel result is an item of its own kind (RESULT), sent as it was signed, with
no packing: sync/result_outbox.py.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from pathlib import Path

from sqlalchemy import func, select

from .. import crypto
from ..errors import Code, Problem
from ..exchange.container import SigningKey
from ..home import Home
from ..imported_round import round_info
from ..store.blobs import private_dir
from ..store.db import utcnow
from ..store.models import OutboxBundle, OutboxItem
from ..store.sealed import read_kept_file, write_kept_file
from .queue import OutboxKind, OutboxState

BACKOFF_FIRST = timedelta(seconds=15)
BACKOFF_CAP = timedelta(minutes=15)
PASSES = 4  # re-packs in one send after refusals of single applicants
OUTBOX_DIR = "outbox"
# Refusals the bureau can lift without anything changing on the expert's side: tried again later.
LIFTABLE = {"unknown_round"}


class OutboxBundleState(str, Enum):
    SENDING = "sending"
    DELIVERED = "delivered"
    REFUSED = "refused"
    SUPERSEDED = "superseded"  # pending items went into a newer bundle before this one got through


@dataclass(frozen=True)
class Target:
    """Where the outbox sends: the intake's address and the receipt key the bureau signed into the package."""

    url: str
    public_raw: bytes
    tls_sha256: str = ""  # the package's pin of the intake's TLS certificate, if any


def intake_target(home: Home, url: str | None = None) -> Target:
    """The package's intake (`url` overrides its address; the receipt key always comes from the package)."""
    info = round_info(home)
    if info is None:
        raise Problem(Code.NO_ROUND)
    named = info.file.intake
    if named is None or not named.public_key_pem:
        raise Problem(Code.SYNC_NO_INTAKE)
    return Target(url or named.url, crypto.raw_from_pem(named.public_key_pem), named.tls_sha256)


def named_intake(home: Home) -> str | None:
    """The intake address the package names, if any (the GUI starts its sender only then)."""
    info = round_info(home)
    return info.file.intake.url if info and info.file.intake and info.file.intake.public_key_pem else None


@dataclass(frozen=True)
class ItemView:
    id: int
    kind: OutboxKind
    applicant_id: str
    revision: int | None
    state: OutboxState
    created_at: datetime
    attempts: int
    next_try_at: datetime | None
    last_error: Problem | None
    reason: str | None
    detail: str | None
    delivered_at: datetime | None
    receipt_seq: int | None

    def refusal(self) -> Problem | None:
        if self.state is not OutboxState.REFUSED:
            return None
        return Problem(Code.INTAKE_REFUSED, reason=self.reason or "", detail=self.detail or "",
                       applicant=self.applicant_id, revision=str(self.revision or ""))


def _problem_text(problem: Problem) -> str:
    return json.dumps({"code": problem.code.value, "params": {k: str(v) for k, v in problem.params.items()}},
                      ensure_ascii=False)


def _problem_of(text: str | None) -> Problem | None:
    if not text:
        return None
    data = json.loads(text)
    return Problem(Code(data["code"]), **data["params"])


def items(home: Home) -> list[ItemView]:
    """Every outbox item, oldest first."""
    with home.store.read() as session:
        seqs = {b.id: json.loads(b.receipt)["seq"] for b in session.scalars(
            select(OutboxBundle).where(OutboxBundle.receipt.is_not(None)))}
        return [ItemView(i.id, OutboxKind(i.kind), i.applicant_id, i.revision, OutboxState(i.state), i.created_at,
                         i.attempts, i.next_try_at, _problem_of(i.last_error), i.reason, i.detail, i.delivered_at,
                         seqs.get(i.bundle_id) if i.state == OutboxState.DELIVERED else None)
                for i in session.scalars(select(OutboxItem).order_by(OutboxItem.id))]


def sheet_states(home: Home) -> dict[str, ItemView]:
    """Per applicant, the newest outbox item: what the applicant list shows beside the sheet."""
    return {item.applicant_id: item for item in items(home) if item.kind is not OutboxKind.RESULT}


def pending_count(home: Home) -> int:
    with home.store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxItem).where(
            OutboxItem.state.in_([OutboxState.QUEUED.value, OutboxState.WAITING.value]))) or 0


def next_try(home: Home) -> datetime | None:
    """When the earliest waiting item is due (the background sender sleeps until then)."""
    with home.store.read() as session:
        return session.scalar(select(func.min(OutboxItem.next_try_at)).where(
            OutboxItem.state == OutboxState.WAITING.value))


def backoff(attempts: int) -> timedelta:
    """The wait after `attempts` failed sends in a row: doubling from BACKOFF_FIRST, capped."""
    return min(BACKOFF_CAP, BACKOFF_FIRST * 2 ** max(0, min(attempts - 1, 20)))


@dataclass(frozen=True)
class SendReport:
    delivered: int  # items delivered by this pass
    refused: int  # items refused by this pass
    pending: int  # items still queued or waiting afterwards
    problem: Problem | None  # why the last attempt of this pass did not deliver, if it did not


class Outbox:
    """One home's outbox and its sender (module docstring). `key` unlocks the expert's signing key
    when a bundle must be packed; `client` makes the intake client (tests pass options)."""

    def __init__(self, home: Home, target: Target, key: Callable[[], SigningKey], *,
                 client: Callable[[Target], object] | None = None, now: Callable[[], datetime] = utcnow,
                 attempts: int = 3) -> None:
        self.home, self.target, self._key, self._now = home, target, key, now
        self._client_factory = client or (lambda t: _default_client(t, attempts))

    # --- the pass --------------------------------------------------------------------------------
    def send(self, force: bool = False, progress: Callable[[int, int], None] | None = None) -> SendReport:
        """Deliver what is due (everything pending when `force`: the user asked, or `reviewdesk sync`)."""
        delivered = refused = 0
        problem: Problem | None = None
        for _ in range(PASSES):
            if not self._due(force):
                break
            try:
                packed = self._bundle()
            except Problem as failure:  # the key is locked, the disk is full: waiting, said why
                self._failed(None, failure)
                problem = failure
                break
            if packed is None:
                break
            outcome, count, problem = self._deliver(*packed, progress)
            if outcome == "delivered":
                delivered += count
                problem = None
            elif outcome == "refused":
                refused += count
                force = True  # the rest is re-packed without the refused applicant, at once
                continue
            break
        from .result_outbox import send_results  # the chair's signed result: no packing, its own file

        sent, turned_down, failure = send_results(self, force, progress)
        delivered, refused, problem = delivered + sent, refused + turned_down, problem or failure
        return SendReport(delivered, refused, pending_count(self.home), problem)

    def _due(self, force: bool) -> bool:
        now = self._now()
        with self.home.store.read() as session:
            for item in session.scalars(select(OutboxItem).where(
                    OutboxItem.state.in_([OutboxState.QUEUED.value, OutboxState.WAITING.value]))):
                if force or item.state == OutboxState.QUEUED or item.next_try_at is None or item.next_try_at <= now:
                    return True
        return False

    def _write(self):
        return self.home.store.write(actor="outbox")

    # --- packing ---------------------------------------------------------------------------------
    def _bundle(self) -> tuple[OutboxBundle, bytes | bytearray] | None:
        """The bundle carrying every pending item, and its bytes: the one being sent, or a new one."""
        with self._write() as (session, _audit):
            returns = OutboxItem.kind != OutboxKind.RESULT.value  # the chair's result is not packed
            refused = {i.applicant_id: i for i in session.scalars(select(OutboxItem).where(
                OutboxItem.state == OutboxState.REFUSED.value, returns).order_by(OutboxItem.id))}
            pending = list(session.scalars(select(OutboxItem).where(
                OutboxItem.state.in_([OutboxState.QUEUED.value, OutboxState.WAITING.value]), returns)
                .order_by(OutboxItem.id)))
            for item in pending:  # a bundle could carry them only with the refused revision: refused too
                if item.applicant_id in refused:
                    item.state, item.reason = OutboxState.REFUSED.value, refused[item.applicant_id].reason
                    item.detail, item.next_try_at = refused[item.applicant_id].detail, None
            pending = [i for i in pending if i.applicant_id not in refused]
            if not pending:
                return None
            current = {i.bundle_id for i in pending}
            sending = None
            if len(current) == 1 and None not in current:
                bundle = session.get(OutboxBundle, current.pop())
                if bundle.state == OutboxBundleState.SENDING:
                    sending = bundle
            newest = max(i.id for i in pending)
            leave_out = set(refused)
        if sending is not None:
            data = self._kept(sending)
            if data is not None:
                return sending, data
        return self._pack(newest, leave_out)

    def _folder(self) -> Path:
        return self.home.root / OUTBOX_DIR

    def _kept(self, bundle: OutboxBundle) -> bytes | bytearray | None:
        """The plaintext of the copy kept in the outbox (sealed in a sealed home), or None when it is
        missing or damaged: then a new one is packed. Locked: the sealed copy cannot be read (said)."""
        try:
            return read_kept_file(self._folder() / bundle.file_name, self.home.blobs.sealer, bundle.file_sha256)
        except Problem as problem:
            if problem.code in (Code.FILE_UNREADABLE, Code.SEALED_FILE_DAMAGED):
                return None
            raise

    def _pack(self, newest: int, leave_out: set[str]) -> tuple[OutboxBundle, bytes] | None:
        from ..signing.returns import export_returns  # heavy (PDF, zip): only when packing

        key = self._key()
        folder = self._folder()
        packed: list[bytes] = []
        try:  # into memory: the copy kept in a sealed home is written sealed, never plain
            export_returns(self.home, folder / "packing.rvret", key, include_photos=True, leave_out=leave_out,
                           write=packed.append)
        except Problem as problem:
            if problem.code == Code.NOTHING_TO_EXPORT:
                return None
            raise
        data = packed[0]
        digest, size = hashlib.sha256(data).hexdigest(), len(data)  # of the plain bundle: what the intake receives
        name = f"{digest}.rvret"
        private_dir(folder)
        write_kept_file(folder / name, data, self.home.blobs.sealer)
        with self._write() as (session, audit):
            for old in session.scalars(select(OutboxBundle).where(OutboxBundle.state == OutboxBundleState.SENDING)):
                old.state = OutboxBundleState.SUPERSEDED.value
            bundle = session.scalars(select(OutboxBundle).filter_by(file_sha256=digest)).first()
            if bundle is None:
                bundle = OutboxBundle(file_sha256=digest, file_name=name, size=size, created_at=audit.at,
                                      state=OutboxBundleState.SENDING.value)
                session.add(bundle)
                session.flush()
            bundle.state = OutboxBundleState.SENDING.value
            # items signed after the export started are not in it: they wait for the next bundle
            for item in session.scalars(select(OutboxItem).where(
                    OutboxItem.state.in_([OutboxState.QUEUED.value, OutboxState.WAITING.value]),
                    OutboxItem.kind != OutboxKind.RESULT.value, OutboxItem.id <= newest)):
                if item.applicant_id not in leave_out:
                    item.bundle_id = bundle.id
            audit.record("outbox_pack", "outbox_bundle", bundle.id, "file_sha256", None, digest)
            session.expunge(bundle)
        return bundle, data

    # --- sending ---------------------------------------------------------------------------------
    def _deliver(self, bundle: OutboxBundle, data: bytes | bytearray, progress) -> tuple[str, int, Problem | None]:
        client = self._client_factory(self.target)
        try:  # the plain signed bundle, as exported: exchange files leave the home on purpose
            delivery = client.deliver(data, progress, upload_url=bundle.upload_url,
                                      on_upload=lambda url: self._transfer(bundle.id, url))
        except Problem as problem:
            if problem.code == Code.INTAKE_REFUSED and problem.params.get("reason") not in LIFTABLE:
                return "refused", self._refused(bundle.id, problem), problem
            self._failed(bundle.id, problem)
            return "failed", 0, problem
        finally:
            client.close()
        return "delivered", self._delivered(bundle.id, delivery), None

    def _transfer(self, bundle_id: int, url: str) -> None:
        with self._write() as (session, _audit):
            session.get(OutboxBundle, bundle_id).upload_url = url

    def _delivered(self, bundle_id: int, delivery) -> int:
        receipt = delivery.receipt
        sheets = {(s.applicant_id, s.revision) for s in receipt.sheets}
        count = 0
        with self._write() as (session, audit):
            bundle = session.get(OutboxBundle, bundle_id)
            bundle.state, bundle.delivered_at = OutboxBundleState.DELIVERED.value, audit.at
            bundle.receipt, bundle.receipt_signature = delivery.receipt_bytes, delivery.signature
            for item in session.scalars(select(OutboxItem).filter_by(bundle_id=bundle_id)):
                if item.state not in (OutboxState.QUEUED, OutboxState.WAITING):
                    continue
                listed = ((item.applicant_id, item.revision) in sheets if item.kind == OutboxKind.SIGNED
                          else receipt.kind == "result" if item.kind == OutboxKind.RESULT
                          else item.applicant_id in receipt.conflicts)
                if listed:
                    item.state, item.delivered_at, item.next_try_at, item.last_error = (
                        OutboxState.DELIVERED.value, audit.at, None, None)
                    count += 1
                else:  # the receipt does not vouch for it: it goes in the next bundle
                    item.bundle_id = None
            audit.record("outbox_delivered", "outbox_bundle", bundle_id, "receipt_seq", None, receipt.seq)
        return count

    def _refused(self, bundle_id: int, problem: Problem) -> int:
        applicant = str(problem.params.get("applicant") or "")
        count = 0
        with self._write() as (session, audit):
            session.get(OutboxBundle, bundle_id).state = OutboxBundleState.REFUSED.value
            carried = list(session.scalars(select(OutboxItem).filter_by(bundle_id=bundle_id)))
            whole = not applicant or all(i.applicant_id != applicant for i in carried)
            for item in carried:
                if item.state not in (OutboxState.QUEUED, OutboxState.WAITING):
                    continue
                if whole or item.applicant_id == applicant:
                    item.state, item.next_try_at = OutboxState.REFUSED.value, None
                    item.reason, item.detail = str(problem.params.get("reason", "")), str(problem.params.get("detail", ""))
                    count += 1
                else:
                    item.bundle_id = None  # re-packed without the refused applicant
            audit.record("outbox_refused", "outbox_bundle", bundle_id, "reason", None,
                         f"{problem.params.get('reason', '')} {applicant}".strip())
        return count

    def _failed(self, bundle_id: int | None, problem: Problem) -> None:
        now = self._now()
        with self._write() as (session, _audit):
            query = select(OutboxItem).where(OutboxItem.state.in_([OutboxState.QUEUED.value, OutboxState.WAITING.value]))
            if bundle_id is not None:
                query = query.where(OutboxItem.bundle_id == bundle_id)
            else:  # packing the returns failed: the chair's result does not need packing
                query = query.where(OutboxItem.kind != OutboxKind.RESULT.value)
            for item in session.scalars(query):
                item.attempts += 1
                item.state, item.last_error = OutboxState.WAITING.value, _problem_text(problem)
                item.next_try_at = now + backoff(item.attempts)


def _default_client(target: Target, attempts: int):
    from .client import IntakeClient  # httpx and ssl: loaded only when something is sent

    return IntakeClient(target.url, target.public_raw, tls_sha256=target.tls_sha256, attempts=attempts)
