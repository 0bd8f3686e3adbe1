"""Forging exchange files for the bad-input tests: rewrite members and re-sign with a real key,
forge the manifest's own bytes, or damage the zip itself without re-signing."""
from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from review_model import crypto
from review_model.exchange.container import SigningKey, write_container
from review_model.exchange.container import container_bytes as signed_container
from review_model.home import Home
from review_model.identity import signing_key


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n not in ("manifest.json", "manifest.sig")}


def manifest_of(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def resign(source: Path, out: Path, key: SigningKey, change: Callable[[dict[str, bytes]], None],
           round_id: str | None = None) -> Path:
    """A validly signed copy of `source` whose members went through `change`."""
    manifest = manifest_of(source)
    members = members_of(source)
    change(members)
    write_container(out, manifest["kind"], round_id or manifest["round_id"], members, key,
                    package_sha256=manifest.get("package_sha256"))
    return out


def bureau_key(home_dir: Path, person_id: str = "B01") -> SigningKey:
    with Home(home_dir) as home:
        return signing_key(home, person_id=person_id)


def edit_json(members: dict[str, bytes], name: str, edit: Callable[[dict], None]) -> None:
    data = json.loads(members[name])
    edit(data)
    members[name] = json.dumps(data, ensure_ascii=False).encode("utf-8")


def rezip(source: Path, out: Path, change: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], None]) -> Path:
    """Copy the raw entries of `source` (signature untouched) through `change`, e.g. to add a member."""
    with zipfile.ZipFile(source) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    change(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)
    out.write_bytes(buffer.getvalue())
    return out


# --- forging in memory: containers, manifests, raw zip entries, keys ----------------------------------
def container_bytes(kind: str, round_id: str, members: dict[str, bytes], key: SigningKey,
                    package_sha256: str | None = None, manifest: Callable[[bytes], bytes] | None = None,
                    signature: bytes | None = None) -> bytes:
    """A container as `write_container` makes it, in memory; `manifest` rewrites the manifest's bytes
    before they are signed (with `key`), `signature` replaces the signature file's contents."""
    data, _digest = signed_container(kind, round_id, members, key, package_sha256)
    if manifest is None and signature is None:
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    original = next(d for i, d in entries if i.filename == "manifest.json")
    forged = manifest(original) if manifest else original
    sig = signature if signature is not None else crypto.b64(crypto.sign(key.seed, forged)).encode("ascii")
    replaced = {"manifest.json": forged, "manifest.sig": sig}
    return zip_entries([(i, replaced.get(i.filename, d)) for i, d in entries])


def zip_entries(entries: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return buffer.getvalue()


def reseal(source: Path | bytes, key: SigningKey, *, members: Callable[[dict[str, bytes]], None] | None = None,
           manifest: Callable[[bytes], bytes] | None = None, signature: bytes | None = None,
           round_id: str | None = None) -> bytes:
    """Like `resign`, in memory, with the manifest's bytes open to forgery too."""
    data = source.read_bytes() if isinstance(source, Path) else source
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        head = json.loads(archive.read("manifest.json"))
        content = {n: archive.read(n) for n in archive.namelist() if n not in ("manifest.json", "manifest.sig")}
    if members:
        members(content)
    return container_bytes(head["kind"], round_id or head["round_id"], content, key, head.get("package_sha256"),
                           manifest, signature)


@dataclass
class RawEntry:
    """One zip entry as stored: its compressed bytes, with the sizes and CRC its headers claim."""

    name: str
    method: int
    crc: int
    size: int
    payload: bytes
    external_attr: int = 0o100644 << 16


def raw_entries(data: bytes) -> list[RawEntry]:
    entries = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
            start = info.header_offset + 30 + name_len + extra_len
            entries.append(RawEntry(info.filename, info.compress_type, info.CRC, info.file_size,
                                    data[start:start + info.compress_size], info.external_attr))
    return entries


def raw_zip(entries: list[RawEntry]) -> bytes:
    """A zip written byte by byte, believing whatever the entries claim (sizes, CRC, method)."""
    out, directory = bytearray(), bytearray()
    for e in entries:
        name = e.name.encode("utf-8")
        offset = len(out)
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, e.method, 0, 0x5C21, e.crc, len(e.payload), e.size,
                           len(name), 0) + name + e.payload
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x314, 20, 0x800, e.method, 0, 0x5C21, e.crc,
                                 len(e.payload), e.size, len(name), 0, 0, 0, 0, e.external_attr, offset) + name
    start = len(out)
    out += directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), start, 0)
    return bytes(out)


