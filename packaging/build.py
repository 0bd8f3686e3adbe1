"""Build the installed app for this platform: `python packaging/build.py` → dist/ReviewDesk/.

Compiles the translations first (the .qm files ship with the app), then runs PyInstaller.
Windows: wrap dist/ReviewDesk with an installer tool of the bureau's choice (e.g. Inno Setup);
macOS: dist/ReviewDesk can be placed in an .app bundle with `--windowed` builds.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "compile"], check=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(ROOT / "dist"),
                    "--workpath", str(ROOT / "build"), str(ROOT / "packaging" / "reviewdesk.spec")], check=True)
    print(ROOT / "dist" / "ReviewDesk")
