"""This home's signing identity and public identity files (.pub) for enrolment with the bureau."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import crypto, keys
from .errors import Code, Problem
from .exchange import signed_json
from .exchange.container import SigningKey
from .home import Home
from .store.models import Identity

# "intake": the bureau's intake service's receipt key (service/home.py); never a `keys init` role.
Role = Literal["expert", "chair", "bureau", "intake"]
ROLES: tuple[str, ...] = ("expert", "chair", "bureau")
IDENTITY_FORMAT = "reviewdesk-identity"


@dataclass(frozen=True)
class IdentityInfo:
    name: str
    role: str
    fingerprint: str
    public_raw: bytes
    key_store: str  # keyring | file
    created_at: datetime


def get_identity(home: Home) -> IdentityInfo | None:
    with home.store.read() as session:
        row = session.get(Identity, 1)
        if row is None:
            return None
        return IdentityInfo(row.name, row.role, row.fingerprint, crypto.unb64(row.public_key), row.key_store, row.created_at)


def require_identity(home: Home) -> IdentityInfo:
    found = get_identity(home)
    if found is None:
        raise Problem(Code.NO_IDENTITY)
    return found


def create_identity(home: Home, name: str, role: str, *, passphrase: str | None = None) -> IdentityInfo:
    """Make a key pair. The seed goes to the OS keyring, or, when `passphrase` is given, to a
    sealed key file in the home. Refused if the home already has an identity."""
    name = name.strip()
    if not name or role not in ROLES:
        raise Problem(Code.IDENTITY_FILE_INVALID, detail="name/role")
    if get_identity(home) is not None:
        raise Problem(Code.IDENTITY_EXISTS)
    seed = crypto.new_seed()
    if passphrase is None:
        keys.store_in_keyring(seed)
        key_store = "keyring"
    else:
        keys.write_key_file(home.key_file, seed, passphrase)
        key_store = "file"
    public_raw = crypto.public_key_of(seed)
    with home.store.write(actor=name) as (session, audit):
        session.add(Identity(id=1, name=name, role=role, public_key=crypto.b64(public_raw),
                             fingerprint=crypto.fingerprint(public_raw), key_store=key_store, created_at=audit.at))
        audit.record("create", "identity", 1, "fingerprint", None, crypto.fingerprint(public_raw))
    return require_identity(home)


def signing_key(home: Home, passphrase: keys.PassphraseSource = keys.env_passphrase, person_id: str = "") -> SigningKey:
    """Unlock this home's key for one signing operation. Callers drop it when done."""
    info = require_identity(home)
    if info.key_store == "keyring":
        seed = keys.load_from_keyring(info.public_raw)
    else:
        seed = keys.read_key_file(home.key_file, info.public_raw, passphrase)
    return SigningKey(id=person_id, name=info.name, role=info.role, seed=seed)


# --- public identity files ----------------------------------------------------------------------
class PublicIdentity(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["reviewdesk-identity"]
    format_version: Literal[1]
    name: str = Field(min_length=1)
    role: Role
    public_key_pem: str
    fingerprint: str
    created_at: datetime

    def public_raw(self) -> bytes:
        return crypto.raw_from_pem(self.public_key_pem)


def public_identity_bytes(info: IdentityInfo) -> bytes:
    body = {
        "format": IDENTITY_FORMAT, "format_version": 1, "name": info.name, "role": info.role,
        "public_key_pem": crypto.public_pem(info.public_raw), "fingerprint": info.fingerprint,
        "created_at": info.created_at.isoformat(),
    }
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")


def parse_public_identity(data: bytes, source: str) -> PublicIdentity:
    """A public identity file from someone else (bounded JSON, an Ed25519 key: signed_json, crypto)."""
    try:
        identity = PublicIdentity.model_validate(signed_json.loads(data))
        public_raw = identity.public_raw()
    except (ValueError, ValidationError) as exc:
        raise Problem(Code.IDENTITY_FILE_INVALID, file=source, detail=str(exc).splitlines()[0]) from None
    if not crypto.same_fingerprint(crypto.fingerprint(public_raw), identity.fingerprint):
        raise Problem(Code.IDENTITY_FILE_INVALID, file=source, detail="fingerprint")
    return identity
