"""Has the home's database changed since we last looked, by any process? (The command line, or a
background sender, may write while the GUI is open; the GUI then re-reads what it shows.)

SQLite's `PRAGMA data_version` changes whenever another connection commits. The watch keeps its
own read-only connection that never writes, so every commit, from this process or another, counts.
Looking costs one statement and no lock. The database is encrypted: the watch is keyed like the store.
"""
from __future__ import annotations

from pathlib import Path

from . import cipher


class ChangeWatch:
    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self._connection = cipher.connect(f"{Path(path).resolve().as_uri()}?mode=ro", key, uri=True, check_same_thread=False)
        self._last = self._version()

    def _version(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True once after each change (since the watch began or since the last True)."""
        try:
            version = self._version()
        except cipher.ERROR:  # busy or gone for a moment: look again next time
            return False
        if version != self._last:
            self._last = version
            return True
        return False

    def close(self) -> None:
        self._connection.close()
