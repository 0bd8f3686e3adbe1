"""A child that opens a home written before encryption at rest, saying `progress DONE TOTAL` as the
encryption goes; with `pause`, it stops at the first report part-way, to be killed there
(tests/test_home_key.py)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from review_model.home import Home


def main(home_dir: str, pause: bool) -> None:
    def report(done: int, total: int) -> None:
        print(f"progress {done} {total}", flush=True)
        if pause and 0 < done < total:
            time.sleep(600)

    Home(Path(home_dir), progress=report).close()
    print("open", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:] == ["pause"])
