"""Compile resources/translations/*.ts to .qm with Qt's lrelease, and refresh the .ts sources.

Used by setup.py at build time and by developers:
    python tools/translations.py compile
    python tools/translations.py update     # re-scan the sources with lupdate (keeps translations)
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
SOURCE_DIRS = ("ui", "desktop")


def _qt_tool(name: str) -> str:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"{name} not found in {folder}")


def compile_all(ts_dir: Path = TS_DIR, out_dir: Path | None = None) -> list[Path]:
    out_dir = out_dir or ts_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run([_qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def update_sources() -> None:
    sources = sorted(str(p) for d in SOURCE_DIRS for p in (ROOT / d).rglob("*.py"))
    for ts in sorted(TS_DIR.glob("*.ts")):
        # No line numbers: they change with every edit and made every parallel change conflict in the .ts.
        subprocess.run([_qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                       check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "update":
        update_sources()
    compile_all()
