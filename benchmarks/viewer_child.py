"""Parts of the viewer benchmark that need a fresh process (run by benchmarks/viewer.py):

    python -m benchmarks.viewer_child start HOME MATERIAL_ID T0    cold start to the first page drawn
    python -m benchmarks.viewer_child paging HOME MATERIAL_ID       page through a whole material:
                                                                    peak memory, timer gaps, page times
Each prints one JSON line.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def start(home_dir: str, material_id: int, t0: float) -> dict:
    from benchmarks.measure import use_offscreen_1920

    use_offscreen_1920()
    from PySide6.QtWidgets import QApplication

    from review_model.dossier.library import DossierLibrary
    from review_model.home import Home
    from ui.fonts import install_cjk_font
    from ui.viewer import DossierViewer

    imported = time.time()
    app = QApplication(["reviewdesk"])
    install_cjk_font(app)
    home = Home(home_dir)
    viewer = DossierViewer(DossierLibrary(home))
    viewer.resize(1920, 1040)
    viewer.show_applicant("B01", open_first=False)
    viewer.open_material(material_id, 0)
    viewer.show()
    from benchmarks.measure import wait

    wait(app, lambda: viewer.pages.material is not None and viewer.pages.rendered(), 30)
    viewer.pages.viewport().repaint()
    drawn = time.time()
    viewer.close()
    home.close()
    return {"first_page_s": drawn - t0, "imports_s": imported - t0}


def app_start(home_dir: str, t0: float) -> dict:
    """The whole app on an expert's home: main window, workspace, rubric and the first dossier page."""
    from benchmarks.measure import use_offscreen_1920, wait

    use_offscreen_1920()
    from PySide6.QtWidgets import QApplication

    from desktop import i18n
    from desktop.main_window import MainWindow
    from review_model.home import Home
    from ui.fonts import install_cjk_font

    app = QApplication(["reviewdesk"])
    install_cjk_font(app)
    i18n.install_translators("zh_CN")
    home = Home(Path(home_dir))
    window = MainWindow(home, "zh_CN")
    window.resize(1366, 768)
    window.show()
    pages = window.workspace.viewer.pages
    wait(app, lambda: pages.material is not None and pages.rendered(), 30)
    pages.viewport().repaint()
    drawn = time.time()
    window.close()
    home.close()
    return {"first_page_s": drawn - t0}


def paging(home_dir: str, material_id: int) -> dict:
    from benchmarks.measure import GapTimer, idle, peak_rss_mb, pss_mb, use_offscreen_1920, wait

    use_offscreen_1920()
    from PySide6.QtWidgets import QApplication

    from review_model.dossier.library import DossierLibrary
    from review_model.home import Home
    from ui.fonts import install_cjk_font
    from ui.viewer import DossierViewer

    app = QApplication(["reviewdesk"])
    install_cjk_font(app)
    home = Home(home_dir)
    viewer = DossierViewer(DossierLibrary(home))
    viewer.resize(1920, 1040)
    viewer.show()
    viewer.show_applicant("B01", open_first=False)
    viewer.open_material(material_id, 0)
    wait(app, lambda: viewer.pages.material is not None and viewer.pages.rendered(), 30)
    gaps = GapTimer()
    gaps.start()
    times, pss = [], []
    worker_pid = viewer.bridge.worker_pid
    for page in range(1, len(viewer.pages.material.pages)):
        started = time.perf_counter()
        viewer.pages.go_to(page)
        wait(app, viewer.pages.rendered, 30)
        viewer.pages.viewport().repaint()
        times.append((time.perf_counter() - started) * 1000)
        wait(app, lambda: idle(viewer.pages), 30)  # let the look-ahead finish, as a reader would
        pss.append((pss_mb() or 0) + (pss_mb(worker_pid) or 0))
    gaps.stop()
    fling = GapTimer()  # scrolling fast without waiting for anything: 150 px every 16 ms
    viewer.pages.go_to(0)
    bar = viewer.pages.verticalScrollBar()
    fling.start()
    for _ in range(400):
        bar.setValue(bar.value() + 150)
        step = time.perf_counter() + 0.016
        wait(app, lambda step=step: time.perf_counter() >= step, 1)
    fling.stop()
    worker = peak_rss_mb(viewer.bridge.worker_pid)
    result = {"gui_peak_mb": peak_rss_mb(), "worker_peak_mb": worker, "gaps_ms": gaps.gaps, "turn_ms": times,
              "pss_max_mb": max(pss, default=0), "fling_gaps_ms": fling.gaps,
              "tile_cache_mb": viewer.pages.cache.used / 2 ** 20}
    viewer.close()
    home.close()
    return result


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "app_start":
        print(json.dumps(app_start(sys.argv[2], float(sys.argv[3]))))
    elif kind == "start":
        print(json.dumps(start(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))))
    else:
        print(json.dumps(paging(sys.argv[2], int(sys.argv[3]))))
