"""Resumable transfers: a small offset protocol over plain HTTP (docs/formats.md, "Uploads").

    POST  /v1/uploads               {"sha256", "size"} → 201 {"upload_url", "offset"}
    HEAD  /v1/uploads/{id}          → Upload-Offset, Upload-Length
    PATCH /v1/uploads/{id}          Upload-Offset: N, the bytes from N on → 204 Upload-Offset
    POST  /v1/uploads/{id}/complete → the receipt (200) or the refusal (422)

Why not tus: the one FastAPI tus server on PyPI (fastapi-tusd, last release 2024) is not kept up
and owns its storage, so the bounds below (size, open transfers, free disk, idle clients) and
content addressing would be fought around rather than built in; the four requests above are all
of tus's core we need, with the same header names, and httpx speaks them as they are.

The bytes received are appended as they arrive, so a connection cut at any byte keeps everything
before it: the file's size is the offset (no second record to disagree after a crash). A new PATCH
for a transfer takes over from an older one still waiting on a dead link.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import anyio
from sqlalchemy import select

from review_model.store.blobs import private_file
from review_model.store.db import utcnow

from .db import Database
from .home import IntakeHome
from .limits import Limits
from .models import Upload

_ID = re.compile(r"[0-9a-f]{32}")
SHA256 = re.compile(r"[0-9a-f]{64}")


class TransferError(Exception):
    """An answer other than success: HTTP status, error code, and the offset where useful."""

    def __init__(self, status: int, error: str, offset: int | None = None, retry_after: int | None = None) -> None:
        super().__init__(error)
        self.status, self.error, self.offset, self.retry_after = status, error, offset, retry_after


@dataclass(frozen=True)
class Transfer:
    id: str
    sha256: str
    size: int
    path: Path

    @property
    def offset(self) -> int:
        try:
            return self.path.stat().st_size
        except FileNotFoundError:
            return 0


class Transfers:
    def __init__(self, db: Database, home: IntakeHome, limits: Limits) -> None:
        self.db, self.home, self.limits = db, home, limits
        self._active: dict[str, anyio.CancelScope] = {}
        self._locks: dict[str, anyio.Lock] = {}

    def part(self, upload_id: str) -> Path:
        return self.home.uploads / f"{upload_id}.part"

    # --- bookkeeping (sync: run in the thread pool) ---------------------------------------------
    def expire(self, strays: bool = False) -> int:
        """Discard transfers untouched for upload_ttl_hours; with `strays` (at start-up only, when no
        transfer is being created) also files no transfer owns."""
        cutoff = utcnow() - timedelta(hours=self.limits.upload_ttl_hours)
        removed = 0
        with self.db.session() as session:
            rows = list(session.scalars(select(Upload)))
            known = {r.id for r in rows}
            for row in rows:
                path = self.part(row.id)
                touched = datetime.fromtimestamp(path.stat().st_mtime, UTC) if path.exists() else row.created_at
                if touched < cutoff:
                    session.delete(row)
                    path.unlink(missing_ok=True)
                    removed += 1
        if strays:
            for path in self.home.uploads.glob("*.part"):
                if path.stem not in known:
                    path.unlink(missing_ok=True)
        return removed

    def create(self, sha256: str, size: int) -> Transfer:
        if not SHA256.fullmatch(sha256) or size < 1:
            raise TransferError(400, "bad_request")
        if size > self.limits.max_upload:
            raise TransferError(413, "too_large")
        self.expire()
        with self.db.session() as session:
            open_uploads = list(session.scalars(select(Upload)))
            if len(open_uploads) >= self.limits.max_open_uploads:
                raise TransferError(503, "busy", retry_after=30)
            pending = sum(max(u.size - self.part(u.id).stat().st_size, 0) if self.part(u.id).exists() else u.size
                          for u in open_uploads)
            if shutil.disk_usage(self.home.uploads).free - pending - size < self.limits.disk_reserve:
                raise TransferError(507, "disk_full", retry_after=600)
            upload_id = secrets.token_hex(16)
            session.add(Upload(id=upload_id, sha256=sha256, size=size, created_at=utcnow()))
        private_file(self.part(upload_id))  # after the commit: a file is never there without its transfer
        return Transfer(upload_id, sha256, size, self.part(upload_id))

    def get(self, upload_id: str) -> Transfer:
        if not _ID.fullmatch(upload_id):
            raise TransferError(404, "no_such_upload")
        with self.db.session() as session:
            row = session.get(Upload, upload_id)
        if row is None:
            raise TransferError(404, "no_such_upload")
        return Transfer(row.id, row.sha256, row.size, self.part(row.id))

    def forget(self, upload_id: str) -> None:
        with self.db.session() as session:
            row = session.get(Upload, upload_id)
            if row is not None:
                session.delete(row)
        self.part(upload_id).unlink(missing_ok=True)
        self._locks.pop(upload_id, None)

    def digest_matches(self, transfer: Transfer) -> bool:
        digest = hashlib.sha256()
        with open(transfer.path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest() == transfer.sha256

    # --- receiving bytes (async: in the event loop, file writes in threads) ----------------------
    def lock(self, upload_id: str) -> anyio.Lock:
        return self._locks.setdefault(upload_id, anyio.Lock())

    async def receive(self, transfer: Transfer, offset: int, chunks) -> int:
        """Append the body (an async iterator of bytes) at `offset`; return the new offset.

        Stops at the declared size (413 beyond it), on the client's silence for idle_timeout, on a
        cut connection, or when a newer PATCH for the same transfer takes over; every byte received
        before that is kept and synced."""
        previous = self._active.get(transfer.id)
        if previous is not None:
            previous.cancel()  # the older request is waiting on a link that is gone
        async with self.lock(transfer.id):
            current = transfer.offset
            if offset != current:
                raise TransferError(409, "offset_mismatch", offset=current)
            with anyio.CancelScope() as scope:
                self._active[transfer.id] = scope
                try:
                    return await self._append(transfer, current, chunks)
                finally:
                    if self._active.get(transfer.id) is scope:
                        del self._active[transfer.id]
            return transfer.offset  # taken over: what was received is kept

    async def _append(self, transfer: Transfer, offset: int, chunks) -> int:
        fd = await anyio.to_thread.run_sync(lambda: os.open(transfer.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600))
        too_much = False
        try:
            iterator = chunks.__aiter__()
            while True:
                with anyio.move_on_after(self.limits.idle_timeout) as idle:
                    try:
                        chunk = await iterator.__anext__()
                    except StopAsyncIteration:
                        break
                if idle.cancelled_caught:
                    break  # a silent client: keep what came, free the connection
                if not chunk:
                    continue
                room = transfer.size - offset
                if len(chunk) > room:
                    chunk, too_much = chunk[:room], True
                if chunk:
                    await anyio.to_thread.run_sync(_write_all, fd, chunk)
                    offset += len(chunk)
                if too_much:
                    break
        finally:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(_sync_close, fd)
        if too_much:
            raise TransferError(413, "too_large", offset=offset)
        return offset


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)  # a full disk raises here; what was written before stays valid
        view = view[written:]


def _sync_close(fd: int) -> None:
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
