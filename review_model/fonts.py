"""The CJK font PyMuPDF ships (Droid Sans Fallback), so Chinese renders on any OS without system
fonts: Qt loads it from memory, reportlab from a copy in the cache folder."""
from __future__ import annotations

import hashlib
import tempfile
from functools import lru_cache
from pathlib import Path

CJK_FAMILY = "Droid Sans Fallback"


@lru_cache(maxsize=1)
def cjk_font_bytes() -> bytes:
    # PyMuPDF loads only where a PDF is read (never for --help, status or verify)
    import pymupdf

    return pymupdf.Font("cjk").buffer


def cjk_font_file(cache: Path | None = None) -> Path:
    """A TrueType file of the font (reportlab needs a path); written once per content."""
    data = cjk_font_bytes()
    folder = cache or Path(tempfile.gettempdir()) / "reviewdesk-fonts"
    path = folder / f"cjk-{hashlib.sha256(data).hexdigest()[:12]}.ttf"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_bytes(data)
        partial.replace(path)
    return path
