"""Search within the open material or across the applicant's materials: hits from the text index
(fast, any query length), plus a live search of password-protected materials opened this session
(the index never holds their text)."""
from __future__ import annotations

from PySide6.QtCore import QObject

from review_model.dossier.text_index import Hit, TextSource, normalize

from .search_panel import THIS_MATERIAL


class SearchController(QObject):
    def __init__(self, viewer) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.query = ""
        self.scope = ""
        self.hits: list[Hit] = []
        self._live: list[int] = []
        viewer.search_box.searchRequested.connect(self._asked)
        viewer.hit_list.hitChosen.connect(self.choose)

    def reset(self) -> None:
        self.viewer.bridge.cancel(self._live)
        self.query, self.hits, self._live = "", [], []
        self.viewer.hit_list.show_hits("", [], {}, {})
        self.viewer.pages.set_search("", set())
        self.viewer.thumbnails.thumbnails.set_hits({})

    def _asked(self, query: str, scope: str) -> None:
        """The expert searched: show the hits list."""
        self.run(query, scope)
        if self.query:
            self.viewer.tabs.setCurrentWidget(self.viewer.hit_list)

    def run(self, query: str, scope: str) -> list[Hit]:
        v = self.viewer
        v.bridge.cancel(self._live)
        self._live = []
        self.query, self.scope = normalize(query), scope
        if scope == THIS_MATERIAL:
            materials = [m for m in v.materials if m.material_id == v.material_id]
        else:
            materials = list(v.materials)
        self.hits = v.library.search(self.query, materials) if self.query else []
        for m in materials:
            if self.query and m.status == "encrypted" and m.material_id in v.opened:
                self._live.append(v.bridge.search_live(m.material_id, self.query,
                                                       lambda found, mid=m.material_id, q=self.query: self._live_hits(mid, q, found)))
        self._show()
        return self.hits

    def _live_hits(self, material_id: int, query: str, found: list[tuple[int, str]]) -> None:
        if query != self.query:
            return
        self.hits = self.hits + [Hit(material_id, page, snippet, 1) for page, snippet in found]
        order = {m.material_id: m.position for m in self.viewer.materials}
        self.hits.sort(key=lambda h: (order.get(h.material_id, 0), h.page_index))
        self._show()

    def _show(self) -> None:
        v = self.viewer
        names = {m.material_id: m.name for m in v.materials}
        labels = v.library.page_labels(v.materials)
        labels.update({mid: opened.labels for mid, opened in v.opened.items()})
        note = ""
        if self.query:
            done, total = v.library.index_progress(v.materials)
            if done < total:
                note = self.tr("The text index is still being built ({percent}%): some hits may be missing.").format(
                    percent=done * 100 // max(total, 1))
        v.hit_list.show_hits(self.query, self.hits, names, labels, note)
        self.material_shown(v.material_id)

    def material_shown(self, material_id: int | None) -> None:
        counts = {h.page_index: h.count for h in self.hits if h.material_id == material_id}
        scanned = {h.page_index: h.rects for h in self.hits if h.material_id == material_id and h.source == TextSource.OCR}
        self.viewer.pages.set_search(self.query if counts else "", set(counts), known=scanned)
        self.viewer.thumbnails.thumbnails.set_hits(counts)

    def choose(self, hit: Hit) -> None:
        v = self.viewer
        if hit.material_id != v.material_id or v._opening is not None:
            v.open_material(hit.material_id, hit.page_index)
            v._after_open.append(lambda: v.pages.show_hit(hit.page_index))
        else:
            v.pages.show_hit(hit.page_index)
