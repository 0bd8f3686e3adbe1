"""The printed page labels of a material ("i", "1", "2" … or "封面"), as the viewer shows them, so
that what a signed sheet cites is the page number the expert saw and the paper shows."""
from __future__ import annotations

from ..home import Home
from .outline import page_labels


def material_page_labels(home: Home, sha256: str) -> list[str] | None:
    """Every page's label, or None when the file cannot be read (then pages are cited by number)."""
    import pymupdf  # here, not at module level: only signing needs it, and the command line stays light

    try:
        with pymupdf.open(stream=home.blobs.read(sha256), filetype="pdf") as doc:
            return page_labels(doc.get_page_labels(), doc.page_count)
    except Exception:  # noqa: BLE001 - any unreadable file (corrupt, encrypted, odd) falls back to page numbers
        return None
