"""A home is its owner's only: the folder and its folders 0700, its files 0600 (blobs 0400), so that
other local users can read neither scores nor dossiers nor the sealed key. Checked on a real home
after identity, import, scoring, photos, the text index, thumbnails and signing; and an old home
(0755, files 0644) is tightened when opened. POSIX only: Windows has no such modes."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PIL import Image

from review_model.dossier.client import RenderWorker
from review_model.dossier.indexing import index_pending
from review_model.dossier.library import DossierLibrary
from review_model.home import DB_NAME, Home
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from tests.support.cli import reviewdesk
from tests.support.sheets import complete_sheet, make_key_file_round

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows has no POSIX modes")
PASSPHRASE = "a long passphrase for E02"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def modes(home: Path) -> dict[str, int]:
    """Every folder and file of the home with its mode, the home itself as '.'."""
    found = {".": _mode(home)}
    for path in home.rglob("*"):
        found[str(path.relative_to(home))] = _mode(path)
    return found


def loose(home: Path) -> dict[str, str]:
    """What group or others could read, write or enter."""
    return {name: oct(mode) for name, mode in modes(home).items() if mode & 0o077}


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@pytest.mark.slow
def test_a_real_home_is_its_owners_only_after_a_whole_review(tmp_path):
    homes, package, bureau = make_key_file_round(tmp_path, PASSPHRASE)
    home_dir = homes["E02"]
    assert _mode(home_dir) == 0o700 and _mode(home_dir / DB_NAME) == 0o600
    assert _mode(home_dir / "keys") == 0o700 and _mode(home_dir / "keys" / "identity.key") == 0o600

    imported = reviewdesk("--home", home_dir, "import", package, "--trust-bureau", bureau)
    assert imported.returncode == 0, imported.stderr
    photo = tmp_path / "DSC_0001.JPG"
    Image.new("RGB", (800, 600), (120, 140, 90)).save(photo)
    with Home(home_dir) as home:
        reviewer = Reviewer.open(home)
        complete_sheet(reviewer, "A01")
        ops.add_photo(reviewer, "A01", "", photo, "实训车间")
        library = DossierLibrary(home)
        material = next(m for m in library.indexable())
        worker = RenderWorker(key=home.key)
        try:
            assert index_pending(home, worker=worker).pages_indexed > 0
            worker.call("open", doc="d", path=str(library.file(material)))
            worker.call("thumbnail", doc="d", page=0, width=96, path=str(library.thumbnail_file(material, 0, 96)))
        finally:
            worker.close()
        assert library.index.state(material.sha256)[1] == "done"  # the index open: its -wal and -shm exist
        index_files = {n: m for n, m in modes(home_dir).items() if n.startswith("cache/text-index.sqlite3")}
        library.index.close()
    assert index_files == {f"cache/text-index.sqlite3{s}": 0o600 for s in ("", "-wal", "-shm")}
    signed = reviewdesk("--home", home_dir, "sheet", "sign", "A01", env={"REVIEWDESK_PASSPHRASE": PASSPHRASE})
    assert signed.returncode == 0, signed.stderr
    bundle = tmp_path / "E02.rvret"
    exported = reviewdesk("--home", home_dir, "export", "-o", bundle, env={"REVIEWDESK_PASSPHRASE": PASSPHRASE})
    assert exported.returncode == 0, exported.stderr

    with Home(home_dir) as home, home.store.read() as session:  # an open home: SQLite's -wal and -shm exist
        session.connection().exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        found = modes(home_dir)
    names = set(found)
    assert {f"{DB_NAME}-wal", f"{DB_NAME}-shm", "cache/text-index.sqlite3"} <= names
    assert any(n.startswith("cache/thumbnails/") and n.endswith(".jpg") for n in names)
    assert sum(n.startswith("blobs/") and found[n] == 0o400 for n in names) >= 5  # dossiers, photo, signed PDF
    assert loose(home_dir) == {}
    for name, mode in found.items():
        is_dir = (home_dir / name).is_dir()
        assert mode == 0o700 if is_dir else mode in (0o600, 0o400), (name, oct(mode))
    # what people export to hand over keeps the usual modes: the home's privacy is not the process's
    assert _mode(bundle) == 0o666 & ~_umask()


def test_an_old_home_is_tightened_when_opened(tmp_path):
    homes, package, bureau = make_key_file_round(tmp_path, PASSPHRASE)
    home_dir = homes["E02"]
    imported = reviewdesk("--home", home_dir, "import", package, "--trust-bureau", bureau)
    assert imported.returncode == 0, imported.stderr
    (home_dir / f"{DB_NAME}-wal").write_bytes(b"")  # left behind by a killed process
    for path in [home_dir, *home_dir.rglob("*")]:  # as homes were made before: 0755, 0644, blobs 0444
        is_blob = path.is_file() and path.parent.parent.name == "blobs"
        path.chmod(0o755 if path.is_dir() else 0o444 if is_blob else 0o644)
    assert loose(home_dir)
    Home(home_dir).close()
    assert loose(home_dir) == {}
    found = modes(home_dir)
    assert found["."] == 0o700 and found[DB_NAME] == 0o600 and found["keys/identity.key"] == 0o600
    assert {mode for name, mode in found.items() if name.startswith("blobs/") and "/" in name[6:]} == {0o400}


def test_a_new_home_in_an_existing_folder_becomes_private(tmp_path):
    folder = tmp_path / "workspace"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    made = reviewdesk("--home", folder, "keys", "init", "--key-file", "--name", "甲", "--role", "expert",
                      env={"REVIEWDESK_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    assert loose(folder) == {} and _mode(folder / "keys" / "identity.key") == 0o600


def test_the_window_settings_are_the_owners_only(qtbot, tmp_path):
    from desktop.main_window import MainWindow

    with Home(tmp_path / "h") as home:
        window = MainWindow(home, "en")
        qtbot.addWidget(window)
        window.show()
        window.close()  # saves the layout to window.ini
    assert (tmp_path / "h" / "window.ini").stat().st_size > 0
    assert loose(tmp_path / "h") == {}
