"""Ed25519 signatures, public-key encodings and fingerprints people can read aloud."""
from __future__ import annotations

import base64
import binascii
import hashlib
import os

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SEED_BYTES = 32


def new_seed() -> bytes:
    return os.urandom(SEED_BYTES)


def public_key_of(seed: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )


def sign(seed: bytes, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(seed).sign(data)


def verify(public_raw: bytes, data: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
        return True
    except (InvalidSignature, ValueError):
        return False


def public_pem(public_raw: bytes) -> str:
    key = Ed25519PublicKey.from_public_bytes(public_raw)
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


class KeyNotEd25519(ValueError):
    """A well-formed public key of another algorithm (an EC curve, RSA, X25519…)."""


# An Ed25519 SubjectPublicKeyInfo is always these 12 DER bytes and the 32 key bytes (RFC 8410).
_ED25519_SPKI = bytes.fromhex("302a300506032b6570032100")
_PEM_BEGIN, _PEM_END = "-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----"
MAX_PEM_CHARS = 4096  # an Ed25519 PEM has 113; anything near this is not one


def raw_from_pem(pem: str) -> bytes:
    """The 32 raw bytes of an Ed25519 public key in PEM; ValueError for anything else
    (KeyNotEd25519 for a public key of another algorithm).

    Read by hand, not by OpenSSL's general key parser: the key comes from files anyone can write,
    before their signature is checked, and that parser turns an unusual curve (secp112r1) into
    UnsupportedAlgorithm and parses whatever ASN.1 it is given. Only the one exact DER shape is taken.
    """
    if not isinstance(pem, str) or len(pem) > MAX_PEM_CHARS:
        raise ValueError("not a PEM public key")
    lines = pem.strip().splitlines()
    if len(lines) < 3 or lines[0].strip() != _PEM_BEGIN or lines[-1].strip() != _PEM_END:
        raise ValueError("not a PEM public key")
    try:
        der = base64.b64decode("".join(line.strip() for line in lines[1:-1]), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not a PEM public key") from None
    if len(der) == len(_ED25519_SPKI) + 32 and der.startswith(_ED25519_SPKI):
        return der[len(_ED25519_SPKI):]
    if der[:1] == b"\x30":  # a DER SEQUENCE, as every SubjectPublicKeyInfo is: some other kind of key
        raise KeyNotEd25519("not an Ed25519 public key")
    raise ValueError("not a PEM public key")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def key_id(public_raw: bytes) -> str:
    """A short stable handle for a key (used as the keyring entry's name)."""
    return hashlib.sha256(public_raw).hexdigest()[:24]


def fingerprint(public_raw: bytes) -> str:
    """Six groups of five digits (as Signal's safety numbers): easy to read to each other by phone.

    Each group is 5 bytes of SHA-256(public key) taken modulo 100000, which keeps ~100 bits.
    """
    digest = hashlib.sha256(public_raw).digest()
    groups = [int.from_bytes(digest[i:i + 5], "big") % 100000 for i in range(0, 30, 5)]
    return " ".join(f"{g:05d}" for g in groups)


def same_fingerprint(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())
