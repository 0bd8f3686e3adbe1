"""A chair signing the panel result again and again into one folder: `writing N` before each
export, `files` when the files are written next, `done N DIGEST` once it returned. Killed at random by tests/test_atomic_output.py.
With `rename` it puts the set in place the way Windows must (old set aside, new one in); with
`die-after-aside` it does so and dies right after renaming the earlier set aside."""
from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

from review_model.chair.compile import compile_panel
from review_model.chair.result import write_result
from review_model.home import Home
from review_model.identity import signing_key
from review_model.store import folder_set


def _say_when_writing(done: int, total: int) -> None:
    if (done, total) == (3, 5):  # everything is rendered and signed; the files are written next
        print("files", flush=True)


def main(home_dir: str, outdir: str, mode: str) -> None:
    if mode in ("rename", "die-after-aside"):
        folder_set.exchange_folders = None
    if mode == "die-after-aside":
        rename = os.rename

        def rename_then_die(source, target) -> None:
            rename(source, target)
            if str(target).endswith(folder_set.PREVIOUS):
                os._exit(9)  # as if killed between the two renames

        folder_set.os.rename = rename_then_die
    home = Home(Path(home_dir))
    start = compile_panel(home).publicity_start
    key = signing_key(home, person_id="E01")
    number = 0
    while True:
        number += 1
        print(f"writing {number}", flush=True)
        # Each export differs from the one before (another publicity start), so a mix would show.
        comp = compile_panel(home, start + timedelta(days=number % 10))
        written = write_result(home, comp, Path(outdir), key, progress=_say_when_writing)
        print(f"done {number} {written.result_sha256}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
