"""The home encrypted at rest (issue 15): the database through SQLCipher with the home key, the key
in the keyring or sealed by the passphrase, and homes from before encrypted in place, killable."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from contextlib import closing

import pytest

from review_model.errors import Code, Problem
from review_model.home import DB_NAME, Home
from review_model.home_key import SEALED_FILE, KeyStore, key_store
from review_model.importer import import_package
from review_model.settings import get_setting, set_setting
from review_model.store.cipher import PLAIN_HEADER, encrypting_path, is_plaintext
from tests.support import rawdb
from tests.support.small_round import APPLICANTS, make_small_round
from tests.support.snapshot import dump, snapshot
from ui.messages import describe

APPLICANT = APPLICANTS[0][1]  # a name the imported round's tables hold


@pytest.fixture(scope="module")
def expert_home(tmp_path_factory):
    """An expert's home with a round imported, to be copied by each test."""
    root = tmp_path_factory.mktemp("key")
    round_ = make_small_round(root / "round")
    with Home(round_.homes["E02"]) as home:
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    return round_.homes["E02"]


@pytest.fixture
def home_dir(expert_home, tmp_path):
    target = tmp_path / "E02"
    shutil.copytree(expert_home, target)
    return target


def database_bytes(home_dir) -> bytes:
    return b"".join(p.read_bytes() for p in home_dir.glob(f"{DB_NAME}*"))


def rows(home_dir) -> list[str]:
    with closing(rawdb.connect(home_dir)) as conn:
        return dump(conn)


def test_a_home_s_database_holds_nothing_in_the_clear(home_dir):
    with Home(home_dir) as home:
        set_setting(home, "probe", "一句现场记录")  # in the -wal until the next checkpoint
        assert key_store(home.root) == KeyStore.KEYRING and len(home.key) == 32
        written = database_bytes(home_dir)
    assert not (home_dir / DB_NAME).read_bytes().startswith(PLAIN_HEADER)
    assert APPLICANT.encode() not in written and "一句现场记录".encode() not in written
    assert any(APPLICANT in line for line in rows(home_dir))  # it is there, readable with the key
    assert home.key is None  # closed: locked


def test_a_wrong_key_is_one_clear_refusal_and_changes_nothing(home_dir):
    before = snapshot(home_dir)
    with pytest.raises(Problem) as refused:
        Home(home_dir, key=os.urandom(32))
    assert refused.value.code == Code.HOME_KEY_WRONG
    assert str(home_dir) in describe(refused.value)
    assert snapshot(home_dir) == before


def test_a_given_key_opens_a_new_home_and_then_only_it(tmp_path):
    key = os.urandom(32)
    with Home(tmp_path / "h", key=key) as home:
        set_setting(home, "probe", "x")
    with Home(tmp_path / "h") as home:  # the key was kept as a new home's is
        assert home.key == key and get_setting(home, "probe") == "x"


@pytest.mark.slow
def test_without_a_secure_keyring_the_passphrase_seals_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWDESK_TEST_ONLY_TRUST_KEYRING", "")  # the suite's keyring is then not trusted
    root = tmp_path / "h"
    with pytest.raises(Problem) as asked:
        Home(root, passphrase=lambda: None)
    assert asked.value.code == Code.PASSPHRASE_REQUIRED
    with Home(root, passphrase=lambda: "correct horse") as home:
        set_setting(home, "probe", "一句现场记录")
        key = home.key
    assert key_store(root) == KeyStore.FILE and key not in (root / "keys" / SEALED_FILE).read_bytes()
    monkeypatch.setenv("REVIEWDESK_PASSPHRASE", "correct horse")  # for the snapshot's own look inside
    before = snapshot(root)
    with pytest.raises(Problem) as wrong:
        Home(root, passphrase=lambda: "wrong horse")
    assert wrong.value.code == Code.PASSPHRASE_WRONG and "passphrase_wrong" not in describe(wrong.value)
    assert snapshot(root) == before
    with Home(root, passphrase=lambda: "correct horse") as home:
        assert home.key == key and get_setting(home, "probe") == "一句现场记录"


def test_a_plaintext_home_is_encrypted_in_place_keeping_every_row(home_dir):
    rawdb.decrypt_home(home_dir)
    assert is_plaintext(home_dir / DB_NAME) and key_store(home_dir) is None
    with closing(rawdb.cipher.connect(home_dir / DB_NAME, None)) as conn:
        plain_rows = dump(conn)
    assert any(APPLICANT in line for line in plain_rows)
    reports = []
    with Home(home_dir, progress=lambda done, total: reports.append((done, total))):
        pass
    assert not is_plaintext(home_dir / DB_NAME) and APPLICANT.encode() not in database_bytes(home_dir)
    assert rows(home_dir) == plain_rows
    assert reports[0][0] == 0 and reports[-1][0] == reports[-1][1] > 0
    assert not encrypting_path(home_dir / DB_NAME).exists()


def test_another_program_s_plaintext_database_is_left_as_it_is(tmp_path):
    root = tmp_path / "h"
    root.mkdir()
    with closing(rawdb.cipher.connect(root / DB_NAME, None)) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.commit()
    before = snapshot(root)
    with pytest.raises(Problem) as refused:
        Home(root)
    assert refused.value.code == Code.HOME_DAMAGED and snapshot(root) == before


def _ballast(home_dir, rows_: int = 20000) -> None:
    """Enough pages that the encryption reports progress part-way."""
    with closing(rawdb.connect(home_dir)) as conn:
        conn.executemany("INSERT INTO setting (key, value) VALUES (?, ?)",
                         ((f"ballast-{n}", f"{APPLICANT} {n:08d}" * 8) for n in range(rows_)))
        conn.commit()


