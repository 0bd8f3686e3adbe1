"""Files of a home sealed at rest: AES-256-GCM with a random key per file, wrapped by the home key.

A sealed file is

    header   MAGIC (6) | VERSION (1) | segment size as a power of two (1) | wrapped file key (40) | nonce prefix (7)
    segments ciphertext of SEGMENT plaintext bytes + its 16-byte tag, …, the last one (maybe empty) flagged

Each segment's nonce is the file's random prefix, the segment's number and a last-segment flag
(the STREAM construction): segments cannot be reordered, dropped or cut off at a segment boundary
without the check failing. Every segment's associated data is the header and the file's label
(its role and name, e.g. "blob/ab/abcd…"): a sealed file copied over another name, or given
another file's wrapped key, does not open. Segments let a large dossier be decrypted straight
into one buffer (the render worker then holds one plaintext copy, never the ciphertext too).

The file key is wrapped (RFC 3394 AES key wrap) under a key derived from the home key with HKDF,
so the home key itself is never used by two algorithms (the database has its own use of it).

A file that fails any of these checks is `Problem(Code.SEALED_FILE_DAMAGED, path=…)`.
"""
from __future__ import annotations

import hashlib
import mmap
import os
import secrets
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap, aes_key_wrap

from ..errors import Code, Problem

MAGIC = b"RDSEAL"
VERSION = 1
SEGMENT_BITS = 18  # 256 KiB: large enough that the per-segment cost vanishes, small enough to stream
_HEADER = struct.Struct("<6sBB40s7s")
HEADER_SIZE = _HEADER.size
TAG = 16
KEY_SIZE = 32


def _kek(home_key: bytes) -> bytes:
    if len(home_key) != KEY_SIZE:
        raise ValueError("the home key is 32 bytes")
    return HKDF(hashes.SHA256(), KEY_SIZE, salt=None, info=b"reviewdesk file sealing v1").derive(home_key)


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


def looks_sealed(head: bytes) -> bool:
    """Whether these first bytes are a sealed file's (plain PDFs start with %PDF, JPEGs with FF D8)."""
    return head[:len(MAGIC)] == MAGIC


def is_sealed(path: Path | str) -> bool:
    try:
        with open(path, "rb") as handle:
            return looks_sealed(handle.read(len(MAGIC)))
    except OSError:
        return False


def blob_label(path: Path | str) -> str:
    """The label of the blob at `path` (blobs/ab/abcd…): what BlobStore.label(digest) gives."""
    return "blob/" + "/".join(Path(path).parts[-2:])


def cache_label(path: Path | str) -> str:
    """The label of a cache file (cache/thumbnails/<digest>/<page>-<width>.jpg): its folder and name."""
    return "cache/" + "/".join(Path(path).parts[-2:])


def sealer_for(key: bytes | None) -> Sealer | None:
    return None if key is None else Sealer(key)


def plain_buffer(size: int) -> mmap.mmap | bytearray:
    """Memory for a decrypted dossier: anonymous, private, on huge pages where the OS offers them
    (a 46 MB scan then faults in a few dozen pages instead of 11,000; the faults of a plain
    bytearray took longer than the decryption itself) and left out of core dumps."""
    if size == 0:
        return bytearray()
    try:
        if os.name == "nt":
            memory = mmap.mmap(-1, size)
        else:  # MAP_SHARED anonymous memory is shmem, which the kernel seldom gives huge pages
            memory = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    except (OSError, ValueError, OverflowError):
        return bytearray(size)
    for advice in ("MADV_HUGEPAGE", "MADV_DONTDUMP"):
        if hasattr(mmap, advice):
            try:
                memory.madvise(getattr(mmap, advice))
            except OSError:
                pass
    return memory


def sealed_size(plain_size: int, segment_bits: int = SEGMENT_BITS) -> int:
    segments = plain_size // (1 << segment_bits) + 1  # a full last segment is followed by an empty flagged one
    return HEADER_SIZE + plain_size + segments * TAG


