"""A sealed home's dossiers are decrypted ahead, in the render worker's memory (issue 15: opening a
material must cost no more than a plain one's): while the expert reads one of an applicant's
materials, the worker decrypts the others, so opening the next one finds its plaintext ready."""
from __future__ import annotations

import os

import pytest

from review_model.dossier.library import DossierLibrary
from review_model.dossier.protocol import BACKGROUND
from review_model.dossier.renderer import MaterialRenderer
from review_model.errors import Code, Problem
from review_model.store.sealed import HEADER_SIZE, is_sealed
from tests.support import dossier_pdfs as pdfs
from tests.support.dossier_home import dossier_home
from tests.test_sealed_files import _wait


@pytest.fixture
def sealed_dossier(tmp_path):
    home, ids = dossier_home(tmp_path / "home", [("申报表", pdfs.text_pdf(["高技能人才培训基地申报表"])),
                                                 ("培训管理制度", pdfs.text_pdf(["总则", "考核办法", "附则"])),
                                                 ("场地证明", pdfs.scan_pdf(2))], key=os.urandom(32))
    yield home, ids
    home.close()


def _alter(path) -> None:
    os.chmod(path, 0o600)
    data = bytearray(path.read_bytes())
    data[HEADER_SIZE + 40] ^= 0x80
    path.write_bytes(data)


def test_opening_one_material_has_the_worker_decrypt_the_applicants_others_ahead(sealed_dossier):
    home, ids = sealed_dossier
    library = DossierLibrary(home)
    renderer = MaterialRenderer(library)
    try:
        first = _wait(lambda done: renderer.open(library.material(ids[0]), done))
        assert len(first.pages) == 1
        renderer.worker.call("close", priority=BACKGROUND, doc="none")  # after the warm requests it sent
        later = library.material(ids[2])
        assert is_sealed(library.file(later))
        _alter(library.file(later))  # the file on disk can no longer be decrypted: only memory has it
        opened = _wait(lambda done: renderer.open(later, done))
        assert not isinstance(opened, Problem), opened
        assert len(opened.pages) == 2
        piece = _wait(lambda done: renderer.render(ids[2], 1, 0, 1.0, (0, 0, 100, 100), done))
        assert (piece.width, piece.height) == (100, 100)
    finally:
        renderer.close()
        library.close()


def test_what_is_no_longer_wanted_ahead_is_let_go(sealed_dossier):
    from review_model.dossier.worker_ops import Engine
    from review_model.store.sealed import Sealer

    home, ids = sealed_dossier
    library = DossierLibrary(home)
    path = str(library.file(library.material(ids[1])))
    other = str(library.file(library.material(ids[2])))
    engine = Engine(bytearray(1 << 20), 1 << 20)  # the worker's own code, in this process
    engine.sealer = Sealer(home.key)
    assert engine.warm(path, keep=[path]) == {}
    assert path in engine.warmed
    assert engine.open("m1", path)["pages"]
    engine.close("m1")
    engine.warm(other, keep=[other])  # the expert moved on: only what is wanted now is kept
    assert path not in engine.warmed and other in engine.warmed
    _alter(library.file(library.material(ids[1])))
    assert engine.open("m1", path) == {"error": Code.SEALED_FILE_DAMAGED.value}
    library.close()


def test_the_next_applicants_first_material_is_decrypted_ahead_too(sealed_dossier):
    from review_model.store.models import Applicant, Material

    home, ids = sealed_dossier
    scan = pdfs.scan_pdf(3)
    digest, _ = home.blobs.put(scan)
    with home.store.write("test") as (session, _audit):
        session.add(Applicant(applicant_id="A02", name="深圳市明辉智能制造培训中心", uscc="91440300MA5F000002",
                              entity_kind="enterprise", industry="智能制造", carrier_type="training_base",
                              acceptance="accepted"))
        session.flush()
        session.add(Material(applicant_id="A02", position=1, name="申报表", status="ok", sha256=digest,
                             size=len(scan), page_count=3))
    library = DossierLibrary(home)
    renderer = MaterialRenderer(library)
    try:
        assert not isinstance(_wait(lambda done: renderer.open(library.material(ids[0]), done)), Problem)
        renderer.worker.call("close", priority=BACKGROUND, doc="none")  # after the warm requests it sent
        (next_first,) = library.materials("A02")
        _alter(library.file(next_first))
        opened = _wait(lambda done: renderer.open(next_first, done))  # the next applicant, in list order
        assert not isinstance(opened, Problem), opened
        assert len(opened.pages) == 3
    finally:
        renderer.close()
        library.close()


def test_a_dossier_removed_from_disk_is_not_kept_decrypted_in_memory_either(sealed_dossier):
    from review_model.dossier.worker_ops import Engine
    from review_model.store.sealed import Sealer

    home, ids = sealed_dossier
    library = DossierLibrary(home)
    path = library.file(library.material(ids[1]))
    engine = Engine(bytearray(1 << 20), 1 << 20)
    engine.sealer = Sealer(home.key)
    engine.warm(str(path), keep=[str(path)])
    assert str(path) in engine.warmed
    home.blobs.discard([library.material(ids[1]).sha256])  # what close_round does
    engine.close("m1")  # the viewer closes what it showed
    assert engine.warmed == {}
    library.close()
