"""A city's evening on one bureau intake (issue 12): every district's experts deliver at once.

    PYTHONPATH=. python -m benchmarks.intake_city [--work DIR] [--small] [--backend sqlite|postgresql|both]

The city: 11 districts × 7 experts (the chair E01 scores too) × 20 applicants = 1,540 signed
sheets. Each district is a round of its own (the intake holds one round per package, as a city
server running all districts would), opened with `add_package`. Each expert is one client — 77
at once, all released together — and delivers as the app's outbox does when the expert syncs
after every `--batch` sheets: one cumulative return bundle each time (everything signed so far,
the earlier revisions byte for byte the same), oldest first, through the resumable upload of
review_model/sync/client.py, its receipt checked against the intake's key. With the defaults
that is 4 bundles per expert (5, 10, 15, 20 sheets), 308 uploads.

The bundles are real: Ed25519-signed canonical sheet JSON, each with its drawn PDF score sheet,
in a signed container, made by tests/support/panel_round.py (a package with the real layout and
a three-item rubric); the intake verifies them with the domain's own reader. They are built once
into WORK/bundles (8 minutes on the shared 2-core machine; reused while the sizes match) before anything is
timed: signing is not what is measured.

The intake is the real `reviewdesk intake serve` process on 127.0.0.1, once with SQLite in its
home and once with a throwaway PostgreSQL cluster (Debian's postgresql: initdb + pg_ctl). Printed:
sheets/s (distinct sheets on record over the wall time from release to the last receipt), p50/p95
acceptance latency (one bundle: from the client's first request to its verified receipt), the
server's peak RSS (VmHWM) and CPU seconds, and the count lost or duplicated, read back from the
intake's database and blob store afterwards (must be 0). Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FULL = dict(districts=11, experts=7, applicants=20, batch=5)
SMALL = dict(districts=2, experts=3, applicants=6, batch=3)
SCORES = [("32", "24", "24", "2"), ("36", "27", "21", "3"), ("28", "21", "27", None), ("38", "25", "26", "1")]


def _use_throwaway_keyring(folder: Path) -> None:
    """The panel rounds' chair keys live in the suite's file keyring in a temp folder (throwaway keys)."""
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.FileTestKeyring"
    os.environ["REVIEWDESK_TEST_ONLY_TRUST_KEYRING"] = "tests.support.keyring_backend.FileTestKeyring"
    os.environ["REVIEWDESK_TEST_KEYRING"] = str(folder)
    folder.mkdir(parents=True, exist_ok=True)


# --- building the city's bundles (not timed) --------------------------------------------------------
def _build_district(args: tuple[Path, int, dict]) -> list[dict]:
    """One district's round and every expert's cumulative bundles; their list for the manifest."""
    work, number, size = args
    _use_throwaway_keyring(work / "keyring" / f"D{number:02d}")
    from review_model import crypto
    from review_model.exchange.container import SigningKey
    from review_model.exchange.package_build import build_package
    from tests.support.panel_round import Sheet, make_panel_round

    root = work / "bundles" / f"D{number:02d}"
    shutil.rmtree(root, ignore_errors=True)
    panel = make_panel_round(root, experts=size["experts"], applicants=size["applicants"])
    # a round id and district of its own, re-signed by this district's bureau (as make_intake_round does)
    spec_round = root / "spec" / "round.json"
    spec = json.loads(spec_round.read_text(encoding="utf-8"))
    spec.update(round_id=f"2026-CITY-D{number:02d}", district=f"第{number}区",
                title=f"2026年度深圳市第{number}区终身职业技能培训载体认定评审")
    spec_round.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    panel.package = root / f"D{number:02d}.rvpkg"
    build_package(root / "spec", panel.package, SigningKey("B01", f"第{number}区人力资源局", "bureau", crypto.new_seed()))
    applicants = [f"A{n:02d}" for n in range(1, size["applicants"] + 1)]
    out = []
    for e, expert_id in enumerate(sorted(panel.keys)):
        sheets: dict[str, list] = {}
        for start in range(0, len(applicants), size["batch"]):
            for i, applicant_id in enumerate(applicants[start:start + size["batch"]], start=start):
                a, b, c, bonus = SCORES[(i + e) % len(SCORES)]
                sheets[applicant_id] = [Sheet(a, b, c, bonus)]
            count = len(sheets)
            path = panel.bundle(expert_id, dict(sheets), name=f"{expert_id}-{count:02d}.rvret")
            out.append({"district": number, "round_id": spec["round_id"], "expert_id": expert_id,
                        "path": str(path.relative_to(work)), "size": path.stat().st_size,
                        "sheets": [[a, 1] for a in sheets]})
    return [{"package": str(panel.package.relative_to(work))}] + out


def build_city(work: Path, size: dict) -> dict:
    """WORK/bundles/manifest.json: the packages and bundles for `size`, built unless already there."""
    manifest_path = work / "bundles" / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest["size"] == size:
            return manifest
    shutil.rmtree(work / "bundles", ignore_errors=True)
    started = time.perf_counter()
    print(f"building {size['districts']} districts' bundles in {work / 'bundles'} (not timed)…", flush=True)
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(2) as pool:  # the machine's two cores
        districts = pool.map(_build_district, [(work, n, size) for n in range(1, size["districts"] + 1)])
    manifest = {"size": size, "packages": [d[0]["package"] for d in districts],
                "bundles": [b for d in districts for b in d[1:]]}
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"  built {len(manifest['bundles'])} bundles in {time.perf_counter() - started:.0f} s", flush=True)
    return manifest


# --- the server's process --------------------------------------------------------------------------
def _proc_status(pid: int, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])  # kB
    except OSError:
        return None
    return None


def _own_cpu_seconds() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except OSError:
        return float("nan")


# --- one run ---------------------------------------------------------------------------------------
@dataclass
class Upload:
    district: int
    expert_id: str
    path: Path
    sheets: list
    started: float = 0.0
    finished: float = 0.0
    status: str = ""  # accepted | already | error text
    seq: int | None = None
    receipt_sheets: tuple = ()


def _client(intake, uploads: list[Upload], release: threading.Barrier) -> None:
    from review_model.errors import Problem

    # the app's outbox retries forever with backoff; a benchmark client gives up after many tries
    with intake.client(attempts=50, backoff=0.5, backoff_cap=5.0, timeout=120.0) as client:
        release.wait()
        for upload in uploads:  # oldest first, one after the other, as one expert's outbox sends
            upload.started = time.perf_counter()
            try:
                delivery = client.deliver(upload.path)
                upload.status, upload.seq = delivery.status, delivery.receipt.seq
                upload.receipt_sheets = tuple((s.applicant_id, s.revision) for s in delivery.receipt.sheets)
            except Problem as problem:
                upload.status = f"{problem.code.value} {problem.params}"
            except Exception as exc:  # noqa: BLE001 - a benchmark reports every failure and goes on
                upload.status = f"{type(exc).__name__}: {exc}"
            upload.finished = time.perf_counter()


def _check_database(intake, manifest: dict, work: Path) -> dict:
    """What the intake holds afterwards, against what was sent: lost, duplicated, refused."""
    from sqlalchemy import func, select

    from service.intake import file_sha256
    from service.models import Bundle, Refusal, Round, Sheet

    expected = {(b["round_id"], b["expert_id"], a, r) for b in manifest["bundles"] for a, r in b["sheets"]}
    db = intake.database()
    try:
        with db.session() as session:
            rounds = {r.id: r.round_id for r in session.scalars(select(Round))}
            rows = [(rounds[s.round_pk], s.expert_id, s.applicant_id, s.revision) for s in session.scalars(select(Sheet))]
            bundles = list(session.scalars(select(Bundle)))
            refusals = session.scalar(select(func.count()).select_from(Refusal))
    finally:
        db.close()
    found = set(rows)
    seqs = [b.seq for b in bundles]
    missing_blobs = sum(1 for b in bundles if not _blob_ok(intake.home, b.file_sha256, file_sha256))
    sent = {file_sha256(work / b["path"]) for b in manifest["bundles"]}
    return {
        "sheets": len(found & expected),
        "lost": len(expected - found),
        "duplicated": (len(rows) - len(found)) + len(found - expected) + (len(bundles) - len({b.file_sha256 for b in bundles})),
        "bundles": len(bundles), "bundles_lost": len(sent - {b.file_sha256 for b in bundles}),
        "seq_gapless": sorted(seqs) == list(range(1, len(seqs) + 1)),
        "blobs_bad": missing_blobs, "refusals": refusals,
    }


def _blob_ok(home: Path, digest: str, hasher) -> bool:
    from service.home import IntakeHome

    path = IntakeHome(home).blobs.path(digest)
    return path.is_file() and hasher(path) == digest


def run(backend_name: str, manifest: dict, work: Path) -> dict | None:
    from tests.support.intake import Backend, PostgresCluster, postgres_bin, start_intake

    cluster = None
    if backend_name == "postgresql":
        bin_dir = postgres_bin()
        if bin_dir is None:
            print("postgresql: skipped (Debian package postgresql not installed)")
            return None
        cluster = PostgresCluster(bin_dir).start()
    home = Path(tempfile.mkdtemp(prefix=f"intake-city-{backend_name}-", dir=work))
    try:
        intake = start_intake(home, Backend(backend_name, cluster))
        try:
            for package in manifest["packages"]:  # one round per district, as `intake add-package` does
                from service.home import IntakeHome
                from service.intake import add_package

                db = intake.database()
                try:
                    add_package(db, IntakeHome(intake.home), work / package)
                finally:
                    db.close()
            per_client: dict[tuple, list[Upload]] = {}
            for b in manifest["bundles"]:
                per_client.setdefault((b["district"], b["expert_id"]), []).append(
                    Upload(b["district"], b["expert_id"], work / b["path"], b["sheets"]))
            pid = intake.process.process.pid
            release = threading.Barrier(len(per_client) + 1)
            threads = [threading.Thread(target=_client, args=(intake, uploads, release), daemon=True)
                       for uploads in per_client.values()]
            for thread in threads:
                thread.start()
            cpu_before, clients_before = _cpu_seconds(pid), _own_cpu_seconds()
            load = os.getloadavg()[0]
            release.wait()
            started = time.perf_counter()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - started
            cpu = _cpu_seconds(pid) - cpu_before
            client_cpu = _own_cpu_seconds() - clients_before
            peak_kb = _proc_status(pid, "VmHWM")
        finally:
            intake.process.stop()
        errors = intake.process.errors()
        uploads = [u for us in per_client.values() for u in us]
        checked = _check_database(intake, manifest, work)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(home, ignore_errors=True)
    failed = [u for u in uploads if u.status not in ("accepted", "already")]
    unlisted = sum(1 for u in uploads if u not in failed and {tuple(s) for s in u.sheets} - set(u.receipt_sheets))
    latencies = [u.finished - u.started for u in uploads if u.status in ("accepted", "already")]
    return {
        "backend": backend_name, "clients": len(per_client), "uploads": len(uploads),
        "bytes": sum(u.path.stat().st_size for u in uploads), "wall": wall,
        "sheets_per_s": checked["sheets"] / wall, "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": _p95(latencies) if latencies else float("nan"), "peak_mb": (peak_kb or 0) / 1024, "cpu": cpu,
        "client_cpu": client_cpu, "load": load,
        "failed": len(failed), "first_failure": failed[0].status if failed else "",
        "receipt_unlisted": unlisted, "client_seq_dupes": len(uploads) - len({u.seq for u in uploads}),
        "tracebacks": errors.count("Traceback"), **checked,
    }


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(r: dict) -> None:
    print(f"\n{r['backend']}: {r['clients']} clients, {r['uploads']} uploads ({r['bytes'] / 2**20:.0f} MiB), "
          f"{r['sheets']} sheets on record")
    print(f"  {r['sheets_per_s']:7.1f} sheets/s   ({r['wall']:.1f} s from release to the last receipt)")
    print(f"  acceptance latency per bundle: p50 {r['p50']:.2f} s, p95 {r['p95']:.2f} s")
    print(f"  server peak RSS {r['peak_mb']:.0f} MiB, server CPU {r['cpu']:.0f} s, the clients' CPU "
          f"{r['client_cpu']:.0f} s (one process); machine load average {r['load']:.1f} at release")
    print(f"  lost {r['lost']}, duplicated {r['duplicated']}  (bundles lost {r['bundles_lost']}, "
          f"refusals {r['refusals']}, receipt numbers gapless {r['seq_gapless']}, bad blobs {r['blobs_bad']}, "
          f"receipts not listing a sent sheet {r['receipt_unlisted']}, server tracebacks {r['tracebacks']})")
    if r["failed"]:
        print(f"  {r['failed']} uploads failed; first: {r['first_failure']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "reviewdesk-intake-city")
    parser.add_argument("--small", action="store_true", help="2 districts × 3 experts × 6 applicants: a quick check")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--batch", type=int, help="sheets signed between two syncs (default 5; 3 with --small)")
    options = parser.parse_args(argv)
    size = dict(SMALL if options.small else FULL)
    if options.batch:
        size["batch"] = options.batch
    work = options.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    _use_throwaway_keyring(work / "keyring")
    manifest = build_city(work, size)
    print(f"city: {size['districts']} districts × {size['experts']} experts × {size['applicants']} applicants = "
          f"{size['districts'] * size['experts'] * size['applicants']} sheets; a sync every {size['batch']} sheets")
    for backend in (("sqlite", "postgresql") if options.backend == "both" else (options.backend,)):
        result = run(backend, manifest, work)
        if result:
            report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
