"""Grab the main window on a home as a PNG, headless: for looking at what we built.

    python tools/screenshot.py HOME OUT.png [--size 1366x768] [--lang zh_CN|en] [--applicant A01]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--applicant")
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
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(args.out))
        window.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
