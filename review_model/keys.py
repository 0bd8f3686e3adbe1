"""Where a private key lives: the OS keyring, or a passphrase-protected file. Never in the clear.

Only the 32-byte Ed25519 seed is stored (Windows caps a credential at 2,560 bytes). Only keyrings
known to encrypt what they hold are trusted, recognised by their class (not by name or module,
which any class can claim): Windows Credential Manager, macOS Keychain, Secret Service and KWallet.
keyring's ChainerBackend is not a store itself: it wraps every viable backend, and its own
set_password falls through to the next one, so it is looked through and its trusted members are
used directly. Anything else (keyrings.alt, a custom plaintext backend, the fail/null backends) or
a trusted keyring that cannot start or answer (no D-Bus, locked) counts as no secure keyring; the
user is then offered a key file sealed with scrypt and ChaCha20-Poly1305.

The test suite's file-backed keyring (tests/support/keyring_backend.py) is trusted only because
the suite names its class in REVIEWDESK_TEST_ONLY_TRUST_KEYRING; see `TEST_KEYRING_VARIABLE`.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

import keyring
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator, model_validator

from .crypto import SEED_BYTES, b64, key_id, public_key_of, unb64
from .errors import Code, Problem
from .store.blobs import write_durably

KEYRING_SERVICE = "ReviewDesk"
KEY_FILE_FORMAT = "reviewdesk-key/1"
# scrypt cost: 2**17 × 8 × 128 B = 128 MiB and ~0.3 s per unlock on a laptop (OWASP's minimum is 2**17).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1

PassphraseSource = Callable[[], str | None]


# --- which keyring is trusted ------------------------------------------------------------------
class KeyringKind(str, Enum):
    WINDOWS = "windows"
    MACOS = "macos"
    SECRET_SERVICE = "secret_service"
    KWALLET = "kwallet"
    TEST = "test"  # the test suite's backend, trusted through TEST_KEYRING_VARIABLE only


class KeyringState(str, Enum):
    USABLE = "usable"
    UNTRUSTED = "untrusted"  # not a keyring known to encrypt its secrets
    UNAVAILABLE = "unavailable"  # cannot start or answer (no D-Bus, locked, a configured backend that fails)


# The classes as the installed keyring package (25.x) defines them.
SECURE_KEYRINGS: dict[str, KeyringKind] = {
    "keyring.backends.Windows.WinVaultKeyring": KeyringKind.WINDOWS,
    "keyring.backends.macOS.Keyring": KeyringKind.MACOS,
    "keyring.backends.SecretService.Keyring": KeyringKind.SECRET_SERVICE,
    "keyring.backends.kwallet.DBusKeyring": KeyringKind.KWALLET,
}
CHAINER = "keyring.backends.chainer.ChainerBackend"
# Why a variable and not, say, "trust a backend whose module starts with tests.": the suite's
# backend keeps seeds in plain JSON, exactly what this module refuses, so trusting it must be an
# explicit act that cannot happen by accident. The variable's name says it is for tests; it names
# one exact class (not "trust anything"); a keyringrc.cfg or an installed plugin cannot set it; and
# wherever the app names the key's store it then says "test keyring, not secure". Whoever can set
# a process's environment can already read that user's files, so it opens no new way in.
TEST_KEYRING_VARIABLE = "REVIEWDESK_TEST_ONLY_TRUST_KEYRING"
_PROBE_USER = "reviewdesk-probe"  # never stored: reading it shows the keyring answers


@dataclass(frozen=True)
class KeyringCheck:
    state: KeyringState
    backend: str  # the class keyring chose (or was told to use), for people and logs
    kind: KeyringKind | None = None  # the trusted store that will hold the key, when usable
    detail: str = ""  # why it is not usable

    @property
    def usable(self) -> bool:
        return self.state == KeyringState.USABLE

    def describe(self) -> str:
        """The backend and the reason, as the NO_SECURE_KEYRING sentence takes it."""
        return f"{self.backend}: {self.detail}" if self.detail else self.backend


def _class_path(obj: object) -> str:
    return f"{type(obj).__module__}.{type(obj).__qualname__}"


def _is_class(obj: object, path: str) -> bool:
    """Is `obj` exactly an instance of the class at `path`? The class object itself is compared:
    a look-alike that sets __module__ and __name__ is not it, and neither is a subclass."""
    module_name, _, name = path.rpartition(".")
    module = sys.modules.get(module_name)
    return module is not None and getattr(module, name, None) is type(obj)


def _kind(backend: object) -> KeyringKind | None:
    for path, kind in SECURE_KEYRINGS.items():
        if _is_class(backend, path):
            return kind
    test_class = os.environ.get(TEST_KEYRING_VARIABLE, "").strip()
    if test_class and _is_class(backend, test_class):
        return KeyringKind.TEST
    return None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


def _trusted_backends() -> tuple[KeyringCheck | None, list[KeyringBackend]]:
    """The trusted backends to use, best first; or the check that says why there are none."""
    configured = os.environ.get("PYTHON_KEYRING_BACKEND", "").strip()
    try:
        # keyring raises whatever the configured backend raises when it cannot start (RuntimeError
        # without D-Bus, ImportError or AttributeError for a wrong name): all of it means "none".
        backend = keyring.get_keyring()
    except Exception as exc:
        return KeyringCheck(KeyringState.UNAVAILABLE, configured or "keyring", detail=_reason(exc)), []
    name = _class_path(backend)
    if _is_class(backend, CHAINER):
        try:
            members = list(backend.backends)
        except Exception as exc:
            return KeyringCheck(KeyringState.UNAVAILABLE, name, detail=_reason(exc)), []
        trusted = [b for b in members if _kind(b) is not None]
        if not trusted:
            listed = ", ".join(_class_path(b) for b in members) or "no backends"
            return KeyringCheck(KeyringState.UNTRUSTED, f"{name} [{listed}]"), []
        return None, trusted
    if _kind(backend) is None:
        return KeyringCheck(KeyringState.UNTRUSTED, name), []
    return None, [backend]


def _usable_backend() -> tuple[KeyringCheck, KeyringBackend | None]:
    refused, trusted = _trusted_backends()
    if refused is not None:
        return refused, None
    failure = None
    for backend in trusted:
        try:
            backend.get_password(KEYRING_SERVICE, _PROBE_USER)
        except Exception as exc:  # backends raise their own errors (D-Bus, OS, locked)
            failure = failure or KeyringCheck(KeyringState.UNAVAILABLE, _class_path(backend), detail=_reason(exc))
            continue
        return KeyringCheck(KeyringState.USABLE, _class_path(backend), _kind(backend)), backend
    return failure, None


def keyring_check() -> KeyringCheck:
    """Which keyring would hold a new key, or why none can (asks the keyring once, which may
    prompt to unlock it: call it when an identity is being created, not on every start)."""
    return _usable_backend()[0]


def secure_keyring_available() -> bool:
    return keyring_check().usable


# --- keyring ----------------------------------------------------------------------------------
def keyring_username(public_raw: bytes) -> str:
    return f"identity-{key_id(public_raw)}"


def store_in_keyring(seed: bytes, username: str | None = None) -> KeyringCheck:
    """Put the seed into the trusted keyring and read it back; NO_SECURE_KEYRING if that fails
    (nothing was kept then, so the caller can offer the key file instead). `username`: another
    32-byte secret's entry (the home key, home_key.py); the signing key's by default."""
    check, backend = _usable_backend()
    if backend is None:
        raise Problem(Code.NO_SECURE_KEYRING, backend=check.describe())
    username, stored = username or keyring_username(public_key_of(seed)), b64(seed)
    try:
        backend.set_password(KEYRING_SERVICE, username, stored)
        if backend.get_password(KEYRING_SERVICE, username) != stored:
            raise RuntimeError("the keyring did not keep the key")
    except Exception as exc:
        raise Problem(Code.NO_SECURE_KEYRING, backend=f"{check.backend}: {_reason(exc)}") from None
    return check


def load_from_keyring(public_raw: bytes, username: str | None = None) -> bytes:
    refused, trusted = _trusted_backends()
    if refused is not None:
        raise Problem(Code.KEYRING_UNAVAILABLE, backend=refused.describe())
    failure = None
    for backend in trusted:  # a chainer's members: the key may be in any trusted one
        try:
            stored = backend.get_password(KEYRING_SERVICE, username or keyring_username(public_raw))
        except Exception as exc:
            failure = failure or f"{_class_path(backend)}: {_reason(exc)}"
            continue
        try:
            seed = unb64(stored) if stored else b""
        except ValueError:
            seed = b""
        if len(seed) == SEED_BYTES and public_key_of(seed) == public_raw:
            return seed
    if failure is not None:
        raise Problem(Code.KEYRING_UNAVAILABLE, backend=failure)
    raise Problem(Code.KEY_MISSING, where="keyring")


# --- passphrase-protected file -----------------------------------------------------------------
MIN_PASSPHRASE_CHARS = 8
# What a key file may ask for: what seal_seed writes, with a margin for a costlier setting later.
# Anything else is refused before scrypt runs: a file tampered to n=2**40 would ask for 128 TiB.
SCRYPT_N_MIN, SCRYPT_N_MAX = 2**14, 2**18
SCRYPT_R_MAX, SCRYPT_P_MAX = 16, 4
SCRYPT_MEMORY_MAX = 256 * 2**20  # 128 × n × r bytes: twice what SCRYPT_N, SCRYPT_R need
SALT_BYTES_MIN, SALT_BYTES_MAX = 16, 64
KEY_FILE_BYTES_MAX = 4096  # a sealed key is ~400 bytes; read no more than this
_NONCE_BYTES, _TAG_BYTES, _PUBLIC_BYTES = 12, 16, 32


def check_new_passphrase(passphrase: str | None) -> str:
    """The one rule for a passphrase being chosen (GUI, `keys init`, REVIEWDESK_PASSPHRASE). Not for
    unlocking: a key file sealed before the rule existed keeps its shorter passphrase."""
    if len(passphrase or "") < MIN_PASSPHRASE_CHARS:
        raise Problem(Code.PASSPHRASE_TOO_SHORT, minimum=MIN_PASSPHRASE_CHARS)
    return passphrase


def _b64_field(size: tuple[int, int]):
    def check(text: object) -> bytes:
        if not isinstance(text, str):
            raise ValueError("not base64 text")
        data = unb64(text)  # ValueError for anything not strict base64
        if not size[0] <= len(data) <= size[1]:
            raise ValueError(f"{len(data)} bytes")
        return data
    return check


class KeyFile(BaseModel):
    """A key file as seal_seed writes it; the bounds are checked before anything costly runs."""
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    format: Literal["reviewdesk-key/1"]
    kdf: Literal["scrypt"]
    n: int
    r: int = Field(ge=1, le=SCRYPT_R_MAX)
    p: int = Field(ge=1, le=SCRYPT_P_MAX)
    salt: Annotated[bytes, BeforeValidator(_b64_field((SALT_BYTES_MIN, SALT_BYTES_MAX)))]
    aead: Literal["chacha20poly1305"]
    nonce: Annotated[bytes, BeforeValidator(_b64_field((_NONCE_BYTES, _NONCE_BYTES)))]
    public_key: Annotated[bytes, BeforeValidator(_b64_field((_PUBLIC_BYTES, _PUBLIC_BYTES)))]
    ciphertext: Annotated[bytes, BeforeValidator(_b64_field((SEED_BYTES + _TAG_BYTES, SEED_BYTES + _TAG_BYTES)))]

    @field_validator("n")
    @classmethod
    def _n_is_a_bounded_power_of_two(cls, n: int) -> int:
        if not SCRYPT_N_MIN <= n <= SCRYPT_N_MAX or n & (n - 1):
            raise ValueError(f"{n}; accepted: a power of two from 2^14 to 2^18")
        return n

    @model_validator(mode="after")
    def _memory_is_bounded(self) -> KeyFile:
        if 128 * self.n * self.r > SCRYPT_MEMORY_MAX:
            raise ValueError(f"n={self.n} with r={self.r} needs {128 * self.n * self.r >> 20} MiB, more than 256")
        return self


def _kdf(salt: bytes, n: int, r: int, p: int) -> Scrypt:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p)


def seal_seed(seed: bytes, passphrase: str) -> bytes:
    check_new_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _kdf(salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).derive(passphrase.encode("utf-8"))
    public_raw = public_key_of(seed)
    sealed = ChaCha20Poly1305(key).encrypt(nonce, seed, public_raw)  # the public key is bound as AAD
    return json.dumps({
        "format": KEY_FILE_FORMAT, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
        "salt": b64(salt), "aead": "chacha20poly1305", "nonce": b64(nonce),
        "public_key": b64(public_raw), "ciphertext": b64(sealed),
    }, indent=2).encode("utf-8")


def parse_key_file(data: bytes, source: str = "identity.key") -> KeyFile:
    """Check a key file's structure and bounds (no passphrase needed, nothing costly done)."""
    if len(data) > KEY_FILE_BYTES_MAX:
        raise Problem(Code.KEY_FILE_UNSUPPORTED, path=source, detail=f"{len(data)} bytes")
    try:
        return KeyFile.model_validate(json.loads(data))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise Problem(Code.KEY_FILE_UNSUPPORTED, path=source, detail=f"{where}: {message}" if where else message) from None
    except (ValueError, RecursionError) as exc:  # not JSON (UnicodeDecodeError is a ValueError)
        raise Problem(Code.KEY_FILE_UNSUPPORTED, path=source, detail=type(exc).__name__) from None


