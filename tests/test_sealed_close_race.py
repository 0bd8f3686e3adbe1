"""Closing a round while the viewer is still drawing thumbnails (issue 15's retention): the render
worker, a separate process, must not put a thumbnail back into the cache close_round has just
emptied. Real home, real render worker, real close_round."""
from __future__ import annotations

import os
import threading
from datetime import date

import pytest

from review_model.dossier.library import DossierLibrary
from review_model.dossier.renderer import MaterialRenderer
from review_model.home import Home
from review_model.retention import close_round
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.store.sealed import is_sealed
from tests.test_sealed_files import _wait
from tests.test_sealed_home import _work

pytestmark = pytest.mark.slow


def _cache_files(home: Home) -> list[str]:
    if not home.cache.exists():
        return []
    return [os.path.join(parent, name) for parent, _, names in os.walk(home.cache) for name in names]


def test_thumbnails_drawn_while_and_after_the_round_closes_never_land_in_the_emptied_cache(small_round, tmp_path):
    root = _work(small_round, tmp_path / "w")
    with Home(root) as home:
        reviewer = Reviewer.open(home)
        for applicant_id in ("A02", "A03"):
            ops.declare_conflict(reviewer, applicant_id, "曾为该单位提供咨询服务")
        library = DossierLibrary(home)
        renderer = MaterialRenderer(library)
        try:
            material = next(m for m in library.materials("A01") if m.has_file)
            opened = _wait(lambda done: renderer.open(material, done))
            pages = len(opened.pages)
            first = _wait(lambda done: renderer.thumbnail(material.material_id, 0, 96, done))
            assert first and is_sealed(library.thumbnail_file(material, 0, 96))
            arrived = []
            all_in = threading.Event()
            widths = range(100, 160)  # queued in the worker: it draws them while the round closes
            for width in widths:
                renderer.thumbnail(material.material_id, width % pages, width,
                                   lambda data: (arrived.append(data), len(arrived) == len(widths) and all_in.set()))
            close_round(home, today=date(2026, 12, 1))
            late = _wait(lambda done: renderer.thumbnail(material.material_id, 0, 200, done))  # still open: drawn
            assert all_in.wait(60) and late
            assert _cache_files(home) == []  # shown to the expert, never kept
        finally:
            renderer.close()
            library.close()