class Sealer:
    """Seals and opens files with one home key (kept in this object's memory only)."""

    def __init__(self, home_key: bytes) -> None:
        self._kek = _kek(home_key)

    # --- sealing ------------------------------------------------------------------------------
    def seal(self, data: bytes | bytearray | memoryview, label: str) -> bytes:
        file_key = AESGCM.generate_key(256)
        prefix = secrets.token_bytes(7)
        header = _HEADER.pack(MAGIC, VERSION, SEGMENT_BITS, aes_key_wrap(self._kek, file_key), prefix)
        aad = header + label.encode()
        aes = AESGCM(file_key)
        view = memoryview(data)
        size = 1 << SEGMENT_BITS
        out = [header]
        count = len(view) // size + 1
        for index in range(count):
            out.append(aes.encrypt(_nonce(prefix, index, index == count - 1), view[index * size:(index + 1) * size], aad))
        return b"".join(out)

    # --- opening ------------------------------------------------------------------------------
    def _file_cipher(self, header: bytes, where: str) -> tuple[AESGCM, bytes, int]:
        magic, version, bits, wrapped, prefix = _HEADER.unpack(header)
        if magic != MAGIC or version != VERSION or not 12 <= bits <= 24:
            raise Problem(Code.SEALED_FILE_DAMAGED, path=where)
        try:
            file_key = aes_key_unwrap(self._kek, wrapped)
        except InvalidUnwrap:  # another home's key, or a damaged header
            raise Problem(Code.SEALED_FILE_DAMAGED, path=where) from None
        return AESGCM(file_key), prefix, bits

    def unseal(self, sealed: bytes | bytearray | memoryview, label: str, where: str = "") -> bytearray:
        view = memoryview(sealed)
        if len(view) < HEADER_SIZE + TAG:
            raise Problem(Code.SEALED_FILE_DAMAGED, path=where or label)
        return self._open_segments(bytes(view[:HEADER_SIZE]), len(view), label, where or label,
                                   lambda start, end: view[start:end])

    def open(self, path: Path | str, label: str, mapped: bool = False) -> bytearray | mmap.mmap:
        """The plaintext of the sealed file at `path`, decrypted segment by segment into one buffer
        (pass `memoryview(result)` on to PyMuPDF: it copies a bytearray but not a view). `mapped`:
        into `plain_buffer` memory (the render worker's large dossiers) rather than a bytearray."""
        where = str(path)
        try:
            with open(path, "rb") as handle:
                total = os.fstat(handle.fileno()).st_size
                header = handle.read(HEADER_SIZE)
                if total < HEADER_SIZE + TAG or len(header) != HEADER_SIZE:
                    raise Problem(Code.SEALED_FILE_DAMAGED, path=where)
                chunk = bytearray()

                def read(start: int, end: int) -> memoryview:
                    wanted = end - start
                    if len(chunk) < wanted:
                        chunk.extend(bytes(wanted - len(chunk)))
                    view = memoryview(chunk)[:wanted]
                    handle.seek(start)
                    if handle.readinto(view) != wanted:
                        raise Problem(Code.SEALED_FILE_DAMAGED, path=where)  # the file shrank under us
                    return view

                return self._open_segments(header, total, label, where, read,
                                           plain_buffer if mapped else bytearray)
        except OSError as exc:
            raise Problem(Code.FILE_UNREADABLE, path=where, detail=exc.strerror or str(exc)) from None

    def _open_segments(self, header: bytes, total: int, label: str, where: str, read, make=bytearray):
        aes, prefix, bits = self._file_cipher(header, where)
        aad = header + label.encode()
        stored = (1 << bits) + TAG
        body = total - HEADER_SIZE
        count = -(-body // stored)
        plain = body - count * TAG
        last_stored = body - (count - 1) * stored
        if plain < 0 or last_stored < TAG:
            raise Problem(Code.SEALED_FILE_DAMAGED, path=where)
        out = make(plain)
        with memoryview(out) as target:  # released on return: an mmap with views on it cannot be closed
            for index in range(count):
                start = HEADER_SIZE + index * stored
                length = min(stored, total - start)
                segment = read(start, start + length)
                try:
                    aes.decrypt_into(_nonce(prefix, index, index == count - 1), segment, aad,
                                     target[index * (1 << bits):index * (1 << bits) + length - TAG])
                except InvalidTag:  # altered, cut short, or labelled for another file
                    raise Problem(Code.SEALED_FILE_DAMAGED, path=where) from None
        return out


def cache_closed_mark(cache: Path | str) -> Path:
    """The file beside the home's cache folder that says the round is closed (retention.py): from
    then on nothing is written into the cache again, so what close_round emptied stays empty."""
    cache = Path(cache)
    return cache.with_name(cache.name + ".closed")


def write_cache_file(path: Path | str, data: bytes, sealer: Sealer | None, cache: Path | str | None = None) -> None:
    """A file of the home's cache (disposable, so not fsynced): sealed where the home is, 0600, put in
    place by rename so a reader never sees half of it. Best effort: the cache is a convenience.

    `cache`, the cache folder `path` is in: nothing is written once its round is closed
    (cache_closed_mark), and a file that lands while the round closes is taken back. close_round
    marks the cache before it empties it and this looks again after its rename, so a file put in
    place after the emptying always sees the mark: none survives in the emptied cache."""
    from .blobs import private_dir  # blobs imports this module

    path = Path(path)
    closed = None if cache is None else cache_closed_mark(cache)
    if closed is not None and closed.exists():
        return
    try:
        private_dir(path.parent)
        partial = f"{path}.{os.getpid()}.partial"
        with open(partial, "wb", opener=lambda name, flags: os.open(name, flags, 0o600)) as handle:
            handle.write(data if sealer is None else sealer.seal(data, cache_label(path)))
        os.replace(partial, path)
    except OSError:
        pass
    if closed is not None and closed.exists():  # closed meanwhile: maybe emptied before this rename
        _take_back(path, Path(cache))


def _take_back(path: Path, cache: Path) -> None:
    path.unlink(missing_ok=True)
    for partial in path.parent.glob(f"{path.name}.*.partial"):
        partial.unlink(missing_ok=True)
    folder = path.parent
    while folder == cache or cache in folder.parents:  # the folders it made again, if now empty
        try:
            folder.rmdir()
        except OSError:
            break
        folder = folder.parent


def read_cache_file(path: Path | str, sealer: Sealer | None) -> bytes | None:
    """A cache file's content, or None when it is missing, damaged, or plain in a sealed home (a
    leftover from before sealing: it is made again)."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    if looks_sealed(data) != (sealer is not None):
        return None
    if sealer is None:
        return data
    try:
        return bytes(sealer.unseal(data, cache_label(path), str(path)))
    except Problem:
        return None


# --- files the home keeps by name (outbox/<sha256>.rvret: return bundles made to send) ----------
def kept_label(path: Path | str) -> str:
    """The label of a file kept in one of the home's folders by its name: its folder and name."""
    return "/".join(Path(path).parts[-2:])


def write_kept_file(path: Path | str, data: bytes | bytearray | memoryview, sealer: Sealer | None) -> None:
    """Write a file the home keeps (durably, 0600): sealed where the home is, so its plaintext never
    reaches the disk. What leaves the home is made from read_kept_file's plaintext."""
    from .blobs import write_durably  # blobs imports this module

    write_durably(Path(path), bytes(data) if sealer is None else sealer.seal(data, kept_label(path)), private=True)


def read_kept_file(path: Path | str, sealer: Sealer | None, sha256: str | None = None) -> bytes | bytearray:
    """The plaintext of a kept file, sealed or (made before the home had a key) plain; checked
    against `sha256` when given, so a file put in its place is never taken for it."""
    where = str(path)
    if is_sealed(path):
        if sealer is None:
            raise Problem(Code.SEALED_HOME_LOCKED, path=where)
        data: bytes | bytearray = sealer.open(path, kept_label(path))
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise Problem(Code.FILE_UNREADABLE, path=where, detail=exc.strerror or str(exc)) from None
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise Problem(Code.SEALED_FILE_DAMAGED, path=where)
    return data


def seal_kept_in_place(path: Path | str, sealer: Sealer, sha256: str) -> int:
    """Seal one plain kept file (a temp file, fsync, rename over it: whole, plain or sealed, whenever
    the process stops). Returns the plaintext bytes sealed (0: it already was)."""
    if is_sealed(path):
        return 0
    try:
        data = read_kept_file(path, None, sha256)
    except Problem as problem:  # never seal a substitute: it would then look genuine
        if problem.code != Code.SEALED_FILE_DAMAGED:
            raise
        raise Problem(Code.MEMBER_ALTERED, member=str(path)) from None
    write_kept_file(path, data, sealer)
    return len(data)
