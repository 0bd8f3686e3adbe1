"""A home: one person's workspace folder (database, content-addressed files, caches).

    <home>/reviewdesk.db        the database (WAL; see store/db.py)
    <home>/blobs/ab/abcd…       dossier PDFs and reduced photos by SHA-256, read-only
    <home>/keys/identity.key    the passphrase-sealed key, only where no secure keyring exists
    <home>/cache/               disposable (thumbnails, render caches)
    <home>/staging/             imports in progress; emptied on success and on failure
"""
from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from .errors import Code, Problem
from .store.blobs import BlobStore
from .store.db import Store

DB_NAME = "reviewdesk.db"


def default_home() -> Path:
    env = os.environ.get("REVIEWDESK_HOME")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("ReviewDesk", appauthor=False))


class Home:
    def __init__(self, root: Path, *, create: bool = True) -> None:
        self.root = Path(root)
        try:
            if create:
                self.root.mkdir(parents=True, exist_ok=True)
            elif not (self.root / DB_NAME).exists():
                raise Problem(Code.HOME_UNUSABLE, path=str(self.root), detail="no database")
            self.store = Store(self.root / DB_NAME)
        except OSError as exc:
            raise Problem(Code.HOME_UNUSABLE, path=str(self.root), detail=exc.strerror or str(exc)) from None
        self.blobs = BlobStore(self.root / "blobs")

    @property
    def key_file(self) -> Path:
        return self.root / "keys" / "identity.key"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def staging_dir(self) -> Path:
        folder = self.root / "staging" / uuid.uuid4().hex
        folder.mkdir(parents=True)
        return folder

    def clear_staging(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        try:
            folder.parent.rmdir()
        except OSError:
            pass

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Home:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
