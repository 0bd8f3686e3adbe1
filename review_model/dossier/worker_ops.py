"""What the render worker does with PyMuPDF. Runs only inside the worker process (PyMuPDF holds
the GIL for the whole of a render, so the app never renders in its own process).

Every rectangle sent back is in unrotated page points (see geometry.py); pixels go into the
shared buffer slot the app named, and the reply says where they are.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from collections import OrderedDict

import pymupdf
from pymupdf import mupdf

from ..errors import Problem
from ..store.sealed import Sealer, blob_label, is_sealed, write_cache_file
from .drawing import PageFacts, display_list, draw, page_facts
from .geometry import PageGeometry, display_matrix
from .outline import outline_from_toc, page_labels

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)
pymupdf.TOOLS.set_icc(False)  # scans carry sRGB-like profiles: colour management costs ~25% for no visible gain

MAX_OPEN = 6
MAX_LISTS = 8  # display lists of recently drawn pages
STORE_BUDGET = 128 * 1024 * 1024  # MuPDF's store alone fills to 256 MB unless trimmed
WARM_BUDGET = 384 * 1024 * 1024  # decrypted dossiers of a sealed home kept ready: one applicant's, usually
TRIM_EVERY = 8
PAGE_ERRORS = (RuntimeError, ValueError, pymupdf.FileDataError)


def resident_bytes() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    if sys.platform == "win32":
        # Windows only
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD)] + [
                (name, ctypes.c_size_t) for name in ("Peak", "WorkingSet", "QPPaged", "QPaged", "QPNon", "QNon",
                                                     "Pagefile", "PeakPagefile")]
        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()
        if ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb):
            return counters.WorkingSet
    return None


def _close(document: pymupdf.Document) -> None:
    """Close a document; one opened from a decrypted buffer (a sealed home's) is collected now: a
    Document sits in reference cycles, and until the collector runs its tens of MB of plaintext
    would stay beside the next one's."""
    from_memory = document.stream is not None
    document.close()
    if from_memory:
        del document
        gc.collect()


def geometry_of(page: pymupdf.Page) -> PageGeometry:
    unrotated = page.rect * page.derotation_matrix
    return PageGeometry(abs(unrotated.width), abs(unrotated.height), page.rotation % 360)


class Engine:
    def __init__(self, buffer, slot_size: int) -> None:
        self.buffer = buffer
        self.slot_size = slot_size
        self.known: dict[str, tuple[str, str | None]] = {}  # doc key -> (path, password), to reopen after eviction
        self.docs: OrderedDict[str, pymupdf.Document] = OrderedDict()
        self.facts: dict[tuple[str, int], PageFacts] = {}
        self.lists: OrderedDict[tuple[str, int], tuple] = OrderedDict()  # (doc, page) -> (page, display list)
        self.renders = 0
        self._trimmed_at = 0
        self._base = (resident_bytes() or 0) + len(buffer)
        self.sealer: Sealer | None = None
        # A sealed home's dossiers decrypted ahead (`warm`), by path: blobs are named by their content,
        # so a path's plaintext never changes.
        self.warmed: OrderedDict[str, object] = OrderedDict()

    def key(self, key: bytes) -> dict:
        """The home key, the app's first message to a worker of a sealed home (never argv or the
        environment: those other local users can read)."""
        self.sealer = Sealer(key)
        return {}

    # --- documents ----------------------------------------------------------------------------
    def _load(self, path: str, password: str | None) -> pymupdf.Document:
        """The open document, unlocked; PermissionError("password_needed" | "password_wrong") if it
        cannot be. (Never ask `is_encrypted` after authenticate(): PyMuPDF then loses the text layer.)"""
        doc = self._open_file(path)
        if doc.needs_pass:
            if password is None or not doc.authenticate(password):
                doc.close()
                raise PermissionError("password_needed" if password is None else "password_wrong")
        return doc

    def _open_file(self, path: str) -> pymupdf.Document:
        """A blob, decrypted into memory when sealed (one plaintext copy, handed over as a view so
        PyMuPDF keeps it rather than copying it)."""
        if not is_sealed(path):
            return pymupdf.open(path)
        if self.sealer is None:
            raise PermissionError("locked")
        plain = self.warmed.get(path)
        if plain is None:
            try:
                plain = self._decrypt(path)
            except Problem as refused:
                raise PermissionError(refused.code.value) from None
            self._keep_warm(path, plain)  # opened again (the expert comes back to it): no second decryption
        return pymupdf.open(stream=memoryview(plain), filetype="pdf")

    def _decrypt(self, path: str):
        assert self.sealer is not None
        return self.sealer.open(path, blob_label(path), mapped=True)

    def _keep_warm(self, path: str, plain) -> bool:
        size = sum(len(p) for p in self.warmed.values())
        if size + len(plain) > WARM_BUDGET:
            return False
        self.warmed[path] = plain
        return True

    def _plaintext_bytes(self) -> int:
        """Memory held by decrypted dossiers (warm or open): not MuPDF's store, so not trimmed for."""
        held = {id(plain): len(plain) for plain in self.warmed.values()}
        for document in self.docs.values():
            if isinstance(document.stream, memoryview):
                held[id(document.stream.obj)] = document.stream.nbytes
        return sum(held.values())

    def warm(self, path: str, keep: list[str]) -> dict:
        """Decrypt a sealed dossier now, while the expert reads another, so that opening it finds the
        plaintext in this process's memory (never on disk) and costs what a plain file's open does.
        `keep`: every dossier the app now wants kept ready (MaterialRenderer._warm_ahead); others
        go, unless open. One that does not fit the budget is decrypted when it is opened."""
        wanted = set(keep) | {self.known[key][0] for key in self.docs if key in self.known}
        dropped = [p for p in self.warmed if p not in wanted]
        for old in dropped:
            del self.warmed[old]
        if dropped:
            gc.collect()  # a closed Document's plaintext sits in reference cycles
        if self.sealer is None or path in self.warmed or not is_sealed(path):
            return {}
        try:
            if os.path.getsize(path) + sum(len(p) for p in self.warmed.values()) > WARM_BUDGET:
                return {"error": "too_large"}
            self._keep_warm(path, self._decrypt(path))
        except OSError as exc:
            return {"error": "unreadable", "detail": str(exc)}
        except Problem as refused:  # damaged: said when it is opened
            return {"error": refused.code.value}
        return {}

    def doc(self, key: str) -> pymupdf.Document:
        doc = self.docs.get(key)
        if doc is None:
            if key not in self.known:
                raise KeyError(key)
            doc = self._load(*self.known[key])
            self._keep(key, doc)
        self.docs.move_to_end(key)
        return doc

    def _keep(self, key: str, doc: pymupdf.Document) -> None:
        self.docs[key] = doc
        while len(self.docs) > MAX_OPEN:
            old_key, old = self.docs.popitem(last=False)
            self._forget_pages(old_key)
            _close(old)

    def _forget_pages(self, doc: str) -> None:
        """Drop what belongs to pages of a document about to be closed."""
        for key in [k for k in self.lists if k[0] == doc]:
            del self.lists[key]

    def open(self, doc: str, path: str, password: str | None = None) -> dict:
        if password is None and self.known.get(doc, (None, None))[0] == path:
            password = self.known[doc][1]  # unlocked earlier this session
        try:
            document = self._load(path, password)
        except PermissionError as refused:
            return {"error": str(refused)}
        except (*PAGE_ERRORS, OSError) as exc:
            return {"error": "unreadable", "detail": str(exc)}
        if document.page_count == 0:
            document.close()
            return {"error": "empty"}
        pages, broken = [], []
        for index in range(document.page_count):
            try:
                g = geometry_of(document.load_page(index))
                pages.append((g.width, g.height, g.pdf_rotation))
            except PAGE_ERRORS:
                broken.append(index)
                pages.append(pages[-1] if pages else (595.0, 842.0, 0))
        try:
            labels = page_labels(document.get_page_labels(), document.page_count)
        except PAGE_ERRORS:
            labels = [str(i + 1) for i in range(document.page_count)]
        try:
            outline = outline_from_toc(document.get_toc(simple=True), document.page_count)
        except PAGE_ERRORS:
            outline = ()
        self.known[doc] = (path, password)
        old = self.docs.pop(doc, None)
        if old is not None:
            self._forget_pages(doc)
            _close(old)
        self._keep(doc, document)
        return {"pages": pages, "labels": labels, "outline": outline, "repaired": bool(document.is_repaired),
                "broken": broken}

    def close(self, doc: str) -> dict:
        self.known.pop(doc, None)
        self._forget_pages(doc)
        document = self.docs.pop(doc, None)
        if document is not None:
            _close(document)
        gone = [p for p in self.warmed if not os.path.exists(p)]  # removed (the round closed): not kept here either
        for path in gone:
            del self.warmed[path]
        if gone:
            gc.collect()
        self.facts = {k: v for k, v in self.facts.items() if k[0] != doc}
        return {}

    # --- pixels -------------------------------------------------------------------------------
    def _page(self, doc: str, index: int) -> tuple[pymupdf.Page, object]:
        """The page and its display list, the last few kept."""
        found = self.lists.get((doc, index))
        if found is None:
            page = self.doc(doc).load_page(index)
            found = self.lists[(doc, index)] = (page, display_list(page))
            while len(self.lists) > MAX_LISTS:
                self.lists.popitem(last=False)
        self.lists.move_to_end((doc, index))
        return found

    def _facts(self, key: str, index: int, page: pymupdf.Page) -> PageFacts:
        found = self.facts.get((key, index))
        if found is None:
            found = self.facts[(key, index)] = page_facts(page)
        return found

    def _matrix(self, page: pymupdf.Page, view_rotation: int, scale: float) -> pymupdf.Matrix:
        g = geometry_of(page)
        return page.derotation_matrix * pymupdf.Matrix(*display_matrix(g, g.turned(view_rotation), scale))

    def render(self, doc: str, page: int, rotation: int, scale: float, clip: tuple, slot: int,
               interpolate: bool = False) -> dict:
        """Draw device pixels `clip` of the page turned by `rotation` at `scale` into slot `slot`."""
        started = time.perf_counter()
        p, commands = self._page(doc, page)
        facts = self._facts(doc, page, p)
        if interpolate:  # MuPDF's own quality everywhere (the benchmark's like-for-like with mutool)
            facts = PageFacts(facts.gray, None)
        page_box = pymupdf.IRect((p.rect * self._matrix(p, rotation, scale)).round())
        device = pymupdf.IRect(clip) & page_box
        if device.is_empty:
            return {"error": "empty_clip"}
        channels = 1 if facts.gray else 3
        size = device.width * device.height * channels
        if size > self.slot_size:
            return {"error": "too_large"}
        offset = slot * self.slot_size
        target = memoryview(self.buffer)[offset:offset + size]
        try:  # drawn straight into the shared slot: the app reads it from there
            pixmap = draw(commands, self._matrix(p, rotation, scale), tuple(device), facts, scale, target)
            stride = mupdf.fz_pixmap_stride(pixmap)
            del pixmap
        finally:
            target.release()
        self.renders += 1
        self._trim()
        return {"x": device.x0, "y": device.y0, "w": device.width, "h": device.height, "n": channels,
                "stride": stride, "slot": slot, "ms": (time.perf_counter() - started) * 1000}

    def thumbnail(self, doc: str, page: int, width: int, path: str | None = None, cache: str | None = None) -> dict:
        p = self.doc(doc).load_page(page)
        g = geometry_of(p)
        display_w, _ = g.display_size(g.pdf_rotation)
        matrix = self._matrix(p, 0, width / max(display_w, 1.0))
        colorspace = pymupdf.csGRAY if self._facts(doc, page, p).gray else pymupdf.csRGB
        pix = p.get_pixmap(matrix=matrix, colorspace=colorspace, alpha=False)
        data = pix.tobytes("jpg", jpg_quality=82)
        if path:  # the home's cache: its owner's only and sealed as the rest; the thumbnail is shown regardless
            write_cache_file(path, data, self.sealer, cache)  # never once the round is closed
        self.renders += 1
        self._trim()
        return {"data": data, "w": pix.width, "h": pix.height}

    def _trim(self) -> None:
        """Keep MuPDF's store (decoded images, fonts, glyphs) near STORE_BUDGET: halve it when the
        process has grown that much beyond its start (the shared buffer counted as used), at most
        every TRIM_EVERY drawings so a full store is not emptied again on every page."""
        if self.renders - self._trimmed_at < TRIM_EVERY:
            return
        rss = resident_bytes()
        if rss is None or rss - self._plaintext_bytes() > self._base + STORE_BUDGET:
            pymupdf.TOOLS.store_shrink(50)
            self._trimmed_at = self.renders

    # --- text ---------------------------------------------------------------------------------
    def text(self, doc: str, page: int) -> dict:
        """The page's characters line by line, for selecting and copying: [[(char, x0, y0, x1, y1), …], …]."""
        p = self.doc(doc).load_page(page)
        lines = []
        raw = p.get_text("rawdict", flags=pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP)
        for block in raw.get("blocks", ()):
            for line in block.get("lines", ()):
                chars = [(c["c"], *c["bbox"]) for span in line.get("spans", ()) for c in span.get("chars", ())]
                if chars:
                    lines.append(chars)
        return {"lines": lines}

    def find(self, doc: str, pages: list[int], query: str) -> dict:
        d = self.doc(doc)
        found = {}
        for index in pages:
            try:
                rects = d.load_page(index).search_for(query)
            except PAGE_ERRORS:
                continue
            found[index] = [tuple(r) for r in rects]
        return {"rects": found}

    def search(self, doc: str, query: str, limit: int = 500) -> dict:
        """Search a document that has no index entry (a password-protected one opened this session)."""
        d = self.doc(doc)
        hits = []
        for index in range(d.page_count):
            try:
                page = d.load_page(index)
                rects = page.search_for(query)
            except PAGE_ERRORS:
                continue
            if rects:
                hits.append((index, [tuple(r) for r in rects], page.get_textbox(rects[0] + (-60, -2, 60, 2)).strip()))
                if len(hits) >= limit:
                    break
        return {"hits": hits}

    def extract(self, path: str, first: int, count: int) -> dict:
        """Plain text of pages [first, first+count) for the search index; unreadable pages give ''."""
        try:
            doc = self._load(path, None)
        except PermissionError as refused:
            return {"error": str(refused)}
        except (*PAGE_ERRORS, OSError) as exc:
            return {"error": "unreadable", "detail": str(exc)}
        with doc:
            texts = []
            for index in range(first, min(first + count, doc.page_count)):
                try:
                    texts.append(doc.load_page(index).get_text("text"))
                except PAGE_ERRORS:
                    texts.append("")
            reply = {"texts": texts, "page_count": doc.page_count}
            if first == 0:
                try:
                    reply["labels"] = page_labels(doc.get_page_labels(), doc.page_count)
                except PAGE_ERRORS:
                    pass
            return reply
