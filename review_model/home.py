"""A home: one person's workspace folder (database, content-addressed files, caches).

    <home>/reviewdesk.db        the database (WAL, encrypted with the home key; see store/db.py)
    <home>/blobs/ab/abcd…       dossier PDFs and reduced photos by SHA-256, read-only
    <home>/keys/identity.key    the passphrase-sealed key, only where no secure keyring exists
    <home>/keys/home.key        the home key, sealed the same way (or keys/home-key.json: it is in
                                the keyring); see home_key.py
    <home>/cache/               disposable (thumbnails, render caches)
    <home>/staging/             imports in progress; emptied on success and on failure

Everything in it is its owner's only where the OS has such modes (store/blobs.py): the folder and
its folders 0700, files 0600, blobs 0400. Other local users can read neither scores nor dossiers.
"""
from __future__ import annotations

import os
import shutil
import stat
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Code, Problem
from .progress import Progress, no_progress
from .store.blobs import POSIX_MODES, PRIVATE_DIR, BlobStore, private_dir, private_file, set_mode, tighten

if TYPE_CHECKING:
    from .keys import PassphraseSource

DB_NAME = "reviewdesk.db"


def default_home() -> Path:
    env = os.environ.get("REVIEWDESK_HOME")
    if env:
        return Path(env)
    # only needed when no --home is given
    import platformdirs

    return Path(platformdirs.user_data_dir("ReviewDesk", appauthor=False))


def _emptied(database: Path) -> bool:
    """A database file of 0 bytes in a home that holds more than it: truncated, not new (SQLite would
    take it for a new database and the person would see an empty workspace). A 0-byte file alone is
    a first start cut short between creating the file and SQLite writing its header."""
    ours = {database.name, f"{database.name}-wal", f"{database.name}-shm", f"{database.name}-journal"}
    try:
        return database.stat().st_size == 0 and any(entry.name not in ours and not _only_home_key(entry)
                                                     for entry in database.parent.iterdir())
    except OSError:
        return False


def _only_home_key(entry: Path) -> bool:
    """keys/ holding just the home key: made before the database, so a first start cut short has it."""
    # home_key loads keyring, pydantic and cryptography: --help reads this module (DB_NAME) without them
    from .home_key import KEYRING_MARKER, SEALED_FILE

    return entry.name == "keys" and entry.is_dir() and {p.name for p in entry.iterdir()} <= {KEYRING_MARKER, SEALED_FILE}


class Home:
    """`key`: the home key, when the caller has it (else it is loaded, asking `passphrase` where it
    is sealed by one, or made for a new home: home_key.py). `progress` reports the one-time
    encryption of a home written before encryption at rest."""

    key: bytes | None  # the 32-byte home key, from the moment the home is open

    def __init__(self, root: Path, *, create: bool = True, key: bytes | None = None,
                 passphrase: PassphraseSource | None = None, progress: Progress = no_progress) -> None:
        from . import home_key, keys  # the keyring and SQLCipher load with the first home opened too
        from .store.db import Store  # SQLAlchemy loads with the first home opened, not with default_home()

        self.root = Path(root)
        try:
            existed = (self.root / DB_NAME).exists()
            if existed and _emptied(self.root / DB_NAME):  # before private_file() makes a new empty one
                raise Problem(Code.HOME_DAMAGED, path=str(self.root))
            if create:
                self.root.parent.mkdir(parents=True, exist_ok=True)  # the folders above are not the home's
                private_dir(self.root)
            elif not existed:
                raise Problem(Code.HOME_UNUSABLE, path=str(self.root), detail="no database")
            _tighten(self.root, existed)
            # Made 0600 before SQLite opens it: SQLite gives the -wal and -shm it creates (now or in
            # any later process) the database's own mode, whatever the umask.
            private_file(self.root / DB_NAME)
            self.key = home_key.unlock(self.root, self.root / DB_NAME, key=key,
                                       passphrase=passphrase or keys.env_passphrase, progress=progress)
            self.store = Store(self.root / DB_NAME, key=self.key)
        except OSError as exc:
            raise Problem(Code.HOME_UNUSABLE, path=str(self.root), detail=exc.strerror or str(exc)) from None
        self.blobs = BlobStore(self.root / "blobs", key_of=lambda: self.key)
        from .store.sealing import needs_sealing, seal_home  # here: sealing.py imports this module

        if needs_sealing(self):  # a home from before encryption at rest: its files too, once
            seal_home(self, progress)

    @property
    def key_file(self) -> Path:
        return self.root / "keys" / "identity.key"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    def private_file(self, name: str) -> Path:
        """A file of the home that another library writes (Qt's window settings): made 0600 now,
        since such libraries keep an existing file's mode."""
        path = self.root / name
        private_file(path)
        return path

    def staging_dir(self) -> Path:
        folder = self.root / "staging" / uuid.uuid4().hex
        private_dir(folder)
        return folder

    def clear_staging(self, folder: Path) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        try:
            folder.parent.rmdir()
        except OSError:
            pass

    def quarantined(self) -> list[Problem]:
        """Altered kept copies the one-time encryption set aside, unencrypted, one Problem each (said at start)."""
        from .store.sealing import quarantined  # here: sealing.py imports this module

        return quarantined(self)

    def close(self) -> None:
        self.store.close()
        self.key = None  # locked: nothing of this object opens the home any more

    def __enter__(self) -> Home:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _tighten(root: Path, existed: bool) -> None:
    """A home made before modes were set (0755, files 0644) is tightened on open: all of it once,
    while the folder itself is still open to others (it is set last, so an interrupted walk runs
    again), then on every open the files that matter most."""
    if not POSIX_MODES:
        return
    try:
        loose = stat.S_IMODE(root.stat().st_mode) & ~PRIVATE_DIR
    except OSError:
        return
    if loose and existed:
        for folder, _folders, files in os.walk(root):
            if Path(folder) != root:
                tighten(Path(folder))
            for name in files:
                path = Path(folder) / name
                if not path.is_symlink():
                    tighten(path)
    set_mode(root, PRIVATE_DIR)
    for path in (root / f"{DB_NAME}-wal", root / f"{DB_NAME}-shm", root / "keys" / "identity.key"):
        if path.exists():
            tighten(path)
