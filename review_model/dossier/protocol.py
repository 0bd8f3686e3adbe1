"""Messages between the app and its render worker process: length-prefixed pickles on pipes.

Both ends are this program (the worker is `python -m review_model.dossier.worker`), so pickle is
safe here; nothing read from outside ever goes through it. Pixels travel through a shared buffer
(`shared.py`), never through the pipe.
"""
from __future__ import annotations

import pickle
import struct
from typing import BinaryIO

_HEADER = struct.Struct("<I")

# priorities: lower runs first
VISIBLE, PREFETCH, TEXT, THUMBNAIL, BACKGROUND = 0, 1, 2, 3, 4


def write_message(stream: BinaryIO, message: dict) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_exact(stream: BinaryIO, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_message(stream: BinaryIO) -> dict | None:
    """The next message, or None when the other end has gone."""
    header = _read_exact(stream, _HEADER.size)
    if header is None:
        return None
    body = _read_exact(stream, _HEADER.unpack(header)[0])
    return None if body is None else pickle.loads(body)
