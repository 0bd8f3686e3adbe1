"""A set of files that is seen whole or not at all (the chair's result: result.rvres and the three
documents it also holds), written into a folder beside the target and put in place as one rename.

    target = FolderSet(outdir, names)   # refuses a folder holding other files, before any work
    with target as staging:              # a new, locked folder beside outdir
        ...write every file into staging...
        with store.write(actor) as (session, audit):
            audit.record(...)
            target.put_in_place()        # outdir holds the new set; the commit follows
    # leaving the block by an error puts the earlier set back; without one, removes it

The audit row is committed only after the set is in place, and a failed commit puts the earlier
set back, so no audit row ever names a result that is not there. A process killed in the instant
between the rename and the commit leaves the new, complete set without its audit row: it is
signed and verifies, and the next export records its own.

Where the system can exchange two folders in one step (Linux renameat2 RENAME_EXCHANGE, macOS
renamex_np RENAME_SWAP), an earlier set in outdir is swapped with the new one, so that outdir
holds one complete set at every moment. Elsewhere (Windows cannot rename a folder onto an existing
one; some file systems lack the exchange) the earlier set is renamed aside and the new one renamed
in. A process killed between those two renames leaves no outdir for a moment; the next FolderSet
on that outdir finds the dead process's lock free and renames the earlier set back.
"""
from __future__ import annotations

import ctypes
import errno
import os
import sys
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import Code, Problem
from .blobs import _fsync_dir
from .scratch import Scratch, remove_abandoned

PARTIAL, PREVIOUS = ".partial", ".previous"
# Files the system itself puts into a folder someone opened; they go with the earlier set.
SYSTEM_LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _libc_exchange() -> Callable[[Path, Path], bool] | None:
    """The system call that swaps two paths atomically, or None where there is none."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        at_fdcwd, rename_exchange = -100, 2

        def call(a: bytes, b: bytes) -> int:
            return libc.renameat2(at_fdcwd, a, at_fdcwd, b, rename_exchange)
    elif sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        def call(a: bytes, b: bytes) -> int:
            return libc.renamex_np(a, b, 2)  # RENAME_SWAP
    else:
        return None

    def exchange(a: Path, b: Path) -> bool:
        if call(os.fsencode(a), os.fsencode(b)) == 0:
            return True
        code = ctypes.get_errno()
        if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
            return False  # not on this file system: nothing was moved
        raise OSError(code, os.strerror(code), str(b))

    return exchange


# Swap two folders in one step; None where the system cannot (tests set it to None to run the
# Windows way). Returns False when the file system refuses (nothing moved).
exchange_folders: Callable[[Path, Path], bool] | None = None if os.name == "nt" else _libc_exchange()


class FolderSet:
    def __init__(self, target: Path, names: Iterable[str]) -> None:
        target = Path(os.path.abspath(target))
        self.target = target.resolve() if target.is_symlink() else target
        self.names = frozenset(names)
        self._prefix = f".{self.target.name}."
        self._scratch: Scratch | None = None
        self._placed = ""  # "" | new | swapped | aside | aside+new: what put_in_place did so far
        self._keep_folders = False
        self._check()

    def _check(self) -> None:
        """Refuse a target that holds anything but an earlier set: it would go with that set."""
        if not os.path.lexists(self.target):
            return
        if not self.target.is_dir():
            raise Problem(Code.OUTPUT_FOLDER_IN_USE, path=str(self.target), files=self.target.name)
        try:
            foreign = sorted(p.name for p in self.target.iterdir()
                             if p.name not in self.names | SYSTEM_LITTER or not p.is_file() or p.is_symlink())
        except OSError as exc:
            raise Problem(Code.FILE_WRITE_FAILED, path=str(self.target), detail=exc.strerror or str(exc)) from None
        if foreign:
            shown = ", ".join(foreign[:5]) + (f" (+{len(foreign) - 5})" if len(foreign) > 5 else "")
            raise Problem(Code.OUTPUT_FOLDER_IN_USE, path=str(self.target), files=shown)

    def __enter__(self) -> Path:
        parent = self.target.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self.recover()
            self._check()  # again: the recovery may have put an earlier set back
            self._scratch = Scratch(parent / f"{self._prefix}{uuid.uuid4().hex}")
            staging = self._scratch.folder(PARTIAL)
            staging.mkdir()
        except OSError as exc:
            self._release()
            raise Problem(Code.FILE_WRITE_FAILED, path=str(parent), detail=exc.strerror or str(exc)) from None
        return staging

    def put_in_place(self) -> None:
        """Make the staged set the target's, as one step (see the module docstring)."""
        assert self._scratch is not None and not self._placed
        self._check()  # a file dropped into the target meanwhile would be removed with the old set
        staging, aside = self._scratch.folder(PARTIAL), self._scratch.folder(PREVIOUS)
        try:
            _fsync_dir(staging)
            if not os.path.lexists(self.target):
                os.rename(staging, self.target)
                self._placed = "new"
            elif exchange_folders is not None and exchange_folders(staging, self.target):
                self._placed = "swapped"  # the staging folder holds the earlier set now
            else:
                os.rename(self.target, aside)
                self._placed = "aside"
                os.rename(staging, self.target)
                self._placed = "aside+new"
            _fsync_dir(self.target.parent)
        except OSError as exc:
            self._undo()
            raise Problem(Code.FILE_WRITE_FAILED, path=str(self.target), detail=exc.strerror or str(exc)) from None

    def _undo(self) -> None:
        """Put the earlier set back. Should that fail, the folders stay for the next FolderSet's
        recovery (removing them now could remove the only copy of the earlier set)."""
        staging, aside = self._scratch.folder(PARTIAL), self._scratch.folder(PREVIOUS)
        try:
            if self._placed in ("new", "aside+new"):
                os.rename(self.target, staging)
            if self._placed == "swapped":
                exchange_folders(staging, self.target)
            if self._placed in ("aside", "aside+new"):
                os.rename(aside, self.target)
            _fsync_dir(self.target.parent)
        except OSError:
            self._keep_folders = True
        self._placed = ""

    def recover(self) -> None:
        """Clear what killed processes left beside the target, first putting back an earlier set
        one of them had renamed aside (see the module docstring)."""
        remove_abandoned(self.target.parent, self._prefix, self._recover)

    def _recover(self, stem: Path) -> None:
        """A dead process's leftovers: an earlier set renamed aside with no set in its place means
        it was killed between the two renames, before its commit: the earlier set goes back."""
        aside = stem.with_name(stem.name + PREVIOUS)
        if aside.is_dir() and not os.path.lexists(self.target):
            os.rename(aside, self.target)
            _fsync_dir(self.target.parent)

    def _release(self) -> None:
        if self._scratch is not None:
            if self._keep_folders:
                self._scratch.abandon()
            else:
                self._scratch.release(PARTIAL, PREVIOUS)
            self._scratch = None

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is not None and self._placed:
                self._undo()
        finally:
            self._release()
        return False
