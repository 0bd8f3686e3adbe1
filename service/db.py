"""The intake's database: SQLite in its home by default, PostgreSQL by URL; one code path for both.

SQLite runs as the home's does (WAL, synchronous=FULL: an acknowledged receipt survives a power
cut) and every transaction takes the write lock at BEGIN (IMMEDIATE), so concurrent uploads queue
instead of failing on a lock upgrade. PostgreSQL runs at its default READ COMMITTED; the rules
that must hold under races (one receipt number each, one set of bytes per revision) are unique
keys and a row lock on the counter, not reads in Python.

Migrations are the intake's own (service/migrations), with their own version table, so they never
mix with a home's.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from review_model.errors import Code, Problem
from review_model.store.blobs import private_dir, private_file

VERSION_TABLE = "intake_alembic_version"
MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below issues BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def default_url(home: Path) -> str:
    return f"sqlite:///{home / 'intake.db'}"


def redacted(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "?"


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise Problem(Code.INTAKE_DB_UNUSABLE, url="?", detail="not a database URL") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database:
            database = Path(parsed.database)
            private_dir(database.parent)
            private_file(database)  # 0600 before SQLite opens it: its -wal and -shm take its mode
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(url, pool_pre_ping=True, pool_size=8, max_overflow=8)
    else:
        raise Problem(Code.INTAKE_DB_UNUSABLE, url=redacted(url), detail="only sqlite and postgresql+psycopg")
    return engine


def migrate(engine: Engine) -> None:
    # Alembic loads only when a migration is due
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("version_table", VERSION_TABLE)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    """The intake's tables on one engine; sessions are short, one per unit of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        try:
            migrate(self.engine)
        except OperationalError as exc:
            self.engine.dispose()
            raise Problem(Code.INTAKE_DB_UNUSABLE, url=redacted(url),
                          detail=str(exc.orig).strip().splitlines()[0] if exc.orig else "") from None
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
