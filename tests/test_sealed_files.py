"""Files of a home sealed at rest (issue 15): AES-256-GCM per file under the home key. Real crypto,
real files, the real render and index workers; a tampered, cut or swapped file is one clear Problem."""
from __future__ import annotations

import os
import shutil

import pytest

from review_model.dossier.indexing import index_pending, search_home
from review_model.dossier.library import DossierLibrary
from review_model.errors import Code, Problem
from review_model.store.blobs import SEALED_MARK, sha256_hex
from review_model.store.sealed import HEADER_SIZE, SEGMENT_BITS, TAG, Sealer, is_sealed, sealed_size
from tests.support import dossier_pdfs as pdfs
from tests.support.dossier_home import dossier_home

SEGMENT = 1 << SEGMENT_BITS
SENTENCE = "培训管理制度 第一章 总则"


@pytest.mark.parametrize("size", [0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 5])
def test_sealing_round_trips_every_size_through_memory_and_files(tmp_path, size):
    sealer = Sealer(os.urandom(32))
    data = os.urandom(size)
    sealed = sealer.seal(data, "blob/ab/x")
    assert len(sealed) == sealed_size(size)
    assert bytes(sealer.unseal(sealed, "blob/ab/x")) == data
    path = tmp_path / "f"
    path.write_bytes(sealed)
    assert bytes(sealer.open(path, "blob/ab/x")) == data
    assert is_sealed(path)


def _refused(call) -> Problem:
    with pytest.raises(Problem) as refused:
        call()
    assert refused.value.code == Code.SEALED_FILE_DAMAGED
    return refused.value


@pytest.mark.parametrize("where", ["magic", "wrapped key", "nonce", "first segment", "last tag"])
def test_one_altered_byte_anywhere_is_refused(tmp_path, where):
    sealer = Sealer(os.urandom(32))
    sealed = bytearray(sealer.seal(os.urandom(2 * SEGMENT + 100), "blob/ab/x"))
    offset = {"magic": 0, "wrapped key": 10, "nonce": HEADER_SIZE - 1, "first segment": HEADER_SIZE + 7,
              "last tag": len(sealed) - 1}[where]
    sealed[offset] ^= 0x01
    path = tmp_path / "f"
    path.write_bytes(sealed)
    assert str(path) in str(_refused(lambda: sealer.open(path, "blob/ab/x")).params["path"])


@pytest.mark.parametrize("cut", ["at a segment boundary", "inside a segment", "inside the header"])
def test_a_cut_short_file_is_refused(tmp_path, cut):
    sealer = Sealer(os.urandom(32))
    sealed = sealer.seal(os.urandom(2 * SEGMENT + 100), "blob/ab/x")
    keep = {"at a segment boundary": HEADER_SIZE + 2 * (SEGMENT + TAG), "inside a segment": HEADER_SIZE + SEGMENT + 9,
            "inside the header": 20}[cut]
    path = tmp_path / "f"
    path.write_bytes(sealed[:keep])
    _refused(lambda: sealer.open(path, "blob/ab/x"))


def test_a_file_under_another_name_or_another_homes_key_is_refused(tmp_path):
    sealer = Sealer(os.urandom(32))
    sealed = sealer.seal(b"%PDF-1.7 secret", "blob/ab/one")
    _refused(lambda: sealer.unseal(sealed, "blob/ab/two"))
    _refused(lambda: Sealer(os.urandom(32)).unseal(sealed, "blob/ab/one"))


@pytest.fixture
def sealed_dossier(tmp_path):
    home, ids = dossier_home(tmp_path / "home", [("申报表", pdfs.text_pdf(["高技能人才培训基地申报表 光明区"])),
                                                 ("培训管理制度", pdfs.text_pdf([SENTENCE, "考核办法"])),
                                                 ("场地证明", pdfs.scan_pdf(2))], key=os.urandom(32))
    yield home, ids
    home.close()


def test_blobs_of_a_sealed_home_are_named_by_their_plaintext_and_hold_none_of_it(sealed_dossier):
    home, ids = sealed_dossier
    library = DossierLibrary(home)
    material = library.material(ids[1])
    path = library.file(material)
    plain = home.blobs.read(material.sha256)
    assert sha256_hex(plain) == material.sha256 == path.name  # content-addressed by the plaintext
    stored = path.read_bytes()
    assert is_sealed(path) and plain[:5] == b"%PDF-" and plain not in stored and b"%PDF" not in stored
    assert home.blobs.put(plain) == (material.sha256, False)  # dedup sees through the sealing
    library.close()


