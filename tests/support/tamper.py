"""Forging exchange files for the bad-input tests: rewrite members and re-sign with a real key,
or damage the zip itself without re-signing."""
from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from review_model.exchange.container import SigningKey, write_container
from review_model.home import Home
from review_model.identity import signing_key


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n not in ("manifest.json", "manifest.sig")}


def manifest_of(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def resign(source: Path, out: Path, key: SigningKey, change: Callable[[dict[str, bytes]], None],
           round_id: str | None = None) -> Path:
    """A validly signed copy of `source` whose members went through `change`."""
    manifest = manifest_of(source)
    members = members_of(source)
    change(members)
    write_container(out, manifest["kind"], round_id or manifest["round_id"], members, key,
                    package_sha256=manifest.get("package_sha256"))
    return out


def bureau_key(home_dir: Path, person_id: str = "B01") -> SigningKey:
    with Home(home_dir) as home:
        return signing_key(home, person_id=person_id)


def edit_json(members: dict[str, bytes], name: str, edit: Callable[[dict], None]) -> None:
    data = json.loads(members[name])
    edit(data)
    members[name] = json.dumps(data, ensure_ascii=False).encode("utf-8")


def rezip(source: Path, out: Path, change: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], None]) -> Path:
    """Copy the raw entries of `source` (signature untouched) through `change`, e.g. to add a member."""
    with zipfile.ZipFile(source) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    change(entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)
    out.write_bytes(buffer.getvalue())
    return out
