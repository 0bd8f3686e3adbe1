"""What a failing home database means to the person using it: damaged, disk full, disk error, read-only.

SQLite reports these as sqlite3 errors, or SQLCipher's (store/cipher.py: its own classes with the same
codes; SQLAlchemy keeps the original as `.orig`) whose names are
SQLite's result codes (https://sqlite.org/rescode.html), stable across versions; the extended names
start with the primary one (SQLITE_IOERR_SHMSIZE is an I/O error). No SQLAlchemy import here: the
command line maps a fault without loading the store.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import Code, Problem
from .cipher import ERROR

# Below this much free space an I/O error is the full disk: SQLite cannot grow its shared-memory
# file (SQLITE_IOERR_SHMSIZE) even to read, so a full disk fails `status` with "disk I/O error".
NEARLY_FULL = 1 << 20

_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_READ_ONLY = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")


def sqlite_error(exc: BaseException | None) -> Exception | None:
    """The SQLite error behind `exc` (itself, SQLAlchemy's `.orig`, or a cause), if there is one."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, ERROR):
            return exc
        exc = getattr(exc, "orig", None) or exc.__cause__
        seen += 1
    return None


def _primary(error: Exception) -> str:
    name = getattr(error, "sqlite_errorname", "") or ""
    return "_".join(name.split("_")[:2])


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def store_problem(exc: BaseException, home: Path) -> Problem | None:
    """The refusal to show for a database fault in the home at `home`; None when `exc` is none.

    Writes wait and retry when the home is busy (store/db.py) and say HOME_BUSY themselves; a read or
    the opening that still finds it locked says the same."""
    error = sqlite_error(exc)
    if error is None:
        return None
    primary = _primary(error)
    if primary in _DAMAGED:
        return Problem(Code.HOME_DAMAGED, path=str(home))
    if primary == "SQLITE_FULL" or (primary == "SQLITE_IOERR" and _nearly_full(home)):
        return Problem(Code.DISK_FULL, path=str(home))
    if primary == "SQLITE_IOERR":
        return Problem(Code.HOME_IO_ERROR, path=str(home))
    if primary in _READ_ONLY:
        return Problem(Code.HOME_READ_ONLY, path=str(home))
    if primary in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return Problem(Code.HOME_BUSY)
    return None
