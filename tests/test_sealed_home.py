"""A lost laptop gives nothing away (issue 15): an expert who scored, noted, photographed and signed
in a sealed home leaves no round content in the clear in the home's files; an old home is sealed in
place (kill it half way: nothing lost, nothing left plain); closing a round destroys the dossiers,
index and caches and keeps the signed sheets.

Every file is searched, the database and the text index (SQLCipher, tests/test_home_key.py) included."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from review_model.dossier.indexing import index_pending
from review_model.dossier.library import DossierLibrary
from review_model.dossier.renderer import MaterialRenderer
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import signing_key
from review_model.importer import import_package
from review_model.retention import Removed, close_round
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.signing.returns import export_returns
from review_model.signing.sign import sign_sheet
from review_model.store.models import AuditEntry, SheetRevision
from review_model.store.sealed import is_sealed
from review_model.store.sealing import unsealed_blobs
from tests.support import rawdb
from tests.support.sheets import complete_sheet
from tests.support.small_round import APPLICANTS

pytestmark = pytest.mark.slow
NOTE = "现场考察：工作室位于厂区二楼，面积约60平方米，设备齐全。"
COMMENT = "扣分原因：带徒记录缺少二〇二五年下半年台账。"
EXIF_TIME = "2026:06:18 10:42:07"
EXCLUDED: tuple[str, ...] = ()  # nothing: the databases are SQLCipher's, the rest sealed


def _photo(folder: Path) -> Path:
    original = folder / "DSC_0042.JPG"
    image = Image.new("RGB", (1200, 900), (120, 140, 90))
    for x in range(0, 1200, 40):
        image.paste((x % 255, 30, 200), (x, 0, x + 20, 900))
    exif = image.getexif()
    exif.get_ifd(0x8769)[0x9003] = EXIF_TIME
    image.save(original, exif=exif, quality=95)
    return original


@pytest.fixture(scope="module")
def sync_intake(tmp_path_factory):
    from tests.support.intake import Backend, start_intake

    running = start_intake(tmp_path_factory.mktemp("stolen-intake"), Backend("sqlite"))
    yield running
    assert running.process.stop() == 0


def _work(small_round, root: Path, sync: bool = False) -> Path:
    """E02's home: import, score with a comment, note, photograph, sign, export (and with `sync`,
    deliver through the round's intake: an outbox bundle and its receipt kept); thumbnails and the
    index made as the viewer and the background indexer would."""
    target = root / "E02"
    shutil.copytree(small_round.homes["E02"], target)
    with Home(target) as home:  # its own key, from the (test) keyring
        import_package(home, small_round.package, trust_bureau=small_round.bureau_fingerprint)
        reviewer = Reviewer.open(home)
        complete_sheet(reviewer, "A01", comment=COMMENT)
        ops.add_note(reviewer, "A01", "", NOTE)
        ops.add_photo(reviewer, "A01", "", _photo(root), "实训车间")
        sign_sheet(reviewer, "A01", signing_key(home, person_id="E02"))
        export_returns(reviewer, root / "E02.rvret", signing_key(home, person_id="E02"))
        if sync:
            from review_model.sync.outbox import Outbox, intake_target

            sent = Outbox(home, intake_target(home), lambda: signing_key(home, person_id="E02")).send(force=True)
            assert sent.delivered == 1 and sent.problem is None
            assert list((target / "outbox").glob("*.rvret"))
        index_pending(home)
        library = DossierLibrary(home)
        renderer = MaterialRenderer(library)
        try:
            for material in library.materials("A01"):
                if material.has_file:
                    done = threading.Event()
                    renderer.open(material, lambda _r, done=done: done.set())
                    assert done.wait(30)
                    got = threading.Event()
                    renderer.thumbnail(material.material_id, 0, 160, lambda _d, got=got: got.set())
                    assert got.wait(30)
        finally:
            renderer.close()
            library.close()
    return target


def _needles(home_root: Path) -> dict[str, bytes]:
    """What must not be readable: names and USCCs (UTF-8 and UTF-16), the note, the comment, the
    EXIF time, and a stretch of every dossier, photo and signed-sheet PDF's own bytes."""
    needles: dict[str, bytes] = {}
    for applicant_id, name, uscc, *_ in APPLICANTS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            needles[f"{applicant_id} name {encoding}"] = name.encode(encoding)
            needles[f"{applicant_id} uscc {encoding}"] = uscc.encode(encoding)
    for label, text in (("note", NOTE), ("comment", COMMENT), ("exif time", EXIF_TIME), ("taken at", "2026-06-18 10:42:07")):
        needles[label] = text.encode()
        needles[f"{label} utf-16"] = text.encode("utf-16-le")
    with Home(home_root) as home:
        for digest in home.blobs.digests():
            plain = home.blobs.read(digest)
            middle = len(plain) // 2
            needles[f"blob {digest[:8]}"] = plain[middle:middle + 48]
            needles[f"blob {digest[:8]} start"] = plain[:16]
    return needles


