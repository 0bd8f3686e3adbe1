"""A raw connection to a home's encrypted database, for tests that write as an older version did or
stand for another process: the real SQLCipher driver, keyed with the home's own key."""
from __future__ import annotations

from pathlib import Path

from review_model import home_key
from review_model.store import cipher


def key_of(home: Path) -> bytes | None:
    """The home's key; None for a home that has none (a plaintext one, from before encryption)."""
    return home_key.load(Path(home)) if home_key.key_store(Path(home)) is not None else None


def connect(home: Path, **kwargs):
    """Like sqlite3.connect(home / "reviewdesk.db", **kwargs); `home` may also name the database."""
    home = Path(home)
    database = home if home.suffix == ".db" else home / "reviewdesk.db"
    return cipher.connect(database, key_of(database.parent), **kwargs)


def decrypt_home(home: Path) -> None:
    """Make `home` as a version before encryption at rest left it: a plaintext database and no home key."""
    home = Path(home)
    database = home / "reviewdesk.db"
    plain = home / "plain.db"
    source = connect(home, isolation_level=None)
    source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    source.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
    source.execute("SELECT sqlcipher_export('plain')")
    source.execute("DETACH DATABASE plain")
    source.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    plain.replace(database)
    for name in (home_key.KEYRING_MARKER, home_key.SEALED_FILE):
        (home / "keys" / name).unlink(missing_ok=True)


def make_legacy(home: Path) -> None:
    """Make `home` wholly as a version before encryption at rest left it: the database in the clear
    (decrypt_home), every blob plain, no seal mark, and no cache (its thumbnails and text index were
    made with the key; a version before it had plain ones, which are disposable anyway)."""
    import shutil

    from review_model.home import Home
    from review_model.store.blobs import PRIVATE_FILE, READ_ONLY_FILE, SEALED_MARK, set_mode
    from review_model.store.sealed import is_sealed, read_kept_file

    home = Path(home)
    with Home(home) as opened:
        plain = {digest: opened.blobs.read(digest) for digest in opened.blobs.digests()}
        blobs = opened.blobs.root
        kept = {path: bytes(read_kept_file(path, opened.blobs.sealer))  # the outbox's and the chair's pulled copies
                for folder in ("outbox", "pulled") for path in (home / folder).glob("*") if is_sealed(path)}
    decrypt_home(home)
    for path, data in kept.items():
        path.write_bytes(data)
    for digest, data in plain.items():
        path = blobs / digest[:2] / digest
        set_mode(path, PRIVATE_FILE)
        path.write_bytes(data)
        set_mode(path, READ_ONLY_FILE)
    (blobs / SEALED_MARK).unlink(missing_ok=True)
    shutil.rmtree(home / "cache", ignore_errors=True)
