"""The first-run identity dialog says where the key will be kept, falls back to a key file when no
trusted keyring can keep it, and holds a new passphrase to the domain's rule."""
from __future__ import annotations

import keyring
import pytest
from keyring.backends import SecretService
from PySide6.QtWidgets import QMessageBox

from review_model.home import Home
from review_model.identity import get_identity
from ui.identity_dialog import IdentityDialog


@pytest.fixture
def warnings(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    return said


@pytest.fixture
def restore_keyring():
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def _dialog(qtbot, home: Home) -> IdentityDialog:
    dialog = IdentityDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.insert("刘洋")
    return dialog


def test_the_trusted_test_keyring_is_named_as_such(qtbot, tmp_path, warnings):
    with Home(tmp_path / "h") as home:
        dialog = _dialog(qtbot, home)
        assert "TEST KEYRING, NOT SECURE" in dialog.where.text() and not dialog.passphrase.isVisible()
        dialog._create()
        assert warnings == [] and dialog.created.key_store == "keyring"


def test_no_d_bus_means_a_key_file_with_a_passphrase_of_eight_characters(qtbot, tmp_path, warnings, restore_keyring,
                                                                         monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keyring.set_keyring(SecretService.Keyring())  # the real backend, with no session bus to reach
    with Home(tmp_path / "h", passphrase=lambda: "the workspace's own") as home:  # its key needs one too
        dialog = _dialog(qtbot, home)
        assert "no secure system keyring" in dialog.where.text() and "SecretService" in dialog.where.text()
        assert dialog.passphrase.isVisible() and dialog.passphrase_again.isVisible()
        dialog.passphrase.setText("1")
        dialog.passphrase_again.setText("1")
        dialog._create()
        assert warnings == ["The passphrase must have at least 8 characters. Choose a longer one."]
        assert get_identity(home) is None and not home.key_file.exists()
        dialog.passphrase.setText("12345678")
        dialog.passphrase_again.setText("12345678")
        dialog._create()
        assert len(warnings) == 1 and dialog.created.key_store == "file" and home.key_file.exists()


def test_a_keyring_that_cannot_keep_the_key_turns_the_dialog_to_a_key_file(qtbot, tmp_path, warnings, monkeypatch):
    (tmp_path / "not-a-folder").write_text("x")  # the test keyring can read (nothing) but not write here
    monkeypatch.setenv("REVIEWDESK_TEST_KEYRING", str(tmp_path / "not-a-folder" / "keyring"))
    with Home(tmp_path / "h", passphrase=lambda: "the workspace's own") as home:  # its key needs one too
        dialog = _dialog(qtbot, home)
        assert not dialog.passphrase.isVisible()
        dialog._create()
        assert len(warnings) == 1 and "could not keep the key" in warnings[0]
        assert get_identity(home) is None and "NotADirectoryError" in dialog.where.text()
        qtbot.waitUntil(dialog.passphrase.isVisible)  # rows added to a shown layout appear on the next event
        dialog.passphrase.setText("a long passphrase")
        dialog.passphrase_again.setText("a long passphrase")
        dialog._create()
        assert len(warnings) == 1 and dialog.created.key_store == "file"


def test_the_status_bar_says_where_the_key_is_kept(qtbot, tmp_path):
    from review_model.identity import create_identity
    from ui.key_status import KeyStatusLabel

    label = KeyStatusLabel()
    qtbot.addWidget(label)
    with Home(tmp_path / "file") as home:
        create_identity(home, "刘洋", "expert", passphrase="a long passphrase")
        label.refresh(home)
        assert "Your private key is kept in the passphrase-protected key file." in label.toolTip()
    with Home(tmp_path / "keyring") as home:
        create_identity(home, "刘洋", "expert")
        label.refresh(home)
        assert "Your private key is kept in the system keyring." in label.toolTip()


def test_without_a_keyring_the_key_file_takes_the_passphrase_that_opened_the_workspace(qtbot, tmp_path, warnings,
                                                                                      restore_keyring, monkeypatch):
    from review_model.identity import signing_key
    from ui.passphrase import Unlock

    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    keyring.set_keyring(SecretService.Keyring())  # no keyring: the home key is sealed by the passphrase
    unlock = Unlock(ask=lambda: "the workspace's own")
    with Home(tmp_path / "h", passphrase=unlock) as home:
        assert unlock.held
        dialog = IdentityDialog(home, unlock=unlock)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.name.insert("刘洋")
        assert "passphrase that opens this workspace" in dialog.where.text()
        assert dialog.passphrase.isVisible() and not dialog.passphrase_again.isVisible()  # one passphrase, no new one
        dialog.passphrase.setText("a second passphrase")
        dialog._create()
        assert warnings == ["This is not the passphrase that opened this workspace. Type that one."]
        assert get_identity(home) is None and not home.key_file.exists()
        dialog.passphrase.setText("the workspace's own")
        dialog._create()
        assert len(warnings) == 1 and dialog.created.key_store == "file"
        assert signing_key(home, lambda: "the workspace's own") is not None  # the same passphrase signs
        assert unlock.for_signing(home) == "the workspace's own" and unlock.opens(home)
