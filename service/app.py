"""The intake's HTTP API and dashboard (FastAPI); docs/formats.md documents every route.

Uploads need no account: a bundle is authenticated by its own signature when it is complete.
Reads need a session token from a signed challenge (the API) or a one-time login link (the
dashboard). Blocking work (the database, hashing, the domain's verification) runs in worker
threads; only the streaming of request bodies runs in the event loop.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import anyio
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from starlette.requests import ClientDisconnect

from review_model.errors import Problem

from . import dashboard, state
from .auth import Auth, Reader
from .db import Database
from .home import IntakeHome, ReceiptKey, public_identity
from .intake import Intake, Outcome, Reason, is_disk_full
from .limits import Limits
from .models import Bundle, Round
from .transfers import SHA256, TransferError, Transfers

COOKIE = "reviewdesk_dashboard"
OFFSET_TYPE = "application/offset+octet-stream"


@dataclass
class Service:
    db: Database
    home: IntakeHome
    key: ReceiptKey
    limits: Limits
    secure_cookies: bool = False

    def __post_init__(self) -> None:
        self.intake = Intake(self.db, self.home, self.key, self.limits)
        self.transfers = Transfers(self.db, self.home, self.limits)
        self.auth = Auth(self.db, self.key.fingerprint)
        self.verifiers = anyio.CapacityLimiter(self.limits.verifiers)


def _error(status: int, error: str, **extra) -> JSONResponse:
    headers = {}
    if extra.get("offset") is not None:
        headers["Upload-Offset"] = str(extra["offset"])
    if extra.get("retry_after"):
        headers["Retry-After"] = str(extra.pop("retry_after"))
    return JSONResponse({"error": error, **{k: v for k, v in extra.items() if v is not None}}, status, headers=headers)


async def _small_json(request: Request, limit: int) -> dict | None:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def create_app(service: Service) -> FastAPI:
    app = FastAPI(title="ReviewDesk intake", docs_url=None, redoc_url=None, openapi_url="/v1/openapi.json")
    app.state.service = service
    run = anyio.to_thread.run_sync

    @app.exception_handler(OSError)
    async def _os_error(request: Request, exc: OSError):
        if is_disk_full(exc):
            return _error(507, "disk_full", retry_after=600)
        raise exc

    @app.exception_handler(OperationalError)
    async def _db_error(request: Request, exc: OperationalError):
        if is_disk_full(exc):
            return _error(507, "disk_full", retry_after=600)
        return _error(503, "database_unavailable", retry_after=10)

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem):
        if exc.code.value == "intake_disk_full":
            return _error(507, "disk_full", retry_after=600)
        return _error(503, exc.code.value, retry_after=10)

    # --- public -------------------------------------------------------------------------------
    @app.get("/v1/health")
    def health():
        return {"ok": True, "intake_fingerprint": service.key.fingerprint}

    @app.get("/v1/key")
    def key():
        return Response(public_identity(service.home, service.key), media_type="application/json")

    @app.get("/static/cjk-{digest}.ttf")
    def cjk_font(digest: str):
        """The app's own CJK font (review_model/fonts.py), so the dashboard reads in Chinese on a
        browser without Chinese fonts too."""
        data, expected = dashboard.font()
        if digest != expected:
            return _error(404, "not_found")
        return Response(data, media_type="font/ttf", headers={"Cache-Control": "public, max-age=31536000, immutable"})

    @app.get("/v1/receipts/{name}")
    def receipt(name: str):
        """The receipt for a bundle file by its SHA-256: `<sha>.json` (the signed bytes) or `<sha>.sig`."""
        found = re.fullmatch(r"([0-9a-f]{64})\.(json|sig)", name)
        if not found:
            return _error(404, "no_such_receipt")
        with service.db.session() as session:
            row = session.scalars(select(Bundle).where(Bundle.file_sha256 == found.group(1))).first()
        if row is None:
            return _error(404, "no_such_receipt")
        if found.group(2) == "json":
            return Response(row.receipt.encode("utf-8"), media_type="application/json")
        return Response(row.receipt_signature + "\n", media_type="text/plain")

    # --- uploads (docs/formats.md, "Uploads") ----------------------------------------------------
    @app.post("/v1/uploads")
    async def create_upload(request: Request):
        data = await _small_json(request, service.limits.max_json)
        if data is None or not isinstance(data.get("sha256"), str) or not isinstance(data.get("size"), int):
            return _error(400, "bad_request")
        digest, size = data["sha256"], data["size"]
        if SHA256.fullmatch(digest):
            known = await run(service.intake.known, digest)
            if known is not None:
                return JSONResponse(known.answer(), 422 if known.status == "refused" else 200)
        try:
            transfer = await run(service.transfers.create, digest, size)
        except TransferError as exc:
            return _error(exc.status, exc.error, offset=exc.offset, retry_after=exc.retry_after)
        url = f"/v1/uploads/{transfer.id}"
        return JSONResponse({"upload_url": url, "offset": 0, "size": size}, 201,
                            headers={"Location": url, "Upload-Offset": "0", "Upload-Length": str(size)})

    @app.head("/v1/uploads/{upload_id}")
    def upload_offset(upload_id: str):
        try:
            transfer = service.transfers.get(upload_id)
        except TransferError as exc:
            return Response(status_code=exc.status)
        return Response(status_code=200, headers={"Upload-Offset": str(transfer.offset),
                                                  "Upload-Length": str(transfer.size), "Cache-Control": "no-store"})

    @app.patch("/v1/uploads/{upload_id}")
    async def upload_bytes(upload_id: str, request: Request):
        try:
            transfer = await run(service.transfers.get, upload_id)
            if request.headers.get("content-type", "") != OFFSET_TYPE:
                raise TransferError(415, "content_type")
            try:
                offset = int(request.headers.get("upload-offset", ""))
            except ValueError:
                raise TransferError(400, "bad_offset") from None
            declared = request.headers.get("content-length")
            if declared is not None and declared.isdigit() and offset + int(declared) > transfer.size:
                raise TransferError(413, "too_large", offset=transfer.offset)
            offset = await service.transfers.receive(transfer, offset, request.stream())
        except TransferError as exc:
            return _error(exc.status, exc.error, offset=exc.offset, retry_after=exc.retry_after)
        except ClientDisconnect:
            return Response(status_code=400)  # nobody is listening; the bytes received are kept
        return Response(status_code=204, headers={"Upload-Offset": str(offset)})

    @app.post("/v1/uploads/{upload_id}/complete")
    async def complete_upload(upload_id: str):
        try:
            transfer = await run(service.transfers.get, upload_id)
        except TransferError as exc:
            return _error(exc.status, exc.error)
        async with service.transfers.lock(upload_id):
            if transfer.offset != transfer.size:
                return _error(409, "incomplete", offset=transfer.offset)
            outcome = await run(_complete, service, transfer, limiter=service.verifiers)
        return JSONResponse(outcome.answer(), 422 if outcome.status == "refused" else 200)

    # --- reads: the chair's pull, the bureau's scripts -------------------------------------------
    @app.post("/v1/challenge")
    def challenge():
        token, expires = service.auth.challenge()
        return {"challenge": token, "expires_at": expires, "intake_fingerprint": service.key.fingerprint}

    @app.post("/v1/session")
    async def open_session(request: Request):
        data = await _small_json(request, service.limits.max_json)
        fields = ("public_key_pem", "challenge", "signature")
        if data is None or not all(isinstance(data.get(f), str) for f in fields):
            return _error(400, "bad_request")
        opened = await run(service.auth.open_session, *(data[f] for f in fields))
        if opened is None:
            return _error(403, "read_denied")
        token, expires, rounds = opened
        return {"token": token, "expires_at": expires, "rounds": rounds}

    def _api_reader(request: Request) -> Reader | None:
        header = request.headers.get("authorization", "")
        return service.auth.reader(header[7:] if header.lower().startswith("bearer ") else None)

    def _round(reader: Reader | None, round_id: str) -> Round | None:
        if reader is None or not reader.may_read(round_id):
            return None
        found = state.rounds(service.db, {round_id})
        return found[0] if found else None

    @app.get("/v1/rounds")
    def list_rounds(request: Request):
        reader = _api_reader(request)
        if reader is None:
            return _error(401, "read_denied")
        return {"rounds": [{"round_id": r.round_id, "title": r.title, "package_sha256": r.package_sha256}
                           for r in state.rounds(service.db, reader.rounds)]}

    @app.get("/v1/rounds/{round_id}/state")
    def round_state(round_id: str, request: Request):
        row = _round(_api_reader(request), round_id)
        if row is None:
            return _error(403, "read_denied")
        return state.round_view(service.db, row).as_json()

    @app.get("/v1/rounds/{round_id}/bundles")
    def round_bundles(round_id: str, request: Request):
        row = _round(_api_reader(request), round_id)
        if row is None:
            return _error(403, "read_denied")
        view = state.round_view(service.db, row)
        return {"round_id": round_id, "bundles": [b.__dict__ for b in view.bundles]}

    @app.get("/v1/rounds/{round_id}/bundles/{digest}")
    def round_bundle(round_id: str, digest: str, request: Request):
        return _bundle_file(service, _round(_api_reader(request), round_id), digest)

    # --- the bureau's dashboard ------------------------------------------------------------------
    def _dashboard_reader(request: Request) -> Reader | None:
        return service.auth.reader(request.cookies.get(COOKIE), kind="dashboard")

    @app.get("/login/{token}")
    def login(token: str):
        opened = service.auth.use_login_link(token)
        if opened is None:
            return HTMLResponse(dashboard.login_refused(), 403)
        session_token, _ = opened
        response = RedirectResponse("/dashboard", 303)
        response.set_cookie(COOKIE, session_token, max_age=8 * 3600, httponly=True, samesite="strict",
                            secure=service.secure_cookies, path="/")
        return response

    @app.get("/dashboard")
    def show_dashboard(request: Request, lang: str = "zh"):
        reader = _dashboard_reader(request)
        if reader is None:
            return HTMLResponse(dashboard.login_needed(lang), 401)
        views = [state.round_view(service.db, r) for r in state.rounds(service.db, reader.rounds)]
        return HTMLResponse(dashboard.page(views, lang), headers={"Cache-Control": "no-store"})

    @app.get("/dashboard/{round_id}/bundles/{digest}")
    def dashboard_bundle(round_id: str, digest: str, request: Request):
        return _bundle_file(service, _round(_dashboard_reader(request), round_id), digest)

    return app


def _complete(service: Service, transfer):
    if not service.transfers.digest_matches(transfer):
        service.transfers.forget(transfer.id)
        return Outcome(transfer.sha256, "refused", reason=Reason.UPLOAD_CORRUPT)
    outcome = service.intake.accept(transfer.path, transfer.sha256)
    service.transfers.forget(transfer.id)
    return outcome


def _bundle_file(service: Service, row: Round | None, digest: str):
    if row is None:
        return _error(403, "read_denied")
    with service.db.session() as session:
        bundle = session.scalars(select(Bundle).where(Bundle.round_pk == row.id, Bundle.file_sha256 == digest)).first()
    if bundle is None:
        return _error(404, "no_such_bundle")
    suffix = ".rvret" if bundle.kind == "return" else ".rvres"
    name = f"{row.round_id}-{bundle.expert_id}-{bundle.seq:05d}{suffix}"
    return FileResponse(service.home.blobs.path(digest), media_type="application/zip", filename=name)
