"""A fresh process signing one score sheet through the sign dialog, a 10 ms timer ticking meanwhile.

The first official document of a process converts its font and a key file is opened with scrypt:
together over a second. Prints one JSON line: whether it signed, how long the signing took (from the
click to the `signed` signal), how many ticks the timer made in that time and the largest gap
between two ticks (or between the click and the first tick, the last tick and the end)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from review_model.home import Home
from review_model.sheets.context import Reviewer
from ui.sign_dialog import SignDialog


def main(home_dir: str, applicant_id: str, passphrase: str) -> None:
    app = QApplication.instance() or QApplication([])
    home = Home(Path(home_dir))
    dialog = SignDialog(Reviewer.open(home), applicant_id)
    dialog.show()
    dialog.passphrase.setText(passphrase)
    QTest.qWaitForWindowExposed(dialog)
    ticks: list[float] = []
    ended: list[float] = []
    loop = QEventLoop()

    def signed(_revision) -> None:
        ended.append(time.perf_counter())
        loop.quit()

    dialog.signed.connect(signed)
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    began = time.perf_counter()
    QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)  # signs here, or starts signing
    if not ended:
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
    timer.stop()
    end = ended[0] if ended else time.perf_counter()
    during = [t for t in ticks if began < t < end]
    moments = [began, *during, end]
    print(json.dumps({"signed": dialog.result_revision is not None, "seconds": end - began,
                      "ticks": len(during), "largest_gap": max(b - a for a, b in zip(moments, moments[1:])),
                      "stalls": [(round(a - began, 3), round(b - a, 3)) for a, b in zip(moments, moments[1:])
                                 if b - a > 0.03],  # (when, how long) of every gap over 30 ms
                      "message": dialog.message.text()}), flush=True)
    home.close()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:4])
