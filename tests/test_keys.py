import json

import keyring
import pytest

from review_model import crypto, keys
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import create_identity, parse_public_identity, public_identity_bytes, signing_key


def test_fingerprint_is_six_groups_of_five_digits():
    fp = crypto.fingerprint(crypto.public_key_of(crypto.new_seed()))
    groups = fp.split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)


def test_keyring_identity_signs_and_keeps_only_the_seed_in_the_keyring(tmp_path):
    with Home(tmp_path / "h") as home:
        info = create_identity(home, "李专家", "expert")
        key = signing_key(home)
    assert info.key_store == "keyring"
    stored = keyring.get_password(keys.KEYRING_SERVICE, keys.keyring_username(info.public_raw))
    assert len(crypto.unb64(stored)) == 32
    assert crypto.verify(info.public_raw, b"hello", crypto.sign(key.seed, b"hello"))


def test_a_second_identity_is_refused(tmp_path):
    with Home(tmp_path / "h") as home:
        create_identity(home, "A", "expert")
        with pytest.raises(Problem) as caught:
            create_identity(home, "B", "expert")
    assert caught.value.code == Code.IDENTITY_EXISTS


class PlaintextKeyring(keyring.backend.KeyringBackend):
    """Stands in for keyrings.alt's plaintext backend (same module name), which must count as insecure."""
    priority = 1

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("must never be asked to store a key")

    def delete_password(self, service, username):
        pass


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("backend", ["fail", "plaintext", "empty-chain"])
def test_insecure_keyrings_are_refused(tmp_path, backend):
    from keyring.backends import chainer, fail

    chosen = {"fail": fail.Keyring(), "plaintext": PlaintextKeyring(), "empty-chain": chainer.ChainerBackend()}[backend]
    if backend == "empty-chain":
        chosen.__dict__["backends"] = []
    previous = keyring.get_keyring()
    keyring.set_keyring(chosen)
    try:
        assert not keys.secure_keyring_available()
        with Home(tmp_path / "h") as home:
            with pytest.raises(Problem) as caught:
                create_identity(home, "A", "expert")
            assert caught.value.code == Code.NO_SECURE_KEYRING
            assert (home.root / "keys").exists() is False
    finally:
        keyring.set_keyring(previous)


def test_key_file_is_sealed_and_needs_the_passphrase(tmp_path):
    with Home(tmp_path / "h") as home:
        info = create_identity(home, "王专家", "expert", passphrase="correct horse")
        sealed = home.key_file.read_bytes()
        with pytest.raises(Problem) as wrong:
            signing_key(home, lambda: "wrong horse")
        with pytest.raises(Problem) as none:
            signing_key(home, lambda: None)
        key = signing_key(home, lambda: "correct horse")
    assert wrong.value.code == Code.PASSPHRASE_WRONG
    assert none.value.code == Code.PASSPHRASE_REQUIRED
    assert key.public_raw == info.public_raw
    assert key.seed not in sealed and crypto.b64(key.seed).encode() not in sealed
    assert json.loads(sealed)["kdf"] == "scrypt"


def test_public_identity_file_round_trip_and_tampering(tmp_path):
    with Home(tmp_path / "h") as home:
        info = create_identity(home, "张专家", "chair")
    data = public_identity_bytes(info)
    parsed = parse_public_identity(data, "z.pub")
    assert parsed.name == "张专家" and parsed.role == "chair" and parsed.public_raw() == info.public_raw
    forged = json.loads(data)
    forged["fingerprint"] = crypto.fingerprint(crypto.public_key_of(crypto.new_seed()))
    with pytest.raises(Problem) as caught:
        parse_public_identity(json.dumps(forged).encode(), "z.pub")
    assert caught.value.code == Code.IDENTITY_FILE_INVALID
    with pytest.raises(Problem):
        parse_public_identity(b"not json", "z.pub")
