"""Which keyring may hold a private key: only the known secure ones, by their class; anything else,
or a keyring that cannot start or answer, means a passphrase-protected key file, said in words."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer

from review_model import keys
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import create_identity, signing_key
from tests.support.cli import reviewdesk
from tests.support.keyring_backend import FileTestKeyring

PASSPHRASE = "a long passphrase"


@pytest.fixture
def restore_keyring():
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def _keyring_json() -> str:
    path = Path(os.environ["REVIEWDESK_TEST_KEYRING"]) / "keyring.json"
    return path.read_text() if path.exists() else ""


def test_the_four_secure_keyrings_are_the_installed_classes():
    from keyring.backends import Windows, kwallet, macOS

    assert set(keys.SECURE_KEYRINGS) == {
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in (Windows.WinVaultKeyring, macOS.Keyring, SecretService.Keyring, kwallet.DBusKeyring)}


def test_a_plaintext_backend_chosen_by_python_keyring_backend_alone_is_not_trusted(tmp_path):
    """The suite's own backend keeps seeds in plain JSON: without the test-only variable naming it,
    `keys init` must not put the seed there (today it does, and calls it 系统密钥环)."""
    before = _keyring_json()
    made = reviewdesk("--home", tmp_path / "h", "keys", "init", "--name", "甲", "--role", "expert",
                      env={keys.TEST_KEYRING_VARIABLE: "", "REVIEWDESK_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    assert "没有安全的系统密钥环" in made.stdout and "FileTestKeyring" in made.stdout
    assert "受口令保护的密钥文件" in made.stdout and "Traceback" not in made.stderr
    assert (tmp_path / "h" / "keys" / "identity.key").exists()
    assert _keyring_json() == before  # nothing was written to the plaintext store


def test_a_look_alike_class_is_not_trusted(tmp_path, restore_keyring):
    class LookAlike(KeyringBackend):
        """Claims to be the Secret Service backend by name and module, and keeps passwords in memory."""
        priority = 1
        kept: dict = {}

        def get_password(self, service, username):
            return self.kept.get((service, username))

        def set_password(self, service, username, password):
            self.kept[(service, username)] = password

        def delete_password(self, service, username):
            self.kept.pop((service, username), None)

    LookAlike.__module__, LookAlike.__name__, LookAlike.__qualname__ = "keyring.backends.SecretService", "Keyring", "Keyring"

    class Subclass(FileTestKeyring):
        pass

    for impostor in (LookAlike(), Subclass()):
        keyring.set_keyring(impostor)
        check = keys.keyring_check()
        assert check.state == keys.KeyringState.UNTRUSTED and not check.usable
        with Home(tmp_path / type(impostor).__name__, passphrase=lambda: PASSPHRASE) as home:
            with pytest.raises(Problem) as caught:
                create_identity(home, "甲", "expert")
            assert caught.value.code == Code.NO_SECURE_KEYRING
    assert LookAlike.kept == {}


def test_the_test_keyring_is_named_loudly_where_the_store_is_named(tmp_path):
    made = reviewdesk("--lang", "en", "--home", tmp_path / "h", "keys", "init", "--name", "A", "--role", "expert")
    assert made.returncode == 0, made.stderr
    assert "TEST KEYRING, NOT SECURE" in made.stdout and keys.TEST_KEYRING_VARIABLE in made.stdout
    shown = reviewdesk("--lang", "en", "--home", tmp_path / "h", "keys", "show")
    assert "TEST KEYRING, NOT SECURE" in shown.stdout


def test_a_secure_keyring_that_cannot_start_means_a_key_file_and_no_traceback(tmp_path):
    no_dbus = {"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring", "DBUS_SESSION_BUS_ADDRESS": ""}
    refused = reviewdesk("--home", tmp_path / "h", "keys", "init", "--name", "甲", "--role", "expert", env=no_dbus)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "REVIEWDESK_PASSPHRASE" in refused.stderr
    made = reviewdesk("--home", tmp_path / "h", "keys", "init", "--name", "甲", "--role", "expert",
                      env={**no_dbus, "REVIEWDESK_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    assert "没有安全的系统密钥环" in made.stdout and "SecretService" in made.stdout
    assert "受口令保护的密钥文件" in made.stdout
    shown = reviewdesk("--home", tmp_path / "h", "keys", "show", env={**no_dbus, "REVIEWDESK_PASSPHRASE": PASSPHRASE})
    assert shown.returncode == 0 and "受口令保护的密钥文件" in shown.stdout


def test_a_keyring_that_answers_but_cannot_keep_the_key_falls_back_to_a_key_file(tmp_path):
    """The probe (a read) works, the write raises: `keys init` says so and keeps the key in a file."""
    (tmp_path / "not-a-folder").write_text("x")
    broken = {"REVIEWDESK_TEST_KEYRING": str(tmp_path / "not-a-folder" / "keyring"), "REVIEWDESK_PASSPHRASE": PASSPHRASE}
    made = reviewdesk("--home", tmp_path / "h", "keys", "init", "--name", "甲", "--role", "expert", env=broken)
    assert made.returncode == 0, made.stderr
    assert "没有安全的系统密钥环" in made.stdout and "NotADirectoryError" in made.stdout
    assert "受口令保护的密钥文件" in made.stdout and (tmp_path / "h" / "keys" / "identity.key").exists()


def test_a_keyring_that_fails_when_signing_is_one_sentence(tmp_path, restore_keyring, monkeypatch):
    with Home(tmp_path / "h") as home:
        create_identity(home, "甲", "expert")
        monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
        keyring.set_keyring(SecretService.Keyring())  # the real class, with no D-Bus to talk to
        assert keys.keyring_check().state == keys.KeyringState.UNAVAILABLE
        with pytest.raises(Problem) as caught:
            signing_key(home)
    assert caught.value.code == Code.KEYRING_UNAVAILABLE
    assert "SecretService" in caught.value.params["backend"]


def _forget_backends() -> None:
    from keyring import backend

    with contextlib.suppress(KeyError):  # nothing to forget yet
        backend.get_all_keyring.reset()


def test_the_chainer_is_looked_through_and_its_trusted_member_used_directly(tmp_path, restore_keyring):
    """keyring's ChainerBackend wraps every viable backend by priority and writes to the first: here a
    plaintext one. The seed must go to the trusted member, never through the chain."""

    class PlaintextFirst(KeyringBackend):
        priority = 9  # ahead of the trusted test keyring in the chain
        kept: dict = {}

        def get_password(self, service, username):
            return self.kept.get((service, username))

        def set_password(self, service, username, password):
            self.kept[(service, username)] = password

        def delete_password(self, service, username):
            self.kept.pop((service, username), None)

    _forget_backends()  # keyring lists the chain's members once per process
    try:
        chain = chainer.ChainerBackend()
        members = [type(b) for b in chain.backends]
        assert members.index(PlaintextFirst) < members.index(FileTestKeyring)
        keyring.set_keyring(chain)
        check = keys.keyring_check()
        assert check.usable and check.kind == keys.KeyringKind.TEST
        with Home(tmp_path / "h") as home:
            info = create_identity(home, "甲", "expert")
            assert signing_key(home).public_raw == info.public_raw
        assert PlaintextFirst.kept == {}
        assert keys.keyring_username(info.public_raw) in _keyring_json()
        PlaintextFirst.priority = -1  # out of the chain for every later test
    finally:
        _forget_backends()


def test_a_chainer_without_a_trusted_member_is_refused(tmp_path, restore_keyring, monkeypatch):
    monkeypatch.setenv(keys.TEST_KEYRING_VARIABLE, "")
    keyring.set_keyring(chainer.ChainerBackend())
    check = keys.keyring_check()
    assert check.state == keys.KeyringState.UNTRUSTED and "ChainerBackend" in check.backend
    with Home(tmp_path / "h", passphrase=lambda: PASSPHRASE) as home, pytest.raises(Problem) as caught:
        create_identity(home, "甲", "expert")
    assert caught.value.code == Code.NO_SECURE_KEYRING
