"""The chair's signed panel result (.rvres) goes to the intake the same way as the experts' bundles:
verified against the package (`reviewdesk verify R.rvres --package P`'s checks), a receipt, on the
bureau's dashboard with a download link; signed by anyone but the chair, refused."""
from __future__ import annotations

import httpx
import pytest

from review_model.chair.compile import compile_panel
from review_model.chair.intake import import_returns
from review_model.chair.result import write_result
from review_model.errors import Code, Problem
from review_model.exchange.package import open_package
from review_model.identity import signing_key
from tests.support.panel_round import Sheet, make_panel_round
from tests.support.tamper import resign

pytestmark = pytest.mark.slow  # real processes: the intake, the reviewdesk command


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    root = tmp_path_factory.mktemp("result")
    panel = make_panel_round(root / "round", experts=3)
    files = [panel.bundle(e, {"A01": [Sheet("35", "25", "20")], "A02": [Sheet("30", "20", "20")],
                              "A03": [Sheet("32", "21", "27")]}) for e in ("E01", "E02", "E03")]
    with panel.home() as home:
        with open_package(panel.package) as package:
            import_returns(home, package, files)
        written = write_result(home, compile_panel(home), root / "out", signing_key(home, person_id="E01"))
    return panel, files, written.outdir / "result.rvres"


def test_the_chairs_result_is_received_shown_and_downloadable(intake, compiled, tmp_path):
    panel, files, result = compiled
    intake.add(panel)
    with intake.client() as client:
        for path in files:
            client.deliver(path)
        receipt = client.deliver(result).receipt
    assert (receipt.kind, receipt.signer_id, receipt.sheets, receipt.disposition) == ("result", "E01", [], "current")
    with intake.client() as chair:
        chair.login(panel.keys["E01"])
        view = chair.state("2026-PANEL")
        assert chair.download("2026-PANEL", receipt.file_sha256) == result.read_bytes()
    assert view["result"]["file_sha256"] == receipt.file_sha256
    assert {c["state"] for c in view["cells"] if c["expert_id"] == "E01"} == {"delivered"}  # its sheets still count

    from service.auth import Auth

    db = intake.database()
    try:
        token = Auth(db, "").login_link_token(["2026-PANEL"])
    finally:
        db.close()
    with httpx.Client(base_url=intake.url, follow_redirects=True) as browser:
        page = browser.get(f"/login/{token}").text
        assert "评审组长签署的评审结果" in page and f"/bundles/{receipt.file_sha256}" in page
        assert browser.get(f"/dashboard/2026-PANEL/bundles/{receipt.file_sha256}").content == result.read_bytes()

    forged = resign(result, tmp_path / "by-a-member.rvres", panel.keys["E02"], lambda members: None)
    with intake.client() as client, pytest.raises(Problem) as caught:
        client.deliver(forged)
    assert caught.value.code == Code.INTAKE_REFUSED and caught.value.params["reason"] == "not_in_package"
