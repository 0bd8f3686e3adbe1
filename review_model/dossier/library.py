"""One home's dossiers as the viewer needs them: each applicant's materials, where a material's
file is, how the expert turned its pages, and its search index. Plain data out; the file paths
stay in the domain (the UI names materials by id)."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlalchemy import select

from ..errors import Code, Problem
from ..home import Home
from ..retention import round_closed
from ..store.models import Material, PageRotation
from ..store.sealed import is_sealed
from .geometry import normal_degrees
from .ocr import ocr_lines
from .text_index import Hit, TextIndex

MATERIAL = -1  # page_index of a whole material's rotation


@dataclass(frozen=True)
class MaterialInfo:
    material_id: int
    applicant_id: str
    position: int
    name: str
    status: str  # ok | encrypted | missing | extra
    pages: int | None
    sha256: str | None

    @property
    def has_file(self) -> bool:
        return self.status != "missing" and bool(self.sha256)


@dataclass(frozen=True)
class Rotations:
    """The expert's view rotation of a material: the whole material, plus each page's own turn."""

    material: int = 0
    pages: dict[int, int] = field(default_factory=dict, hash=False)

    def of(self, page_index: int) -> int:
        return (self.material + self.pages.get(page_index, 0)) % 360


def _info(m: Material) -> MaterialInfo:
    return MaterialInfo(m.id, m.applicant_id, m.position, m.name, m.status, m.page_count, m.sha256)


class DossierLibrary:
    def __init__(self, home: Home) -> None:
        self.home = home

    # --- materials ----------------------------------------------------------------------------
    def materials(self, applicant_id: str) -> tuple[MaterialInfo, ...]:
        with self.home.store.read() as session:
            rows = session.scalars(select(Material).filter_by(applicant_id=applicant_id).order_by(Material.position))
            return tuple(_info(m) for m in rows)

    def all_materials(self) -> tuple[MaterialInfo, ...]:
        """Every applicant's materials, applicant by applicant (the command line's search)."""
        with self.home.store.read() as session:
            rows = session.scalars(select(Material).order_by(Material.applicant_id, Material.position))
            return tuple(_info(m) for m in rows)

    def material(self, material_id: int) -> MaterialInfo:
        with self.home.store.read() as session:
            row = session.get(Material, material_id)
            if row is None:
                raise Problem(Code.NOT_FOUND, what="material", id=material_id)
            return _info(row)

    def file(self, material: MaterialInfo) -> Path:
        if not material.has_file:
            raise Problem(Code.MATERIAL_MISSING, material=material.name)
        path = self.home.blobs.path(material.sha256)
        if not path.exists() and round_closed(self.home):
            raise Problem(Code.DOSSIER_REMOVED, material=material.name)
        self.home.blobs.check_readable(path, is_sealed(path))  # the workers open it (and decrypt it) by path
        return path

    def indexable(self) -> list[MaterialInfo]:
        """Every material with a readable, unprotected file, once per file content."""
        with self.home.store.read() as session:
            rows = session.scalars(select(Material).where(Material.status.in_(("ok", "extra"))).order_by(Material.id))
            seen, out = set(), []
            for m in rows:
                if m.sha256 and m.sha256 not in seen:
                    seen.add(m.sha256)
                    out.append(_info(m))
            return out

    # --- view rotation ------------------------------------------------------------------------
    def rotations(self, material_id: int) -> Rotations:
        with self.home.store.read() as session:
            rows = session.scalars(select(PageRotation).filter_by(material_id=material_id))
            turns = {r.page_index: r.degrees for r in rows}
        return Rotations(turns.pop(MATERIAL, 0), turns)

    def rotate(self, material_id: int, page_index: int | None, by: int) -> Rotations:
        """Turn one page (or, with page_index None, the whole material) by `by` degrees clockwise.
        Kept in the home's database; the PDF is never touched."""
        by = normal_degrees(by)
        material = self.material(material_id)
        if page_index is not None and (page_index < 0 or (material.pages is not None and page_index >= material.pages)):
            raise Problem(Code.NOT_FOUND, what="page", id=page_index)
        key = MATERIAL if page_index is None else page_index
        with self.home.store.write(actor="app") as (session, _audit):
            row = session.get(PageRotation, (material_id, key))
            if row is None:
                session.add(PageRotation(material_id=material_id, page_index=key, degrees=by))
            else:
                row.degrees = (row.degrees + by) % 360
        return self.rotations(material_id)

    def upright_turn(self, material: MaterialInfo, page_index: int, shown: int) -> int:
        """How many degrees clockwise to turn the view of a scanned page, now shown turned `shown`
        (its /Rotate and the view rotation), so that it reads upright, as its OCR found (0 when it
        does already, or was never read). Only the view turns: the PDF is never touched."""
        if not material.has_file:
            return 0
        upright = self.index.ocr_rotation(material.sha256, page_index)
        return 0 if upright is None else normal_degrees(upright - shown)

    def ocr_lines(self, material: MaterialInfo, page_index: int) -> list:
        """A read scan's characters in lines, [(char, x0, y0, x1, y1)] in unrotated points, for
        selecting and copying its text ([] when the page was never read)."""
        if not material.has_file:
            return []
        return ocr_lines(*self.index.ocr_text(material.sha256, page_index))

    # --- files derived from the dossiers (disposable: the cache folder) -----------------------
    def thumbnail_file(self, material: MaterialInfo, page_index: int, width: int) -> Path:
        digest = material.sha256 or "none"
        return self.home.cache / "thumbnails" / digest[:2] / digest / f"{page_index}-{width}.jpg"

    @property
    def index_path(self) -> Path:
        return self.home.cache / "text-index.sqlite3"

    def prepare_search(self) -> None:
        """Open the text index ahead of the first search: an encrypted one is then read through in
        the background (TextIndex.warm), so that search finds its pages decrypted. Not for a closed
        round, whose index is gone (opening it would make an empty one again)."""
        if "index" in self.__dict__ or self.home.key is None or round_closed(self.home):
            return
        try:
            _ = self.index
        except OSError:  # the cache cannot be written: the search says so when it is asked for
            pass

    @cached_property
    def index(self) -> TextIndex:
        index = TextIndex(self.index_path, key=self.home.key)
        if self.home.key is not None:  # encrypted: decrypt its pages now, off the caller's thread (TextIndex.warm)
            threading.Thread(target=index.warm, name="index-warm", daemon=True).start()
        return index

    def search(self, query: str, materials: list[MaterialInfo] | tuple[MaterialInfo, ...], limit: int = 1000) -> list[Hit]:
        """Hits for `query` in these materials, in their order then page order."""
        by_file: dict[str, list[int]] = {}
        order = {}
        for m in materials:
            if m.has_file:
                by_file.setdefault(m.sha256, []).append(m.material_id)
                order[m.material_id] = m.position
        hits = self.index.search(query, by_file, limit)
        return sorted(hits, key=lambda h: (order.get(h.material_id, 0), h.page_index))

    def page_labels(self, materials: list[MaterialInfo] | tuple[MaterialInfo, ...]) -> dict[int, tuple[str, ...]]:
        """The printed page labels of these materials, as far as the index has read them."""
        found = self.index.labels([m.sha256 for m in materials if m.has_file])
        return {m.material_id: tuple(found[m.sha256]) for m in materials if m.sha256 in found}

    def index_progress(self, materials: list[MaterialInfo] | tuple[MaterialInfo, ...]) -> tuple[int, int]:
        """(pages indexed, pages to index) over these materials' readable files."""
        files = {m.sha256: m.pages or 0 for m in materials if m.has_file and m.status in ("ok", "extra")}
        return self.index.progress(files)

    def close(self) -> None:
        if "index" in self.__dict__:
            self.index.close()
