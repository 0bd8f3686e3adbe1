"""Reading zip containers from strangers without trusting `zipfile` alone.

Python's zipfile accepts link entries, only warns on duplicate names and, in 3.11, does not
detect overlapping entries (the classic zip bomb). Here every entry is checked before anything is
read: safe name, regular file, unique, not overlapping its neighbours, bounded size and ratio.
Members are read into memory only, never extracted by name, and their real bytes are counted.
Whatever zipfile or zlib raise on damaged data (a flipped bit in a deflate stream, a bad CRC, a
stream cut short, a mangled header) becomes a Problem: NOT_A_ZIP for the archive, MEMBER_DAMAGED
for a member.
"""
from __future__ import annotations

import io
import stat
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import Code, Problem

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 1 << 30  # 1 GiB: the largest scanned dossier file we expect is far below
MAX_TOTAL_BYTES = 8 << 30
MAX_RATIO = 200  # deflate reaches ~1000:1 only on crafted or degenerate data
RATIO_FLOOR = 1 << 20  # small members may compress well (JSON, blank pages) without suspicion
_LOCAL_HEADER = struct.Struct("<4s22xHH")
# What reading a damaged archive raises: zipfile's BadZipFile (bad CRC-32, bad local header) and
# NotImplementedError (odd flags), zlib.error (an invalid deflate stream), EOFError, struct.error,
# ValueError (UnicodeDecodeError of a name), OverflowError (absurd offsets), OSError.
_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, struct.error, ValueError, OverflowError, NotImplementedError,
           OSError)


@dataclass(frozen=True)
class Entry:
    name: str
    size: int
    info: zipfile.ZipInfo


def _unsafe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name or ":" in name:
        return True
    if any(ord(ch) < 32 for ch in name):
        return True
    return any(part in ("", ".", "..") for part in name.split("/"))


class SafeZip:
    """An opened, checked archive. Use `read(name, expected_size)` for each member you expect."""

    def __init__(self, source: Path | bytes) -> None:
        try:
            self._file = open(source, "rb") if isinstance(source, Path) else io.BytesIO(source)
        except OSError:
            raise Problem(Code.FILE_UNREADABLE, path=str(source)) from None
        self._zip = None
        try:
            self._zip = zipfile.ZipFile(self._file)
            self.entries = self._check(self._zip)
        except Problem:
            self.close()
            raise
        except _DAMAGE:
            self.close()
            raise Problem(Code.NOT_A_ZIP) from None

    def _check(self, archive: zipfile.ZipFile) -> dict[str, Entry]:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise Problem(Code.ZIP_TOO_LARGE, member="", size=len(infos))
        for name, count in Counter(i.filename for i in infos).items():
            if count > 1:
                raise Problem(Code.ZIP_DUPLICATE, member=name)
        total = 0
        for info in infos:
            name = info.filename
            if _unsafe_name(name) or info.is_dir():
                raise Problem(Code.ZIP_UNSAFE_PATH, member=name)
            file_type = stat.S_IFMT(info.external_attr >> 16)  # 0 when the writer recorded no type (DOS, writestr)
            if file_type and file_type != stat.S_IFREG:
                raise Problem(Code.ZIP_LINK, member=name)
            if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise Problem(Code.ZIP_UNSUPPORTED, member=name)
            if info.file_size > MAX_MEMBER_BYTES:
                raise Problem(Code.ZIP_TOO_LARGE, member=name, size=info.file_size)
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise Problem(Code.ZIP_RATIO, member=name)
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise Problem(Code.ZIP_TOO_LARGE, member="", size=total)
        self._check_overlap(archive, infos)
        return {i.filename: Entry(i.filename, i.file_size, i) for i in infos}

    def _check_overlap(self, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
        """Every entry's data must end before the next entry's header and before the directory."""
        spans = []
        for info in infos:
            self._file.seek(info.header_offset)
            header = self._file.read(_LOCAL_HEADER.size)
            if len(header) < _LOCAL_HEADER.size:
                raise Problem(Code.NOT_A_ZIP)
            signature, name_len, extra_len = _LOCAL_HEADER.unpack(header)
            if signature != b"PK\x03\x04":
                raise Problem(Code.NOT_A_ZIP)
            start = info.header_offset
            end = start + _LOCAL_HEADER.size + name_len + extra_len + info.compress_size
            spans.append((start, end, info.filename))
        spans.sort()
        directory_start = archive.start_dir
        for (_start, end, name), following in zip(spans, spans[1:] + [(directory_start, None, None)]):
            if end > following[0]:
                raise Problem(Code.ZIP_OVERLAP, member=name)

    def names(self) -> set[str]:
        return set(self.entries)

    def read(self, name: str, expected_size: int) -> bytes:
        """The member's bytes, refusing more (or fewer) real bytes than `expected_size`."""
        entry = self.entries[name]
        if entry.size != expected_size:
            raise Problem(Code.MEMBER_ALTERED, member=name)
        chunks, count = [], 0
        try:
            with self._zip.open(entry.info) as stream:
                while True:
                    chunk = stream.read(1 << 20)
                    if not chunk:
                        break
                    count += len(chunk)
                    if count > expected_size:
                        raise Problem(Code.MEMBER_ALTERED, member=name)
                    chunks.append(chunk)
        except _DAMAGE:
            raise Problem(Code.MEMBER_DAMAGED, member=name) from None
        if count != expected_size:
            raise Problem(Code.MEMBER_ALTERED, member=name)
        return b"".join(chunks)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
        self._file.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
