"""Sealing a home made before it had a key, in place (issue 15).

`seal_home(home, progress)` is long work in the usual shape. Each plain blob is sealed by itself
(store/blobs.py seal_in_place: sealed temp file, fsync, rename over the plain one), so a process
killed at any moment leaves every blob whole, plain or sealed, and the next call carries on with
the plain ones; temp files left by a kill hold sealed bytes only and are removed. The cache is
disposable: plain thumbnails are deleted (they are made again, sealed). Only when every blob is
sealed is the blobs folder marked (SEALED_MARK); from then on a plain file there is refused.

The database and the text index are sealed by SQLCipher (store/db.py, dossier/text_index.py), not here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..home import Home
from ..progress import Progress, no_progress
from .sealed import is_sealed

THUMBNAILS = "thumbnails"


@dataclass(frozen=True)
class SealReport:
    sealed_files: int  # blobs sealed by this call
    sealed_bytes: int  # their plaintext bytes
    removed_cache_files: int  # plain cache files deleted (made again when needed)


def unsealed_blobs(home: Home) -> list[str]:
    return [d for d in home.blobs.digests() if not is_sealed(home.blobs.path(d))]


def needs_sealing(home: Home) -> bool:
    """Whether this unlocked home still has plain files of round content (cheap once it is marked)."""
    return home.key is not None and not home.blobs.all_sealed


def seal_home(home: Home, progress: Progress = no_progress) -> SealReport:
    if home.key is None:
        return SealReport(0, 0, 0)
    removed = _remove_plain_cache(home.cache / THUMBNAILS)
    _remove_partials(home.blobs.root)
    todo = unsealed_blobs(home)
    progress(0, len(todo))
    sealed = 0
    for index, digest in enumerate(todo, 1):
        sealed += home.blobs.seal_in_place(digest)
        progress(index, len(todo))
    home.blobs.mark_all_sealed()
    return SealReport(len(todo), sealed, removed)


def _remove_partials(root: Path) -> None:
    if root.is_dir():
        for partial in root.glob("*/.*.partial"):
            partial.unlink(missing_ok=True)


def _remove_plain_cache(folder: Path) -> int:
    removed = 0
    if not folder.is_dir():
        return 0
    for parent, _folders, files in os.walk(folder):
        for name in files:
            path = Path(parent) / name
            if name.endswith(".partial") or not is_sealed(path):
                path.unlink(missing_ok=True)
                removed += 1
    return removed
