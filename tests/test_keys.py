import json

import keyring
import pytest

from review_model import crypto, keys
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import (
    create_identity,
    get_identity,
    parse_public_identity,
    public_identity_bytes,
    signing_key,
)


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


@pytest.mark.parametrize("backend", ["fail", "plaintext"])
def test_insecure_keyrings_are_refused(tmp_path, backend):
    from keyring.backends import fail

    chosen = {"fail": fail.Keyring(), "plaintext": PlaintextKeyring()}[backend]
    previous = keyring.get_keyring()
    keyring.set_keyring(chosen)
    try:
        assert not keys.secure_keyring_available()
        # the home key is then sealed by the passphrase (issue 15); the signing key is refused the keyring
        with Home(tmp_path / "h", passphrase=lambda: "a long passphrase") as home:
            with pytest.raises(Problem) as caught:
                create_identity(home, "A", "expert")
            assert caught.value.code == Code.NO_SECURE_KEYRING
            assert {p.name for p in (home.root / "keys").iterdir()} == {"home.key"}
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


# --- tampered key files: bounded before anything costly runs -------------------------------------
def _key_file_home(tmp_path):
    home = Home(tmp_path / "h")
    create_identity(home, "王专家", "expert", passphrase="correct horse")
    return home


def _set(field, value):
    def tamper(box: dict) -> dict:
        return {**box, field: value}
    return tamper


TAMPERED = {
    "n=2^40": _set("n", 2**40),
    "n=2^19": _set("n", 2**19),
    "n=2^10": _set("n", 2**10),
    "n not a power of two": _set("n", 3 * 2**15),
    "n as text": _set("n", "131072"),
    "n as a float": _set("n", 131072.0),
    "r=2^20": _set("r", 2**20),
    "n=2^18 and r=16: 512 MiB": lambda box: {**box, "n": 2**18, "r": 16},
    "p=2^20": _set("p", 2**20),
    "p=0": _set("p", 0),
    "salt of 1 MiB": _set("salt", crypto.b64(b"s" * 2**20)),
    "salt of 4 bytes": _set("salt", crypto.b64(b"salt")),
    "salt not base64": _set("salt", "not base64!"),
    "salt a number": _set("salt", 5),
    "ciphertext too long": _set("ciphertext", crypto.b64(b"c" * 4096)),
    "nonce too short": _set("nonce", crypto.b64(b"n" * 8)),
    "other kdf": _set("kdf", "pbkdf2"),
    "extra field": _set("comment", "x"),
    "not an object": lambda box: [box],
}


@pytest.mark.parametrize("case", TAMPERED)
def test_a_tampered_key_file_is_refused_in_one_sentence_without_a_prompt(tmp_path, case):
    from ui.messages import describe

    with _key_file_home(tmp_path) as home:
        box = json.loads(home.key_file.read_bytes())
        home.key_file.write_text(json.dumps(TAMPERED[case](box)))
        asked = []
        with pytest.raises(Problem) as caught:
            signing_key(home, lambda: asked.append(1) or "correct horse")
    assert caught.value.code == Code.KEY_FILE_UNSUPPORTED and asked == []
    sentence = describe(caught.value)
    assert "identity.key" in sentence and "\n" not in sentence


@pytest.mark.parametrize("data", [b"[" * 2000 + b"]" * 2000, b"{" * 1500, b"\xff\xfe", b"x" * 10**7])
def test_a_garbled_key_file_is_refused_in_one_sentence(tmp_path, data):
    with _key_file_home(tmp_path) as home:
        home.key_file.write_bytes(data)
        with pytest.raises(Problem) as caught:
            signing_key(home, lambda: "correct horse")
    assert caught.value.code == Code.KEY_FILE_UNSUPPORTED


def test_the_command_line_refuses_a_tampered_key_file_in_one_line_and_changes_nothing(tmp_path):
    from review_model.importer import import_package
    from review_model.sheets.context import Reviewer
    from tests.support.cli import reviewdesk
    from tests.support.sheets import complete_sheet, make_key_file_round
    from tests.support.snapshot import snapshot

    homes, package, bureau = make_key_file_round(tmp_path, "correct horse")
    with Home(homes["E02"]) as home:
        import_package(home, package, trust_bureau=bureau)
        complete_sheet(Reviewer.open(home), "A01")
        box = json.loads(home.key_file.read_bytes())
        home.key_file.write_text(json.dumps({**box, "n": 2**40}))
    before = snapshot(homes["E02"])
    signed = reviewdesk("--lang", "en", "--home", homes["E02"], "sheet", "sign", "A01",
                        env={"REVIEWDESK_PASSPHRASE": "correct horse"})
    assert signed.returncode == 1 and "Traceback" not in signed.stderr
    assert len(signed.stderr.strip().splitlines()) == 1 and "identity.key" in signed.stderr
    assert snapshot(homes["E02"]) == before


# --- the passphrase rule: for choosing one, not for unlocking an older file ----------------------
@pytest.mark.parametrize("passphrase", ["1", "", "seven77"])
def test_a_short_passphrase_is_refused_and_nothing_is_kept(tmp_path, passphrase):
    with Home(tmp_path / "h") as home:
        with pytest.raises(Problem) as caught:
            create_identity(home, "王专家", "expert", passphrase=passphrase)
        assert get_identity(home) is None
    assert caught.value.code == Code.PASSPHRASE_TOO_SHORT and caught.value.params["minimum"] == 8
    assert not (tmp_path / "h" / "keys" / "identity.key").exists()  # (the home key's marker is there: issue 15)


def test_eight_characters_are_enough(tmp_path):
    with Home(tmp_path / "h") as home:
        assert create_identity(home, "王专家", "expert", passphrase="12345678").key_store == "file"


def test_the_command_line_refuses_a_short_passphrase(tmp_path):
    from tests.support.cli import reviewdesk

    made = reviewdesk("--home", tmp_path / "h", "keys", "init", "--key-file", "--name", "甲", "--role", "expert",
                      env={"REVIEWDESK_PASSPHRASE": "1"})
    assert made.returncode == 1 and len(made.stderr.strip().splitlines()) == 1
    assert "至少需要 8 个字符" in made.stderr
    assert not (tmp_path / "h" / "keys").exists()


def test_a_key_file_sealed_with_a_short_passphrase_before_the_rule_still_unlocks(tmp_path):
    """An older ReviewDesk accepted any passphrase: re-seal the key as it did, with "1"."""
    import os

    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    with _key_file_home(tmp_path) as home:
        seed = signing_key(home, lambda: "correct horse").seed
        box = json.loads(home.key_file.read_bytes())
        salt, nonce = os.urandom(16), os.urandom(12)
        key = Scrypt(salt=salt, length=32, n=box["n"], r=box["r"], p=box["p"]).derive(b"1")
        sealed = ChaCha20Poly1305(key).encrypt(nonce, seed, crypto.unb64(box["public_key"]))
        box.update(salt=crypto.b64(salt), nonce=crypto.b64(nonce), ciphertext=crypto.b64(sealed))
        home.key_file.write_text(json.dumps(box))
        assert signing_key(home, lambda: "1").seed == seed
        with pytest.raises(Problem) as wrong:
            signing_key(home, lambda: "2")
    assert wrong.value.code == Code.PASSPHRASE_WRONG
