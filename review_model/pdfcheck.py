"""What state a submitted PDF is in: readable (with its page count), password-protected, or not."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal


@dataclass(frozen=True)
class PdfState:
    status: Literal["ok", "encrypted", "unreadable", "empty"]
    pages: int | None = None


@cache
def quiet_pymupdf():
    """PyMuPDF with MuPDF's messages off, loaded by the first PDF checked: importing this module
    (on every exchange file's path, `reviewdesk verify` too) must not cost MuPDF's start-up."""
    import pymupdf  # MuPDF's start-up, paid by the first PDF checked (see above)

    pymupdf.TOOLS.mupdf_display_errors(False)  # MuPDF's repair chatter is not for the user's terminal
    pymupdf.TOOLS.mupdf_display_warnings(False)
    return pymupdf


def inspect_pdf(data: bytes) -> PdfState:
    if not data:
        return PdfState("empty", 0)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        return PdfState("unreadable")
    pymupdf = quiet_pymupdf()
    try:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            if doc.needs_pass:
                return PdfState("encrypted")
            pages = doc.page_count
            if pages == 0:
                return PdfState("empty", 0)
            doc.load_page(0)  # a file whose first page cannot load is no use to an expert
            return PdfState("ok", pages)
    except (RuntimeError, ValueError, pymupdf.FileDataError):
        return PdfState("unreadable")
