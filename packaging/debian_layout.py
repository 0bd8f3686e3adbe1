"""The .deb: the frozen app laid out as UOS/deepin's application spec asks, usable on Debian and Ubuntu.

    /opt/apps/<appid>/info                           the app's description (JSON, deepin's spec)
    /opt/apps/<appid>/files/                         the frozen app (reviewdesk + _internal/)
    /opt/apps/<appid>/entries/applications/<appid>.desktop
    /opt/apps/<appid>/entries/icons/hicolor/<size>/{apps,mimetypes}/…
    /opt/apps/<appid>/entries/mime/packages/<appid>.xml

deepin's spec puts every file under /opt/apps/<appid> and forbids maintainer scripts (postinst and
the like); the desktop there picks the entries up itself. Plain Debian and Ubuntu look only in
/usr/share, so the package also carries symbolic links there (and /usr/bin/reviewdesk), owned by
dpkg like any file: removing the package removes them. The caches (MIME database, desktop entry
index, icon cache) are refreshed by the file triggers of shared-mime-info, desktop-file-utils and
the icon theme, not by scripts of ours. `--store` leaves the /usr links out, for deepin's store.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tomllib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

APPID = "org.reviewdesk.reviewdesk"  # reverse domain, lower case: deepin's appid is the package name
COMMAND = "reviewdesk"
OPT = Path("opt/apps") / APPID
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

# (MIME type, extension, English and Chinese name as the app's own labels say it); the icon name is
# the type with "/" → "-", the freedesktop default.
MIME_TYPES = (
    ("application/x-reviewdesk-package", "rvpkg", "ReviewDesk review package", "评审台评审包"),
    ("application/x-reviewdesk-return", "rvret", "ReviewDesk return bundle", "评审台评分回传包"),
    ("application/x-reviewdesk-result", "rvres", "ReviewDesk panel result", "评审台评审结果包"),
)

# What the frozen app takes from the system (Debian's names, the same on UOS, Kylin and Ubuntu).
# linux_libs checks at build time that every system library the app links belongs to one of these.
# "libc6" gets its version from the newest glibc symbol the binaries use.
DEPENDS = (
    "libc6", "libstdc++6", "libgcc-s1", "zlib1g",
    "libglib2.0-0 | libglib2.0-0t64", "libdbus-1-3", "libfontconfig1", "libfreetype6",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-glx0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-render0", "libxcb-shape0",
    "libxcb-shm0", "libxcb-sync1", "libxcb-util1", "libxcb-xfixes0", "libxcb-xkb1",
    "libxkbcommon0", "libxkbcommon-x11-0", "libegl1", "libgl1", "libopengl0",
)
# Without these the app runs, but double-click, the menu entry's icon or the keyring would not.
RECOMMENDS = ("shared-mime-info", "desktop-file-utils", "hicolor-icon-theme", "xdg-utils")


def depends_names() -> set[str]:
    return {alt.strip().split(" ")[0] for entry in DEPENDS for alt in entry.split("|")}


def builder_packages() -> list[str]:
    """What a builder installs so that every linked library resolves (the first of each alternative)."""
    return [entry.split("|")[0].strip() for entry in DEPENDS]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def debian_arch() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


def desktop_entry() -> str:
    exec_path = f"/{OPT}/files/{COMMAND}"
    mime = "".join(f"{t};" for t, *_ in MIME_TYPES)
    return f"""[Desktop Entry]
Type=Application
Version=1.0
Name=ReviewDesk
Name[zh_CN]=评审台
GenericName=Expert review
GenericName[zh_CN]=专家评审
Comment=Offline expert review of vocational-training carriers: read the dossiers, score, sign
Comment[zh_CN]=职业技能培训载体离线专家评审：查阅申报材料、逐项评分、签名回传
Keywords=review;score;panel;expert;dossier;
Keywords[zh_CN]=评审;评分;专家;申报材料;技能大师工作室;高技能人才培训基地;
Exec={exec_path} %f
Icon={APPID}
Terminal=false
Categories=Office;
MimeType={mime}
StartupNotify=true
StartupWMClass=ReviewDesk
Actions=demo;

