"""The desktop's first start after the upgrade to encryption at rest: the one-time encryption of
the workspace shows a progress dialog while it runs, and a kept copy it had to set aside (altered:
never encrypted as if genuine, never deleted) is said, and the workspace opens. Real widgets
(pytest-qt, offscreen), a real workspace from before encryption (tests/support/rawdb.py)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.app import _unlocked
from review_model.store.blobs import SEALED_MARK
from review_model.store.sealed import is_sealed
from review_model.store.sealing import QUARANTINE
from tests.support import dossier_pdfs as pdfs
from tests.support import rawdb
from tests.support.dossier_home import dossier_home
from ui.passphrase import Unlock
from ui.sealing_progress import say_quarantined


def _legacy(root):
    home, _ = dossier_home(root, [(f"材料{n}", pdfs.scan_pdf(2 + n)) for n in range(4)])
    home.close()
    rawdb.make_legacy(root)


def test_the_one_time_encryption_at_start_shows_its_progress(qtbot, tmp_path):
    _legacy(tmp_path / "E02")
    seen: list[tuple[str, int]] = []

    def look() -> None:  # runs inside the start-up, whenever it lets the window system paint
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append((widget.labelText(), widget.value()))

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(look)
    timer.start()
    try:
        home = _unlocked(tmp_path / "E02", Unlock(ask=lambda: None))  # a keyring workspace: nothing asked
    finally:
        timer.stop()
    try:
        assert (home.blobs.root / SEALED_MARK).exists()
        assert all(is_sealed(home.blobs.path(d)) for d in home.blobs.digests())
        assert seen and all("Encrypting this workspace" in text for text, _ in seen)
        assert seen[-1][1] == 100  # reached the end
        look_after = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        assert look_after == []  # gone once the workspace is open
    finally:
        home.close()


def test_an_already_encrypted_workspace_starts_without_a_progress_dialog(qtbot, tmp_path):
    home, _ = dossier_home(tmp_path / "E02", [("材料", pdfs.scan_pdf(2))])
    home.close()
    shown: list[str] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: shown.extend(w.labelText() for w in QApplication.topLevelWidgets()
                                                if isinstance(w, QProgressDialog) and w.isVisible()))
    timer.start()
    try:
        home = _unlocked(tmp_path / "E02", Unlock(ask=lambda: None))
    finally:
        timer.stop()
    home.close()
    assert shown == []


def test_a_kept_copy_set_aside_is_said_at_start(qtbot, tmp_path, monkeypatch):
    _legacy(tmp_path / "E02")
    outbox = tmp_path / "E02" / "outbox"
    outbox.mkdir()
    altered = outbox / ("ab" * 32 + ".rvret")  # not the hash of what it holds
    altered.write_bytes(b"PK\x03\x04 a return bundle, altered")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    home = _unlocked(tmp_path / "E02", Unlock(ask=lambda: None))  # opens: the altered copy does not block it
    try:
        assert say_quarantined(None, home) == 1
        moved = home.root / QUARANTINE / "outbox" / altered.name
        assert len(said) == 1 and str(moved) in said[0] and f"outbox/{altered.name}" in said[0]
        assert moved.read_bytes() == b"PK\x03\x04 a return bundle, altered" and not altered.exists()
    finally:
        home.close()
