"""Who may read: the chair and the bureau of a round, by their own signing keys; no passwords.

A reader asks for a challenge (random, single use, two minutes), signs
`reviewdesk-intake-read/1\n<intake fingerprint>\n<challenge>` with the key the round's package
names for its bureau (the package's signer) or its chair, and gets a session token for ten
minutes, good for the rounds where that key is the bureau or the chair. The bureau's dashboard
opens from a one-time link that `reviewdesk intake login-link` prints (whoever can run commands on
the intake's home is its operator). Tokens are stored only as their SHA-256.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from review_model import crypto
from review_model.store.db import utcnow

from .db import Database
from .models import Round, Token

READ_CONTEXT = "reviewdesk-intake-read/1"
CHALLENGE_TTL = timedelta(minutes=2)
SESSION_TTL = timedelta(minutes=10)
LINK_TTL = timedelta(minutes=30)
DASHBOARD_TTL = timedelta(hours=8)


def read_message(intake_fingerprint: str, challenge: str) -> bytes:
    """What a reader signs: bound to this intake, so a signature cannot be replayed at another."""
    return f"{READ_CONTEXT}\n{intake_fingerprint}\n{challenge}".encode()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Reader:
    principal: str
    rounds: frozenset[str]

    def may_read(self, round_id: str) -> bool:
        return round_id in self.rounds


class Auth:
    def __init__(self, db: Database, intake_fingerprint: str) -> None:
        self.db, self.fingerprint = db, intake_fingerprint

    def _issue(self, kind: str, principal: str, rounds: list[str], ttl: timedelta) -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        expires = utcnow() + ttl
        with self.db.session() as session:
            session.execute(delete(Token).where(Token.expires_at < utcnow()))
            session.add(Token(token_sha256=_digest(token), kind=kind, principal=principal,
                              rounds=json.dumps(sorted(rounds)), expires_at=expires))
        return token, expires.isoformat()

    def _take(self, token: str, kind: str, consume: bool) -> Token | None:
        with self.db.session() as session:
            row = session.get(Token, _digest(token))
            if row is None or row.kind != kind:
                return None
            if consume:
                session.delete(row)
            if row.expires_at < utcnow():
                return None
            return row

    def challenge(self) -> tuple[str, str]:
        return self._issue("challenge", "", [], CHALLENGE_TTL)

    def readable_rounds(self, fingerprint: str) -> list[str]:
        with self.db.session() as session:
            rows = list(session.scalars(select(Round)))
        return [r.round_id for r in rows
                if crypto.same_fingerprint(r.bureau_fingerprint, fingerprint)
                or crypto.same_fingerprint(r.chair_fingerprint, fingerprint)]

    def open_session(self, public_key_pem: str, challenge: str, signature_b64: str) -> tuple[str, str, list[str]] | None:
        """A session token for a signed, fresh challenge from a round's bureau or chair; else None."""
        if self._take(challenge, "challenge", consume=True) is None:
            return None
        try:
            public_raw = crypto.raw_from_pem(public_key_pem)
            signature = crypto.unb64(signature_b64)
        except (ValueError, TypeError):
            return None
        if not crypto.verify(public_raw, read_message(self.fingerprint, challenge), signature):
            return None
        fingerprint = crypto.fingerprint(public_raw)
        rounds = self.readable_rounds(fingerprint)
        if not rounds:
            return None
        token, expires = self._issue("session", fingerprint, rounds, SESSION_TTL)
        return token, expires, rounds

    def reader(self, token: str | None, kind: str = "session") -> Reader | None:
        if not token:
            return None
        row = self._take(token, kind, consume=False)
        if row is None:
            return None
        return Reader(row.principal, frozenset(json.loads(row.rounds)))

    def login_link_token(self, rounds: list[str]) -> str:
        """A one-time dashboard login for the intake's operator (printed by the CLI)."""
        token, _ = self._issue("link", "bureau", rounds, LINK_TTL)
        return token

    def use_login_link(self, token: str) -> tuple[str, str] | None:
        row = self._take(token, "link", consume=True)
        if row is None:
            return None
        return self._issue("dashboard", row.principal, json.loads(row.rounds), DASHBOARD_TTL)
