"""GUI start-up: the Qt application, fonts, translations, the home (or the demo), the window."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from review_model.errors import Problem
from review_model.home import Home, default_home
from ui.fonts import install_cjk_font
from ui.messages import describe
from ui.text import tr

from . import i18n

DEMO_PERSON = "E02"  # the demo opens as a panel member; homes/E01 is the chair



def demo_root() -> Path:
    return default_home().parent / "ReviewDesk-demo"


def _ensure_demo(app: QApplication) -> Path:
    """The demo round's folder, generated on first use with a progress dialog."""
    root = demo_root()
    home = root / "homes" / DEMO_PERSON
    if (home / "reviewdesk.db").exists():
        return home
    from review_model.demo.round import write_demo

    dialog = QProgressDialog(tr("Creating the demo round (realistic dossiers, first time only)…"), "", 0, 100)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()

    def progress(done: int, total: int) -> None:
        dialog.setValue(int(100 * done / max(total, 1)))
        app.processEvents()

    if root.exists():
        import shutil

        shutil.rmtree(root)  # a half-made demo from an interrupted first run
    write_demo(root, progress)
    dialog.close()
    return home


class Shell:
    """Owns the main window; rebuilds it when the user switches language."""

    def __init__(self, app: QApplication, home: Home, language: str) -> None:
        self.app = app
        self.home = home
        self.window = None
        self.open(language)

    def open(self, language: str) -> None:
        from .main_window import MainWindow

        i18n.install_translators(language)
        old = self.window
        self.window = MainWindow(self.home, language)
        self.window.languageChosen.connect(self.open)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()
        self.window.show()


def run_gui(argv: list[str], language: str) -> int:
    parser = argparse.ArgumentParser(prog="reviewdesk", add_help=False)
    parser.add_argument("--home")
    parser.add_argument("--lang")
    parser.add_argument("--demo", action="store_true")
    args, _ = parser.parse_known_args(argv)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reviewdesk"])
    app.setApplicationName("ReviewDesk")
    app.setOrganizationName("ReviewDesk")
    install_cjk_font(app)
    i18n.install_translators(language)
    try:
        path = _ensure_demo(app) if args.demo else Path(args.home) if args.home else default_home()
        home = Home(path)
    except Problem as problem:
        QMessageBox.critical(None, tr("ReviewDesk"), describe(problem))
        return 1
    shell = Shell(app, home, language)
    code = app.exec()
    del shell
    home.close()
    return code
