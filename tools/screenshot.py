"""Grab the main window on a home as a PNG, headless: for looking at what we built.

    python tools/screenshot.py HOME OUT.png [--size 1366x768] [--lang zh_CN|en] [--applicant A01]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'support' / 'offscreen_screen.json'}")
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--applicant")
    parser.add_argument("--wait", type=float, default=3.0, help="seconds to let pages render")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.main_window import MainWindow
    from review_model.home import Home
    from ui.fonts import install_cjk_font

    app = QApplication(["reviewdesk"])
    install_cjk_font(app)
    i18n.install_translators(args.lang)
    width, height = (int(v) for v in args.size.split("x"))
    with Home(args.home) as home:
        window = MainWindow(home, args.lang)
        window.resize(width, height)
        window.show()
        if args.applicant:
            window.applicants.select_applicant(args.applicant)
        import time

        deadline = time.monotonic() + args.wait  # let the dossier's pages render in the worker
        while time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        window.grab().save(str(args.out))
        window.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
