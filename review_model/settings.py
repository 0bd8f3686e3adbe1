"""Small per-home settings kept in the database, so they survive a crash with everything else:
the UI language and where the user was (applicant, material, page, zoom)."""
from __future__ import annotations

import json

from .home import Home
from .store.models import Setting


def get_setting(home: Home, key: str, default: str | None = None) -> str | None:
    with home.store.read() as session:
        row = session.get(Setting, key)
        return row.value if row else default


def set_setting(home: Home, key: str, value: str) -> None:
    with home.store.write(actor="app") as (session, _audit):
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value


def get_json(home: Home, key: str) -> object | None:
    raw = get_setting(home, key)
    try:
        return None if raw is None else json.loads(raw)
    except ValueError:
        return None


def set_json(home: Home, key: str, value: object) -> None:
    set_setting(home, key, json.dumps(value, ensure_ascii=False, sort_keys=True))
