"""Build the installed app for this platform.

    python packaging/build.py            → dist/ReviewDesk/ (the app folder; any platform)
    python packaging/build.py deb        → dist/org.reviewdesk.reviewdesk_<version>_<arch>.deb (Debian family)
    python packaging/build.py deb --store    the same without the /usr links (deepin's store)
    python packaging/build.py deb --reuse    package the dist/ReviewDesk already built

Compiles the translations first (the .qm files ship with the app), then runs PyInstaller
(`pip install -e ".[packaging]"`). On Linux the folder is then trimmed: libraries nothing links
any more are removed and debug sections stripped. The Windows installer is packaging/reviewdesk.iss.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
FROZEN = DIST / "ReviewDesk"


def freeze() -> Path:
    subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "compile"], check=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build"),
                    str(HERE / "reviewdesk.spec")], check=True)
    if sys.platform.startswith("linux"):
        # Linux only: the .deb's helpers beside this script (packaging/ is on sys.path, not a package)
        import linux_libs

        removed = linux_libs.prune_unused(FROZEN)
        saved = linux_libs.strip_debug_info(FROZEN)
        print(f"trimmed: {len(removed)} unused libraries removed, {saved / 2**20:.0f} MB of debug sections stripped")
    return FROZEN


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MB"


def system_side(files: Path) -> tuple[list[Path], str]:
    """Remove the bundled libraries the package takes from the system instead, and check that every
    system library the app links belongs to a declared dependency. Returns (removed, glibc floor)."""
    # Linux only: the .deb's helpers beside this script (packaging/ is on sys.path, not a package)
    import debian_layout
    import linux_libs

    declared = debian_layout.depends_names()
    system = linux_libs.system_libraries()
    elves = linux_libs.elf_files(files)
    bundled = {p.name for p in elves}
    # a bundled library with the same name as a system one from a declared package: the system's serves
    top = [p for p in elves if p.parent == files / "_internal" and p.name in system]
    owners = linux_libs.owning_packages(system[p.name] for p in top)
    removed = []
    for path in top:
        if owners.get(system[path.name]) in declared:
            path.unlink()
            removed.append(path)
    kept = [p for p in elves if p not in removed]
    wanted = {name for names in linux_libs.needed(kept).values() for name in names} - (bundled - {p.name for p in removed})
    missing = sorted(n for n in wanted if n not in system)
    if missing:
        raise SystemExit("these libraries are linked but neither bundled nor installed on this builder: "
                         f"{', '.join(missing)}.\nInstall the packages in debian_layout.DEPENDS first "
                         f"(apt-get install {' '.join(debian_layout.builder_packages())})")
    provided = linux_libs.owning_packages(system[n] for n in wanted)
    undeclared = sorted({f"{provided.get(system[n], '?')} ({n})" for n in wanted
                         if provided.get(system[n]) not in declared})
    if undeclared:
        raise SystemExit("the app links system libraries from packages the .deb does not declare: "
                         f"{', '.join(undeclared)}; add them to debian_layout.DEPENDS")
    return removed, linux_libs.glibc_floor(kept)


def deb(store: bool, level: int = 6) -> Path:
    # Linux only: the .deb's helpers beside this script (packaging/ is on sys.path, not a package)
    import debian_layout

    version, arch = debian_layout.project_version(), debian_layout.debian_arch()
    staging = ROOT / "build" / "deb-root"
    debian_layout.stage(FROZEN, staging, version=version, arch=arch, store=store)
    removed, glibc = system_side(staging / debian_layout.OPT / "files")
    print(f"from the system instead of bundled: {', '.join(sorted(p.name for p in removed))}")
    control = debian_layout.write_control(staging, version=version, arch=arch, glibc=glibc)
    started = time.monotonic()
    target = debian_layout.build_deb(staging, DIST, version=version, arch=arch, level=level)
    installed = int(next(line for line in control.splitlines() if line.startswith("Installed-Size:")).split()[1])
    print(f"{target}: {_mib(target.stat().st_size)}, installed {_mib(installed * 1024)}, "
          f"compressed in {time.monotonic() - started:.0f} s")
    shutil.rmtree(staging)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", choices=["app", "deb", "builder-packages"], default="app",
                        help="builder-packages: print the Debian packages a builder needs installed")
    parser.add_argument("--store", action="store_true", help="deb: leave out the /usr links (deepin's store)")
    parser.add_argument("--reuse", action="store_true", help="deb: package the existing dist/ReviewDesk")
    parser.add_argument("--quick", action="store_true",
                        help="deb: compress lightly (xz -1), for a smoke test rather than for handing out")
    args = parser.parse_args(argv)
    if args.target == "builder-packages":
        # Linux only: the .deb's helpers beside this script (packaging/ is on sys.path, not a package)
        import debian_layout

        print(" ".join(debian_layout.builder_packages()))
        return 0
    started = time.monotonic()
    if not (args.reuse and FROZEN.exists()):
        freeze()
        print(f"{FROZEN} (frozen in {time.monotonic() - started:.0f} s)")
    if args.target == "deb":
        print(deb(args.store, level=1 if args.quick else 6))
    return 0


if __name__ == "__main__":
    sys.exit(main())
