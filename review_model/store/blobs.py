"""Content-addressed files of a home (dossier PDFs, reduced photos), named by SHA-256.

A blob is written once, fsynced, made read-only and never modified. Additions are staged so that
a refused import can be rolled back leaving the folder exactly as it was.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..errors import Code, Problem


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


def write_durably(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: a temp file, fsync, rename, fsync of the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.partial")
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise Problem(Code.FILE_WRITE_FAILED, path=str(path), detail=exc.strerror or str(exc)) from None


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        return self.root / digest[:2] / digest

    def has(self, digest: str) -> bool:
        return self.path(digest).exists()

    def read(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def put(self, data: bytes, digest: str | None = None) -> tuple[str, bool]:
        """Store `data`; return its digest and whether this call created the file."""
        digest = digest or sha256_hex(data)
        target = self.path(digest)
        if target.exists():
            return digest, False
        write_durably(target, data)
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        return digest, True

    def adopt(self, staged: Path, digest: str) -> bool:
        """Move a staged, already verified file into place; return whether it was new."""
        target = self.path(digest)
        if target.exists():
            staged.unlink(missing_ok=True)
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
        target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        _fsync_dir(target.parent)
        return True

    def discard(self, digests: list[str]) -> None:
        """Remove blobs this process just added (rollback of a refused import)."""
        for digest in digests:
            target = self.path(digest)
            if target.exists():
                target.chmod(stat.S_IWUSR | stat.S_IRUSR)
                target.unlink()
            try:
                target.parent.rmdir()
            except OSError:
                pass
