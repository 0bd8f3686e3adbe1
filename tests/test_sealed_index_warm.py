"""The encrypted text index is read through once when it is opened (TextIndex.warm, started by
DossierLibrary in a thread), so the first search finds its pages already decrypted in SQLite's
cache instead of decrypting them while the expert waits (issue 15: search within 10 % of plain)."""
from __future__ import annotations

import os

from review_model.dossier.text_index import TextIndex
from review_model.store import cipher

PAGES = ["培训管理制度 第一章 总则 带徒台账" if n == 7 else f"第{n}页 场地 设备 学徒 合同 " * 40 for n in range(120)]


def _index(path, key):
    index = TextIndex(path, key=key)
    index.start("a" * 64, len(PAGES))
    index.add_pages("a" * 64, 0, PAGES)
    index.finish("a" * 64)
    index.close()


def _spoil_all_but_the_header(path) -> None:
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(4096)
        handle.write(os.urandom(size - 4096))


def test_a_warmed_index_answers_from_its_decrypted_pages_without_reading_the_file(tmp_path):
    key = os.urandom(32)
    path = tmp_path / "index.sqlite3"
    _index(path, key)
    assert not cipher.is_plaintext(path)
    cold = TextIndex(path, key=key)  # opened first: opening writes (the schema's version)
    warmed = TextIndex(path, key=key)
    warmed.warm()
    _spoil_all_but_the_header(path)  # from now on, only pages already decrypted can be read
    files = {"a" * 64: [1]}
    try:
        for query in ("带徒台账", "总则"):  # through the trigram index, and by scanning the text
            assert [h.page_index for h in warmed.search(query, files)] == [7]
        try:
            found = cold.search("带徒台账", files)
        except cipher.DATABASE_ERROR:
            found = None
        assert found != [7]  # an index not read through must go to the file (and finds it spoilt)
    finally:
        warmed.close()
        cold.close()


def test_the_viewer_opens_and_reads_the_encrypted_index_through_before_the_first_search(qtbot, tmp_path):
    from review_model.dossier.library import DossierLibrary
    from tests.support import dossier_pdfs as pdfs
    from tests.support.dossier_home import dossier_home
    from ui.viewer.bridge import RenderBridge

    home, ids = dossier_home(tmp_path / "home", [("培训管理制度", pdfs.text_pdf(["总则", "带徒台账 考核办法"]))],
                             key=os.urandom(32))
    library = DossierLibrary(home)
    material = library.material(ids[0])
    writer = TextIndex(library.index_path, key=home.key)  # what the background indexer wrote
    writer.start(material.sha256, 2)
    writer.add_pages(material.sha256, 0, ["总则", "带徒台账 考核办法"])
    writer.finish(material.sha256)
    writer.close()
    bridge = RenderBridge(library)
    try:
        qtbot.waitUntil(lambda: "index" in library.__dict__)  # opened once the event loop runs
        index = library.index
        qtbot.waitUntil(index.warmed.is_set)  # read through, in its thread
        _spoil_all_but_the_header(library.index_path)
        assert [(h.material_id, h.page_index) for h in library.search("带徒台账", [material])] == [(ids[0], 1)]
    finally:
        bridge.shutdown()
        library.close()
        home.close()
