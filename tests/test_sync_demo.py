"""The demo round names its local intake: `reviewdesk demo --out DIR` makes the bureau's intake in
DIR/intake with the round open, and a sheet signed in a demo home reaches it with `sync`."""
from __future__ import annotations

import json
import shutil

import pytest

from review_model.home import Home
from review_model.identity import signing_key
from review_model.imported_round import round_info
from review_model.sheets.context import Reviewer
from review_model.signing.sign import sign_sheet
from tests.support.cli import reviewdesk
from tests.support.intake import Backend, start_intake
from tests.support.sheets import complete_sheet

pytestmark = pytest.mark.slow


def test_a_sheet_signed_in_the_demo_reaches_the_demo_intake(demo_round, tmp_path):
    home_dir, intake_dir = tmp_path / "E02", tmp_path / "intake"
    shutil.copytree(demo_round.homes["E02"], home_dir)
    shutil.copytree(demo_round.out / "intake", intake_dir)
    home = Home(home_dir)
    assert round_info(home).file.intake.url == "http://127.0.0.1:8765"
    reviewer = Reviewer.open(home)
    applicant = sorted(reviewer.assigned)[0]
    complete_sheet(reviewer, applicant)
    sign_sheet(reviewer, applicant, signing_key(home, lambda: "demo-2026", person_id=reviewer.expert_id))
    intake = start_intake(intake_dir, Backend("sqlite"))  # --home DIR/intake, as the README starts it
    try:
        done = reviewdesk("--home", home_dir, "--lang", "en", "sync", "--json", "--url", intake.url,
                          env={"REVIEWDESK_PASSPHRASE": "demo-2026"})
        assert done.returncode == 0, done.stderr
        assert [i["state"] for i in json.loads(done.stdout)["items"]] == ["delivered"]
        status = reviewdesk("--home", intake_dir, "intake", "status", "--json")
        assert status.returncode == 0 and '"delivered"' in status.stdout
    finally:
        assert intake.process.stop() == 0
