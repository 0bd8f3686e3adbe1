"""The small round carried through to the end: one expert signed a sheet and exported it, the chair
compiled and signed the result. Every kind of exchange file exists once, made by the real code."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from review_model.chair.compile import compile_panel
from review_model.chair.intake import import_returns
from review_model.chair.result import write_result
from review_model.exchange.package import open_package
from review_model.identity import signing_key
from review_model.sheets.context import Reviewer
from review_model.signing.returns import export_returns
from review_model.signing.sign import sign_sheet
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import SmallRound, make_small_round


@dataclass
class SignedRound:
    round: SmallRound
    expert_home: Path  # E02: the package imported, A01 signed, the rest untouched
    chair_home: Path  # E01: the package and E02's bundle imported, the result signed
    bundle: Path
    result: Path


def make_signed_round(root: Path) -> SignedRound:
    round_ = make_small_round(root)
    with expert_home(round_, "E02", root / "E02") as home:
        reviewer = Reviewer.open(home)
        key = signing_key(home, person_id="E02")
        complete_sheet(reviewer, "A01")
        sign_sheet(reviewer, "A01", key)
        export_returns(reviewer, root / "E02.rvret", key)
    with expert_home(round_, "E01", root / "E01") as chair, open_package(round_.package.read_bytes()) as package:
        import_returns(chair, package, [root / "E02.rvret"])
        write_result(chair, compile_panel(chair, None), root / "result", signing_key(chair, person_id="E01"),
                     allow_incomplete=True)  # one sheet of nine is enough to have a result to verify
    return SignedRound(round_, root / "E02", root / "E01", root / "E02.rvret", root / "result" / "result.rvres")
