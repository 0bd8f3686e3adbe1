"""Grab the dossier viewer on a home as a PNG, headless: for looking at what we built.

    python tools/viewer_screenshot.py HOME OUT.png [--applicant A01] [--material 3] [--search 培训]
        [--hit 0] [--tab pages|hits] [--size 1366x768] [--scale 2] [--lang zh_CN|en] [--translations extra.qm]

--scale 2 renders as on a 4K/HiDPI screen (device pixel ratio 2). The search index is built first
when missing, as the app does after an import.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("home", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--applicant", default="A01")
    parser.add_argument("--material", type=int, help="position of the material in the applicant's list (1 = first)")
    parser.add_argument("--page", type=int, default=0)
    parser.add_argument("--search", default="")
    parser.add_argument("--hit", type=int, default=0, help="which hit of the open material to go to (0 = first)")
    parser.add_argument("--tab", choices=("pages", "hits"), default="pages", help="the sidebar tab shown")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--translations", type=Path)
    args = parser.parse_args()
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from review_model.dossier.indexing import index_pending
    from review_model.dossier.library import DossierLibrary
    from review_model.home import Home
    from ui.fonts import install_cjk_font
    from ui.viewer import DossierViewer

    app = QApplication(["reviewdesk"])
    install_cjk_font(app)
    i18n.install_translators(args.lang)
    if args.translations:
        extra = QTranslator(app)
        if extra.load(str(args.translations)):
            app.installTranslator(extra)

    def pump(until, seconds: float = 10.0) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not until():
            app.processEvents()
            time.sleep(0.01)

    width, height = (int(v) for v in args.size.split("x"))
    with Home(args.home) as home:
        index_pending(home)
        viewer = DossierViewer(DossierLibrary(home))
        viewer.resize(width, height)
        viewer.show()
        viewer.show_applicant(args.applicant, open_first=args.material is None)
        if args.material:
            viewer.open_material(viewer.materials[args.material - 1].material_id, args.page)
        pump(lambda: viewer.pages.material is not None)
        if args.search:
            viewer.search_box.field.setText(args.search)
            viewer.search_box.run()
            here = [h for h in viewer.search.hits if h.material_id == viewer.material_id]
            if here:
                hit = here[min(args.hit, len(here) - 1)]
                viewer.search.choose(hit)
                pump(lambda: bool(viewer.pages.hit_rects.get(hit.page_index)))
        viewer.tabs.setCurrentWidget(viewer.thumbnails if args.tab == "pages" else viewer.hit_list)
        pump(lambda: viewer.pages.rendered() and viewer.thumbnails.thumbnails.pending() == 0)
        for _ in range(10):
            app.processEvents()
        viewer.grab().save(str(args.out))
        viewer.close()
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
