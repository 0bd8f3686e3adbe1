"""A clerk's desk in its own process: types a minimum score and picks a method on the round step's
policy editor, says "saved" once the desk reports it, and waits to be killed (test_bureau_setup_kill)."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from review_model.home import Home
    from ui.bureau import BureauDesk

    app = QApplication([])
    home = Home(Path(sys.argv[1]))
    desk = BureauDesk(home)
    desk.show()
    saved: list[str] = []
    desk.status_message.connect(saved.append)
    step = desk.round
    step.pages.setCurrentIndex(1)
    step.min_score.setFocus()
    step.min_score.selectAll()
    QTest.keyClicks(step.min_score.lineEdit(), "72.5")
    QTest.keyClick(step.min_score.lineEdit(), Qt.Key.Key_Return)
    step.method.setCurrentIndex(step.method.findData("median"))
    step.method.activated.emit(step.method.currentIndex())
    app.processEvents()
    print("saved" if len(saved) == 2 else f"not saved {saved!r}", flush=True)
    time.sleep(120)  # killed here, the window still open


if __name__ == "__main__":
    main()
