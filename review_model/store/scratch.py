"""Scratch folders: where a process writes before it moves the result into place (an import's
staged dossiers, an output set being written), and how a later process tells those left behind
by a killed one from those still in use.

Each scratch has a lock file beside its folders (`STEM.lock` next to `STEM…`), created and locked
before any folder and held while the process works. The operating system drops the lock when the
process ends, however it ends (SIGKILL, a crash, the machine switched off), so a lock that can be
taken means nobody is working there any more. Neither an age nor a process id is guessed from
(ids are reused; a slow import on a big package is still alive after minutes). The lock file lies
beside the folder, not in it, so that the folder can be renamed while it is held (Windows refuses
to move a folder holding an open file).
"""
from __future__ import annotations

import os
import shutil
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .blobs import private_dir

LOCK = ".lock"
# A folder without its lock file comes from a version before this one (or a process killed
# between removing its folders and its lock file): left alone for this long in case it still works.
UNLOCKED_GRACE = 3600.0

if os.name == "nt":
    import msvcrt

    def try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


def remove_tree(path: Path) -> None:
    """Remove a folder (or file) even where files in it were made read-only (as blobs are)."""
    def writable_then_retry(function, name, *_exc) -> None:
        os.chmod(name, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
        function(name)

    if path.is_dir() and not path.is_symlink():
        if sys.version_info >= (3, 12):
            shutil.rmtree(path, onexc=writable_then_retry)
        else:
            shutil.rmtree(path, onerror=writable_then_retry)
    elif path.exists() or path.is_symlink():
        path.unlink()


class Scratch:
    """The lock on `STEM.lock`, held until `release()`; folders named STEM + suffix are this
    scratch's (created by the caller), removed by `release()` when still there."""

    def __init__(self, stem: Path) -> None:
        self.stem = stem
        self.lock = stem.with_name(stem.name + LOCK)
        private_dir(stem.parent)  # scratch folders hold round content: the owner's only (0700)
        self._fd: int | None = os.open(self.lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        # A cleaner may have taken and removed the new file before it was locked: then the lock
        # guards nothing, so check it is still the file at that name.
        if not try_lock(self._fd) or os.fstat(self._fd).st_ino != os.stat(self.lock).st_ino:
            os.close(self._fd)
            self._fd = None
            raise FileExistsError(self.lock)

    def folder(self, suffix: str = "") -> Path:
        return self.stem.with_name(self.stem.name + suffix)

    def release(self, *suffixes: str) -> None:
        """Remove this scratch's folders with these suffixes, then the lock (in that order: a
        folder never outlives its lock file, so a lockless folder is never one of these)."""
        for suffix in suffixes:
            remove_tree(self.folder(suffix))
        if self._fd is None:
            return
        if os.name == "nt":  # an open file cannot be removed there: close, then remove
            os.close(self._fd)
            self.lock.unlink(missing_ok=True)
        else:
            self.lock.unlink(missing_ok=True)
            os.close(self._fd)
        self._fd = None

    def abandon(self) -> None:
        """Let go of the lock but leave everything, as a killed process would: the next
        `remove_abandoned` recovers and removes it."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def remove_abandoned(parent: Path, prefix: str = "", recover: Callable[[Path], None] | None = None) -> list[Path]:
    """Remove the scratch folders in `parent` (names starting with `prefix`) whose process is gone;
    return their stems. `recover(stem)` runs first, while the dead process's lock is held, to put
    back anything the process had moved aside."""
    removed: list[Path] = []
    try:
        entries = list(parent.iterdir())
    except OSError:
        return removed
    locks = {e.name[: -len(LOCK)] for e in entries if e.name.endswith(LOCK) and e.name.startswith(prefix)}
    for stem_name in sorted(locks):
        stem, lock = parent / stem_name, parent / (stem_name + LOCK)
        try:
            fd = os.open(lock, os.O_RDWR)
        except OSError:
            continue
        try:
            if not try_lock(fd):
                continue  # its process is alive
            if recover is not None:
                recover(stem)
            for entry in entries:
                if entry.name.startswith(stem_name) and entry != lock:
                    remove_tree(entry)
            removed.append(stem)
        except OSError:
            continue
        finally:
            if stem in removed and os.name != "nt":
                lock.unlink(missing_ok=True)  # while still locked: nobody takes it meanwhile
            os.close(fd)
        if os.name == "nt":  # an open file cannot be removed there
            lock.unlink(missing_ok=True)
    now = time.time()
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix) or name.endswith(LOCK) or any(name.startswith(s) for s in locks):
            continue
        try:
            if entry.is_dir() and now - entry.stat().st_mtime > UNLOCKED_GRACE:
                remove_tree(entry)
                removed.append(entry)
        except OSError:
            continue
    return removed
