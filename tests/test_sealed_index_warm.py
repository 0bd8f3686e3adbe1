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
