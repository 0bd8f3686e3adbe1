"""The .deb's layout (packaging/debian_layout.py) on a stand-in app folder: what dpkg, the MIME
database and the desktop would read. The real package is built and installed by packaging/smoke.sh."""
from __future__ import annotations

import configparser
import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("debian_layout", ROOT / "packaging" / "debian_layout.py")
layout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(layout)


@pytest.fixture
def frozen(tmp_path):
    app = tmp_path / "ReviewDesk"
    (app / "_internal").mkdir(parents=True)
    (app / "reviewdesk").write_text("#!/bin/sh\n")
    (app / "reviewdesk").chmod(0o700)
    (app / "_internal" / "data.txt").write_text("x")
    return app


def test_deepin_layout_with_links_for_debian(frozen, tmp_path):
    root = layout.stage(frozen, tmp_path / "root", version="0.1.0", arch="amd64")
    app = root / layout.OPT
    info = json.loads((app / "info").read_text(encoding="utf-8"))
    assert info["appid"] == layout.APPID and info["version"] == "0.1.0.0" and info["arch"] == ["amd64"]
    assert not any(info["permissions"].values())
    assert (app / "files" / "reviewdesk").stat().st_mode & 0o777 == 0o755  # executable for everyone
    assert (app / "files" / "_internal" / "data.txt").stat().st_mode & 0o777 == 0o644
    for size in layout.SIZES:
        assert (app / f"entries/icons/hicolor/{size}x{size}/apps/{layout.APPID}.png").is_file()
        assert (app / f"entries/icons/hicolor/{size}x{size}/mimetypes/application-x-reviewdesk-result.png").is_file()
    links = [p for p in root.joinpath("usr").rglob("*") if p.is_symlink()]
    assert {"/usr/bin/reviewdesk", f"/usr/share/applications/{layout.APPID}.desktop",
            f"/usr/share/mime/packages/{layout.APPID}.xml",
            f"/usr/share/icons/hicolor/16x16/apps/{layout.APPID}.png"} <= {f"/{p.relative_to(root)}" for p in links}
    for link in links:  # every link lands on a file of the package, under /opt/apps
        target = Path(str(link.readlink()))
        assert target.is_absolute() and target.parts[1:3] == ("opt", "apps")
        assert (root / target.relative_to("/")).is_file(), link


def test_store_build_keeps_everything_under_opt_apps(frozen, tmp_path):
    root = layout.stage(frozen, tmp_path / "root", version="0.1.0", arch="arm64", store=True)
    assert {p.name for p in root.iterdir()} == {"opt"}


def test_desktop_entry_in_chinese_and_english_opens_the_three_types():
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str
    entry.read_string(layout.desktop_entry())
    main = entry["Desktop Entry"]
    assert (main["Name"], main["Name[zh_CN]"]) == ("ReviewDesk", "评审台")
    assert main["Exec"] == f"/opt/apps/{layout.APPID}/files/reviewdesk %f"
    assert main["Icon"] == layout.APPID
    assert main["MimeType"].split(";")[:3] == [t for t, *_ in layout.MIME_TYPES]
    assert "Name[zh_CN]" in entry["Desktop Action demo"]


def test_mime_database_maps_each_extension_to_its_type(tmp_path):
    require_tool("update-mime-database")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    (packages / f"{layout.APPID}.xml").write_text(layout.mime_xml(), encoding="utf-8")
    done = subprocess.run(["update-mime-database", str(tmp_path / "mime")], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stderr.lower(), done.stderr
    globs = (tmp_path / "mime" / "globs2").read_text()
    for mime_type, extension, *_ in layout.MIME_TYPES:
        assert f"60:{mime_type}:*.{extension}" in globs
    icons = (tmp_path / "mime" / "icons").read_text()
    assert "application/x-reviewdesk-package:application-x-reviewdesk-package" in icons
    subclasses = (tmp_path / "mime" / "subclasses").read_text()
    assert "application/x-reviewdesk-return application/zip" in subclasses


def test_control_declares_the_libraries_and_the_glibc_floor(frozen, tmp_path):
    root = layout.stage(frozen, tmp_path / "root", version="0.1.0", arch="amd64")
    control = layout.write_control(root, version="0.1.0", arch="amd64", glibc="2.34")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if line and not line.startswith(" "))
    assert fields["Package"] == layout.APPID and fields["Architecture"] == "amd64"
    depends = [d.strip() for d in fields["Depends"].split(",")]
    assert "libc6 (>= 2.34)" in depends
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1", "libdbus-1-3"} <= set(depends)
    assert "libglib2.0-0 | libglib2.0-0t64" in depends
    assert int(fields["Installed-Size"]) >= 1
