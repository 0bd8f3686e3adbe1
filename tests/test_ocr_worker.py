"""The OCR worker: offline (models from the wheel, no connection attempted), never in the GUI's
process, bad pages failed with a reason while the rest goes on, hangs stopped after the time
limit with the worker started again, and resumable page by page (issue 13)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import sysconfig
import threading
from pathlib import Path

import pytest

from review_model.dossier.indexing import index_pending, ocr_pending
from review_model.dossier.library import DossierLibrary
from review_model.dossier.ocr import OcrClient, OcrFailure, engine_id, layout, rects_of
from review_model.dossier.ocr_engine import model_files
from review_model.errors import Code, Problem
from tests.support.dossier_home import dossier_home
from tests.support.ocr_pages import damaged_image_page, enormous_page, join, scan_page, strip_page

LINES = ["学徒 合同 场地"]


def test_the_models_are_the_files_inside_the_installed_wheel():
    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    for path in model_files().values():
        assert path.is_file() and site in path.resolve().parents


def test_layout_keeps_one_box_per_character_and_finds_two_character_words():
    lines = [["学徒 合同", 0.9, [[c, 10 * i, 0, 10 * i + 9, 10, 0.9] for i, c in enumerate("学徒合同")]],
             ["USCC 9144", 0.9, [[c, 10 * i, 20, 10 * i + 9, 30, 0.9] for i, c in enumerate("USCC9144")]]]
    text, boxes = layout(lines)
    assert text == "学徒合同 USCC 9144" and len(boxes) == len(text)
    assert rects_of(text, boxes, "合同") == [(20, 0, 39, 10)]
    assert rects_of(text, boxes, "同 us") == [(30, 0, 39, 10), (0, 20, 19, 30)]  # one rectangle per line


_NO_NETWORK = """
import socket
def _refuse(*args, **kwargs):
    open({marker!r}, "a").write("connect\\n")
    raise OSError("network use in the OCR worker")
