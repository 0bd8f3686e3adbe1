"""The Qt binding must not leak references to None, True or False (PySide6 6.12.0 on Python 3.11 did:
the app aborted with "deallocating None" after a few minutes of use). Run in a child process so
that a leaking binding fails this test instead of crashing the suite."""
from __future__ import annotations

import subprocess
import sys

PROBE = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
class Emitter(QObject):
    changed = Signal(bool)
app = QCoreApplication([])
timer, emitter = QTimer(), Emitter()
emitter.changed.connect(lambda flag: None)
before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(3000):
    timer.start(1000)
    timer.stop()
    emitter.changed.emit(True)
print(sys.getrefcount(None) - before[0], sys.getrefcount(True) - before[1])
"""


def test_void_calls_and_emits_do_not_leak_none_or_true():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-500:]
    leaked_none, leaked_true = (int(v) for v in done.stdout.split())
    assert abs(leaked_none) < 100 and abs(leaked_true) < 100, (leaked_none, leaked_true)
