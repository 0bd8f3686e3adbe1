"""`reviewdesk sheet sign | amend | declare-conflict` and `reviewdesk export`, as scripts run them."""
from __future__ import annotations

import json

import pytest

from review_model.home import Home
from review_model.importer import import_package
from review_model.sheets.context import Reviewer
from tests.support.cli import reviewdesk
from tests.support.sheets import complete_sheet, make_key_file_round

PASSPHRASE = "a long passphrase for E02"


@pytest.fixture
def key_file_expert(tmp_path):
    """The small round, where E02 keeps the key in a passphrase-protected file; E02's home has it imported."""
    homes, package, bureau = make_key_file_round(tmp_path, PASSPHRASE)
    with Home(homes["E02"]) as home:
        import_package(home, package, trust_bureau=bureau)
        complete_sheet(Reviewer.open(home), "A01")
    return homes["E02"], package


def _status(home) -> dict:
    return {a["applicant_id"]: (a["state"], a["revision"])
            for a in json.loads(reviewdesk("--home", home, "status", "--json").stdout)["applicants"]}


@pytest.mark.slow
def test_sign_declare_export_verify_and_amend_from_the_command_line(key_file_expert, tmp_path):
    home, package = key_file_expert
    env = {"REVIEWDESK_PASSPHRASE": PASSPHRASE}
    incomplete = reviewdesk("--lang", "en", "--home", home, "sheet", "sign", "A03", env=env)
    assert incomplete.returncode == 1 and len(incomplete.stderr.strip().splitlines()) == 1
    assert "cannot be signed yet" in incomplete.stderr and "confirm there is no conflict" in incomplete.stderr
    no_passphrase = reviewdesk("--home", home, "sheet", "sign", "A01")
    assert no_passphrase.returncode == 1 and "REVIEWDESK_PASSPHRASE" in no_passphrase.stderr
    signed = reviewdesk("--lang", "en", "--home", home, "sheet", "sign", "A01", env=env)
    assert signed.returncode == 0, signed.stderr
    assert "Signed revision 1 of the sheet for A01" in signed.stdout and "Recommend" in signed.stdout
    declared = reviewdesk("--home", home, "sheet", "declare-conflict", "A02", "--reason", "近三年曾在该单位任职")
    assert declared.returncode == 0, declared.stderr
    assert _status(home) == {"A01": ("signed", 1), "A02": ("conflict", None), "A03": ("not_started", None)}

    bundle = tmp_path / "E02.rvret"
    exported = reviewdesk("--lang", "en", "--home", home, "export", "-o", bundle, env=env)
    assert exported.returncode == 0, exported.stderr
    assert "Applicants: 1; signed revisions: 1; declared conflicts: 1" in exported.stdout
    verified = reviewdesk("verify", bundle, "--package", package)
    assert verified.returncode == 0, verified.stderr
    assert "李专家" in verified.stdout

    amended = reviewdesk("--lang", "en", "--home", home, "sheet", "amend", "A01", "--reason", "更正第1.1项")
    assert amended.returncode == 0 and "Revision 2" in amended.stdout
    assert _status(home)["A01"] == ("ready", 2)
    again = reviewdesk("--home", home, "sheet", "amend", "A01", "--reason", "x")
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
    usage = reviewdesk("--home", home, "sheet", "amend", "A01")
    assert usage.returncode == 2  # --reason is required
