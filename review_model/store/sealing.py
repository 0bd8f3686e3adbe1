"""Sealing a home made before it had a key, in place (issue 15).

`seal_home(home, progress)` is long work in the usual shape. Each plain blob is sealed by itself
(store/blobs.py seal_in_place: sealed temp file, fsync, rename over the plain one), so a process
killed at any moment leaves every blob whole, plain or sealed, and the next call carries on with
the plain ones; temp files left by a kill hold sealed bytes only and are removed. The cache is
disposable: plain thumbnails are deleted (they are made again, sealed). Only when every blob is
sealed is the blobs folder marked (SEALED_MARK); from then on a plain file there is refused.

The return bundles the home keeps (outbox/, and the chair's pulled/: names, scores, comments) are
sealed the same way, one by one, each checked against the hash it is named by first; scratch
files a kill left there (a packing bundle, a half-written copy) are plain and removed. A plain
bundle left there later is still read, checked against the hash the outbox recorded for it.
One that does not match its name is never sealed (that would make a substitute look genuine) nor
deleted: it is moved, as it is, to quarantine/<folder>/ and the start goes on; `quarantined(home)`
lists what is there, and the app says so at every start until the person has dealt with it.

The database and the text index are sealed by SQLCipher (store/db.py, dossier/text_index.py), not here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import Code, Problem
from ..home import Home
from ..progress import Progress, no_progress
from .blobs import private_dir
from .sealed import is_sealed, seal_kept_in_place

THUMBNAILS = "thumbnails"
KEPT_FOLDERS = ("outbox", "pulled")  # sync/outbox.py OUTBOX_DIR, sync/pull.py PULLED_DIR
KEPT_SUFFIX = ".rvret"
QUARANTINE = "quarantine"  # under the home: kept copies that did not match their names, moved aside


@dataclass(frozen=True)
class SealReport:
    sealed_files: int  # blobs sealed by this call
    sealed_bytes: int  # the plaintext bytes this call sealed (blobs and bundles)
    removed_cache_files: int  # plain cache files deleted (made again when needed)
    sealed_bundles: int = 0  # return bundles kept in outbox/ and pulled/ sealed by this call
    quarantined: tuple[Path, ...] = ()  # altered kept copies this call moved to quarantine/, unsealed


def unsealed_bundles(home: Home) -> list[Path]:
    """The plain return bundles the home keeps (named <sha256>.rvret), and plain scratch files there."""
    out = []
    for folder in KEPT_FOLDERS:
        if (home.root / folder).is_dir():
            out += sorted(p for p in (home.root / folder).iterdir() if p.is_file() and not is_sealed(p))
    return out


def unsealed_blobs(home: Home) -> list[str]:
    return [d for d in home.blobs.digests() if not is_sealed(home.blobs.path(d))]


def needs_sealing(home: Home) -> bool:
    """Whether this unlocked home still has plain files of round content (cheap once it is marked)."""
    return home.key is not None and (not home.blobs.all_sealed or bool(unsealed_bundles(home)))


def seal_home(home: Home, progress: Progress = no_progress) -> SealReport:
    if home.key is None:
        return SealReport(0, 0, 0)
    removed = _remove_plain_cache(home.cache / THUMBNAILS)
    _remove_partials(home.blobs.root)
    todo = unsealed_blobs(home)
    kept = unsealed_bundles(home)
    total = len(todo) + len(kept)
    progress(0, total)
    sealed = 0
    for index, digest in enumerate(todo, 1):
        sealed += home.blobs.seal_in_place(digest)
        progress(index, total)
    home.blobs.mark_all_sealed()
    bundles = 0
    moved: list[Path] = []
    for index, path in enumerate(kept, len(todo) + 1):
        digest = path.name.removesuffix(KEPT_SUFFIX)
        if path.name.startswith(".") or not path.name.endswith(KEPT_SUFFIX) or len(digest) != 64:
            path.unlink(missing_ok=True)  # a packing bundle or a half-written copy a kill left: plain
            removed += 1
        else:
            try:
                sealed += seal_kept_in_place(path, home.blobs.sealer, digest)
                bundles += 1
            except Problem as problem:
                if problem.code != Code.MEMBER_ALTERED:
                    raise
                moved.append(_quarantine(home, path))
        progress(index, total)
    return SealReport(len(todo), sealed, removed, bundles, tuple(moved))


def _quarantine(home: Home, path: Path) -> Path:
    """Move an altered kept copy, unchanged, out of the folder whose files are taken as genuine
    (a rename: whole in one place or the other whenever the process stops)."""
    folder = home.root / QUARANTINE / path.parent.name
    private_dir(folder)
    target = folder / path.name
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{path.name}.{number}"
    os.replace(path, target)
    return target


def quarantined(home: Home) -> list[Problem]:
    """What quarantine/ holds, one Problem(KEPT_COPY_QUARANTINED) per file, to say at start."""
    root = home.root / QUARANTINE
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.glob("*/*")):
        if path.is_file():
            name = path.name if path.name.endswith(KEPT_SUFFIX) else path.name.rsplit(".", 1)[0]  # x.rvret.2
            found.append(Problem(Code.KEPT_COPY_QUARANTINED, file=f"{path.parent.name}/{name}", moved=str(path)))
    return found


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
