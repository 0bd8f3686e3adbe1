"""The home key: 32 random bytes that encrypt the home's databases (and, through Home.key, its files).

Made with the home (os.urandom) and kept where the signing key is kept (keys.py):
- in the OS keyring, when a trusted one is usable: entry `home-<id>` of the ReviewDesk service;
  `<home>/keys/home-key.json` then says so and holds the key's check value, nothing secret;
- else in `<home>/keys/home.key`, sealed by the passphrase exactly as a signing key file is
  (keys.seal_seed: scrypt n=2^17, r=8, p=1 → 32 bytes, 128 MiB, ~0.3 s; ChaCha20-Poly1305 with the
  check value bound as associated data). The person types one passphrase, the same as for signing.

The check value is the Ed25519 public key of the 32 bytes taken as a seed (crypto.public_key_of): a
one-way function of the key, so it tells a wrong key from a damaged database without revealing it.
The key itself is never written to disk in the clear, never logged, and lives only in the Home.

A home written before encryption is encrypted in place on its first open (store/cipher.py): the key
is stored first, then the database copied encrypted beside it and renamed over it, so a kill at any
point leaves either the plaintext database or the encrypted one, and the next open finishes the job
with the same key.
"""
from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path

from . import crypto, keys
from .errors import Code, Problem
from .progress import Progress, no_progress
from .store import cipher
from .store.blobs import private_dir, write_durably

KEY_BYTES = cipher.KEY_BYTES
KEYRING_MARKER = "home-key.json"  # under <home>/keys/: the key is in the keyring
SEALED_FILE = "home.key"  # under <home>/keys/: the key sealed by the passphrase
MARKER_FORMAT = "reviewdesk-home-key/1"
_MARKER_BYTES_MAX = 1024


class KeyStore(StrEnum):
    KEYRING = "keyring"
    FILE = "file"


def check_value(key: bytes) -> bytes:
    return crypto.public_key_of(key)


def keyring_username(check: bytes) -> str:
    return f"home-{crypto.key_id(check)}"


def _marker(root: Path) -> Path:
    return root / "keys" / KEYRING_MARKER


def _sealed(root: Path) -> Path:
    return root / "keys" / SEALED_FILE


def key_store(root: Path) -> KeyStore | None:
    """Where this home's key is kept, or None for a home that has none yet."""
    if _sealed(root).exists():
        return KeyStore.FILE
    if _marker(root).exists():
        return KeyStore.KEYRING
    return None


def _stored_check(root: Path) -> bytes:
    """The check value recorded in the home (either file), read without a passphrase."""
    path = _sealed(root) if key_store(root) == KeyStore.FILE else _marker(root)
    try:
        with open(path, "rb") as handle:
            data = handle.read(keys.KEY_FILE_BYTES_MAX + 1)
    except OSError as exc:
        raise Problem(Code.HOME_UNUSABLE, path=str(root), detail=exc.strerror or str(exc)) from None
    if path.name == SEALED_FILE:
        return keys.parse_key_file(data, str(path)).public_key
    try:
        marker = json.loads(data[:_MARKER_BYTES_MAX])
        check = crypto.unb64(marker["check"])
        if marker.get("format") != MARKER_FORMAT or len(check) != 32:
            raise ValueError(marker.get("format"))
    except (ValueError, KeyError, TypeError):
        raise Problem(Code.KEY_FILE_UNSUPPORTED, path=str(path), detail="home-key.json") from None
    return check


def create(root: Path, passphrase: keys.PassphraseSource = keys.env_passphrase) -> bytes:
    """A new home key, stored before any database is encrypted with it."""
    key = os.urandom(KEY_BYTES)
    _store(root, key, passphrase)
    return key


def _store(root: Path, key: bytes, passphrase: keys.PassphraseSource) -> None:
    """Keep the key in the trusted keyring, else sealed by a new passphrase (PASSPHRASE_REQUIRED
    when none is given, PASSPHRASE_TOO_SHORT for a short one)."""
    check = check_value(key)
    private_dir(root / "keys")
    if keys.secure_keyring_available():
        try:
            keys.store_in_keyring(key, keyring_username(check))
        except Problem as problem:  # it answered but did not keep the key: the passphrase file, as for signing
            if problem.code != Code.NO_SECURE_KEYRING:
                raise
        else:
            marker = {"format": MARKER_FORMAT, "store": KeyStore.KEYRING.value, "check": crypto.b64(check)}
            write_durably(_marker(root), json.dumps(marker, indent=2).encode("utf-8"), private=True)
            return
    given = passphrase()
    if not given:
        raise Problem(Code.PASSPHRASE_REQUIRED)
    keys.write_key_file(_sealed(root), key, keys.check_new_passphrase(given))


def load(root: Path, passphrase: keys.PassphraseSource = keys.env_passphrase) -> bytes:
    """This home's key from where it is kept. PASSPHRASE_WRONG, KEYRING_UNAVAILABLE or
    HOME_KEY_MISSING when it cannot be had; nothing is changed in any case."""
    check = _stored_check(root)
    if key_store(root) == KeyStore.FILE:
        try:
            key = keys.read_key_file(_sealed(root), check, passphrase)
        except Problem as problem:
            if problem.code == Code.KEY_MISSING:
                raise Problem(Code.HOME_KEY_MISSING, path=str(root), where=KeyStore.FILE.value) from None
            raise
        return key
    try:
        return keys.load_from_keyring(check, keyring_username(check))
    except Problem as problem:
        if problem.code == Code.KEY_MISSING:
            raise Problem(Code.HOME_KEY_MISSING, path=str(root), where=KeyStore.KEYRING.value) from None
        raise


def peek(root: Path) -> bytes | None:
    """The key of a keyring home, without asking anyone anything; None otherwise (a passphrase home,
    no key, no keyring). For reading the language before a command has parsed its arguments."""
    try:
        if key_store(root) != KeyStore.KEYRING:
            return None
        return load(root)
    except Problem:
        return None


def unlock(root: Path, database: Path, *, key: bytes | None = None,
           passphrase: keys.PassphraseSource = keys.env_passphrase, progress: Progress = no_progress) -> bytes:
    """The key that opens this home's database, made for a new home and applied to an old one.

    `key`, when given, is used as is and must be this home's (HOME_KEY_WRONG otherwise); a home with
    no key yet takes it. A plaintext database (a home from before encryption) is then encrypted in
    place, reporting `progress`."""
    cipher.remove_leftover(database)
    if cipher.is_plaintext(database) and not cipher.holds_reviewdesk_schema(database):
        raise Problem(Code.HOME_DAMAGED, path=str(root))  # another program's database: not ours to encrypt
    stored = key_store(root)
    if key is not None:
        if len(key) != KEY_BYTES:
            raise Problem(Code.HOME_KEY_WRONG, path=str(root))
        if stored is not None and _stored_check(root) != check_value(key):
            raise Problem(Code.HOME_KEY_WRONG, path=str(root))
        if stored is None:  # a home made with a given key (a test's, a tool's): kept as a new one's
            _store(root, key, passphrase)
    elif stored is not None:
        key = load(root, passphrase)
    elif _encrypted(database):  # an encrypted database whose key record is gone: never make a new one
        raise Problem(Code.HOME_KEY_MISSING, path=str(root), where="keyring")
    else:
        key = create(root, passphrase)
    if cipher.is_plaintext(database):
        cipher.encrypt_in_place(database, key, progress)
    return key


def _encrypted(database: Path) -> bool:
    try:
        return database.stat().st_size > 0 and not cipher.is_plaintext(database)
    except OSError:
        return False

