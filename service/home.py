"""The intake's folder inside a home, and the intake's own receipt key.

    <home>/intake/intake.db        the database, unless --db names PostgreSQL
    <home>/intake/blobs/ab/abcd…   accepted bundles and the rounds' packages, by SHA-256 of the file
    <home>/intake/uploads/ID.part  transfers in progress (their size is the offset)
    <home>/intake/key.json         the receipt key's public half and where its seed is
    <home>/intake/intake.key       the seed, passphrase-sealed, only where no secure keyring exists
    <home>/intake/serving.json     the address of the running service (for `intake login-link`)

The receipt key is the intake's own Ed25519 key, not the bureau's identity: it only ever signs
receipts. Its seed is in the OS keyring or a sealed file, like every private key of the app; the
service holds it in memory while it runs, because it signs receipts unattended.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from review_model import crypto, keys
from review_model.errors import Code, Problem
from review_model.identity import IDENTITY_FORMAT
from review_model.store.blobs import BlobStore, private_dir, write_durably

from .db import default_url

INTAKE_NAME = "评审台受理服务"  # the receipt key's name in its public identity file


class IntakeHome:
    def __init__(self, home: Path) -> None:
        self.root = Path(home) / "intake"
        try:
            private_dir(self.root / "uploads")  # the intake's files are its operator's only (0700/0600)
        except OSError as exc:
            raise Problem(Code.HOME_UNUSABLE, path=str(self.root), detail=exc.strerror or str(exc)) from None
        self.blobs = BlobStore(self.root / "blobs")
        self.uploads = self.root / "uploads"

    def default_db(self) -> str:
        return default_url(self.root)

    @property
    def serving_file(self) -> Path:
        return self.root / "serving.json"

    def serving_url(self) -> str | None:
        try:
            return json.loads(self.serving_file.read_text(encoding="utf-8"))["url"]
        except (OSError, ValueError, KeyError):
            return None


@dataclass(frozen=True)
class ReceiptKey:
    public_raw: bytes
    seed: bytes

    @property
    def fingerprint(self) -> str:
        return crypto.fingerprint(self.public_raw)

    def sign(self, data: bytes) -> bytes:
        return crypto.sign(self.seed, data)


def _key_file(home: IntakeHome) -> Path:
    return home.root / "key.json"


def public_key(home: IntakeHome) -> bytes | None:
    try:
        return crypto.unb64(json.loads(_key_file(home).read_text(encoding="utf-8"))["public_key"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError):
        raise Problem(Code.KEY_MISSING, where="file") from None


def receipt_key(home: IntakeHome, passphrase: keys.PassphraseSource = keys.env_passphrase) -> ReceiptKey:
    """The intake's receipt key, made on first use: the seed into the keyring when a secure one
    exists, else into a sealed file (the passphrase from REVIEWDESK_PASSPHRASE or the prompt)."""
    public_raw = public_key(home)
    if public_raw is None:
        return _create(home, passphrase)
    where = json.loads(_key_file(home).read_text(encoding="utf-8"))["key_store"]
    if where == "keyring":
        seed = keys.load_from_keyring(public_raw)
    else:
        seed = keys.read_key_file(home.root / "intake.key", public_raw, passphrase)
    return ReceiptKey(public_raw, seed)


def _create(home: IntakeHome, passphrase: keys.PassphraseSource) -> ReceiptKey:
    seed = crypto.new_seed()
    if keys.secure_keyring_available():
        keys.store_in_keyring(seed)
        where = "keyring"
    else:
        given = passphrase()
        if not given:
            raise Problem(Code.PASSPHRASE_REQUIRED)
        keys.write_key_file(home.root / "intake.key", seed, given)
        where = "file"
    public_raw = crypto.public_key_of(seed)
    record = {"public_key": crypto.b64(public_raw), "fingerprint": crypto.fingerprint(public_raw), "key_store": where,
              "created_at": datetime.now(UTC).replace(microsecond=0).isoformat()}
    write_durably(_key_file(home), json.dumps(record, indent=1).encode("utf-8"), private=True)
    return ReceiptKey(public_raw, seed)


def public_identity(home: IntakeHome, key: ReceiptKey | None = None) -> bytes:
    """The receipt key as a public identity file (docs/formats.md), for the round spec's intake.pub."""

    public_raw = key.public_raw if key else public_key(home)
    if public_raw is None:
        raise Problem(Code.KEY_MISSING, where="file")
    created = json.loads(_key_file(home).read_text(encoding="utf-8"))["created_at"]
    body = {"format": IDENTITY_FORMAT, "format_version": 1, "name": INTAKE_NAME, "role": "intake",
            "public_key_pem": crypto.public_pem(public_raw), "fingerprint": crypto.fingerprint(public_raw),
            "created_at": created}
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")
