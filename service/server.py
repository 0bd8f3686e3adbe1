"""Running the intake: uvicorn on one socket, TLS by uvicorn itself, a clean stop on SIGTERM.

Bundles carry unpublished scores and notes: plain HTTP is served only on a loopback address, or
when the operator says so (`--unsafe-plain-http`, e.g. behind a TLS proxy on the same machine).
"""
from __future__ import annotations

import ipaddress
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from review_model.errors import Code, Problem
from review_model.store.blobs import write_durably

from .db import Database
from .home import IntakeHome, receipt_key
from .limits import Limits


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8470
    db_url: str | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    unsafe_plain_http: bool = False
    limits: Limits = Limits()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_transport(options: ServeOptions) -> None:
    if (options.tls_cert is None) != (options.tls_key is None):
        raise Problem(Code.INTAKE_PLAIN_HTTP, host=options.host, detail="tls")
    for path in (options.tls_cert, options.tls_key):
        if path is not None and not path.is_file():
            raise Problem(Code.FILE_UNREADABLE, path=str(path))
    if options.tls_cert is None and not is_loopback(options.host) and not options.unsafe_plain_http:
        raise Problem(Code.INTAKE_PLAIN_HTTP, host=options.host, detail="")


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise Problem(Code.INTAKE_PORT_BUSY, url=f"{host}:{port}", detail=exc.strerror or str(exc)) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(home_path: Path, options: ServeOptions, announce=print) -> int:
    """Serve until SIGTERM/SIGINT; `announce` gets `listening on URL` once requests are answered."""
    # the web server loads only for `intake serve`
    import uvicorn

    from .app import Service, create_app

    check_transport(options)
    home = IntakeHome(home_path)
    db = Database(options.db_url or home.default_db())
    key = receipt_key(home)
    service = Service(db, home, key, options.limits, secure_cookies=options.tls_cert is not None)
    service.transfers.expire(strays=True)
    sock = _bind(options.host, options.port)
    scheme = "https" if options.tls_cert else "http"
    host = f"[{options.host}]" if ":" in options.host else options.host
    url = f"{scheme}://{host}:{sock.getsockname()[1]}"
    config = uvicorn.Config(
        create_app(service), log_level="warning", access_log=False, lifespan="off",
        ssl_certfile=str(options.tls_cert) if options.tls_cert else None,
        ssl_keyfile=str(options.tls_key) if options.tls_key else None,
        timeout_keep_alive=15, timeout_graceful_shutdown=10, limit_concurrency=200,
        h11_max_incomplete_event_size=64 * 1024,  # request line and headers; bodies are streamed
    )

    class _Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            super().handle_exit(sig, frame)
            # uvicorn re-raises the signal after its graceful shutdown, so the process would end
            # "killed by SIGTERM"; a stop on request is a clean stop: exit status 0.
            self._captured_signals.clear()

        async def startup(self, sockets=None) -> None:
            await super().startup(sockets)
            if self.started:
                write_durably(home.serving_file, json.dumps({"url": url, "pid": os.getpid()}).encode("utf-8"))
                announce(f"listening on {url}")
                sys.stdout.flush()

    server = _Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
        home.serving_file.unlink(missing_ok=True)
        db.close()
    return 0
