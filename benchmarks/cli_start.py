"""How long the command line takes to answer (issue 10): `--help`, `status` and `verify` of the demo's
package, each a fresh process, against the interpreter's own start-up and SQLAlchemy's import as the floor in the same run.

    PYTHONPATH=. python benchmarks/cli_start.py [--runs 10]

`status` is measured twice: on a home whose key is in a keyring (the suite's file keyring stands in
for the OS's, so no passphrase is derived) and on one whose key file is sealed by a passphrase (the
demo's `demo-2026`: scrypt n=2^17 runs once per command, by design). Wall time and the process's CPU
time (user + system), median and p95 in milliseconds: on a shared machine the CPU
column moves far less than the wall clock. Nothing is asserted.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.measure import summary  # noqa: E402

KEYRING = "tests.support.keyring_backend.FileTestKeyring"


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall ms, cpu ms, peak RSS KiB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu, after.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND=KEYRING,
                   REVIEWDESK_TEST_ONLY_TRUST_KEYRING=KEYRING, REVIEWDESK_TEST_KEYRING=str(Path(tmp) / "keyring"))
        cli = [sys.executable, "-m", "desktop.cli"]
        print("making the demo round twice (a keyring one and a passphrase one)…", flush=True)
        subprocess.run([*cli, "demo", "--out", str(Path(tmp) / "keyring-demo")], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        no_keyring = dict(env, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
                          REVIEWDESK_PASSPHRASE="demo-2026")
        subprocess.run([*cli, "demo", "--out", str(Path(tmp) / "file-demo")], env=no_keyring, check=True,
                       stdout=subprocess.DEVNULL)
        package = Path(tmp) / "keyring-demo" / "round.rvpkg"
        cases = [
            ("python -c pass (floor)", [sys.executable, "-c", "pass"], env),
            ("python -c 'import sqlalchemy.orm'", [sys.executable, "-c", "import sqlalchemy.orm"], env),
            ("reviewdesk --help", [*cli, "--help"], env),
            ("reviewdesk status (keyring home)", [*cli, "--home", str(Path(tmp) / "keyring-demo/homes/E02"), "status"], env),
            ("reviewdesk status (passphrase home)",
             [*cli, "--home", str(Path(tmp) / "file-demo/homes/E02"), "status"], no_keyring),
            ("reviewdesk verify round.rvpkg (10 dossiers)", [*cli, "verify", str(package)], env),
        ]
        print(f"{'':40} {'wall median':>12} {'p95':>8} {'cpu median':>11} {'p95':>8}   (ms, {runs} runs)")
        for name, argv, case_env in cases:
            _run(argv, case_env)  # once to warm the page cache and the .pyc files
            samples = [_run(argv, case_env) for _ in range(runs)]
            wall, wall95, _ = summary([s[0] for s in samples])
            cpu, cpu95, _ = summary([s[1] for s in samples])
            print(f"{name:40} {wall:12.0f} {wall95:8.0f} {cpu:11.0f} {cpu95:8.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
