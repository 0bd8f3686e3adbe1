"""The main window, driven offscreen with real widgets (pytest-qt)."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QRawFont
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.main_window import MainWindow
from review_model.home import Home
from review_model.importer import import_package
from tests.support.small_round import make_small_round


@pytest.fixture(scope="module")
def round_(tmp_path_factory):
    return make_small_round(tmp_path_factory.mktemp("shell"))


@pytest.fixture
def expert_home(round_, tmp_path):
    home_dir = tmp_path / "E02"
    shutil.copytree(round_.homes["E02"], home_dir)
    with Home(home_dir) as home:
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
    return home_dir


def _cells(window: MainWindow, column: int) -> list[str]:
    model = window.applicants.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_cjk_font_covers_chinese(chinese, qapp):
    from review_model.fonts import CJK_FAMILY

    families = qapp.font().families()
    assert CJK_FAMILY in families
    from PySide6.QtGui import QFont

    raw = QRawFont.fromFont(QFont(CJK_FAMILY))
    assert all(raw.supportsCharacter(ord(ch)) for ch in "评审台技能大师工作室")


def test_applicants_with_chinese_labels_and_detail(qtbot, chinese, expert_home):
    with Home(expert_home) as home:
        window = MainWindow(home, "zh_CN")
        qtbot.addWidget(window)
        window.show()
        assert _cells(window, 0) == ["A01", "A02", "A03"]
        assert [c.split("\n")[1] for c in _cells(window, 1)] == ["技能大师工作室", "高技能人才培训基地", "乡村振兴技能工作站"]
        assert set(_cells(window, 2)) == {"未开始"}
        window.applicants.select_applicant("A03")
        assert window.pages.currentWidget() is window.workspace
        assert window.workspace.title.text() == "A03  光明区农业科技协会"
        materials = window.workspace.viewer.material_list  # each material with its completeness mark
        texts = [materials.item(r).text() for r in range(materials.count())]
        assert len(texts) == 7
        assert any("工作站场地证明" in t and t.endswith(materials.tr("not submitted")) for t in texts)
        assert sum(t.endswith("2 页") or t.endswith("2 pages") for t in texts) == 6


def test_layout_and_applicant_restored_after_restart(qtbot, chinese, expert_home):
    with Home(expert_home) as home:
        first = MainWindow(home, "zh_CN")
        qtbot.addWidget(first)
        first.resize(1300, 740)
        first.show()
        first.splitter.setSizes([500, 800])
        first.applicants.select_applicant("A02")
        sizes = first.splitter.sizes()
        first.close()
    with Home(expert_home) as home:
        second = MainWindow(home, "zh_CN")
        qtbot.addWidget(second)
        with qtbot.waitExposed(second):
            second.show()
        assert second.applicants.current_applicant() == "A02"
        assert second.workspace.title.text() == "A02  深圳市明辉智能制造培训中心"
        assert second.splitter.sizes() == sizes
        assert (second.width(), second.height()) == (1300, 740)


def test_import_from_the_window_asks_to_confirm_the_bureau(qtbot, chinese, round_, tmp_path, monkeypatch):
    home_dir = tmp_path / "E03"
    shutil.copytree(round_.homes["E03"], home_dir)
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail(f"unexpected warning: {a[2]}"))
    with Home(home_dir) as home:
        window = MainWindow(home, "zh_CN")
        qtbot.addWidget(window)
        window.show()
        assert window.pages.currentWidget() is window.welcome
        assert "拖入本窗口" in window.welcome.body.text()
        window.resize(1366, 768)  # a laptop: the welcome text is shown whole, fingerprint included
        qtbot.waitUntil(lambda: window.welcome.body.width() > 300)
        body = window.welcome.body
        assert body.height() >= body.heightForWidth(body.width())
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(round_.package))])
        drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        window.dropEvent(drop)
        qtbot.waitUntil(lambda: window.applicants.model().rowCount() == 3, timeout=20000)
        assert asked and round_.bureau_fingerprint in asked[0]
        assert "已导入" in window.statusBar().currentMessage()


def test_a_refused_package_is_explained_in_chinese(qtbot, chinese, round_, tmp_path, monkeypatch):
    home_dir = tmp_path / "E03"
    shutil.copytree(round_.homes["E03"], home_dir)
    junk = tmp_path / "junk.rvpkg"
    junk.write_bytes(b"not a package")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    with Home(home_dir) as home:
        window = MainWindow(home, "zh_CN")
        qtbot.addWidget(window)
        window.import_package(junk)
        qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert warnings == ["该文件已损坏、不完整，或不是评审台交换文件。请向发送方索取新的文件。"]


def test_first_run_creates_the_identity(qtbot, chinese, tmp_path, monkeypatch):
    from ui.identity_dialog import IdentityDialog

    with Home(tmp_path / "fresh") as home:
        window = MainWindow(home, "zh_CN")
        qtbot.addWidget(window)
        window.show()
        assert window.welcome.identity_button.isVisible()
        dialog = IdentityDialog(home, window)
        qtbot.addWidget(dialog)
        monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(a[2]))
        dialog.name.insert("刘洋")  # what an input method commits; QTest cannot type CJK keys
        dialog.role.setCurrentIndex(0)
        dialog._create()
        assert dialog.created is not None and dialog.created.name == "刘洋"
        window.refresh()
        assert not window.welcome.identity_button.isVisible()
        assert dialog.created.fingerprint in window.identity_label.text()


def test_switching_language_rebuilds_the_window_in_english(qtbot, chinese, expert_home):
    from desktop.app import Shell

    with Home(expert_home) as home:
        shell = Shell(QApplication.instance(), home, "zh_CN")
        qtbot.addWidget(shell.window)
        assert shell.window.menuBar().actions()[0].text() == "文件(&F)"
        shell.window._choose_language("en")
        qtbot.addWidget(shell.window)
        assert shell.window.menuBar().actions()[0].text() == "&File"
        assert _cells(shell.window, 1)[0].endswith("\nSkill-master studio")
        shell.window.close()
    with Home(expert_home) as home:
        from review_model.settings import get_setting

        assert get_setting(home, "language") == "en"


def test_the_chair_gets_the_chairs_desk(qtbot, chinese, round_, tmp_path):
    home_dir = tmp_path / "E01"
    shutil.copytree(round_.homes["E01"], home_dir)
    with Home(home_dir) as home:
        import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
        window = MainWindow(home, "zh_CN")
        qtbot.addWidget(window)
        window.show()
        assert window.chair_action.isVisible() and window.chair_action.text() == "组长工作台(&C)"
        window.chair_action.trigger()
        assert window.pages.currentWidget() is window.chair_desk and not window.applicants.isVisible()
        window.chair_action.trigger()
        assert window.pages.currentWidget() is not window.chair_desk and window.applicants.isVisible()


def test_members_have_no_chairs_desk(qtbot, chinese, expert_home):
    with Home(expert_home) as home:
        window = MainWindow(home, "zh_CN")
        qtbot.addWidget(window)
        window.show()
        assert not window.chair_action.isVisible()
