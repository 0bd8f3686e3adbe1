"""The bureau's intake in tests: a round whose package assigns not everyone everything, a real
`reviewdesk intake serve` process on a random port, a throwaway PostgreSQL cluster, a TCP proxy
that cuts connections or answers 5xx, and a headless Chromium for the dashboard."""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from review_model import crypto
from review_model.exchange.container import SigningKey
from review_model.exchange.package_build import build_package
from tests.support.panel_round import PanelRound, make_panel_round

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class IntakeRound:
    """The panel round (E01 the chair, E02, E03; A01–A03), rebuilt so that E03 is not assigned A03,
    signed by a bureau key the test holds (the bureau reads the round on the intake)."""

    panel: PanelRound
    bureau: SigningKey

    @property
    def package(self) -> Path:
        return self.panel.package

    def bundle(self, *args, **kwargs) -> Path:
        return self.panel.bundle(*args, **kwargs)


def make_intake_round(root: Path, round_id: str = "2026-PANEL") -> IntakeRound:
    import json

    panel = make_panel_round(root, experts=3)
    spec_round = root / "spec" / "round.json"
    spec_round.write_text(json.dumps({**json.loads(spec_round.read_text(encoding="utf-8")), "round_id": round_id},
                                     ensure_ascii=False), encoding="utf-8")
    experts = root / "spec" / "experts.csv"
    lines = experts.read_text(encoding="utf-8").splitlines()
    lines = [line.replace(",*", ",A01 A02") if line.startswith("E03,") else line for line in lines]
    experts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bureau = SigningKey("B01", "区人力资源局", "bureau", crypto.new_seed())
    panel.package = root / "intake-round.rvpkg"
    build_package(root / "spec", panel.package, bureau)
    panel.bureau_fingerprint = crypto.fingerprint(bureau.public_raw)
    return IntakeRound(panel, bureau)


