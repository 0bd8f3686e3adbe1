"""One setting read straight from a home's database file, before the store (SQLAlchemy, migrations)
is loaded: the command line must know its language before it prints even `--help` (issue 10).

Opened read-write but only read: a read-only SQLite connection cannot remove the WAL files it makes,
so it would leave `-wal`/`-shm` behind in a home it only looked at. Nothing is created: a missing
file is no setting. Any failure is no setting too; the command that opens the store says what is
wrong (store/faults.py).

The database is encrypted: `home_key` opens it (home_key.peek gives it for a keyring home without
asking anyone; a passphrase home is read after its prompt, so its commands start in the default
language).
"""
from __future__ import annotations

from contextlib import closing
from pathlib import Path

from . import cipher


def peek_setting(database: Path, key: str, home_key: bytes | None = None) -> str | None:
    try:
        if not database.is_file():
            return None
        uri = f"{database.resolve().as_uri()}?mode=rw"
        with closing(cipher.connect(uri, home_key, uri=True, timeout=0.5)) as connection:
            # the table of store.models.Setting (tests/test_cli_robust.py reads what set_setting wrote)
            row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    except (*cipher.ERROR, OSError, ValueError):
        return None
    return row[0] if row else None
