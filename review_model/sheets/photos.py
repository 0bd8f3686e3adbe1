"""Site photos: the original is only read; a reduced JPEG (long side ≤ 1600 px, upright, without
EXIF location) goes into the home's blob store, and the time the photo was taken is kept."""
from __future__ import annotations

import hashlib
import io
from datetime import datetime
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import Code, Problem
from ..home import Home
from .ops import PhotoData

LONG_SIDE = 1600
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".tif", ".tiff", ".webp", ".bmp")
_EXIF_DATETIME_ORIGINAL, _EXIF_DATETIME, _EXIF_IFD = 0x9003, 0x0132, 0x8769


def _taken_at(image: Image.Image) -> datetime | None:
    exif = image.getexif()
    raw = exif.get_ifd(_EXIF_IFD).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    try:
        return datetime.strptime(str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S") if raw else None
    except ValueError:
        return None


def reduce_photo(data: bytes, name: str) -> tuple[bytes, datetime | None]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            taken = _taken_at(image)
            upright = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise Problem(Code.PHOTO_UNREADABLE, file=name) from None
    upright.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=82, optimize=True)  # no EXIF copied: GPS never leaves in a bundle
    return out.getvalue(), taken


def import_photo(home: Home, source: Path) -> PhotoData:
    try:
        data = source.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(source)) from None
    reduced, taken = reduce_photo(data, source.name)
    digest, _ = home.blobs.put(reduced)
    return PhotoData(None, "", digest, hashlib.sha256(data).hexdigest(), source.name, taken)


def photos_in_folder(folder: Path) -> list[Path]:
    """The photos of a camera folder (DCIM-style), oldest name first."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES)
