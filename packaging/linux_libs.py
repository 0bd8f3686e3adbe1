"""The frozen app's ELF files on Linux: what each needs, what the system provides, what is left over.

PyInstaller copies every library the app links, the builder's X, GLib and font libraries too. The
.deb takes those from the system instead (declared in its Depends, debian_layout.py), so that the
desktop's own Mesa, fontconfig and input-method stack fit together; libraries nothing needs any more
(GTK, pulled in by Qt's gtk3 theme plugin, which the spec leaves out) are removed.
Uses binutils' readelf and strip, ldconfig and dpkg-query, as found on any Debian-family builder.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
# The bootloader loads libpython with dlopen, so nothing names it as NEEDED.
# loaded by name at run time, so linked by nothing: onnxruntime opens its provider bridge itself
DLOPENED = ("libpython", "libonnxruntime_providers_shared")


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def _readelf(option: str, files: list[Path]) -> dict[Path, str]:
    """readelf's output per file (one process per few hundred files)."""
    out: dict[Path, str] = {}
    for start in range(0, len(files), 200):
        batch = files[start:start + 200]
        text = subprocess.run(["readelf", option, "--wide", *map(str, batch)], check=True,
                              capture_output=True, text=True, errors="replace").stdout
        if len(batch) == 1:
            out[batch[0]] = text
            continue
        by_name = {str(f): f for f in batch}
        current = None
        for line in text.splitlines(keepends=True):
            if line.startswith("File: "):
                current = by_name.get(line[6:].strip())
                out[current] = ""
            elif current is not None:
                out[current] += line
    return out


def needed(files: list[Path]) -> dict[Path, list[str]]:
    pattern = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")
    return {f: pattern.findall(text) for f, text in _readelf("-d", files).items()}


def glibc_floor(files: Iterable[Path]) -> str:
    """The newest GLIBC_x.y symbol version any of the files asks for: the libc6 the package needs."""
    pattern = re.compile(rb"GLIBC_(2\.\d+(?:\.\d+)?)\x00")
    best = (2, 17)
    for path in files:
        for match in pattern.finditer(path.read_bytes()):
            best = max(best, tuple(int(p) for p in match.group(1).split(b".")))
    return ".".join(map(str, best))


def _prunable(path: Path) -> bool:
    """A shared library (not a Python extension module, not a Qt plugin, not dlopened by name)."""
    name = path.name
    return (name.startswith("lib") and not name.startswith(DLOPENED) and "cpython-" not in name
            and ".abi3." not in name and "plugins" not in path.parts)


def prune_unused(app: Path) -> list[Path]:
    """Delete the shared libraries that nothing shipped needs any more: the program, the Python
    extension modules and the Qt plugins are the roots, libraries are kept only where linked."""
    files = elf_files(app)
    links = needed(files)
    by_name: dict[str, Path] = {}
    for path in files:
        by_name.setdefault(path.name, path)
    loose = {p for p in files if _prunable(p)}
    reached = set(files) - loose
    queue = list(reached)
    while queue:
        for name in links.get(queue.pop(), []):
            target = by_name.get(name)
            if target is not None and target not in reached:
                reached.add(target)
                queue.append(target)
    removed = sorted(loose - reached)
    for path in removed:
        path.unlink()
    for link in app.rglob("*"):  # PyInstaller's top-level aliases of what was just removed
        if link.is_symlink() and not link.exists():
            link.unlink()
    return removed


def strip_debug_info(root: Path) -> int:
    """Remove debug sections (the builder's Python carries them: libpython alone is 23 MB of 4).
    Wheel libraries under *.libs/ were rewritten by auditwheel's patchelf and are left alone."""
    if shutil.which("strip") is None:
        return 0
    files = [f for f in elf_files(root) if not any(part.endswith(".libs") for part in f.parts)]
    sections = _readelf("-S", files)
    debug = [f for f in files if ".debug_info" in sections.get(f, "")]
    before = sum(f.stat().st_size for f in debug)
    for start in range(0, len(debug), 100):
        subprocess.run(["strip", "--strip-debug", *map(str, debug[start:start + 100])], check=True)
    return before - sum(f.stat().st_size for f in debug)


def system_libraries() -> dict[str, Path]:
    """soname → path, as the dynamic linker would find it on this machine (ldconfig's cache)."""
    multiarch = ""
    if shutil.which("dpkg-architecture"):
        multiarch = subprocess.run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"], capture_output=True,
                                   text=True).stdout.strip()
    found: dict[str, Path] = {}
    listing = subprocess.run(["ldconfig", "-p"], check=True, capture_output=True, text=True).stdout
    for line in listing.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        soname = name.split(" (")[0]
        if soname in found or (multiarch and f"/{multiarch}/" not in path):
            continue
        found[soname] = Path(path)
    return found


def owning_packages(paths: Iterable[Path]) -> dict[Path, str]:
    """Path → the Debian package that installed it (merged /usr: each path is asked for as given,
    resolved, and with or without /usr)."""
    candidates: dict[str, Path] = {}
    for path in paths:
        for variant in (path, path.resolve()):
            text = str(variant)
            for form in (text, text.removeprefix("/usr") if text.startswith("/usr/") else "/usr" + text):
                candidates.setdefault(form, path)
    if not candidates:
        return {}
    result = subprocess.run(["dpkg-query", "-S", *candidates], capture_output=True, text=True)
    owners: dict[Path, str] = {}
    for line in result.stdout.splitlines():
        if line.startswith("diversion "):
            continue
        packages, _, where = line.partition(": ")
        original = candidates.get(where.strip())
        if original is not None:
            owners.setdefault(original, packages.split(",")[0].split(":")[0].strip())
    return owners
