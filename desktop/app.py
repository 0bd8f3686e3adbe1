"""GUI start-up: the Qt application, fonts, translations, the home (or the demo), the window."""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

import resources
from review_model.errors import Code, Problem
from review_model.home import Home, default_home
from review_model.keys import env_passphrase
from ui.fonts import install_cjk_font
from ui.messages import describe
from ui.passphrase import Unlock
from ui.sealing_progress import SealingProgress, say_quarantined
from ui.tasks import BackgroundTask
from ui.text import tr

from . import i18n

DEMO_PERSON = "E02"  # the demo opens as a panel member; homes/E01 is the chair
DESKTOP_ID = "org.reviewdesk.reviewdesk"  # the installed desktop entry's name (packaging/debian_layout.py)



def demo_root() -> Path:
    return default_home().parent / "ReviewDesk-demo"


def _ensure_demo() -> tuple[Path, bool] | None:
    """The demo expert's home and whether it was just made; generated on first use off the GUI
    thread with a cancellable progress dialog (None if the user cancelled)."""
    root = demo_root()
    home = root / "homes" / DEMO_PERSON
    if (home / "reviewdesk.db").exists():
        return home, False
    # the demo writer (PDFs, packages): only the first time --demo runs
    from review_model.demo.round import write_demo

    shutil.rmtree(root, ignore_errors=True)  # a half-made demo from an interrupted first run
    dialog = QProgressDialog(tr("Creating the demo round (realistic dossiers, first time only)…"),
                             QCoreApplication.translate("Tasks", "Cancel"), 0, 100)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    loop = QEventLoop()
    outcome: list[object] = []
    # the intake service's modules: only for the demo's own intake
    from desktop.commands.sync import demo_intake, open_demo_round

    def make(progress):  # the demo round names its local intake (README: the command that starts it)
        result = write_demo(root, progress, demo_intake)
        open_demo_round(root / "intake", result.package)
        return result

    task = BackgroundTask(make)
    task.progressed.connect(lambda done, total: dialog.setValue(int(100 * done / max(total, 1))))
    task.succeeded.connect(lambda result: (outcome.append(result), loop.quit()))
    task.failed.connect(lambda error: (outcome.append(error), loop.quit()))
    dialog.canceled.connect(task.cancel)
    dialog.show()
    task.start()
    loop.exec()
    dialog.close()
    result = outcome[0] if outcome else None
    if isinstance(result, BaseException):
        shutil.rmtree(root, ignore_errors=True)
        if isinstance(result, Problem) and result.code == Code.CANCELLED:
            return None
        raise result
    return home, True


def _demo_notice(home: Home) -> str:
    """Where no secure keyring exists the demo's keys are files sealed with a known passphrase."""
    # the demo's passphrase: only for the demo
    from review_model.demo.round import DEMO_PASSPHRASE
    from review_model.identity import get_identity

    identity = get_identity(home)
    if identity is None or identity.key_store != "file":
        return ""
    return tr("Demo: this computer has no secure keyring, so the demo's keys are in passphrase-protected files. "
              "The passphrase is {passphrase}.").format(passphrase=DEMO_PASSPHRASE)


class Shell:
    """Owns the main window; rebuilds it when the user switches language. The home and the session's
    passphrase (`unlock`) outlive the windows: `close()` locks the home and forgets the passphrase."""

    def __init__(self, app: QApplication, home: Home, language: str, unlock: Unlock | None = None) -> None:
        self.app = app
        self.home = home
        self.unlock = unlock
        self.window = None
        self.open(language)

    def open(self, language: str) -> None:
        # the windows' modules load after the home is open: the passphrase prompt comes up first
        from .main_window import MainWindow

        i18n.install_translators(language)
        old = self.window
        self.window = MainWindow(self.home, language, unlock=self.unlock)
        self.window.languageChosen.connect(self.open)
        if old is not None:
            self.window.restoreGeometry(old.saveGeometry())
            old.close()
            old.deleteLater()
        self.window.show()

    def close(self) -> None:
        if self.unlock is not None:
            self.unlock.forget()
        self.home.close()


def _set_window_icon(app: QApplication) -> None:
    """The icon of every window and the desktop entry's name (Wayland and docks match windows by it)."""


    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(resources.path("icons", "png", str(size), "reviewdesk.png")))
    app.setWindowIcon(icon)
    app.setDesktopFileName(DESKTOP_ID)


def _unlocked(path: Path, unlock: Unlock) -> Home:
    """The home, opened with one prompt where its key is sealed by the passphrase (none with a
    keyring), which `unlock` then keeps for signing; a wrong passphrase is said and asked again,
    three times at most."""
    for attempt in range(3):
        progress = SealingProgress()  # a workspace from before encryption at rest is encrypted now, once
        try:
            return Home(path, passphrase=unlock, progress=progress)
        except Problem as problem:
            unlock.forget()
            if problem.code != Code.PASSPHRASE_WRONG or attempt == 2:
                raise
            QMessageBox.warning(None, tr("ReviewDesk"), describe(problem))
        finally:
            progress.close()
    raise AssertionError("unreachable")


def run_gui(argv: list[str], language: str) -> int:
    parser = argparse.ArgumentParser(prog="reviewdesk", add_help=False)
    parser.add_argument("--home")
    parser.add_argument("--lang")
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("file", nargs="?", type=Path)  # a double-clicked exchange file (desktop/open_file.py)
    args, _ = parser.parse_known_args(argv)
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reviewdesk"])
    app.setApplicationName("ReviewDesk")
    app.setOrganizationName("ReviewDesk")
    _set_window_icon(app)
    install_cjk_font(app)
    i18n.install_translators(language)
    made_demo = False

    # the passphrase typed at start (or given as scripts give it), for this session only (ui/passphrase.py)
    unlock = Unlock(given=env_passphrase())
    try:
        if args.demo:
            demo = _ensure_demo()
            if demo is None:
                return 1  # cancelled: nothing was left behind
            path, made_demo = demo
        else:
            path = Path(args.home) if args.home else default_home()
        home = _unlocked(path, unlock)
    except Problem as problem:
        QMessageBox.critical(None, tr("ReviewDesk"), describe(problem))
        return 1
    shell = Shell(app, home, language, unlock)
    say_quarantined(shell.window, home)  # altered kept copies the encryption set aside, unencrypted
    notice = _demo_notice(home) if args.demo else ""
    if notice:
        shell.window.statusBar().showMessage(notice)
        if made_demo:
            QMessageBox.information(shell.window, tr("ReviewDesk"), notice)
    if args.file:
        # verify and import: only when the app was started on a file
        from .open_file import open_file

        QTimer.singleShot(0, lambda window=shell.window: open_file(window, args.file))  # once it is up
    code = app.exec()
    shell.close()  # locked: the home key and the passphrase are dropped
    del shell
    return code