[Desktop Action demo]
Name=Open the demo round
Name[zh_CN]=打开演示评审轮次
Exec={exec_path} --demo
"""


def mime_xml() -> str:
    blocks = []
    for mime_type, extension, english, chinese in MIME_TYPES:
        blocks.append(f"""  <mime-type type="{mime_type}">
    <comment>{escape(english)}</comment>
    <comment xml:lang="zh_CN">{escape(chinese)}</comment>
    <sub-class-of type="application/zip"/>
    <icon name="{mime_type.replace('/', '-')}"/>
    <glob pattern="*.{extension}" weight="60"/>
  </mime-type>""")
    body = "\n".join(blocks)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
            f"{body}\n</mime-info>\n")


def info_json(version: str, arch: str) -> str:
    """deepin's `info`: version as MAJOR.MINOR.PATCH.BUILD; no special permissions asked."""
    permissions = dict.fromkeys(("autostart", "notification", "trayicon", "clipboard", "account", "bluetooth",
                                 "camera", "audio_record", "installed_apps"), False)
    return json.dumps({"appid": APPID, "name": "评审台 ReviewDesk", "version": f"{version}.0", "arch": [arch],
                       "permissions": permissions}, ensure_ascii=False, indent=2) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _icons(entries: Path) -> list[Path]:
    """The app icon and the three file icons, every size, as the hicolor theme lays them out."""
    placed = []
    names = [("apps", "reviewdesk", APPID)] + [("mimetypes", t.replace("/", "-"), t.replace("/", "-"))
                                               for t, *_ in MIME_TYPES]
    for context, source, target in names:
        for size in SIZES:
            path = entries / "icons/hicolor" / f"{size}x{size}" / context / f"{target}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ICONS / "png" / str(size) / f"{source}.png", path)
            placed.append(path)
        path = entries / "icons/hicolor/scalable" / context / f"{target}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ICONS / f"{source}.svg", path)
        placed.append(path)
    return placed


def stage(frozen: Path, staging: Path, *, version: str, arch: str, store: bool = False) -> Path:
    """Lay out the package's files under `staging` (emptied first); `frozen` is dist/ReviewDesk."""
    if staging.exists():
        shutil.rmtree(staging)
    app = staging / OPT
    shutil.copytree(frozen, app / "files", symlinks=True)
    entries = app / "entries"
    desktop = entries / "applications" / f"{APPID}.desktop"
    _write(desktop, desktop_entry())
    mime = entries / "mime" / "packages" / f"{APPID}.xml"
    _write(mime, mime_xml())
    icons = _icons(entries)
    _write(app / "info", info_json(version, arch))
    if not store:
        links = {staging / "usr/bin" / COMMAND: app / "files" / COMMAND,
                 staging / "usr/share/applications" / desktop.name: desktop,
                 staging / "usr/share/mime/packages" / mime.name: mime}
        for icon in icons:  # one link per file: the theme's folders belong to hicolor-icon-theme
            links[staging / "usr/share/icons" / icon.relative_to(entries / "icons")] = icon
        for link, target in links.items():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to("/" + str(target.relative_to(staging)))
    for path in [staging, *staging.rglob("*")]:  # dpkg installs the modes it is given
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
    return staging


def installed_size_kib(staging: Path) -> int:
    total = 0
    for path in staging.rglob("*"):
        if "DEBIAN" in path.relative_to(staging).parts[:1]:
            continue
        total += path.lstat().st_size if path.is_symlink() or path.is_file() else 4096
    return (total + 1023) // 1024


def write_control(staging: Path, *, version: str, arch: str, glibc: str) -> str:
    depends = ", ".join(f"libc6 (>= {glibc})" if d == "libc6" else d for d in DEPENDS)
    control = f"""Package: {APPID}
Version: {version}
Architecture: {arch}
Maintainer: ReviewDesk <dev@reviewdesk.local>
Installed-Size: {installed_size_kib(staging)}
Depends: {depends}
Recommends: {", ".join(RECOMMENDS)}
Provides: {COMMAND}
Section: utils
Priority: optional
Description: 评审台 ReviewDesk: offline expert review of vocational-training carriers
 The expert panel's desktop app for Shenzhen's recognition of vocational-training
 carriers (技能大师工作室, 高技能人才培训基地, 乡村振兴技能工作站): import the
 district bureau's signed review package, read the dossiers beside the rubric, score
 item by item, sign the score sheet and send it back; the chair compiles and signs
 the panel result. Works offline; everything is saved as it is typed.
"""
    _write(staging / "DEBIAN" / "control", control)
    return control


def write_md5sums(staging: Path) -> None:
    """DEBIAN/md5sums, as deepin's spec lists it and `dpkg --verify` reads it (files, not links)."""
    lines = []
    for path in sorted(staging.rglob("*")):
        relative = path.relative_to(staging)
        if relative.parts[0] == "DEBIAN" or path.is_symlink() or not path.is_file():
            continue
        lines.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {relative.as_posix()}\n")
    _write(staging / "DEBIAN" / "md5sums", "".join(lines))


def build_deb(staging: Path, out_dir: Path, *, version: str, arch: str, level: int = 6) -> Path:
    write_md5sums(staging)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{APPID}_{version}_{arch}.deb"
    # xz: what every dpkg since Debian 7 reads (UOS 20 and Kylin V10 included); zstd is newer.
    # Level 6 (xz's default) for what is handed out; a test build may take 1, four times faster.
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{level}", "--build", str(staging), str(target)],
                   check=True, stdout=subprocess.DEVNULL)
    return target
