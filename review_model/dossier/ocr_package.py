"""OCR results shipped in a review package: the bureau reads every scan once (`package build
--ocr`), and every expert's app puts the results into its search index at import, so it OCRs only
what is missing (docs/formats.md, "ocr/<sha256>.json").

One member per dossier file that has scanned pages, named by the file's SHA-256, as the index keys
its OCR results: file SHA-256 + page + engine/model version. The member holds the OCR worker's
own reply per page (lines, characters, boxes in unrotated PDF points, confidence, rotation), so
the expert's app lays it out exactly as it lays out its own OCR (ocr.layout). Pages the bureau's
engine failed on are not shipped: the expert's app tries them itself.

Members are signed like every other member; on import each is checked against the package's
dossiers (known file, pages in range, well formed) before anything is written, and one that does
not match refuses the whole package (Problem OCR_RESULT_INVALID).
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError

from ..errors import Code, Problem
from ..exchange import signed_json
from ..pdfcheck import quiet_pymupdf
from .ocr import PAGE_SECONDS, OcrClient, OcrFailure, engine_id, layout, needs_ocr

SCHEMA = "reviewdesk-ocr/1"
MEMBER = re.compile(r"ocr/([0-9a-f]{64})\.json")
MEMBER_PATTERN = r"ocr/[0-9a-f]{64}\.json"  # exchange/container.py's package member names


def member_name(sha256: str) -> str:
    return f"ocr/{sha256}.json"


# --- the member's format -------------------------------------------------------------------------
Char = tuple[str, float, float, float, float, float]  # character, x0, y0, x1, y1, confidence
Line = tuple[str, float, list[Char]]  # text, confidence, its non-space characters


class OcrPage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    page: StrictInt = Field(ge=0)  # 0-based
    rotation: Literal[0, 90, 180, 270]  # degrees clockwise that show the scan upright
    lines: list[Line]


class OcrMember(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["reviewdesk-ocr/1"] = Field(alias="schema")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    engine: str = Field(min_length=1, max_length=200)
    pages: list[OcrPage]


@dataclass(frozen=True)
class ShippedOcr:
    """One file's OCR results as a package ships them, checked against the package's dossiers."""

    sha256: str
    engine: str
    pages: tuple[OcrPage, ...]


def _refuse(member: str, reason: str, detail: str = "") -> Problem:
    return Problem(Code.OCR_RESULT_INVALID, member=member, reason=reason, detail=detail)


def read_ocr_members(names: list[str], read: Callable[[str], bytes], files: dict[str, int]) -> list[ShippedOcr]:
    """Every ocr/ member of a package (`read(name)` gives its verified bytes), checked against
    `files` {sha256: pages} of its shipped, readable dossiers."""
    out = []
    for name in sorted(n for n in names if n.startswith("ocr/")):
        match = MEMBER.fullmatch(name)
        if match is None:  # the container's name rule lets no other through; kept for safety
            raise _refuse(name, "ocr_malformed", "name")
        try:
            raw = signed_json.member(read(name), name)
        except Problem as problem:
            raise _refuse(name, "ocr_malformed", str(problem.params.get("detail", ""))[:120]) from None
        try:
            parsed = OcrMember.model_validate(raw)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise _refuse(name, "ocr_malformed", f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None
        if parsed.sha256 != match.group(1) or parsed.sha256 not in files:
            raise _refuse(name, "ocr_unknown_file", parsed.sha256[:16])
        pages = files[parsed.sha256]
        seen: set[int] = set()
        for page in parsed.pages:
            if page.page >= pages:
                raise _refuse(name, "ocr_page_out_of_range", f"page {page.page + 1} of {pages}")
            if page.page in seen:
                raise _refuse(name, "ocr_malformed", f"page {page.page + 1} twice")
            seen.add(page.page)
        out.append(ShippedOcr(parsed.sha256, parsed.engine, tuple(parsed.pages)))
    return out


# --- the bureau's side: reading every scan of the package ------------------------------------------
@dataclass(frozen=True)
class PackageOcrReport:
    scanned_pages: int  # pages without a usable text layer
    pages_read: int
    failed: int  # pages the engine failed on (not shipped)
    engine: str
    load_seconds: float | None
    seconds: float  # OCR time over all pages, the model load included


def scanned_pages(data: bytes) -> list[int]:
    """Pages of a PDF without a usable text layer (the rule the expert's index applies too)."""
    pymupdf = quiet_pymupdf()
    out = []
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        for index in range(doc.page_count):
            try:
                text = doc.load_page(index).get_text("text")
            except (RuntimeError, ValueError):
                text = ""  # a page MuPDF cannot read as text: the OCR worker says whether it can read it at all
            if needs_ocr(text):
                out.append(index)
    return out


def ocr_members(files: list[tuple[str, str, bytes]], progress: Callable[[int, int], None] | None = None,
                stop: threading.Event | None = None, page_seconds: float = PAGE_SECONDS,
                client: OcrClient | None = None) -> tuple[dict[str, bytes], PackageOcrReport]:
    """OCR every scanned page of `files` [(sha256, path, data)] in the OCR worker; the members to
    add to the package and what was done. `progress(done, total)` per page (it may raise
    Problem(CANCELLED)); setting `stop` cancels even mid-page."""
    started = time.perf_counter()
    todo = []
    seen = set()
    for sha256, path, data in files:
        if sha256 not in seen:
            seen.add(sha256)
            todo.extend((sha256, path, page) for page in scanned_pages(data))
    if progress:
        progress(0, len(todo))
    engine = engine_id()
    if not todo:
        return {}, PackageOcrReport(0, 0, 0, engine, None, 0.0)
    own = client is None
    client = client or OcrClient(page_seconds=page_seconds, stop=stop)
    pages: dict[str, list[dict]] = {}
    failed = 0
    try:
        for n, (sha256, path, page) in enumerate(todo, 1):
            reply = client.recognize(path, page)
            if reply.get("error") == OcrFailure.NO_ENGINE:
                raise Problem(Code.OCR_UNAVAILABLE)
            if "error" in reply:
                failed += 1
            else:
                pages.setdefault(sha256, []).append({"page": page, "rotation": reply["rotation"], "lines": reply["lines"]})
            if progress:
                progress(n, len(todo))
        engine = client.engine
    finally:
        if own:
            client.close()
    members = {member_name(sha): json.dumps({"schema": SCHEMA, "sha256": sha, "engine": engine, "pages": found},
                                            ensure_ascii=False, separators=(",", ":")).encode("utf-8")
               for sha, found in pages.items()}
    read = sum(len(found) for found in pages.values())
    return members, PackageOcrReport(len(todo), read, failed, engine, client.load_seconds,
                                     time.perf_counter() - started)


# --- the expert's side: into the search index --------------------------------------------------------
def store_shipped(index, shipped: list[ShippedOcr]) -> int:
    """Put a package's OCR results into the search index (a TextIndex), keyed as the app's own;
    a page this home has read already keeps its result. Returns the pages added."""
    added = 0
    for result in shipped:
        have = index.ocr_pages(result.sha256)
        for page in result.pages:
            if have.get(page.page, ("",))[0] == "done":
                continue
            lines = [list(line) for line in page.lines]
            text, boxes = layout(lines)
            scores = [line[1] for line in lines]
            index.add_ocr(result.sha256, page.page, result.engine, text, boxes, page.rotation,
                          sum(scores) / len(scores) if scores else None)
            added += 1
    return added
