"""'The home is left unchanged': every file's content and the database's logical content."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

DB_FILES = ("reviewdesk.db", "reviewdesk.db-wal", "reviewdesk.db-shm")


def snapshot(home: Path) -> dict[str, str]:
    state = {}
    for path in sorted(home.rglob("*")):
        if path.is_file() and path.name not in DB_FILES:
            state[str(path.relative_to(home))] = hashlib.sha256(path.read_bytes()).hexdigest()
    db = home / "reviewdesk.db"
    if db.exists():
        with sqlite3.connect(db) as conn:
            state["<database>"] = hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    return state