def _hits(folders: list[Path], needles: dict[str, bytes]) -> list[str]:
    found = []
    for folder in folders:
        for parent, _, names in os.walk(folder):
            for name in names:
                if name.startswith(EXCLUDED):
                    continue
                data = (Path(parent) / name).read_bytes()
                found += [f"{label} in {Path(parent, name).relative_to(folder)}" for label, n in needles.items() if n in data]
    return found


def test_a_stolen_laptop_holds_no_round_content_in_the_clear(sync_intake, tmp_path):
    from tests.support.sync_round import make_sync_round

    round_ = make_sync_round(tmp_path / "round", sync_intake)  # the small round, its package naming the intake
    sealed = _work(round_, tmp_path / "sealed", sync=True)
    stolen = tmp_path / "stolen"
    shutil.copytree(sealed, stolen)  # byte for byte, as a thief would
    assert (stolen / "cache" / "thumbnails").is_dir() and list((stolen / "blobs").rglob("*"))
    assert (stolen / "cache" / "text-index.sqlite3").is_file() and list((stolen / "outbox").glob("*.rvret"))
    needles = _needles(sealed)
    assert _hits([stolen], needles) == []
    # the same search does find them in the same home made plain, as before encryption: it can fail
    rawdb.make_legacy(stolen)
    found = _hits([stolen], needles)
    assert any(h.startswith("blob") and "blobs/" in h for h in found)
    assert any("reviewdesk.db" in h for h in found)


