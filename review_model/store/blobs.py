"""Content-addressed files of a home (dossier PDFs, reduced photos), named by SHA-256.

A blob is written once, fsynced, made read-only and never modified. Additions are staged so that
a refused import can be rolled back leaving the folder exactly as it was.

Modes: where the OS has permission bits (not Windows), everything of a home is its owner's only:
folders 0700, files 0600, blobs 0400 (read-only). Modes are set explicitly (os.open's mode,
fchmod, chmod), never through the process umask: a umask is process-wide, would also narrow the
files people export to share, and is not safe to switch around one creation while other threads
write.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import Code, Problem
from .sealed import Sealer, is_sealed


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


SEALED_MARK = ".sealed"  # in the blobs folder: every blob of this home has been sealed
POSIX_MODES = os.name != "nt"  # Windows has ACLs, not these bits: its per-user folders are private already
PRIVATE_DIR, PRIVATE_FILE, READ_ONLY_FILE = 0o700, 0o600, 0o400


def set_mode(path: Path | str, mode: int) -> None:
    """Best effort: a file system without modes (FAT, some network shares) refuses chmod, and the
    home still works there."""
    if POSIX_MODES:
        try:
            os.chmod(path, mode)
        except OSError:
            pass


def private_dir(folder: Path) -> None:
    """Make `folder` and its missing parents, each 0700 (mkdir's own mode is narrowed by the umask,
    hence the chmod). Parents that exist are left as they are."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        set_mode(made, PRIVATE_DIR)


def _fchmod(fd: int, mode: int) -> None:
    """os.open's mode is narrowed by the umask and an existing file keeps its own: make it exact."""
    if POSIX_MODES:
        try:
            os.fchmod(fd, mode)
        except OSError:
            pass


def tighten(path: Path) -> None:
    """Take group's and others' bits off an existing file or folder (the owner's stay: a read-only
    blob stays read-only)."""
    if POSIX_MODES:
        try:
            set_mode(path, stat.S_IMODE(path.stat().st_mode) & stat.S_IRWXU)
        except OSError:
            pass


def private_file(path: Path) -> None:
    """Create `path` empty and 0600 if it is missing, else tighten it: for files another library
    creates and then keeps the mode of (SQLite, whose -wal and -shm copy the database's mode; Qt's
    QSaveFile)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    except FileExistsError:
        tighten(path)
        return
    try:
        _fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)


def _open_temp(temp: Path, private: bool):
    if not private:
        return open(temp, "wb")
    handle = os.fdopen(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE),
                       "wb")
    _fchmod(handle.fileno(), PRIVATE_FILE)  # a stale temp file from a crash would keep its old mode
    return handle


def write_durably(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` atomically: a temp file, fsync, rename, fsync of the folder.

    `private`: a file of the home, created 0600 in folders made 0700 (never readable by others,
    not even for a moment). Without it (files people export) the usual modes apply."""
    temp = path.with_name(f".{path.name}.partial")
    try:
        if private:
            private_dir(path.parent)
        path.parent.mkdir(parents=True, exist_ok=True)  # inside: `-o /dev/null/x` fails here
        with _open_temp(temp, private) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):  # nothing to remove where the folder could not be made
            temp.unlink(missing_ok=True)
        raise Problem(Code.FILE_WRITE_FAILED, path=str(path), detail=exc.strerror or str(exc)) from None