def _child(home_dir, *extra):
    return subprocess.Popen([sys.executable, "-m", "tests.support.encrypting_child", str(home_dir), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_half_way_through_the_encryption_nothing_is_lost(home_dir):
    _ballast(home_dir)
    rawdb.decrypt_home(home_dir)
    with closing(rawdb.cipher.connect(home_dir / DB_NAME, None)) as conn:
        plain_rows = dump(conn)
    child = _child(home_dir, "pause")
    for line in child.stdout:  # killed where it stopped: part of the encrypted copy written
        done, total = map(int, line.split()[1:])
        if 0 < done < total:
            break
    else:
        pytest.fail(child.stderr.read())
    assert encrypting_path(home_dir / DB_NAME).stat().st_size > 0
    child.send_signal(signal.SIGKILL)
    child.communicate()
    assert child.returncode == -signal.SIGKILL
    # the plaintext is whole: the key was stored first, the copy is beside it
    assert is_plaintext(home_dir / DB_NAME) and key_store(home_dir) == KeyStore.KEYRING
    with closing(rawdb.cipher.connect(home_dir / DB_NAME, None)) as conn:
        assert dump(conn) == plain_rows
    # the next start removes the half-made copy and finishes with the same key
    finished = _child(home_dir)
    out, err = finished.communicate(timeout=300)
    assert finished.returncode == 0 and out.strip().endswith("open"), err
    assert not encrypting_path(home_dir / DB_NAME).exists() and not is_plaintext(home_dir / DB_NAME)
    assert rows(home_dir) == plain_rows


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_at_random_moments_of_the_encryption_nothing_is_lost(home_dir):
    _ballast(home_dir, 5000)
    rawdb.decrypt_home(home_dir)
    with closing(rawdb.cipher.connect(home_dir / DB_NAME, None)) as conn:
        plain_rows = dump(conn)
    rng = random.Random(15)
    for _ in range(6):
        if not is_plaintext(home_dir / DB_NAME):
            break
        child = _child(home_dir)
        child.stdout.readline()  # it is encrypting
        time.sleep(rng.uniform(0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.communicate()
        state = rows(home_dir) if not is_plaintext(home_dir / DB_NAME) else None
        if state is None:
            with closing(rawdb.cipher.connect(home_dir / DB_NAME, None)) as conn:
                state = dump(conn)
        assert state == plain_rows  # either file, always every row
    with Home(home_dir):
        pass
    assert rows(home_dir) == plain_rows and not encrypting_path(home_dir / DB_NAME).exists()


# --- the dossiers' text index (cache/text-index.sqlite3): dossier content, encrypted the same way ------
SENTENCE = "本单位近三年累计培训技能人才一千二百人次"


def _index_bytes(path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))


def _fill(index) -> None:
    index.start("f" * 64, 1)
    index.add_pages("f" * 64, 0, [SENTENCE])
    index.finish("f" * 64)


def test_the_text_index_is_encrypted_with_the_home_key(tmp_path):
    from review_model.dossier.text_index import TextIndex

    key, path = os.urandom(32), tmp_path / "cache" / "text-index.sqlite3"
    index = TextIndex(path, key=key)
    _fill(index)
    assert [hit.page_index for hit in index.search("技能人才", {"f" * 64: [7]})] == [0]
    assert SENTENCE.encode() not in _index_bytes(path) and "技能人才".encode() not in _index_bytes(path)
    index.close()
    assert not path.read_bytes().startswith(PLAIN_HEADER)
    reopened = TextIndex(path, key=key)  # what was indexed stays indexed
    assert reopened.state("f" * 64) == (1, "done") and reopened.search("技能人才", {"f" * 64: [7]})
    reopened.close()


def test_a_plaintext_text_index_is_encrypted_in_place_and_keeps_its_text(tmp_path):
    from review_model.dossier.text_index import TextIndex

    path = tmp_path / "cache" / "text-index.sqlite3"
    plain = TextIndex(path)  # as the version before encryption wrote it
    _fill(plain)
    plain.close()
    assert SENTENCE.encode() in _index_bytes(path)
    index = TextIndex(path, key=os.urandom(32))
    assert index.state("f" * 64) == (1, "done") and index.search("技能人才", {"f" * 64: [7]})  # no OCR to redo
    index.close()
    assert SENTENCE.encode() not in _index_bytes(path) and not encrypting_path(path).exists()


@pytest.mark.slow
def test_the_command_line_unlocks_a_passphrase_home_with_the_signing_passphrase(tmp_path):
    """No secure keyring: `keys init --key-file` seals the home key and the signing key with the one
    passphrase; a wrong one is one sentence and changes nothing."""
    from tests.support.cli import reviewdesk

    untrusted = {"REVIEWDESK_TEST_ONLY_TRUST_KEYRING": "", "REVIEWDESK_PASSPHRASE": "correct horse"}
    home = tmp_path / "h"
    made = reviewdesk("--home", home, "keys", "init", "--key-file", "--name", "甲", "--role", "expert", env=untrusted)
    assert made.returncode == 0, made.stderr
    assert key_store(home) == KeyStore.FILE and (home / "keys" / "identity.key").exists()
    assert reviewdesk("--home", home, "status", env=untrusted).returncode == 0
    files = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    wrong = reviewdesk("--home", home, "status", env={**untrusted, "REVIEWDESK_PASSPHRASE": "wrong horse"})
    assert wrong.returncode == 1 and len(wrong.stderr.strip().splitlines()) == 1 and "Traceback" not in wrong.stderr
    assert "口令" in wrong.stderr
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == files