socket.create_connection = _refuse
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
"""


@pytest.mark.slow
def test_the_worker_reads_a_page_with_no_network_at_all(tmp_path, monkeypatch):
    hook = tmp_path / "hook"
    hook.mkdir()
    marker = tmp_path / "connected"
    (hook / "sitecustomize.py").write_text(_NO_NETWORK.format(marker=str(marker)))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")]))
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # a closed port: any fetch would fail
    data, _ = scan_page(LINES)
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    with OcrClient() as client:
        reply = client.recognize(str(path), 0)
        assert client.engine == engine_id() != "none"
    assert "error" not in reply, reply
    assert "合同" in layout(reply["lines"])[0]
    assert not marker.exists()


def test_help_and_the_cli_never_load_the_engine():
    probe = ("import sys, contextlib, io\nfrom desktop.cli import main\n"
             "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])\n"
             "import desktop.commands.search, review_model.dossier.indexing, review_model.dossier.ocr\n"
             "print(sorted(m for m in ('onnxruntime', 'rapidocr', 'cv2', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _home_with(tmp_path, data: bytes):
    home, ids = dossier_home(tmp_path / "home", [("场地证明", data)])
    index_pending(home)
    return home


@pytest.mark.slow
@pytest.mark.parametrize(("bad", "reason"), [(damaged_image_page, OcrFailure.IMAGE_DAMAGED),
                                             (enormous_page, OcrFailure.PAGE_TOO_LARGE),
                                             (strip_page, OcrFailure.PAGE_SHAPE)])
def test_a_bad_page_is_failed_with_its_reason_and_the_rest_goes_on(tmp_path, bad, reason):
    good, _ = scan_page(LINES)
    home = _home_with(tmp_path, join(bad(), good))
    report = ocr_pending(home)
    assert (report.pages_read, report.failed) == (1, 1)
    library = DossierLibrary(home)
    sha = library.materials("A01")[0].sha256
    assert library.index.ocr_pages(sha)[0][:2] == ("failed", reason)
    assert [h.page_index for h in library.search("合同", library.materials("A01"))] == [1]
    library.close()
    assert ocr_pending(home).pages_read == 0  # a failed page is not tried again by the same engine
    home.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP")
def test_a_page_that_hangs_is_given_up_after_the_limit_and_the_worker_starts_again(tmp_path):
    data, _ = scan_page(LINES)
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    with OcrClient(page_seconds=120) as client:
        assert "error" not in client.recognize(str(path), 0)  # a generous limit: a busy machine is slow
        stuck = client.pid
        client.page_seconds = 3  # the limit that must give the stuck page up
        os.kill(stuck, signal.SIGSTOP)  # the engine hangs on the next page
        try:
            reply = client.recognize(str(path), 0)
        finally:
            try:
                os.kill(stuck, signal.SIGCONT)
            except ProcessLookupError:
                pass
        assert reply["error"] == OcrFailure.TIMEOUT
        client.page_seconds = 120
        again = client.recognize(str(path), 0)
        assert "error" not in again and client.pid != stuck
        assert "合同" in layout(again["lines"])[0]
    with pytest.raises(ProcessLookupError):
        os.kill(stuck, 0)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP, SIGKILL")
def test_a_worker_that_dies_on_a_page_is_reported_and_replaced(tmp_path):
    data, _ = scan_page(LINES)
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    with OcrClient() as client:
        assert "error" not in client.recognize(str(path), 0)
        dead = client.pid
        # dies while on the page: stopped first (a page can take less than the 0.3 s), then killed
        os.kill(dead, signal.SIGSTOP)
        threading.Timer(0.3, os.kill, (dead, signal.SIGKILL)).start()
        assert client.recognize(str(path), 0)["error"] in (OcrFailure.CRASHED, OcrFailure.TIMEOUT)
        assert "error" not in client.recognize(str(path), 0) and client.pid != dead


@pytest.mark.slow
def test_stopped_halfway_it_resumes_with_what_is_left(tmp_path):
    first, _ = scan_page(["培训 合同"])
    second, _ = scan_page(["场地 学徒"])
    home = _home_with(tmp_path, join(first, second))

    def stop_after_one(done, total):
        if done == 1:
            raise Problem(Code.CANCELLED)

    with pytest.raises(Problem):
        ocr_pending(home, stop_after_one)
    report = ocr_pending(home)
    assert report.pages_read == 1  # the first page stayed done
    library = DossierLibrary(home)
    assert [h.page_index for h in library.search("场地", library.materials("A01"))] == [1]
    assert [h.page_index for h in library.search("培训", library.materials("A01"))] == [0]
    library.close()
    home.close()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGSTOP")
def test_a_cancel_mid_page_stops_the_worker_at_once_and_records_nothing(tmp_path):
    """Closing the window while a page is being read: the wait for that page is cut short (it can
    take many seconds), the worker stopped and nothing recorded, so the page is read next time."""
    data, _ = scan_page(["培训 合同"])
    home = _home_with(tmp_path, data)
    stop = threading.Event()
    with OcrClient(page_seconds=120, stop=stop) as client:
        assert client._start() is not None
        worker = client.pid
        os.kill(worker, signal.SIGSTOP)  # the page "takes forever"
        threading.Timer(0.5, stop.set).start()
        with pytest.raises(Problem) as cancelled:
            ocr_pending(home, client=client)
        assert cancelled.value.code is Code.CANCELLED
        assert client.process is None
    with pytest.raises(ProcessLookupError):
        os.kill(worker, 0)
    report = ocr_pending(home)
    assert (report.pages_read, report.failed) == (1, 0)  # not recorded as failed or timed out
    home.close()


@pytest.mark.slow
def test_upside_down_and_left_turned_scans_are_read_with_their_words_where_drawn(tmp_path):
    """The orientation probe's lines are the page's lines (ocr_engine.detect): turned with the page
    for 180° and 270°, they still cut the words out where they are drawn."""
    from review_model.dossier.indexing import index_states, search_home

    pages = [scan_page(["职业技能培训基地申报表", "学徒 合同 场地 91440300MA5F"], ["合同"], turn=turn) for turn in (180, 270)]
    home = _home_with(tmp_path, join(*(data for data, _ in pages)))
    assert ocr_pending(home).pages_read == 2
    assert index_states(home)[0].rotations == ((0, 180), (1, 90))  # degrees clockwise that show each upright
    hits = {h.page: h.rect for h in search_home(home, "合同")}
    for page, (_, drawn) in enumerate(pages, start=1):
        (x0, y0, x1, y1), (a0, b0, a1, b1) = hits[page], drawn["合同"][0]
        shared = max(0, min(x1, a1) - max(x0, a0)) * max(0, min(y1, b1) - max(y0, b0))
        assert shared > 0.6 * (a1 - a0) * (b1 - b0) and shared > 0.6 * (x1 - x0) * (y1 - y0), (hits[page], drawn)
    home.close()
