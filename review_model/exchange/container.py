"""The signed container shared by .rvpkg, .rvret and .rvres (see docs/formats.md).

A zip holding `manifest.json` (kind, round, signer, every other member's SHA-256 and size),
`manifest.sig` (base64 Ed25519 signature over the exact manifest bytes) and the members.
Opening verifies, in this order: a safe zip; a manifest of bounded size; its signer key, taken
from the manifest's bytes without parsing their structure, an Ed25519 key; the signature over those
exact bytes; only then the manifest's JSON (bounded, see signed_json.py) and schema, and that it
names the key that was checked; the member set; then each member's size and hash as it is read.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import crypto
from ..errors import Code, Problem
from ..store.blobs import write_durably
from . import signed_json
from .safezip import SafeZip

Kind = Literal["package", "return", "result"]
EXTENSIONS: dict[str, str] = {"package": ".rvpkg", "return": ".rvret", "result": ".rvres"}
FORMAT = "reviewdesk-exchange"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
# 20,000 members (safezip.MAX_MEMBERS) at ~180 bytes each fit; read before its signature is checked,
# so bounded first: a 339 MiB manifest is refused from the zip's directory, without reading it.
MAX_MANIFEST_BYTES = 4 << 20
MAX_SIGNATURE_BYTES = 1024  # base64 of 64 bytes is 88

# Which member names each kind may hold: anything else is refused before it is read.
MEMBER_PATTERNS: dict[str, re.Pattern[str]] = {
    "package": re.compile(
        r"round\.json|applicants\.json|experts\.json|rubrics/[a-z_]{1,32}\.json|dossiers/[A-Za-z0-9_\-]{1,32}/m\d{2}\.pdf"
        r"|ocr/[0-9a-f]{64}\.json"  # OCR results, package build --ocr (dossier/ocr_package.py)
    ),
    "return": re.compile(
        r"return\.json|conflicts\.json|sheets/[A-Za-z0-9_\-]{1,32}/r\d{1,3}\.(json|pdf)|photos/[0-9a-f]{64}\.jpg"
    ),
    "result": re.compile(r"result\.json|panel-summary\.pdf|candidates\.pdf|panel-scores\.xlsx"),
}


class Signer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = ""
    name: str = Field(min_length=1)
    role: Literal["bureau", "expert", "chair"]
    public_key_pem: str
    fingerprint: str


class MemberEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0)


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["reviewdesk-exchange"]
    format_version: Literal[1]
    kind: Kind
    round_id: str = Field(min_length=1)
    package_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")  # returns and results name their package
    signer: Signer
    created_at: datetime
    members: list[MemberEntry]

    def public_raw(self) -> bytes:
        return crypto.raw_from_pem(self.signer.public_key_pem)


@dataclass(frozen=True)
class SigningKey:
    """What a writer needs to sign: the identity facts and the seed (held only while signing)."""

    id: str
    name: str
    role: str
    seed: bytes

    @property
    def public_raw(self) -> bytes:
        return crypto.public_key_of(self.seed)


def write_container(path: Path, kind: Kind, round_id: str, members: dict[str, bytes], key: SigningKey,
                    package_sha256: str | None = None) -> str:
    """Write a signed container atomically; return the SHA-256 of its manifest."""
    data, digest = container_bytes(kind, round_id, members, key, package_sha256)
    write_durably(path, data)
    return digest


def container_bytes(kind: Kind, round_id: str, members: dict[str, bytes], key: SigningKey,
                    package_sha256: str | None = None) -> tuple[bytes, str]:
    """A signed container in memory, and the SHA-256 of its manifest."""
    pattern = MEMBER_PATTERNS[kind]
    for name in members:
        if not pattern.fullmatch(name):
            raise ValueError(f"member name {name!r} is not allowed in a {kind}")
    public_raw = key.public_raw
    manifest = {
        "format": FORMAT, "format_version": 1, "kind": kind, "round_id": round_id,
        "package_sha256": package_sha256,
        "signer": {"id": key.id, "name": key.name, "role": key.role,
                   "public_key_pem": crypto.public_pem(public_raw), "fingerprint": crypto.fingerprint(public_raw)},
        "created_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "members": [{"name": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in sorted(members.items())],
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    if len(manifest_bytes) > MAX_MANIFEST_BYTES:  # no reader would open it
        raise Problem(Code.ZIP_TOO_LARGE, member=MANIFEST, size=len(manifest_bytes))
    signature = crypto.b64(crypto.sign(key.seed, manifest_bytes)).encode("ascii")
    buffer = _zip_bytes([(MANIFEST, manifest_bytes), (SIGNATURE, signature), *sorted(members.items())])
    return buffer, hashlib.sha256(manifest_bytes).hexdigest()


def _zip_bytes(items: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in items:
            already_compressed = name.endswith((".pdf", ".jpg", ".xlsx"))
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_STORED if already_compressed else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


class OpenedContainer:
    """A container whose zip, manifest, signature and member list have been verified.

    Member contents are verified as they are read (`member`), or all at once (`read_all`).
    """

    def __init__(self, archive: SafeZip, manifest: Manifest, manifest_bytes: bytes, signature: bytes) -> None:
        self._archive = archive
        self.manifest = manifest
        self.manifest_bytes = manifest_bytes
        self.signature = signature
        self.sha256 = hashlib.sha256(manifest_bytes).hexdigest()
        self._entries = {m.name: m for m in manifest.members}

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.manifest.members]

    def member(self, name: str) -> bytes:
        entry = self._entries.get(name)
        if entry is None:
            raise Problem(Code.MEMBER_MISSING, member=name)
        data = self._archive.read(name, entry.size)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise Problem(Code.MEMBER_ALTERED, member=name)
        return data

    def read_all(self, progress: Callable[[int, int], None] | None = None) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for index, name in enumerate(self.names):
            out[name] = self.member(name)
            if progress:
                progress(index + 1, len(self.names))
        return out

    def json_member(self, name: str) -> object:
        return signed_json.member(self.member(name), name)

    def close(self) -> None:
        self._archive.close()

    def __enter__(self) -> OpenedContainer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_container(source: Path | bytes, expected_kind: Kind | None = None) -> OpenedContainer:
    """Open and verify everything but the members' contents (see OpenedContainer and the module)."""
    archive = SafeZip(source)
    try:
        names = archive.names()
        for required in (MANIFEST, SIGNATURE):
            if required not in names:
                raise Problem(Code.MEMBER_MISSING, member=required)
        size = archive.entries[MANIFEST].size
        if size > MAX_MANIFEST_BYTES:
            raise Problem(Code.JSON_REFUSED, member=MANIFEST, reason="too_long", detail=f"{size} bytes")
        if archive.entries[SIGNATURE].size > MAX_SIGNATURE_BYTES:
            raise Problem(Code.SIGNATURE_BAD)
        manifest_bytes = archive.read(MANIFEST, size)
        signature_text = archive.read(SIGNATURE, archive.entries[SIGNATURE].size)
        pem, public_raw = _signer_key(manifest_bytes)
        try:
            signature = crypto.unb64(signature_text.decode("ascii").strip())
        except (ValueError, UnicodeDecodeError):
            raise Problem(Code.SIGNATURE_BAD) from None
        if not crypto.verify(public_raw, manifest_bytes, signature):
            raise Problem(Code.SIGNATURE_BAD)
        manifest = _parse_manifest(manifest_bytes, pem)
        if expected_kind and manifest.kind != expected_kind:
            raise Problem(Code.WRONG_KIND, expected=expected_kind, found=manifest.kind)
        listed = [m.name for m in manifest.members]
        if len(set(listed)) != len(listed) or {MANIFEST, SIGNATURE} & set(listed):
            raise Problem(Code.MANIFEST_INVALID, detail="member list")
        pattern = MEMBER_PATTERNS[manifest.kind]
        for name in sorted(names - {MANIFEST, SIGNATURE}):
            if name not in listed or not pattern.fullmatch(name):
                raise Problem(Code.MEMBER_EXTRA, member=name)
        for name in listed:
            if name not in names:
                raise Problem(Code.MEMBER_MISSING, member=name)
        return OpenedContainer(archive, manifest, manifest_bytes, signature)
    except BaseException:
        archive.close()
        raise


