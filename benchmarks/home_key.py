"""What encryption at rest costs the home's database (issue 15): opening a home, and 100 score edits
(each its own committed transaction, as the GUI makes them), encrypted versus plain, in one run.

    PYTHONPATH=. python benchmarks/home_key.py [--runs 15]

The same round's home is measured twice: as it is (SQLCipher, keyed with the home key) and as a
plaintext copy opened by the same driver without a key. Opening an encrypted Home includes fetching
the key from the keyring (the suite's file keyring here: a real one adds its own round trip).
Prints median and p95 in milliseconds; nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.measure import summary  # noqa: E402


def _test_keyring(folder: Path) -> None:
    # a file keyring in a temporary folder: a benchmark must not write to the real keyring
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.FileTestKeyring"
    os.environ["REVIEWDESK_TEST_ONLY_TRUST_KEYRING"] = "tests.support.keyring_backend.FileTestKeyring"
    os.environ["REVIEWDESK_TEST_KEYRING"] = str(folder)


def _plain_home(home_dir: Path, target: Path) -> Path:
    from tests.support.rawdb import decrypt_home

    shutil.copytree(home_dir, target)
    decrypt_home(target)
    return target / "reviewdesk.db"


def _timed(action, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _edits(home, store) -> None:
    from review_model.sheets import ops
    from review_model.sheets.context import Reviewer
    from review_model.sheets.view import sheet_view

    home.store = store  # the same domain code on either database
    reviewer = Reviewer.open(home)
    if sheet_view(reviewer, "A01").conflict == "unconfirmed":
        ops.confirm_no_conflict(reviewer, "A01")
    rubric = sheet_view(reviewer, "A01").rubric
    item = next(i for i in rubric.scored_items if not rubric.is_bonus(i.code) and not rubric.needs_comment(i.code, i.max_points))
    for n in range(100):
        ops.SetItem("A01", item.code, item.max_points if n % 2 else Decimal(0) * item.step, "").apply(reviewer)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rd-bench-key-"))
    try:
        (work / "keyring").mkdir()
        _test_keyring(work / "keyring")
        from review_model.home import Home
        from review_model.importer import import_package
        from review_model.store.db import Store
        from tests.support.small_round import make_small_round

        round_ = make_small_round(work / "round")
        home_dir = round_.homes["E02"]
        with Home(home_dir) as home:
            import_package(home, round_.package, trust_bureau=round_.bureau_fingerprint)
        plain_db = _plain_home(home_dir, work / "plain")

        def open_encrypted():
            Home(home_dir).close()

        def open_plain():
            Store(plain_db).close()

        def open_encrypted_store():
            with Home(home_dir) as home:
                key = home.key
            start = time.perf_counter()
            Store(home_dir / "reviewdesk.db", key=key).close()
            return (time.perf_counter() - start) * 1000

        rows = [
            ("open a home (encrypted, key from keyring)", _timed(open_encrypted, args.runs)),
            ("open the store (encrypted)", [open_encrypted_store() for _ in range(args.runs)]),
            ("open the store (plain)", _timed(open_plain, args.runs)),
        ]
        with Home(home_dir) as home:
            encrypted_store, plain_store = home.store, Store(plain_db)
            rows.append(("100 edits (encrypted)", _timed(lambda: _edits(home, encrypted_store), max(3, args.runs // 3))))
            rows.append(("100 edits (plain)", _timed(lambda: _edits(home, plain_store), max(3, args.runs // 3))))
            home.store = encrypted_store
            plain_store.close()
        print(f"{'':46} {'median ms':>10} {'p95 ms':>10} {'runs':>5}")
        for name, times in rows:
            median, p95, n = summary(times)
            print(f"{name:46} {median:10.1f} {p95:10.1f} {n:5d}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
