"""Where a private key lives: the OS keyring, or a passphrase-protected file. Never in the clear.

Only the 32-byte Ed25519 seed is stored (Windows caps a credential at 2,560 bytes). A keyring
that writes secrets in plain text (keyrings.alt) or that cannot store anything counts as no
secure keyring; the user is then offered a key file sealed with scrypt and ChaCha20-Poly1305.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import keyring
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from .crypto import SEED_BYTES, b64, key_id, public_key_of, unb64
from .errors import Code, Problem
from .store.blobs import write_durably

KEYRING_SERVICE = "ReviewDesk"
KEY_FILE_FORMAT = "reviewdesk-key/1"
# scrypt cost: 2**17 × 8 × 128 B = 128 MiB and ~0.3 s per unlock on a laptop (OWASP's minimum is 2**17).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1

PassphraseSource = Callable[[], str | None]


def keyring_backend_name() -> str:
    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _insecure(backend: object) -> bool:
    module = type(backend).__module__
    if module.startswith("keyrings.alt") or module in ("keyring.backends.fail", "keyring.backends.null"):
        return True
    inner = getattr(backend, "backends", None)
    if inner is not None:  # the chainer: secure only if it holds backends and all of them are secure
        return not inner or any(_insecure(b) for b in inner)
    return False


def secure_keyring_available() -> bool:
    return not _insecure(keyring.get_keyring())


# --- keyring ----------------------------------------------------------------------------------
def keyring_username(public_raw: bytes) -> str:
    return f"identity-{key_id(public_raw)}"


def store_in_keyring(seed: bytes) -> None:
    if not secure_keyring_available():
        raise Problem(Code.NO_SECURE_KEYRING, backend=keyring_backend_name())
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_username(public_key_of(seed)), b64(seed))
    except keyring.errors.KeyringError as exc:
        raise Problem(Code.NO_SECURE_KEYRING, backend=f"{keyring_backend_name()}: {exc}") from None


def load_from_keyring(public_raw: bytes) -> bytes:
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_username(public_raw))
    except keyring.errors.KeyringError:
        stored = None
    if not stored:
        raise Problem(Code.KEY_MISSING, where="keyring")
    seed = unb64(stored)
    if len(seed) != SEED_BYTES or public_key_of(seed) != public_raw:
        raise Problem(Code.KEY_MISSING, where="keyring")
    return seed


# --- passphrase-protected file -----------------------------------------------------------------
def _kdf(salt: bytes, n: int, r: int, p: int) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p)


def seal_seed(seed: bytes, passphrase: str) -> bytes:
    if not passphrase:
        raise Problem(Code.PASSPHRASE_REQUIRED)
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _kdf(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).derive(passphrase.encode("utf-8"))
    public_raw = public_key_of(seed)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, seed, public_raw)  # the public key is bound as AAD
    return json.dumps({
        "format": KEY_FILE_FORMAT, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
        "salt": b64(salt), "aead": "chacha20poly1305", "nonce": b64(nonce),
        "public_key": b64(public_raw), "ciphertext": b64(sealed),
    }, indent=2).encode("utf-8")


def unseal_seed(data: bytes, passphrase: str) -> bytes:
    try:
        box = json.loads(data)
        if box.get("format") != KEY_FILE_FORMAT:
            raise ValueError("format")
        key = _kdf(unb64(box["salt"]), int(box["n"]), int(box["r"]), int(box["p"])).derive(passphrase.encode("utf-8"))
        public_raw = unb64(box["public_key"])
        ciphertext, nonce = unb64(box["ciphertext"]), unb64(box["nonce"])
    except (ValueError, KeyError, TypeError):
        raise Problem(Code.KEY_MISSING, where="file") from None
    try:
        seed = ChaCha20Poly1305(key).decrypt(nonce, ciphertext, public_raw)
    except InvalidTag:
        raise Problem(Code.PASSPHRASE_WRONG) from None
    return seed


def write_key_file(path: Path, seed: bytes, passphrase: str) -> None:
    write_durably(path, seal_seed(seed, passphrase))
    path.chmod(0o600)


def read_key_file(path: Path, public_raw: bytes, passphrase: PassphraseSource) -> bytes:
    try:
        data = path.read_bytes()
    except OSError:
        raise Problem(Code.KEY_MISSING, where="file") from None
    given = passphrase()
    if not given:
        raise Problem(Code.PASSPHRASE_REQUIRED)
    seed = unseal_seed(data, given)
    if public_key_of(seed) != public_raw:
        raise Problem(Code.KEY_MISSING, where="file")
    return seed


def env_passphrase() -> str | None:
    """Scripts sign without a prompt by setting REVIEWDESK_PASSPHRASE (key-file identities only)."""
    return os.environ.get("REVIEWDESK_PASSPHRASE") or None
