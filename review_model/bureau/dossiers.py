"""Applicants' materials onto the desk: a folder per applicant, or one binder PDF split at its
bookmarks (the 2023 notice's 一份文件，编制目录和页码) or at page ranges the clerk marks.

Files are matched to the carrier type's required materials by name, loosely: `03-培训场地证明.pdf`
is 培训场地及设施设备证明 (its number and most of its characters agree). A match that is not sure is
reported as such for the clerk to confirm (`FileMatch.sure`). Originals are kept unmodified in the
home's blobs; a binder's parts are new files, each pointing back to the untouched binder.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import pymupdf
from sqlalchemy import select

from ..carriers import shipped_required_materials
from ..errors import Code, Problem
from ..home import Home
from ..pdfcheck import inspect_pdf
from ..store.blobs import sha256_hex
from .desk import actor, require_round
from .records import DeskApplicant, DeskMaterial

# How alike two names must be (difflib ratio) to be taken without asking, and to be offered at all.
SURE, LIKELY = 0.85, 0.5
_PREFIX = re.compile(r"^\s*[（(]?\s*(\d{1,2})\s*[)）.、．_\-—\s]*")


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).strip()
    return re.sub(r"[\s_\-—·、，,。.（）()《》【】\[\]]+", "", text)


@dataclass(frozen=True)
class FileMatch:
    source: str  # the file's name (or binder bookmark title)
    material: str | None  # the required material it is taken for; None = an extra file
    sure: bool  # False: ask the clerk before attaching
    score: float


def match_material(name: str, materials: list[str]) -> FileMatch:
    """The required material a file name stands for, with how sure the match is."""
    stem = Path(name).stem if name.lower().endswith(".pdf") else name
    number_match = _PREFIX.match(stem)
    number = int(number_match.group(1)) if number_match else None
    bare = _plain(stem[number_match.end():] if number_match else stem)
    best, best_score = None, 0.0
    for position, material in enumerate(materials, start=1):
        target = _plain(material)
        if bare == target:
            return FileMatch(name, material, True, 1.0)
        score = SequenceMatcher(None, bare, target).ratio()
        if bare and (bare in target or target in bare):
            score = max(score, 0.8)
        if number == position:
            score += 0.15  # the file's number agrees with the material's place in the list
        if score > best_score:
            best, best_score = material, score
    if best is None or best_score < LIKELY:
        return FileMatch(name, None, True, best_score)
    return FileMatch(name, best, best_score >= SURE, round(best_score, 3))


def _materials_of(home: Home, applicant_id: str) -> list[str]:
    round_file = require_round(home)
    with home.store.read() as session:
        applicant = session.get(DeskApplicant, applicant_id)
    if applicant is None:
        raise Problem(Code.APPLICANT_UNKNOWN, applicant_id=applicant_id)
    return list(round_file.required_materials.get(applicant.carrier_type)
                or shipped_required_materials()[applicant.carrier_type])


def plan_folder(home: Home, applicant_id: str, folder: Path) -> list[FileMatch]:
    """What each file of the folder would be taken for; nothing is stored. Two files for one material:
    the better match keeps it, the other is extra."""
    materials = _materials_of(home, applicant_id)
    if not folder.is_dir():
        raise Problem(Code.FILE_UNREADABLE, path=str(folder))
    matches = [match_material(p.name, materials) if p.suffix.lower() == ".pdf" else FileMatch(p.name, None, True, 0.0)
               for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")]
    best: dict[str, FileMatch] = {}
    for m in matches:
        if m.material and (m.material not in best or m.score > best[m.material].score):
            best[m.material] = m
    return [m if m.material is None or best[m.material] is m else FileMatch(m.source, None, True, m.score)
            for m in matches]


def attach_folder(home: Home, applicant_id: str, folder: Path, choices: dict[str, str | None] | None = None) -> list[FileMatch]:
    """Attach every file of `folder`: as planned, except where `choices` (file name -> material, or
    None for extra) says otherwise, which is how the clerk answers the unsure ones. One transaction."""
    materials = _materials_of(home, applicant_id)
    plan = plan_folder(home, applicant_id, folder)
    choices = choices or {}
    final = []
    for m in plan:
        if m.source in choices:
            chosen = choices[m.source]
            if chosen is not None and chosen not in materials:
                raise Problem(Code.MATERIAL_UNKNOWN, material=chosen, applicant_id=applicant_id)
            m = FileMatch(m.source, chosen, True, m.score)
        final.append(m)
    taken = [m.material for m in final if m.material]
    if len(taken) != len(set(taken)):
        twice = next(t for t in taken if taken.count(t) > 1)
        raise Problem(Code.MATERIAL_UNKNOWN, material=twice, applicant_id=applicant_id)
    files = []
    for m in final:
        try:
            files.append((m, (folder / m.source).read_bytes()))
        except OSError:
            raise Problem(Code.FILE_UNREADABLE, path=str(folder / m.source)) from None
    _store(home, applicant_id, [(m.source, m.material, data, None, None, None) for m, data in files])
    return final


def _store(home: Home, applicant_id: str, parts: list[tuple[str, str | None, bytes, str | None, int | None, int | None]],
           origin: bytes | None = None) -> None:
    """parts: (source name, material or None, bytes, origin sha, first page, last page). A material
    already attached is replaced (the newer file wins; the audit log keeps what it was)."""
    added: list[str] = []
    try:
        if origin is not None:
            digest, new = home.blobs.put(origin)
            if new:
                added.append(digest)
        stored = []
        for source, material, data, origin_sha, first, last in parts:
            digest, new = home.blobs.put(data)
            if new:
                added.append(digest)
            stored.append((source, material, digest, origin_sha, first, last))
        with home.store.write(actor(home)) as (session, audit):
            current = list(session.scalars(select(DeskMaterial).where(DeskMaterial.applicant_id == applicant_id)))
            for source, material, digest, origin_sha, first, last in stored:
                for old in current:
                    if old.source_name == source or (material and old.material == material):
                        audit.record("replace", "desk_material", old.id, "sha256", old.sha256, digest)
                        session.delete(old)
                current = [c for c in current if c.source_name != source and not (material and c.material == material)]
                session.flush()
                row = DeskMaterial(applicant_id=applicant_id, material=material or "", source_name=source, sha256=digest,
                                   origin_sha256=origin_sha, first_page=first, last_page=last, added_at=audit.at)
                session.add(row)
                session.flush()
                audit.record("attach", "desk_material", row.id, material or "extra", None, f"{source} {digest}")
    except BaseException:
        # Blobs this call added and no row points to: gone again (a refused attach leaves nothing).
        home.blobs.discard([d for d in added if not _referenced(home, d)])
        raise


def _referenced(home: Home, digest: str) -> bool:
    with home.store.read() as session:
        return session.scalars(select(DeskMaterial.id).where(
            (DeskMaterial.sha256 == digest) | (DeskMaterial.origin_sha256 == digest))).first() is not None


def detach(home: Home, applicant_id: str, source_name: str) -> None:
    with home.store.write(actor(home)) as (session, audit):
        row = session.scalars(select(DeskMaterial).where(DeskMaterial.applicant_id == applicant_id,
                                                         DeskMaterial.source_name == source_name)).first()
        if row is None:
            raise Problem(Code.MATERIAL_UNKNOWN, material=source_name, applicant_id=applicant_id)
        audit.record("detach", "desk_material", row.id, row.material or "extra", row.sha256, None)
        session.delete(row)


# --- binders ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BinderPart:
    title: str  # the bookmark, or the material the clerk marked
    first: int  # 1-based, inclusive
    last: int
    match: FileMatch


def _open_binder(data: bytes, name: str) -> pymupdf.Document:
    state = inspect_pdf(data)
    if state.status == "encrypted":
        raise Problem(Code.PDF_ENCRYPTED, file=name)
    if state.status != "ok":
        raise Problem(Code.PDF_CORRUPT, file=name)
    return pymupdf.open(stream=data, filetype="pdf")


def plan_binder(home: Home, applicant_id: str, binder: Path,
                ranges: list[tuple[str, int, int]] | None = None) -> list[BinderPart]:
    """The binder's parts: from its top-level bookmarks (each runs to the page before the next), or
    from `ranges` (material, first page, last page; 1-based) the clerk marked. Pages before the first
    bookmark (cover, 目录) belong to no material. Nothing is stored."""
    materials = _materials_of(home, applicant_id)
    try:
        data = binder.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(binder)) from None
    with _open_binder(data, binder.name) as doc:
        pages = doc.page_count
        toc = [(title, page) for level, title, page, *_ in doc.get_toc(simple=True) if level == 1 and page >= 1]
    if ranges is not None:
        parts = []
        for material, first, last in ranges:
            if material not in materials:
                raise Problem(Code.MATERIAL_UNKNOWN, material=material, applicant_id=applicant_id)
            if not (1 <= first <= last <= pages):
                raise Problem(Code.BINDER_RANGES_INVALID, file=binder.name, material=material, first=first, last=last,
                              pages=pages)
            parts.append(BinderPart(material, first, last, FileMatch(material, material, True, 1.0)))
        taken = sorted((p.first, p.last) for p in parts)
        if any(b[0] <= a[1] for a, b in zip(taken, taken[1:])):
            raise Problem(Code.BINDER_RANGES_INVALID, file=binder.name, material="", first=0, last=0, pages=pages)
        return parts
    if not toc:
        raise Problem(Code.BINDER_NO_BOOKMARKS, file=binder.name, pages=pages)
    toc.sort(key=lambda t: t[1])
    parts = []
    for index, (title, first) in enumerate(toc):
        last = (toc[index + 1][1] - 1) if index + 1 < len(toc) else pages
        if last < first:
            continue  # two bookmarks on one page: the later one holds it
        parts.append(BinderPart(title, first, last, match_material(title, materials)))
    return parts


def _part_bytes(doc: pymupdf.Document, first: int, last: int) -> bytes:
    """Pages first..last as a PDF of their own, the same bytes every time (no new /ID, no dates)."""
    with pymupdf.open() as part:
        part.insert_pdf(doc, from_page=first - 1, to_page=last - 1)
        part.set_metadata({})
        return part.tobytes(garbage=3, deflate=True, no_new_id=True)


def attach_binder(home: Home, applicant_id: str, binder: Path, ranges: list[tuple[str, int, int]] | None = None,
                  choices: dict[str, str | None] | None = None) -> list[BinderPart]:
    """Split the binder (plan_binder) and attach each part; the binder itself is kept unmodified."""
    materials = _materials_of(home, applicant_id)
    parts = plan_binder(home, applicant_id, binder, ranges)
    choices = choices or {}
    data = binder.read_bytes()
    origin = sha256_hex(data)
    stored, seen = [], set()
    with _open_binder(data, binder.name) as doc:
        for part in parts:
            material = choices.get(part.title, part.match.material) if part.title in choices else part.match.material
            if material is not None and material not in materials:
                raise Problem(Code.MATERIAL_UNKNOWN, material=material, applicant_id=applicant_id)
            if material in seen:
                material = None  # a second part for one material is extra
            seen.add(material)
            source = f"{binder.name}#{part.first}-{part.last} {part.title}"
            stored.append((source, material, _part_bytes(doc, part.first, part.last), origin, part.first, part.last))
    _store(home, applicant_id, stored, origin=data)
    return parts


# --- page ranges the clerk marks on a binder's thumbnails ---------------------------------------------
@dataclass(frozen=True)
class BinderMark:
    """A part of a binder attached as a material: pages first..last (1-based) of the untouched binder."""

    material: str  # "" for a part split off at a bookmark that matched no material (an extra file)
    first: int
    last: int
    source_name: str


def binder_marks(home: Home, applicant_id: str, binder: Path) -> list[BinderMark]:
    """The ranges of this binder (by its bytes) already attached to the applicant, in page order."""
    try:
        origin = sha256_hex(binder.read_bytes())
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(binder)) from None
    with home.store.read() as session:
        rows = list(session.scalars(select(DeskMaterial).where(DeskMaterial.applicant_id == applicant_id,
                                                               DeskMaterial.origin_sha256 == origin)))
    return sorted((BinderMark(r.material, r.first_page, r.last_page, r.source_name) for r in rows
                   if r.first_page is not None and r.last_page is not None), key=lambda m: m.first)


def binder_page_count(binder: Path) -> int:
    try:
        data = binder.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(binder)) from None
    with _open_binder(data, binder.name) as doc:
        return doc.page_count


def binder_thumbnails(binder: Path, width: int = 96) -> list[bytes]:
    """Every page of the binder as a small PNG, `width` pixels wide, for the clerk to mark ranges on."""
    data = binder.read_bytes()
    images = []
    with _open_binder(data, binder.name) as doc:
        for page in doc:
            zoom = width / max(page.rect.width, 1)
            images.append(page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes("png"))
    return images


def mark_binder_range(home: Home, applicant_id: str, binder: Path, material: str, first: int, last: int) -> BinderMark:
    """Attach pages first..last of the binder as `material`, at once (saved as marked). Marking a
    material again moves it; a range that is empty, outside the binder or over another material's
    pages is refused and nothing changes. The binder itself is kept unmodified."""
    materials = _materials_of(home, applicant_id)
    if material not in materials:
        raise Problem(Code.MATERIAL_UNKNOWN, material=material, applicant_id=applicant_id)
    try:
        data = binder.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(binder)) from None
    with _open_binder(data, binder.name) as doc:
        pages = doc.page_count
        if first < 1 or last < 1 or last < first:
            raise Problem(Code.BINDER_RANGE_EMPTY, file=binder.name, material=material)
        if last > pages:
            raise Problem(Code.BINDER_RANGES_INVALID, file=binder.name, material=material, first=first, last=last,
                          pages=pages)
        for other in binder_marks(home, applicant_id, binder):
            if other.material != material and other.first <= last and first <= other.last:
                raise Problem(Code.BINDER_RANGE_OVERLAP, file=binder.name, first=first, last=last,
                              other=other.material or other.source_name, other_first=other.first,
                              other_last=other.last)
        source = f"{binder.name}#{first}-{last} {material}"
        part = _part_bytes(doc, first, last)
    _store(home, applicant_id, [(source, material, part, sha256_hex(data), first, last)], origin=data)
    return BinderMark(material, first, last, source)


def required_materials(home: Home, applicant_id: str) -> list[str]:
    """The applicant's required materials in the order of the call (its carrier type's list)."""
    return _materials_of(home, applicant_id)
