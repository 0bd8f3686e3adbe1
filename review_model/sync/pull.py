"""The chair's pull: every return bundle the bureau's intake accepted for this round comes into the
chair's home through the chair's own intake (chair/intake.py import_returns: verified again here
against the package, exactly as a file from a USB stick), so `chair compile` then works as today.

The files are kept in <home>/pulled/<file sha256>.rvret (nothing received is thrown away), sealed
where the home is (they hold every expert's scores and comments); a bundle already pulled is not
downloaded again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from ..chair.intake import IntakeReport, require_chair
from ..chair.receive import receive_returns
from ..exchange.container import SigningKey
from ..home import Home
from ..imported_round import round_info
from ..store.blobs import private_dir
from ..store.models import ChairBundle
from ..store.sealed import write_kept_file
from .client import IntakeClient
from .outbox import Target

PULLED_DIR = "pulled"


@dataclass(frozen=True)
class PullReport:
    listed: int  # return bundles the intake holds for the round
    downloaded: int  # of them, fetched now (the others were here already)
    intake: IntakeReport  # what the chair's intake made of them


def pull_returns(home: Home, target: Target, key: SigningKey, client: IntakeClient | None = None) -> PullReport:
    require_chair(home)
    info = round_info(home)
    client = client or IntakeClient(target.url, target.public_raw, tls_sha256=target.tls_sha256)
    folder = home.root / PULLED_DIR
    try:
        client.login(key)
        listing = [b for b in client.bundles(info.round_id) if b.get("kind") == "return"]
        with home.store.read() as session:
            known = set(session.scalars(select(ChairBundle.file_sha256)))
        paths: list[Path] = []
        downloaded = 0
        for entry in sorted(listing, key=lambda b: b.get("seq", 0)):  # in the order the intake accepted them
            digest = str(entry["file_sha256"])
            path = folder / f"{digest}.rvret"
            if digest not in known and not path.is_file():
                private_dir(folder)
                write_kept_file(path, client.download(info.round_id, digest), home.blobs.sealer)
                downloaded += 1
            if digest not in known:
                paths.append(path)
    finally:
        client.close()
    report = receive_returns(home, paths) if paths else IntakeReport(())
    return PullReport(len(listing), downloaded, report)