def test_a_running_app_leaves_no_round_content_in_the_clear_on_disk(sync_intake, qtbot, tmp_path):
    """The main window open on the scored, sent, sealed home, a dossier page shown (its render and
    thumbnails written to the cache): every file under the home, read while the window is still open."""
    from desktop.main_window import MainWindow
    from review_model.store.sealed import read_cache_file
    from tests.support.sync_round import make_sync_round
    from tests.support.viewer_driver import wait_drawn

    round_ = make_sync_round(tmp_path / "round", sync_intake)
    root = _work(round_, tmp_path / "sealed", sync=True)
    shutil.rmtree(root / "cache" / "thumbnails")  # so that the window's own are the ones searched
    needles = _needles(root)
    home = Home(root)
    window = MainWindow(home, "en")
    qtbot.addWidget(window)
    try:
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        assert window.applicants.select_applicant("A01")
        qtbot.waitUntil(lambda: window.viewer.pages.material is not None, timeout=30_000)
        wait_drawn(qtbot, window.viewer, timeout=30_000)
        qtbot.waitUntil(lambda: len(list((root / "cache" / "thumbnails").rglob("*.jpg"))) >= 2, timeout=30_000)
        assert window.isVisible()
        # what the window wrote to the cache, opened with the key: its plaintext is searched for too
        for path in (root / "cache" / "thumbnails").rglob("*.jpg"):
            plain = read_cache_file(path, home.blobs.sealer)
            assert plain is not None and plain[:2] == b"\xff\xd8"  # a JPEG, sealed on disk
            needles[f"thumbnail {path.name} start"] = plain[:16]
            needles[f"thumbnail {path.name}"] = plain[len(plain) // 2:len(plain) // 2 + 48]
        assert _hits([root], needles) == []  # still open: the files on disk (the database too), not the app's memory
    finally:
        window.close()
        home.close()


def test_an_old_home_is_sealed_in_place_and_a_kill_half_way_loses_nothing(small_round, tmp_path):
    plain = _work(small_round, tmp_path / "w")
    with Home(plain) as home:
        before = {d: home.blobs.read(d) for d in home.blobs.digests()}
    needles = {k: v for k, v in _needles(plain).items() if k.startswith("blob")}
    rawdb.make_legacy(plain)  # as the version before encryption left it
    blob = lambda d: Path(plain, "blobs", d[:2], d)  # noqa: E731
    assert len(before) >= 5 and not any(is_sealed(blob(d)) for d in before)
    # the first start after the upgrade: the database is encrypted, then the blobs are sealed one
    # by one; killed once three of them are
    child = ("import os, signal, sys\n"
             "from pathlib import Path\n"
             "from review_model.home import Home\n"
             "from review_model.store.sealed import is_sealed\n"
             "root = Path(sys.argv[1])\n"
             "def progress(done, total):\n"
             "    if done == 3 and sum(is_sealed(p) for p in (root / 'blobs').glob('*/*')) >= 3:\n"
             "        os.kill(os.getpid(), signal.SIGKILL)\n"
             "Home(root, progress=progress)\n")
    run = subprocess.run([sys.executable, "-c", child, str(plain)], text=True,
                         env={**os.environ, "PYTHONPATH": os.getcwd()}, capture_output=True)
    assert run.returncode == -signal.SIGKILL, run.stderr
    sealed_now = [d for d in before if is_sealed(blob(d))]
    assert 0 < len(sealed_now) < len(before)  # killed half way
    with Home(plain) as home:  # the next start carries on
        assert unsealed_blobs(home) == []
        assert {d: home.blobs.read(d) for d in before} == before  # nothing lost
    assert not list(Path(plain, "blobs").glob("*/.*.partial"))
    assert _hits([plain], needles) == []


def test_closing_a_round_removes_dossiers_index_and_caches_and_keeps_the_signed_sheets(small_round, tmp_path):
    root = _work(small_round, tmp_path / "w")
    with Home(root) as home:
        reviewer = Reviewer.open(home)
        for applicant_id in ("A02", "A03"):
            ops.declare_conflict(reviewer, applicant_id, "曾为该单位提供咨询服务")
        with home.store.read() as session:
            revision = session.scalars(select(SheetRevision).filter_by(state="signed")).one()
            signed_pdf, signed_json = revision.pdf_sha256, revision.signed_json
        with pytest.raises(Problem) as early:
            close_round(home, today=date(2026, 7, 24))  # the report deadline's own day
        assert early.value.code == Code.ROUND_DEADLINE_NOT_PASSED
        materials = DossierLibrary(home).all_materials()
        dossier_bytes = sum(home.blobs.path(d).stat().st_size for d in {m.sha256 for m in materials if m.sha256})
        report = close_round(home, today=date(2026, 12, 1))
        assert report.files > 0 and report.bytes > dossier_bytes
        assert not any(home.blobs.has(m.sha256) for m in materials if m.sha256)
        assert not home.cache.exists()
        assert home.blobs.read(signed_pdf)[:5] == b"%PDF-"  # the signed sheet stays, and its photo
        with home.store.read() as session:
            assert session.scalars(select(SheetRevision).filter_by(state="signed")).one().signed_json == signed_json
            rows = session.scalars(select(AuditEntry).filter_by(action="close_round")).all()
        assert {r.field for r in rows} >= {"dossiers", "cache", "index"}
        files, size = report.removed[Removed.DOSSIERS]
        assert any(r.field == "dossiers" and r.new_value == f"{files} files, {size} bytes" for r in rows)
        with pytest.raises(Problem) as gone:
            DossierLibrary(home).file(materials[0])
        assert gone.value.code == Code.DOSSIER_REMOVED
        export_returns(reviewer, tmp_path / "again.rvret", signing_key(home, person_id="E02"))  # still possible


def test_a_round_not_delivered_is_not_closed_and_nothing_is_removed(small_round, tmp_path):
    from tests.support.snapshot import snapshot

    root = tmp_path / "E02"
    shutil.copytree(small_round.homes["E02"], root)
    with Home(root) as home:
        import_package(home, small_round.package, trust_bureau=small_round.bureau_fingerprint)
        reviewer = Reviewer.open(home)
        complete_sheet(reviewer, "A01")
        sign_sheet(reviewer, "A01", signing_key(home, person_id="E02"))  # signed, queued, never sent
        before = snapshot(root)
        with pytest.raises(Problem) as refused:
            close_round(home, today=date(2026, 12, 1))
        assert refused.value.code == Code.ROUND_NOT_DELIVERED
        assert refused.value.params["applicants"] == "A01、A02、A03"
    assert snapshot(root) == before


def test_the_close_round_command_closes_a_delivered_round_and_keeps_the_signed_sheet(small_round, tmp_path):
    from tests.support.cli import reviewdesk

    root = _work(small_round, tmp_path / "w")
    with Home(root) as home:
        reviewer = Reviewer.open(home)
        for applicant_id in ("A02", "A03"):
            ops.declare_conflict(reviewer, applicant_id, "曾为该单位提供咨询服务")
    done = reviewdesk("--home", root, "--lang", "en", "close-round", "--json")
    assert done.returncode == 0, done.stderr
    import json

    report = json.loads(done.stdout)
    assert report["removed"]["dossiers"]["files"] >= 5 and report["bytes"] > 0
    again = reviewdesk("--home", root, "--lang", "en", "close-round")
    assert again.returncode == 0 and "0 files" in again.stdout
    assert reviewdesk("--home", root, "verify", tmp_path / "w" / "E02.rvret", "--package", small_round.package).returncode == 0
