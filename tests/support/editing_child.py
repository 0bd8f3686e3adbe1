"""A child that edits a score sheet as fast as it can and says so: `try SEQ KIND KEY VALUE` before
each edit and `saved SEQ` once the edit returned (= committed). Killed by tests/test_durability.py."""
from __future__ import annotations

import random
import sys
from decimal import Decimal
from pathlib import Path

from review_model.home import Home
from review_model.sheets import ops
from review_model.sheets.context import Reviewer
from review_model.sheets.view import sheet_view


def main(home_dir: str, start: int) -> None:
    home = Home(Path(home_dir))
    reviewer = Reviewer.open(home)
    if sheet_view(reviewer, "A01").conflict == "unconfirmed":
        ops.confirm_no_conflict(reviewer, "A01")
    rubric = sheet_view(reviewer, "A01").rubric
    items = [i for i in rubric.scored_items if not rubric.is_bonus(i.code)]
    rng = random.Random(start)
    seq = start
    while True:
        seq += 1
        if seq % 4 == 0:
            text = f"note-{seq}"
            print(f"try {seq} note {text} -", flush=True)
            ops.add_note(reviewer, "A01", "", text)
        else:
            item = rng.choice(items)
            value = item.step * rng.randint(0, int(item.max_points / item.step))
            print(f"try {seq} score {item.code} {value}", flush=True)
            ops.SetItem("A01", item.code, Decimal(value), "因故扣分" if rubric.needs_comment(item.code, value) else "").apply(reviewer)
        print(f"saved {seq}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
