"""The small round set up for hostile-file tests: a chair's home with the package imported, an
expert's home that has imported nothing yet, and one valid return bundle to forge from.

`run(capsys, *args)` runs the real `reviewdesk` command in this process (argument parsing, the
command's handler, the sentence on stderr): a traceback would surface as the exception itself.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from review_model.exchange.container import SigningKey
from review_model.home import Home
from review_model.identity import signing_key
from review_model.importer import import_package
from review_model.sheets.context import Reviewer
from review_model.signing.returns import export_returns
from review_model.signing.sign import sign_sheet
from tests.support.sheets import complete_sheet, expert_home
from tests.support.small_round import SmallRound, make_small_round


@dataclass
class World:
    round: SmallRound
    root: Path
    chair: Path  # E01's home (the chair), package imported, nothing received yet
    fresh: Path  # E03's home: an identity, nothing imported (for `import`)
    bundle: Path  # E02's return bundle: A01 signed
    expert_key: SigningKey  # E02's
    bureau_key: SigningKey

    @property
    def package(self) -> Path:
        return self.round.package

    def copy_home(self, which: str, target: Path) -> Path:
        shutil.copytree(getattr(self, which), target)
        return target


def make_world(root: Path) -> World:
    small = make_small_round(root / "round")
    chair = root / "chair"
    shutil.copytree(small.homes["E01"], chair)
    with Home(chair) as home:
        import_package(home, small.package, trust_bureau=small.bureau_fingerprint)
    fresh = root / "fresh"
    shutil.copytree(small.homes["E03"], fresh)
    home = expert_home(small, "E02", root / "E02")
    try:
        reviewer = Reviewer.open(home)
        key = signing_key(home, person_id="E02")
        complete_sheet(reviewer, "A01")
        sign_sheet(reviewer, "A01", key)
        bundle = root / "E02.rvret"
        export_returns(reviewer, bundle, key)
    finally:
        home.close()
    with Home(small.homes["B01"]) as bureau:
        bureau_key = signing_key(bureau, person_id="B01")
    return World(small, root, chair, fresh, bundle, key, bureau_key)


def run(capsys, *args: str | Path) -> tuple[int, str, str]:
    """`reviewdesk --lang en ARGS…` in this process: (exit status, stdout, stderr)."""
    from desktop.cli import main

    capsys.readouterr()
    code = main(["--lang", "en", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err
