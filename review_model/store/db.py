"""The home's SQLite database: connection settings, migrations, and units of work.

Durability is the point of this module. Every connection the pool hands out runs in WAL mode
with synchronous=FULL (NORMAL can lose acknowledged commits on power loss) and foreign keys on;
macOS also needs fullfsync. Each user edit is its own transaction, committed before the UI says
"saved", with its audit rows in the same transaction.
"""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from .audit import AuditLog

# The newest migration; compared with the database's stamp so start-up skips Alembic when current.
HEAD_REVISION = "0003"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Autocommit at the driver level; SQLAlchemy's "begin" event below issues BEGIN itself, so
    # PRAGMAs run outside transactions and transactions start when SQLAlchemy says so.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    if sys.platform == "darwin":
        cursor.execute("PRAGMA fullfsync=ON")
        cursor.execute("PRAGMA checkpoint_fullfsync=ON")
    cursor.close()


def _on_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path | None) -> Engine:
    """An engine on the file at `path`, or on a private in-memory database when `path` is None."""
    if path is None:
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _stamped_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        if not found:
            return None
        row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
        return row[0] if row else None


def migrate(engine: Engine) -> None:
    """Bring the schema to HEAD_REVISION with Alembic (imported only when there is work to do)."""
    if _stamped_revision(engine) == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class Store:
    """The database of one home. Sessions are short: one per unit of work, objects detached after."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.engine = make_engine(path)
        migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:  # closing detaches the objects, loaded values intact
            yield session

    @contextmanager
    def write(self, actor: str) -> Iterator[tuple[Session, AuditLog]]:
        """One committed transaction with its audit trail; nothing is kept if the block raises."""
        with self._sessions() as session:
            audit = AuditLog(session, actor, utcnow())
            try:
                yield session, audit
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def integrity_ok(self) -> bool:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    def close(self) -> None:
        self.engine.dispose()
