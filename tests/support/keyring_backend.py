"""A keyring backend for the test suite only, chosen with PYTHON_KEYRING_BACKEND.

It keeps secrets in a JSON file under REVIEWDESK_TEST_KEYRING (a pytest temp folder), so CLI
subprocesses share it and nothing in the suite touches a real keyring. Being plain text, the app
does not trust it as a keyring by itself: tests/conftest.py names this exact class in
REVIEWDESK_TEST_ONLY_TRUST_KEYRING (subprocesses inherit it), and the app then calls the store
"TEST KEYRING, NOT SECURE" wherever it names it. Without that variable it is refused like any
other plaintext backend (tests/test_keyring_trust.py).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class FileTestKeyring(KeyringBackend):
    priority = 1

    def _path(self) -> Path:
        folder = os.environ.get("REVIEWDESK_TEST_KEYRING")
        if not folder:
            raise RuntimeError("REVIEWDESK_TEST_KEYRING is not set")
        return Path(folder) / "keyring.json"

    def _load(self) -> dict:
        path = self._path()
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service, username):
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._path().parent.mkdir(parents=True, exist_ok=True)
        self._path().write_text(json.dumps(data))

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(f"{service}\x00{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path().write_text(json.dumps(data))