def test_the_render_worker_opens_sealed_dossiers_and_seals_the_thumbnails_it_keeps(sealed_dossier):
    from review_model.dossier.renderer import MaterialRenderer

    home, ids = sealed_dossier
    library = DossierLibrary(home)
    renderer = MaterialRenderer(library)
    try:
        material = library.material(ids[2])
        opened = _wait(lambda done: renderer.open(material, done))
        assert len(opened.pages) == 2
        piece = _wait(lambda done: renderer.render(ids[2], 0, 0, 1.0, (0, 0, 200, 200), done))
        assert (piece.width, piece.height) == (200, 200)
        jpeg = _wait(lambda done: renderer.thumbnail(ids[2], 1, 120, done))
        assert jpeg[:2] == b"\xff\xd8"
        kept = library.thumbnail_file(material, 1, 120)
        assert is_sealed(kept) and jpeg not in kept.read_bytes()
        assert renderer.cached_thumbnail(ids[2], 1, 120) == jpeg
    finally:
        renderer.close()
        library.close()


def test_a_tampered_sealed_dossier_is_refused_with_the_clear_message(sealed_dossier):
    from review_model.dossier.renderer import MaterialRenderer
    from ui.messages import describe

    home, ids = sealed_dossier
    library = DossierLibrary(home)
    material = library.material(ids[0])
    path = library.file(material)
    os.chmod(path, 0o600)
    data = bytearray(path.read_bytes())
    data[HEADER_SIZE + 40] ^= 0x80
    path.write_bytes(data)
    renderer = MaterialRenderer(library)
    try:
        refused = _wait(lambda done: renderer.open(material, done))
    finally:
        renderer.close()
        library.close()
    assert isinstance(refused, Problem) and refused.code == Code.SEALED_FILE_DAMAGED
    assert "altered" in describe(refused)
    _refused(lambda: home.blobs.read(material.sha256))


def test_a_sealed_blob_swapped_for_another_is_refused(sealed_dossier):
    home, ids = sealed_dossier
    library = DossierLibrary(home)
    one, two = library.material(ids[0]), library.material(ids[1])
    os.chmod(library.file(two), 0o600)
    shutil.copyfile(library.file(one), library.file(two))
    _refused(lambda: home.blobs.read(two.sha256))
    library.close()


def test_a_plain_file_among_the_blobs_of_a_sealed_home_is_refused(sealed_dossier):
    home, ids = sealed_dossier
    assert (home.blobs.root / SEALED_MARK).exists()
    library = DossierLibrary(home)
    material = library.material(ids[0])
    plain = home.blobs.read(material.sha256)
    path = library.file(material)
    os.chmod(path, 0o600)
    path.write_bytes(plain)  # a substitute put in the clear where only sealed files belong
    _refused(lambda: home.blobs.read(material.sha256))
    _refused(lambda: library.file(material))
    library.close()


def test_a_sealed_home_without_its_key_refuses_rather_than_showing_ciphertext(sealed_dossier, tmp_path):
    home, ids = sealed_dossier
    digest = DossierLibrary(home).material(ids[0]).sha256
    home.close()  # locked: the key is dropped with it
    with pytest.raises(Problem) as refused:
        home.blobs.read(digest)
    assert refused.value.code == Code.SEALED_HOME_LOCKED


def test_indexing_and_search_read_sealed_dossiers_in_their_workers(sealed_dossier):
    home, ids = sealed_dossier
    report = index_pending(home)
    assert report.unreadable == 0 and report.pages_indexed == 5
    hits = search_home(home, "第一章")
    assert [(h.material, h.page) for h in hits] == [("培训管理制度", 1)]
    assert hits[0].rect != (0.0, 0.0, 0.0, 0.0)  # the render worker found the rectangle in the sealed file


def _wait(start):
    import threading

    box, done = [], threading.Event()

    def finished(value):
        box.append(value)
        done.set()

    start(finished)
    assert done.wait(30)
    return box[0]


def test_the_home_key_reaches_the_workers_through_their_stdin_only(sealed_dossier):
    """Other local users can read a process's command line and (on some systems) its environment."""
    from pathlib import Path

    from review_model.dossier.client import RenderWorker

    home, ids = sealed_dossier
    path = str(DossierLibrary(home).file(DossierLibrary(home).material(ids[0])))
    with RenderWorker(slots=1, slot_size=4096, key=home.key) as worker:
        assert "pages" in worker.call("open", doc="d", path=path)  # it did get the key
        proc = Path("/proc") / str(worker.pid)
        if not proc.exists():
            pytest.skip("no /proc on this system")
        seen = (proc / "cmdline").read_bytes() + (proc / "environ").read_bytes()
    for form in (home.key, home.key.hex().encode(), home.key.hex().upper().encode()):
        assert form not in seen