class BlobStore:
    """Blobs are named by the SHA-256 of their plaintext (deduplication and verification see through
    the sealing). With a home key (`key_of()` not None) every blob written is sealed
    (store/sealed.py, label "blob/ab/abcd…"); plain blobs of a home made before are still read until
    the home has been sealed in place (store/sealing.py leaves SEALED_MARK), after which a plain file
    among the blobs can only be a substitute and is refused."""

    def __init__(self, root: Path, key_of: Callable[[], bytes | None] = lambda: None) -> None:
        self.root = root
        self._key_of = key_of
        self._sealer: tuple[bytes, Sealer] | None = None

    @property
    def sealer(self) -> Sealer | None:
        key = self._key_of()
        if key is None:
            return None
        if self._sealer is None or self._sealer[0] != key:
            self._sealer = (key, Sealer(key))
        return self._sealer[1]

    @property
    def all_sealed(self) -> bool:
        return (self.root / SEALED_MARK).exists()

    @staticmethod
    def label(digest: str) -> str:
        return f"blob/{digest[:2]}/{digest}"

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def has(self, digest: str) -> bool:
        return self.path(digest).exists()

    def read(self, digest: str) -> bytes:
        return bytes(self.read_buffer(digest))

    def read_buffer(self, digest: str) -> bytes | bytearray:
        """The plaintext (a bytearray when it was sealed: wrap it in a memoryview for PyMuPDF)."""
        path = self.path(digest)
        sealed = is_sealed(path)
        self.check_readable(path, sealed)
        if sealed:
            return self.sealer.open(path, self.label(digest))
        return path.read_bytes()

    def check_readable(self, path: Path, sealed: bool) -> None:
        """Refuse what this home cannot or must not read: a sealed file without the key, a plain one
        where everything was sealed."""
        if sealed and self.sealer is None:
            raise Problem(Code.SEALED_HOME_LOCKED, path=str(path))
        if not sealed and self.sealer is not None and self.all_sealed and path.exists():
            raise Problem(Code.SEALED_FILE_DAMAGED, path=str(path))

    def _stored_form(self, data: bytes, digest: str) -> bytes:
        sealer = self.sealer
        if sealer is None:
            return data
        if not self.all_sealed and not self.digests():  # a new sealed home: nothing plain was ever here
            self.mark_all_sealed()
        return sealer.seal(data, self.label(digest))

    def mark_all_sealed(self) -> None:
        write_durably(self.root / SEALED_MARK, b"", private=True)

    def put(self, data: bytes, digest: str | None = None) -> tuple[str, bool]:
        """Store `data`; return its digest and whether this call created the file."""
        digest = digest or sha256_hex(data)
        target = self.path(digest)
        if target.exists():
            return digest, False
        write_durably(target, self._stored_form(data, digest), private=True)
        set_mode(target, READ_ONLY_FILE)
        return digest, True

    def stage(self, staged: Path, data: bytes, digest: str) -> None:
        """Write a verified file to a staging folder in the form adopt() moves into place (sealed
        where the home is: no plaintext reaches the disk of a sealed home)."""
        with open(staged, "wb", opener=lambda name, flags: os.open(name, flags, PRIVATE_FILE)) as handle:
            handle.write(self._stored_form(data, digest))

    def seal_in_place(self, digest: str) -> int:
        """Seal one plain blob (a temp file, fsync, rename over it): the file is whole, plain or
        sealed, whenever the process stops. Returns the plaintext bytes sealed (0: it already was)."""
        target = self.path(digest)
        if is_sealed(target):
            return 0
        data = target.read_bytes()
        if sha256_hex(data) != digest:  # never seal a substitute: it would then look genuine
            raise Problem(Code.MEMBER_ALTERED, member=str(target))
        set_mode(target, PRIVATE_FILE)  # Windows cannot replace a read-only file
        write_durably(target, self._stored_form(data, digest), private=True)
        set_mode(target, READ_ONLY_FILE)
        return len(data)

    def digests(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for folder in self.root.iterdir() if folder.is_dir() and len(folder.name) == 2
                      for p in folder.iterdir() if p.is_file() and len(p.name) == 64)

    def adopt(self, staged: Path, digest: str) -> bool:
        """Move a staged, already verified file into place; return whether it was new."""
        target = self.path(digest)
        if target.exists():
            staged.unlink(missing_ok=True)
            return False
        private_dir(target.parent)
        os.replace(staged, target)
        set_mode(target, READ_ONLY_FILE)
        _fsync_dir(target.parent)
        return True

    def discard(self, digests: list[str]) -> None:
        """Remove blobs this process just added (rollback of a refused import), or a closed round's."""
        for digest in digests:
            target = self.path(digest)
            if target.exists():
                target.chmod(stat.S_IWUSR | stat.S_IRUSR)
                target.unlink()
            try:
                target.parent.rmdir()
            except OSError:
                pass