def with_photos(source: Path, out: Path, key: SigningKey, package: Path, megabytes: int, pieces: int = 20) -> Path:
    """`source` re-signed with `megabytes` of site photos (random bytes: incompressible, as JPEGs are),
    named by its first sheet, as an expert back from a site visit would send it."""
    import hashlib

    from tests.support.forge_returns import forge_return

    photos = {}
    for index in range(pieces):
        data = os.urandom(megabytes * (1 << 20) // pieces)
        photos[hashlib.sha256(data).hexdigest()] = (index, data)
    first: list[bool] = []

    def sheets(entry, doc):
        if first:
            return False
        first.append(True)
        doc["photos"] = [{"item_code": "1.1", "sha256": digest, "original_sha256": digest,
                          "original_name": f"IMG_{index:04d}.jpg", "taken_at": None, "caption": "现场"}
                         for digest, (index, _) in sorted(photos.items())]
        return True

    def listing(listed):
        listed["photos_included"] = True
        listed["photos"] = sorted(photos)

    def members(content):
        for digest, (_, data) in photos.items():
            content[f"photos/{digest}.jpg"] = data

    return forge_return(source, out, key, package, sheets=sheets, listing=listing, members=members)


def reviewdesk_command(*args) -> list[str]:
    return [sys.executable, "-m", "desktop.cli", *map(str, args)]


@dataclass
class IntakeProcess:
    """A running `reviewdesk intake serve` (its own process group, so a SIGKILL takes it all)."""

    home: Path
    db: str | None
    extra: tuple = ()
    url: str = ""
    process: subprocess.Popen | None = None
    log: list[str] = field(default_factory=list)

    def start(self, port: int = 0, timeout: float = 60) -> IntakeProcess:
        """Start and wait for its `listening on URL` line. Its output goes to files in the home (a
        pipe nobody reads would block the server once full)."""
        args = ["--home", self.home, "intake", "serve", "--port", port, *self.extra]
        if self.db:
            args += ["--db", self.db]
        self.home.mkdir(parents=True, exist_ok=True)
        runs = len(self.log)
        out, err = self.home / f"serve-{runs}.out", self.home / f"serve-{runs}.err"
        self.log.append(str(err))
        with open(out, "w") as stdout, open(err, "w") as stderr:
            self.process = subprocess.Popen(reviewdesk_command(*args), stdout=stdout, stderr=stderr, text=True,
                                            cwd=ROOT, env=os.environ.copy(), start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in out.read_text(encoding="utf-8").splitlines():
                if line.startswith("listening on "):
                    self.url = line.split(" ", 2)[2].strip()
                    return self
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"intake did not start: {err.read_text(encoding='utf-8')[-2000:]}")

    def errors(self) -> str:
        """What the server wrote to stderr (tracebacks of unexpected errors), over all its runs."""
        return "".join(Path(p).read_text(encoding="utf-8") for p in self.log)

    @property
    def port(self) -> int:
        return int(re.search(r":(\d+)$", self.url).group(1))

    def kill(self) -> None:
        """SIGKILL, as a power cut or the OOM killer would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.process.returncode


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- PostgreSQL: a throwaway cluster -------------------------------------------------------------
def postgres_bin() -> Path | None:
    """Debian's PostgreSQL binaries (/usr/lib/postgresql/N/bin are not on PATH by default)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return versions[-1].parent if versions else None


class PostgresCluster:
    """initdb + pg_ctl in a temporary folder, on 127.0.0.1 and a free port; as the `postgres` (or
    `nobody`) user when the tests run as root, since initdb refuses root."""

    def __init__(self, bin_dir: Path) -> None:
        import pwd
        import tempfile

        self.bin = bin_dir
        self.dir = Path(tempfile.mkdtemp(prefix="reviewdesk-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    entry = pwd.getpwnam(name)
                except KeyError:
                    continue
                self.user = name
                os.chown(self.dir, entry.pw_uid, entry.pw_gid)
                break

    def _run(self, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(a) for a in args]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120, cwd=self.dir)

    def start(self) -> PostgresCluster:
        self._run(self.bin / "initdb", "-D", self.data, "-U", "intake", "--auth=trust", "-E", "UTF8", "--no-locale",
                  "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=on -c max_connections=100"
        self._run(self.bin / "pg_ctl", "-D", self.data, "-l", self.dir / "log", "-o", options, "-w", "start")
        return self

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://intake@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=intake dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop", check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


# --- a TCP proxy that cuts connections or answers 5xx ---------------------------------------------
class FaultyProxy:
    """Between the client and the intake on 127.0.0.1. `cut=(lo, hi)`: every connection is cut after
    a random number of bytes from the client in [lo, hi]; `fail_first=n`: the first n connections get
    `status` (500/503) and are closed, as a sick load balancer would."""

    def __init__(self, upstream_port: int, *, cut: tuple[int, int] | None = None, fail_first: int = 0,
                 status: int = 503, seed: int = 12) -> None:
        import random

        self.upstream_port, self.cut, self.fail_first, self.status = upstream_port, cut, fail_first, status
        self.random = random.Random(seed)
        self.cuts = self.failed = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        self._server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        if self.failed < self.fail_first:
            self.failed += 1
            client.settimeout(5)
            head = b""
            try:
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    chunk = client.recv(4096)
                    if not chunk:
                        break
                    head += chunk
                reason = {500: "Internal Server Error", 503: "Service Unavailable"}.get(self.status, "Error")
                client.sendall(f"HTTP/1.1 {self.status} {reason}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                               .encode())
            except OSError:
                pass
            client.close()
            return
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        except OSError:
            client.close()
            return
        budget = self.random.randint(*self.cut) if self.cut else None
        done = threading.Event()

        def close_both() -> None:
            done.set()
            for sock in (client, upstream):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

        def pump(source: socket.socket, target: socket.socket, counted: bool) -> None:
            nonlocal budget
            try:
                while not done.is_set():
                    data = source.recv(65536)
                    if not data:
                        break
                    if counted and budget is not None:
                        if len(data) >= budget:
                            target.sendall(data[:budget])
                            self.cuts += 1
                            break
                        budget -= len(data)
                    target.sendall(data)
            except OSError:
                pass
            close_both()

        threading.Thread(target=pump, args=(upstream, client, False), daemon=True).start()
        pump(client, upstream, True)

    def close(self) -> None:
        self._stop.set()
        self._server.close()


# --- headless Chromium -----------------------------------------------------------------------------
def chromium(user_data_dir: Path, size: str = "1366,900"):
    """Selenium on Debian's chromium + chromium-driver, headless, with no traffic of its own."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                 "--disable-dev-shm-usage", f"--user-data-dir={user_data_dir}", f"--window-size={size}",
                 "--lang=zh-CN"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver")), options=options)


# --- fixtures (registered for the suite by tests/conftest.py's pytest_plugins) ----------------------
import itertools  # noqa: E402

import pytest  # noqa: E402

_rounds = itertools.count(1)


def _required(found, what: str):
    if found:
        return found
    if os.environ.get("REVIEWDESK_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{what} is required in CI but not installed")
    pytest.skip(f"{what} not installed")


@pytest.fixture(scope="session")
def postgres():
    bin_dir = _required(postgres_bin(), "PostgreSQL (Debian package postgresql)")
    cluster = PostgresCluster(bin_dir).start()
    yield cluster
    cluster.stop()


@dataclass
class Backend:
    name: str
    cluster: PostgresCluster | None = None
    _databases: itertools.count = field(default_factory=lambda: itertools.count(1))

    def new_url(self) -> str | None:
        """A database of its own for a new intake: None means SQLite in the intake's home."""
        if self.cluster is None:
            return None
        return self.cluster.create_database(f"intake_{os.getpid()}_{next(self._databases)}")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def intake_backend(request):
    if request.param == "postgresql":
        return Backend("postgresql", request.getfixturevalue("postgres"))
    return Backend("sqlite")


@dataclass
class RunningIntake:
    process: IntakeProcess
    db_url: str

    @property
    def url(self) -> str:
        return self.process.url

    @property
    def home(self) -> Path:
        return self.process.home

    def public_key(self) -> bytes:
        from service.home import IntakeHome, public_key

        return public_key(IntakeHome(self.home))

    def database(self):
        from service.db import Database

        return Database(self.db_url)

    def add(self, round_: IntakeRound) -> None:
        from service.home import IntakeHome
        from service.intake import add_package

        db = self.database()
        try:
            add_package(db, IntakeHome(self.home), round_.package)
        finally:
            db.close()

    def client(self, **options):
        from review_model.sync.client import IntakeClient

        options.setdefault("backoff", 0.05)
        return IntakeClient(options.pop("url", self.url), self.public_key(), **options)


def start_intake(home: Path, backend: Backend, *extra) -> RunningIntake:
    url = backend.new_url()
    process = IntakeProcess(home, url, tuple(str(e) for e in extra)).start()
    return RunningIntake(process, url or f"sqlite:///{home / 'intake' / 'intake.db'}")


@pytest.fixture(scope="session")
def intake(intake_backend, tmp_path_factory):
    """One intake process per backend for the session; tests open rounds of their own on it."""
    running = start_intake(tmp_path_factory.mktemp(f"intake-{intake_backend.name}"), intake_backend)
    yield running
    assert running.process.stop() == 0
    assert "Traceback" not in running.process.errors()  # no request ended in an unexpected error


@pytest.fixture
def intake_round(intake, tmp_path) -> IntakeRound:
    """A fresh round (its own round id) opened on the session's intake."""
    round_ = make_intake_round(tmp_path / "round", f"2026-T{os.getpid()}-{next(_rounds)}")
    intake.add(round_)
    return round_
