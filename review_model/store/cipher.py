"""SQLCipher: the home's databases (reviewdesk.db, the dossiers' text index) encrypted at rest.

Every connection is made here and its first statement is the raw 256-bit home key
(`PRAGMA key = "x'…'"`): a raw key skips SQLCipher's per-connection PBKDF2, so opening costs a few
microseconds, not 200 ms. Pages are AES-256-CBC with an HMAC-SHA512 each (SQLCipher 4 defaults);
the -wal file holds encrypted pages too. Without a key (`key=None`) the same driver reads and writes
plain SQLite, which is how an older home is read once to encrypt it (`encrypt_in_place`).

SQLCipher's exceptions are its own classes, not sqlite3's: code that classifies errors takes both
(`ERROR`, `OPERATIONAL_ERROR`, `DATABASE_ERROR`); their result codes are SQLite's.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as dbapi

from ..errors import Code, Problem
from ..progress import Progress, no_progress
from .blobs import private_file

ERROR = (sqlite3.Error, dbapi.Error)
OPERATIONAL_ERROR = (sqlite3.OperationalError, dbapi.OperationalError)
DATABASE_ERROR = (sqlite3.DatabaseError, dbapi.DatabaseError)
PLAIN_HEADER = b"SQLite format 3\x00"  # an encrypted file starts with its random salt instead
KEY_BYTES = 32
ENCRYPTING = ".encrypting"  # the half-made encrypted copy beside a database being encrypted
_PAGES_PER_REPORT = 64

# SQLCipher logs a wrong key's failed page HMAC to stderr; the caller says what it means instead.
_quiet = dbapi.connect(":memory:")
_quiet.execute("PRAGMA cipher_log_level = NONE")
_quiet.close()


def _key_literal(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a home key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def apply_key(connection: dbapi.Connection, key: bytes | None) -> None:
    """The key as the connection's first statement (nothing may read the file before it)."""
    if key is not None:
        connection.execute(f"PRAGMA key = {_key_literal(key)}")


def connect(path: Path | str, key: bytes | None, **kwargs) -> dbapi.Connection:
    """A DB-API connection to `path` (as sqlite3.connect takes it), keyed before anything else."""
    connection = dbapi.connect(str(path), **kwargs)
    try:
        apply_key(connection, key)
    except BaseException:
        connection.close()
        raise
    return connection


def is_plaintext(path: Path) -> bool:
    """A database written before encryption (or by plain SQLite): its header is readable."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except OSError:
        return False


def holds_reviewdesk_schema(path: Path) -> bool:
    """A plaintext database ReviewDesk wrote (stamped by its migrations) or one still empty; not
    some other program's file, which is refused as it is (store/db.py: migrate)."""
    try:
        connection = connect(path, None)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            connection.close()
    except dbapi.Error:
        return False
    return not tables or "alembic_version" in tables


def encrypting_path(path: Path) -> Path:
    return path.with_name(path.name + ENCRYPTING)


def remove_leftover(path: Path) -> None:
    """A half-made encrypted copy from an encryption that was killed: the plaintext is still whole."""
    encrypting_path(path).unlink(missing_ok=True)


def encrypt_in_place(path: Path, key: bytes, progress: Progress = no_progress) -> None:
    """Replace the plaintext database at `path` by an encrypted copy holding every row.

    Atomic and resumable: the copy is made beside it (`sqlcipher_export` under the write lock, so no
    other process writes meanwhile), synced, and renamed over the original; killed at any moment,
    the folder holds either the old plaintext file, intact, or the new encrypted one, and a
    half-made copy is removed on the next start. The plaintext's WAL is checkpointed into it first
    and the file closed, so no plaintext -wal/-shm is left to be mistaken for the new file's.
    `progress(pages done, pages)` may raise (Problem(CANCELLED)): the plaintext stays as it was.
    """
    target = encrypting_path(path)
    target.unlink(missing_ok=True)
    private_file(target)  # 0600 before SQLCipher writes a page of it
    source = connect(path, None, isolation_level=None, timeout=10)
    failed: list[BaseException] = []
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        total = int(source.execute("PRAGMA page_count").fetchone()[0]) or 1
        page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
        user_version = int(source.execute("PRAGMA user_version").fetchone()[0])
        progress(0, total)

        def report() -> int:
            try:
                done = min(total - 1, os.path.getsize(target) // max(1, page_size))
                progress(done, total)
            except BaseException as exc:  # raised inside SQLite's callback: stop the statement, re-raise after
                failed.append(exc)
                return 1
            return 0

        source.execute("BEGIN IMMEDIATE")  # no other writer until the copy is whole
        source.execute(f"ATTACH DATABASE ? AS encrypted KEY {_key_literal(key)}", (str(target),))
        source.set_progress_handler(report, 1000 * _PAGES_PER_REPORT)
        try:
            source.execute("SELECT sqlcipher_export('encrypted')")
        except dbapi.OperationalError:
            if failed:
                raise failed[0] from None
            raise
        finally:
            source.set_progress_handler(None, 0)
        source.execute(f"PRAGMA encrypted.user_version = {user_version}")  # sqlcipher_export leaves it out
        source.execute("COMMIT")
        source.execute("DETACH DATABASE encrypted")
    except BaseException:
        source.close()
        target.unlink(missing_ok=True)
        raise
    source.close()  # the last connection: SQLite removes the plaintext's -wal (empty after the checkpoint)
    if Path(f"{path}-wal").exists():  # another process has it open and may have written since the copy
        target.unlink(missing_ok=True)
        raise Problem(Code.HOME_BUSY)
    Path(f"{path}-shm").unlink(missing_ok=True)
    _fsync(target)
    os.replace(target, path)
    _fsync_dir(path.parent)
    progress(total, total)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder; its rename is durable by itself (MoveFileEx)
        return
    _fsync(folder)
