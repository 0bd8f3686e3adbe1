"""Material-level requests to the render worker: callers name materials and pages, never files.

Callbacks run on the worker's reader thread (see client.py) and receive plain data or a Problem.
Passwords are passed through to the worker's memory and never written anywhere.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..errors import Code, Problem
from ..store.sealed import read_cache_file, sealer_for
from .client import RenderWorker
from .geometry import PageGeometry
from .library import DossierLibrary, MaterialInfo
from .outline import OutlineEntry
from .protocol import BACKGROUND, PREFETCH, TEXT, THUMBNAIL, VISIBLE

TextLine = tuple[tuple[str, float, float, float, float], ...]


@dataclass(frozen=True)
class OpenedMaterial:
    material: MaterialInfo
    pages: tuple[PageGeometry, ...]
    labels: tuple[str, ...]
    outline: tuple[OutlineEntry, ...]
    damaged: bool  # MuPDF had to repair the file, or some pages cannot be read
    broken_pages: tuple[int, ...]


@dataclass(frozen=True)
class Piece:
    """Rendered pixels of part of a page: device pixels (x, y) onwards of the page turned by
    `rotation` at `scale`; `channels` 1 (gray) or 3 (RGB), rows `stride` bytes apart."""

    material_id: int
    page_index: int
    rotation: int
    scale: float
    x: int
    y: int
    width: int
    height: int
    channels: int
    stride: int
    pixels: bytes
    render_ms: float


def _problem(reply: dict, material: MaterialInfo, page_index: int | None = None) -> Problem:
    error = reply.get("error")
    facts = {"material": material.name, "applicant": material.applicant_id}
    if error == "password_wrong":
        return Problem(Code.PDF_PASSWORD_WRONG, **facts)
    if error == "password_needed":
        return Problem(Code.PDF_PASSWORD_NEEDED, **facts)
    if error == "empty":
        return Problem(Code.PDF_EMPTY, **facts)
    if error == Code.SEALED_FILE_DAMAGED.value:
        return Problem(Code.SEALED_FILE_DAMAGED, path=material.name)
    if error == "locked":
        return Problem(Code.SEALED_HOME_LOCKED, path=material.name)
    if page_index is not None:
        return Problem(Code.PAGE_UNREADABLE, page=page_index + 1, cause=error, **facts)
    return Problem(Code.PDF_CORRUPT, detail=reply.get("detail", error), **facts)


class MaterialRenderer:
    def __init__(self, library: DossierLibrary, worker: RenderWorker | None = None) -> None:
        self.library = library
        self.worker = worker or RenderWorker(key=library.home.key)
        self._sealer = sealer_for(library.home.key)
        self._materials: dict[int, MaterialInfo] = {}
        self._warmed_for: str | None = None  # the applicant whose reading the worker was asked to prepare for

    @staticmethod
    def _key(material_id: int) -> str:
        return f"m{material_id}"

    def open(self, material: MaterialInfo, done: Callable[[OpenedMaterial | Problem], None],
             password: str | None = None) -> int | None:
        if not material.has_file:
            done(Problem(Code.MATERIAL_MISSING, material=material.name))
            return None
        try:
            path = self.library.file(material)
        except Problem as refused:
            done(refused)
            return None
        self._materials[material.material_id] = material

        def opened(reply: dict) -> None:
            if "error" in reply:
                done(_problem(reply, material))
                return
            pages = tuple(PageGeometry(w, h, r) for w, h, r in reply["pages"])
            done(OpenedMaterial(material, pages, tuple(reply["labels"]), tuple(reply["outline"]),
                                bool(reply["repaired"] or reply["broken"]), tuple(reply["broken"])))

        request = self.worker.request("open", opened, VISIBLE, doc=self._key(material.material_id),
                                      path=str(path), password=password)
        self._warm_ahead(material)
        return request

    def _warm_ahead(self, material: MaterialInfo) -> None:
        """In a sealed home, have the worker decrypt what the expert is likely to open next while they
        read this material: the applicant's other dossiers (after it, in list order: the order they
        are read in), then the next applicant's first, so that opening them finds plaintext in the
        worker's memory instead of waiting for a whole file's decryption."""
        if self._sealer is None or material.applicant_id == self._warmed_for:
            return
        self._warmed_for = material.applicant_id
        everything = self.library.all_materials()  # applicant by applicant, as the list shows them
        siblings = [m for m in everything if m.applicant_id == material.applicant_id]
        at = next((i for i, m in enumerate(siblings) if m.material_id == material.material_id), 0)
        ahead = [m for m in siblings[at + 1:] + siblings[:at] if m.has_file and m.sha256 != material.sha256]
        later = sorted({m.applicant_id for m in everything if m.applicant_id > material.applicant_id})
        if later:
            ahead += [m for m in everything if m.applicant_id == later[0] and m.has_file][:1]
        paths = list(dict.fromkeys(str(self.library.home.blobs.path(m.sha256)) for m in ahead))
        for path in paths:
            self.worker.request("warm", None, BACKGROUND, path=path, keep=paths)

    def close_material(self, material_id: int) -> None:
        if self._materials.pop(material_id, None) is not None:
            self.worker.request("close", doc=self._key(material_id))

    def render(self, material_id: int, page_index: int, rotation: int, scale: float, clip: tuple[int, int, int, int],
               done: Callable[[Piece | Problem], None], priority: int = VISIBLE) -> int:
        material = self._materials[material_id]

        def rendered(reply: dict) -> None:
            if "error" in reply:
                done(_problem(reply, material, page_index))
                return
            done(Piece(material_id, page_index, rotation, scale, reply["x"], reply["y"], reply["w"], reply["h"],
                       reply["n"], reply["stride"], reply["pixels"], reply["ms"]))

        return self.worker.request("render", rendered, priority, doc=self._key(material_id), page=page_index,
                                   rotation=rotation, scale=scale, clip=tuple(int(v) for v in clip))

    def cached_thumbnail(self, material_id: int, page_index: int, width: int) -> bytes | None:
        material = self._materials.get(material_id)
        if material is None:
            return None
        return read_cache_file(self.library.thumbnail_file(material, page_index, width), self._sealer)

    def thumbnail(self, material_id: int, page_index: int, width: int, done: Callable[[bytes | None], None],
                  priority: int = THUMBNAIL) -> int:
        """JPEG bytes of the page at `width` pixels (its own /Rotate applied, not the expert's turn);
        unprotected materials' thumbnails are kept in the home's cache folder."""
        material = self._materials[material_id]
        path = None if material.status == "encrypted" else str(self.library.thumbnail_file(material, page_index, width))
        return self.worker.request("thumbnail", lambda r: done(r.get("data")), priority,
                                   doc=self._key(material_id), page=page_index, width=width, path=path,
                                   cache=str(self.library.home.cache))

    def text(self, material_id: int, page_index: int, done: Callable[[tuple[TextLine, ...]], None]) -> int:
        return self.worker.request("text", lambda r: done(tuple(tuple(line) for line in r.get("lines", ()))), TEXT,
                                   doc=self._key(material_id), page=page_index)

    def find(self, material_id: int, pages: list[int], query: str,
             done: Callable[[dict[int, tuple[tuple[float, float, float, float], ...]]], None]) -> int:
        """Rectangles (unrotated page points) of `query` on these pages, for highlighting."""
        return self.worker.request("find", lambda r: done({k: tuple(v) for k, v in r.get("rects", {}).items()}), TEXT,
                                   doc=self._key(material_id), pages=list(pages), query=query)

    def search_live(self, material_id: int, query: str, done: Callable[[list[tuple[int, str]]], None]) -> int:
        """(page, snippet) of every page containing `query`, read from the open file itself (for
        materials the index does not hold: password-protected ones)."""
        return self.worker.request("search", lambda r: done([(p, s) for p, _, s in r.get("hits", ())]), PREFETCH,
                                   doc=self._key(material_id), query=query)

    def cancel(self, ids: list[int]) -> None:
        if ids:
            self.worker.cancel(ids)

    def check_stalled(self, limit: float = 20.0) -> bool:
        return self.worker.check_stalled(limit)

    def close(self) -> None:
        self.worker.close()