def unseal_seed(data: bytes, passphrase: str, source: str = "identity.key") -> bytes:
    box = parse_key_file(data, source)
    key = _kdf(box.salt, box.n, box.r, box.p).derive(passphrase.encode("utf-8"))
    try:
        return ChaCha20Poly1305(key).decrypt(box.nonce, box.ciphertext, box.public_key)
    except InvalidTag:
        raise Problem(Code.PASSPHRASE_WRONG) from None


def write_key_file(path: Path, seed: bytes, passphrase: str) -> None:
    write_durably(path, seal_seed(seed, passphrase), private=True)


def read_key_file(path: Path, public_raw: bytes, passphrase: PassphraseSource) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(KEY_FILE_BYTES_MAX + 1)
    except OSError:
        raise Problem(Code.KEY_MISSING, where="file") from None
    if parse_key_file(data, str(path)).public_key != public_raw:  # another identity's file: no prompt
        raise Problem(Code.KEY_MISSING, where="file")
    given = passphrase()
    if not given:
        raise Problem(Code.PASSPHRASE_REQUIRED)
    seed = unseal_seed(data, given, str(path))
    if public_key_of(seed) != public_raw:
        raise Problem(Code.KEY_MISSING, where="file")
    return seed


def env_passphrase() -> str | None:
    """Scripts sign without a prompt by setting REVIEWDESK_PASSPHRASE (key-file identities only)."""
    return os.environ.get("REVIEWDESK_PASSPHRASE") or None
