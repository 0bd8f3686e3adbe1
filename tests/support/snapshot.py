"""'The home is left unchanged': every file's content and the database's logical content."""
from __future__ import annotations

import hashlib
from contextlib import closing
from pathlib import Path

from tests.support import rawdb

DB_FILES = ("reviewdesk.db", "reviewdesk.db-wal", "reviewdesk.db-shm")


def snapshot(home: Path) -> dict[str, str]:
    state = {}
    for path in sorted(home.rglob("*")):
        if path.is_file() and path.name not in DB_FILES:
            state[str(path.relative_to(home))] = hashlib.sha256(path.read_bytes()).hexdigest()
    db = home / "reviewdesk.db"
    if db.exists():
        with closing(rawdb.connect(db)) as conn:
            state["<database>"] = hashlib.sha256("\n".join(dump(conn)).encode()).hexdigest()
    return state


def dump(conn) -> list[str]:
    """Every schema entry and every row, in a fixed order (SQLCipher's driver has no iterdump)."""
    lines = []
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall():
        lines.append(f"{kind} {name}: {sql}")
        if kind == "table" and not name.startswith("sqlite_"):
            lines.extend(repr(row) for row in sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr))
    return lines