# `"public_key_pem": "<JSON string>"`, the string bounded: the one field read before the signature.
_KEY_FIELD = re.compile(rb'"public_key_pem"\s*:\s*("(?:[^"\\\x00-\x1f]|\\.){0,%d}")' % crypto.MAX_PEM_CHARS)
_KEY_NAME = re.compile(rb'"public_key_pem"\s*:')


def _signer_key(data: bytes) -> tuple[str, bytes]:
    """The signer's PEM and raw key, found in the manifest's bytes by one bounded pattern, not by
    parsing them: they are not yet known to be what the key's owner signed. The parsed manifest
    must later name exactly this PEM (`_parse_manifest`)."""
    if len(_KEY_NAME.findall(data)) != 1:
        raise Problem(Code.MANIFEST_INVALID, detail="signer.public_key_pem")
    found = _KEY_FIELD.search(data)
    try:
        pem = json.loads(found.group(1)) if found else None  # one flat JSON string
    except ValueError:
        pem = None
    if not isinstance(pem, str):
        raise Problem(Code.MANIFEST_INVALID, detail="signer.public_key_pem")
    try:
        return pem, crypto.raw_from_pem(pem)
    except crypto.KeyNotEd25519:
        raise Problem(Code.KEY_UNSUPPORTED) from None
    except ValueError as exc:
        raise Problem(Code.MANIFEST_INVALID, detail=f"signer.public_key_pem: {exc}") from None


def _parse_manifest(data: bytes, pem: str) -> Manifest:
    try:
        manifest = Manifest.model_validate(signed_json.loads(data))
    except signed_json.JsonRefused as refused:
        raise refused.problem(MANIFEST) from None
    except ValidationError as exc:
        error = exc.errors()[0]
        raise Problem(Code.MANIFEST_INVALID,
                      detail=f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None
    except ValueError as exc:
        raise Problem(Code.MANIFEST_INVALID, detail=str(exc).splitlines()[0]) from None
    if manifest.signer.public_key_pem != pem:
        raise Problem(Code.MANIFEST_INVALID, detail="signer.public_key_pem")
    if not crypto.same_fingerprint(crypto.fingerprint(crypto.raw_from_pem(pem)), manifest.signer.fingerprint):
        raise Problem(Code.MANIFEST_INVALID, detail="fingerprint does not match the public key")
    return manifest