def damage(data: bytes, member: str, how: str) -> bytes:
    """Damage one member's stored bytes without re-signing anything.

    deflate:  the first deflate block claims the reserved type 11 (zlib: "invalid block type")
    crc:      the headers claim another CRC-32 (zipfile: "Bad CRC-32")
    truncate: the deflate stream stops half-way, the headers still claim the whole (zipfile: "Bad CRC-32")
    """
    entries = raw_entries(data)
    entry = next(e for e in entries if e.name == member)
    if how == "deflate":
        assert entry.method == zipfile.ZIP_DEFLATED, member
        entry.payload = bytes([entry.payload[0] | 0x06]) + entry.payload[1:]
    elif how == "crc":
        entry.crc ^= 0xFFFFFFFF
    elif how == "truncate":
        assert entry.method == zipfile.ZIP_DEFLATED, member
        entry.payload = entry.payload[: len(entry.payload) // 2]  # the headers still claim the full sizes
    else:
        raise ValueError(how)
    return raw_zip(entries)


def stored_manifest_file(path: Path, size: int, signature: bytes = b"AAAA") -> Path:
    """A zip whose stored manifest.json claims `size` bytes of zeros, written sparsely (no real disk use)."""
    name = b"manifest.json"
    with open(path, "wb") as handle:
        handle.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x5C21, 0, size, size, len(name), 0) + name)
        handle.seek(size, 1)
        sig_offset = handle.tell()
        sig_name = b"manifest.sig"
        handle.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 0, 0, 0x5C21, zlib.crc32(signature),
                                 len(signature), len(signature), len(sig_name), 0) + sig_name + signature)
        start = handle.tell()
        directory = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x314, 20, 0, 0, 0, 0x5C21, 0, size, size, len(name),
                                0, 0, 0, 0, 0o100644 << 16, 0) + name
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x314, 20, 0, 0, 0, 0x5C21, zlib.crc32(signature),
                                 len(signature), len(signature), len(sig_name), 0, 0, 0, 0, 0o100644 << 16,
                                 sig_offset) + sig_name
        handle.write(directory + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(directory), start, 0))
    return path


def nested(depth: int) -> str:
    """JSON text nested `depth` arrays deep."""
    return "[" * depth + "]" * depth


def duplicate_key(data: bytes, key: str, value: object) -> bytes:
    """`data` (a JSON object) with `key` written a second time, first, so that the original wins for a
    last-one-wins reader."""
    text = data.decode("utf-8")
    at = text.index("{") + 1
    return (text[:at] + json.dumps(key) + ": " + json.dumps(value, ensure_ascii=False) + ", " + text[at:]).encode("utf-8")


def set_signer_key(manifest: bytes, pem: str) -> bytes:
    data = json.loads(manifest)
    data["signer"]["public_key_pem"] = pem
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def ec_public_pem(curve: str) -> str:
    """The PEM of an EC public key on `curve`: brainpool from cryptography, secp112r1 (which OpenSSL
    builds without) by hand."""
    import base64

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    if curve == "brainpoolP256r1":
        key = ec.generate_private_key(ec.BrainpoolP256R1()).public_key()
        return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    assert curve == "secp112r1"
    algorithm = bytes.fromhex("301006072a8648ce3d020106052b81040006")  # id-ecPublicKey, 1.3.132.0.6
    point = b"\x04" + bytes(range(1, 29))
    bits = b"\x03" + bytes([len(point) + 1]) + b"\x00" + point
    body = algorithm + bits
    der = b"\x30" + bytes([len(body)]) + body
    lines = base64.b64encode(der).decode()
    return "-----BEGIN PUBLIC KEY-----\n" + lines + "\n-----END PUBLIC KEY-----\n"
