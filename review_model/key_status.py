"""Is this home's signing key the one the package lists for this expert?

`match`: the package lists this key (and so this person's signatures will be accepted);
`mismatch`: the package lists someone of this identity's name with a different key (an old key,
a second laptop: call the bureau); `not_listed`: neither the key nor the name is on the panel.
`no_identity` and `no_round` say there is nothing to compare yet.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from . import crypto
from .exchange.package import Package
from .home import Home
from .identity import get_identity
from .store.models import Expert

KeyMatch = Literal["match", "mismatch", "not_listed", "no_identity", "no_round"]


@dataclass(frozen=True)
class KeyStatus:
    state: KeyMatch
    fingerprint: str | None = None  # this home's key
    listed_fingerprint: str | None = None  # the key the package lists for this person (match or mismatch)
    expert_id: str | None = None
    expert_name: str | None = None
    key_store: str | None = None  # where this home's private key is kept: keyring | file


def _same_name(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


def key_status(home: Home, package: Package | None = None) -> KeyStatus:
    """Compare this home's key with the panel of `package`, or of the round imported in the home."""
    identity = get_identity(home)
    if identity is None:
        return KeyStatus("no_identity")
    store = identity.key_store
    if package is not None:
        panel = [(e.expert_id, e.name, e.fingerprint) for e in package.experts]
    else:
        with home.store.read() as session:
            panel = [(e.expert_id, e.name, e.fingerprint) for e in session.scalars(select(Expert))]
        if not panel:
            return KeyStatus("no_round", identity.fingerprint, key_store=store)
    for expert_id, name, fingerprint in panel:
        if crypto.same_fingerprint(fingerprint, identity.fingerprint):
            return KeyStatus("match", identity.fingerprint, fingerprint, expert_id, name, store)
    for expert_id, name, fingerprint in panel:
        if _same_name(name, identity.name):
            return KeyStatus("mismatch", identity.fingerprint, fingerprint, expert_id, name, store)
    return KeyStatus("not_listed", identity.fingerprint, key_store=store)
