"""The small round with its package naming a real intake (round.json `intake`), opened on it."""
from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

from review_model.exchange.package_build import build_package
from review_model.home import Home
from review_model.identity import signing_key
from review_model.sheets.context import Reviewer
from review_model.signing.sign import sign_sheet
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import SmallRound, make_small_round

_ids = itertools.count(1)


def make_sync_round(root: Path, intake, url: str | None = None, intake_pub: bytes | None = None,
                    tls_sha256: str | None = None) -> SmallRound:
    """`url` (default: the intake's own) and `intake_pub` (default: the intake's receipt key) are
    what the package names: tests name a proxy, or another key to play an impostor intake;
    `tls_sha256` pins the intake's certificate."""
    from service.home import IntakeHome, public_identity

    round_ = make_small_round(root, build=False)
    (round_.spec / "identities" / "intake.pub").write_bytes(intake_pub or public_identity(IntakeHome(intake.home)))
    path = round_.spec / "round.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    spec["round_id"] = f"2026-S{os.getpid()}-{next(_ids)}"
    spec["intake"] = {"url": url or intake.url, "identity_file": "intake.pub"}
    if tls_sha256 is not None:
        spec["intake"]["tls_sha256"] = tls_sha256
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    with Home(round_.homes["B01"]) as bureau:
        build_package(round_.spec, round_.package, signing_key(bureau, person_id="B01"))
    intake.add(round_)
    return round_


def signed_home(round_: SmallRound, person: str, target: Path, applicants=("A01",)) -> Home:
    home = expert_home(round_, person, target)
    reviewer = Reviewer.open(home)
    for applicant_id in applicants:
        complete_sheet(reviewer, applicant_id)
        sign_sheet(reviewer, applicant_id, signing_key(home, person_id=reviewer.expert_id))
    return home
