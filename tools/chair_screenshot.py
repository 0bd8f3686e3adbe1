"""Grab the chair's desk on a chair's home as a PNG, headless: for looking at what we built.

    python tools/chair_screenshot.py HOME OUT.png [--package round.rvpkg] [--import RET.rvret|DIR …]
        [--tab intake|scores|changes|ranking] [--applicant A02] [--size 1366x768] [--lang zh_CN|en]
        [--translations extra.qm]

--import verifies and imports bundles first (as the desk's "Add return bundles" does, but waiting
for it). --translations loads a compiled .qm on top of the shipped one (strings not yet in zh_CN.ts).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TABS = {"intake": 0, "scores": 1, "changes": 2, "ranking": 3}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--package", type=Path)
    parser.add_argument("--import", dest="bundles", type=Path, nargs="*", default=[])
    parser.add_argument("--tab", choices=tuple(TABS), default="scores")
    parser.add_argument("--applicant")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--translations", type=Path)
    args = parser.parse_args()
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from review_model.home import Home
    from ui.chair import ChairDesk
    from ui.fonts import install_cjk_font

    app = QApplication(["reviewdesk"])
    install_cjk_font(app)
    i18n.install_translators(args.lang)
    if args.translations:
        extra = QTranslator(app)
        if extra.load(str(args.translations)):
            app.installTranslator(extra)
    width, height = (int(v) for v in args.size.split("x"))
    with Home(args.home) as home:
        desk = ChairDesk(home, args.package)
        desk.resize(width, height)
        desk.show()
        if args.bundles:
            desk.add_bundles(args.bundles)
            end = time.monotonic() + 120
            while desk.task is not None and desk.task._thread.isRunning() and time.monotonic() < end:
                app.processEvents()
                time.sleep(0.02)
            for _ in range(10):
                app.processEvents()
        desk.tabs.setCurrentIndex(TABS[args.tab])
        if args.applicant:
            desk.select_applicant(args.applicant)
        for _ in range(20):
            app.processEvents()
        desk.grab().save(str(args.out))
        desk.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
