"""The home's SQLite database: connection settings, migrations, and units of work.

Durability is the point of this module. Every connection the pool hands out runs in WAL mode
with synchronous=FULL (NORMAL can lose acknowledged commits on power loss) and foreign keys on;
macOS also needs fullfsync. Each user edit is its own transaction, committed before the UI says
"saved", with its audit rows in the same transaction.

The driver is SQLCipher's (store/cipher.py): a home's database is encrypted with the home key,
applied as each connection's first statement; the same settings hold for it.
"""
from __future__ import annotations

import random
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from ..errors import Code, Problem
from . import cipher
from .audit import AuditLog
from .faults import store_problem

# The newest migration; compared with the database's stamp so start-up skips Alembic when current.
HEAD_REVISION = "0007"


def _on_connect(dbapi_connection, _record: object) -> None:
    # Autocommit at the driver level; SQLAlchemy's "begin" event below issues BEGIN itself, so
    # PRAGMAs run outside transactions and transactions start when SQLAlchemy says so.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    if sys.platform == "darwin":
        cursor.execute("PRAGMA fullfsync=ON")
        cursor.execute("PRAGMA checkpoint_fullfsync=ON")
    cursor.close()


# --- one writer at a time, each waiting its turn ----------------------------------------------------
# The GUI, the command line and the sync sender may all have one home open. SQLite lets one
# writer in at a time; the others wait in SQLite's busy handler (busy_timeout above), and a unit
# of work that still finds the home locked is retried a few times after a pause.
BUSY_TIMEOUT_MS = 5000  # how long one attempt waits in SQLite for another process's write to end
WRITE = {"sqlite_begin": "IMMEDIATE"}  # execution options of the write units' connections
WRITE_ATTEMPTS = 3
WRITE_BACKOFF = 0.2  # seconds before the second attempt, doubled after each, with jitter


def _on_begin(connection) -> None:
    # Writes take the write lock when they begin (BEGIN IMMEDIATE). A deferred transaction that
    # reads first and writes later cannot wait for the lock: once another process committed, its
    # snapshot is stale and SQLite fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT),
    # whatever the busy timeout, and a check made on that snapshot (e.g. a form's version stamp)
    # could let a lost update through. Reads stay deferred: in WAL they neither wait for the
    # writer nor hold it up.
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def _busy(error: BaseException) -> bool:
    """SQLITE_BUSY in any of its forms (locked by another process, recovery, snapshot)."""
    orig = getattr(error, "orig", None)
    return isinstance(orig, cipher.OPERATIONAL_ERROR) and (getattr(orig, "sqlite_errorcode", 0) & 0xFF) == sqlite3.SQLITE_BUSY


def _disk_trouble(error: BaseException) -> bool:
    """SQLITE_FULL or SQLITE_IOERR: the disk is full or refuses the write; nothing was committed."""
    orig = getattr(error, "orig", None)
    code = getattr(orig, "sqlite_errorcode", 0) & 0xFF
    return isinstance(orig, cipher.OPERATIONAL_ERROR) and code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR)


def make_engine(path: Path | None, key: bytes | None = None) -> Engine:
    """An engine on the file at `path` (encrypted with `key`; plain SQLite without one), or on a
    private in-memory database when `path` is None.

    The connections are made by cipher.connect, so the key is their first statement, before
    SQLAlchemy's own first-connect queries; `module` makes SQLAlchemy wrap SQLCipher's exceptions
    (OperationalError, IntegrityError) as it wraps sqlite3's."""
    target = ":memory:" if path is None else str(path)

    def connect():
        return cipher.connect(target, key, check_same_thread=False)

    if path is None:
        engine = create_engine("sqlite://", module=cipher.dbapi, creator=connect, poolclass=StaticPool)
    else:
        engine = create_engine(f"sqlite:///{path}", module=cipher.dbapi, creator=connect)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _stamped_revision(engine: Engine) -> tuple[str | None, bool]:
    """The schema version the database is stamped with, and whether it holds any table at all."""
    with engine.connect() as conn:
        tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None, bool(tables)
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return (row[0] if row else None), True


def migrate(engine: Engine) -> None:
    """Bring the schema to HEAD_REVISION with Alembic (imported only when there is work to do).

    Refused, leaving the file as it was: a stamp this version does not know (a home written by a
    newer ReviewDesk: migrating would fail half-way or downgrade it) and tables without a stamp
    (some other program's database)."""
    stamp, has_tables = _stamped_revision(engine)
    if stamp == HEAD_REVISION:
        return
    # Alembic loads only when a migration is due
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    where = str(Path(engine.url.database).parent) if engine.url.database else ""
    if stamp is not None and stamp not in {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}:
        raise Problem(Code.HOME_TOO_NEW, path=where, version=stamp)
    if stamp is None and has_tables:
        raise Problem(Code.HOME_DAMAGED, path=where)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Store:
    """The database of one home. Sessions are short: one per unit of work, objects detached after."""

    def __init__(self, path: Path | None, key: bytes | None = None) -> None:
        self.path = path
        self.engine = make_engine(path, key)
        try:
            migrate(self.engine)
        except Exception as exc:  # a damaged file, a full or failing disk: one refusal, nothing written
            self.engine.dispose()
            problem = store_problem(exc, path.parent) if path is not None else None
            if problem is None:
                raise
            raise problem from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self.engine.execution_options(**WRITE), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:  # closing detaches the objects, loaded values intact
            yield session

    @contextmanager
    def write(self, actor: str) -> Iterator[tuple[Session, AuditLog]]:
        """One committed transaction with its audit trail; nothing is kept if the block raises.

        The write lock is taken before the block runs, so the block's reads see the latest
        committed state and nothing can change it before the commit. Raises Problem(HOME_BUSY)
        when another process keeps the home locked longer than the attempts wait."""
        with self._locked_session() as session:
            audit = AuditLog(session, actor, utcnow())
            try:
                yield session, audit
                session.commit()
            except BaseException as exc:
                session.rollback()
                if isinstance(exc, OperationalError) and _busy(exc):
                    raise Problem(Code.HOME_BUSY) from None  # e.g. at COMMIT outside WAL mode
                if isinstance(exc, OperationalError) and _disk_trouble(exc):  # a full disk, at COMMIT
                    raise Problem(Code.FILE_WRITE_FAILED, path=str(self.path), detail=str(exc.orig)) from None
                raise

    def _locked_session(self) -> Session:
        """A session whose transaction holds the write lock. Only taking the lock is retried: the
        block has not run yet, so nothing of it can happen twice."""
        for attempt in range(WRITE_ATTEMPTS):
            session = self._write_sessions()
            try:
                session.connection()  # BEGIN IMMEDIATE, waiting up to busy_timeout
                return session
            except OperationalError as exc:
                session.close()
                if not _busy(exc):
                    raise
            if attempt + 1 < WRITE_ATTEMPTS:
                time.sleep(WRITE_BACKOFF * 2 ** attempt * random.uniform(1, 1.5))
        raise Problem(Code.HOME_BUSY)

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    def close(self) -> None:
        self.engine.dispose()
