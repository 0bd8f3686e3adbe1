"""Talking to the bureau's intake service (service/, docs/formats.md "The intake service").

`IntakeClient.deliver(bundle)` sends one bundle through the resumable upload protocol and returns
the intake's receipt only after checking it (the intake's key, the file's SHA-256 and size); a
refusal raises INTAKE_REFUSED with the intake's reason code; a link that keeps failing raises
INTAKE_UNREACHABLE after `attempts` tries in a row without progress (every byte that got through
is kept by the intake, so the next call resumes). Reads (`login`, `bundles`, `download`) are for
the chair's pull and the bureau's scripts: the reader signs a challenge with its own key.
"""
from __future__ import annotations

import hashlib
import random
import ssl
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from .. import crypto
from ..errors import Code, Problem
from ..exchange.container import SigningKey
from .receipt import Receipt, check_receipt

READ_CONTEXT = "reviewdesk-intake-read/1"  # what a reader signs (service/auth.py read_message)
OFFSET_TYPE = "application/offset+octet-stream"
PIECE = 256 * 1024
RETRYABLE_STATUS = {500, 502, 503, 504, 507}


@dataclass(frozen=True)
class Delivery:
    status: str  # accepted (new) | already (these bytes were accepted before: the same receipt)
    receipt: Receipt
    receipt_bytes: bytes
    signature: str


Source = Path | bytes | bytearray | memoryview  # a bundle file, or a bundle's bytes (a sealed outbox copy, opened)


def _sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class _Retry(Exception):
    def __init__(self, detail: str, wait: float | None = None) -> None:
        super().__init__(detail)
        self.detail, self.wait = detail, wait


class _PinMismatch(Exception):
    def __init__(self, actual: str) -> None:
        super().__init__(actual)
        self.actual = actual


class _PinnedContext(ssl.SSLContext):
    """TLS that trusts exactly one certificate, the one the package pins (issue 12), CA or not.

    The check sits in `wrap_socket`, where httpcore makes every connection's handshake: so it runs
    for each new connection (a keep-alive dropped between two requests included) right after the
    handshake and before the first byte of HTTP. Checking the response's network stream instead
    would come after a request had been sent. The exception is not an OSError, so neither httpcore
    nor httpx turns it into a ConnectError that the client would retry."""

    pin: str = ""

    def wrap_socket(self, *args, **kwargs):
        sock = super().wrap_socket(*args, **kwargs)
        try:
            if not kwargs.get("do_handshake_on_connect", True):
                sock.do_handshake()
            der = sock.getpeercert(binary_form=True) or b""
        except BaseException:
            sock.close()
            raise
        actual = hashlib.sha256(der).hexdigest()
        if actual != self.pin:
            sock.close()  # the wrapped socket owns the connection now
            raise _PinMismatch(actual)
        return sock


def pinned_context(tls_sha256: str) -> ssl.SSLContext:
    """A client context for an intake whose certificate the package pins: no CA and no host name
    decide (a bureau's own certificate is self-signed); the SHA-256 of the leaf certificate does."""
    context = _PinnedContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.pin = tls_sha256
    return context


class IntakeClient:
    def __init__(self, url: str, intake_public_raw: bytes, *, verify: bool | str | ssl.SSLContext = True,
                 tls_sha256: str = "", timeout: float = 30.0,
                 attempts: int = 8, backoff: float = 0.5, backoff_cap: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep, transport: httpx.BaseTransport | None = None) -> None:
        """`tls_sha256`: the package's pin of the intake's certificate; with it, `verify` is not used."""
        self.url = url.rstrip("/")
        self.intake_public_raw = intake_public_raw
        self.tls_sha256 = tls_sha256
        self.attempts, self.backoff, self.backoff_cap, self._sleep = attempts, backoff, backoff_cap, sleep
        if tls_sha256:
            verify = pinned_context(tls_sha256)
        elif isinstance(verify, str):  # a CA file, or the intake's own self-signed certificate
            verify = ssl.create_default_context(cafile=verify)
        self._http = httpx.Client(base_url=self.url, verify=verify, transport=transport,
                                  timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                                  headers={"User-Agent": "ReviewDesk"})
        self._token: str | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> IntakeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- delivering ------------------------------------------------------------------------------
    def deliver(self, source: Source, progress: Callable[[int, int], None] | None = None, *,
                upload_url: str | None = None, on_upload: Callable[[str], None] | None = None) -> Delivery:
        """Upload the bundle file at `source` (or these bytes: the outbox of a sealed home opens its
        copy into memory, and the intake receives the plain signed bundle) until the intake answers
        for it (module docstring).

        `on_upload(url)` is told the transfer's address as soon as the intake gives it; an outbox
        that keeps it can pass it back as `upload_url` after its own crash, to resume the transfer
        instead of starting it again."""
        if isinstance(source, (bytes, bytearray, memoryview)):
            path: Source = memoryview(source)
            digest, size = hashlib.sha256(path).hexdigest(), len(path)
        else:
            path = Path(source)
            try:
                digest, size = _sha256_file(path)
            except OSError:
                raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
        failures, best, last = 0, 0, ""
        offset, resync = 0, upload_url is not None
        while True:
            try:
                if resync and upload_url is not None:
                    resync = False
                    known = self._offset(upload_url)
                    if known is None:  # the intake no longer knows the transfer: start again
                        upload_url = None
                    else:
                        if known > best:  # bytes got through since the last failure: not stuck
                            failures, best = 0, known
                        offset = known
                if upload_url is None:
                    answer = self._create(digest, size)
                    if isinstance(answer, Delivery):
                        return answer
                    upload_url, offset = answer, 0
                    if on_upload:
                        on_upload(upload_url)
                offset = self._send(upload_url, path, size, offset, progress)
                if offset < size:
                    raise _Retry("transfer interrupted")
                result = self._complete(upload_url, digest, size)
                if result is None:  # the intake lost the transfer or found it corrupt: start again
                    upload_url = None
                    raise _Retry("transfer restarted")
                return result
            except _Retry as retry:
                failures += 1
                last = retry.detail
                if failures >= self.attempts:
                    code = Code.INTAKE_DISK_FULL if last == "disk_full" else Code.INTAKE_UNREACHABLE
                    raise Problem(code, url=self.url, detail=last) from None
                self._sleep(retry.wait if retry.wait is not None else self._delay(failures))
                resync = True

    def _delay(self, failures: int) -> float:
        return min(self.backoff_cap, self.backoff * 2 ** (failures - 1)) * (0.5 + random.random() / 2)

    def _once(self, method: str, url: str, **kwargs) -> httpx.Response:
        """One request for a read: a passing fault is the caller's to retry later, said as a Problem."""
        try:
            return self._request(method, url, **kwargs)
        except _Retry as retry:
            code = Code.INTAKE_DISK_FULL if retry.detail == "disk_full" else Code.INTAKE_UNREACHABLE
            raise Problem(code, url=self.url, detail=retry.detail) from None

    def _request(self, method: str, url: str, **kwargs) -> httpx.Response:
        if self.tls_sha256 and not self.url.startswith("https://"):  # a pin means TLS, even with --url
            raise Problem(Code.INTAKE_CERT_MISMATCH, url=self.url, expected=self.tls_sha256, actual="http://")
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TransportError as exc:
            raise _Retry(f"{type(exc).__name__}: {exc}") from None
        except _PinMismatch as mismatch:  # not a passing fault: trying again would reach the same server
            raise Problem(Code.INTAKE_CERT_MISMATCH, url=self.url, expected=self.tls_sha256,
                          actual=mismatch.actual) from None
        if response.status_code in RETRYABLE_STATUS:
            wait = response.headers.get("retry-after")
            detail = f"HTTP {response.status_code}"
            if response.status_code == 507:
                detail = "disk_full"
            raise _Retry(detail, min(float(wait), self.backoff_cap) if wait and wait.isdigit() else None)
        return response

    def _json(self, response: httpx.Response) -> dict:
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise Problem(Code.INTAKE_ANSWER_INVALID, url=self.url, detail=f"HTTP {response.status_code}")
        return data

    def _create(self, digest: str, size: int) -> str | Delivery:
        response = self._request("POST", "/v1/uploads", json={"sha256": digest, "size": size})
        if response.status_code == 201:
            location = self._json(response).get("upload_url")
            if not isinstance(location, str) or not location.startswith("/v1/uploads/"):
                raise Problem(Code.INTAKE_ANSWER_INVALID, url=self.url, detail="upload_url")
            return location
        return self._outcome(response, digest, size)

    def _body(self, path: Source, offset: int, size: int, progress) -> Iterator[bytes]:
        if isinstance(path, memoryview):
            for start in range(offset, size, PIECE):
                yield bytes(path[start:start + PIECE])
                if progress:
                    progress(min(start + PIECE, size), size)
            return
        with open(path, "rb") as handle:
            handle.seek(offset)
            sent = offset
            while sent < size:
                piece = handle.read(min(PIECE, size - sent))
                if not piece:
                    return
                sent += len(piece)
                yield piece
                if progress:
                    progress(sent, size)

    def _send(self, upload_url: str, path: Source, size: int, offset: int, progress) -> int:
        """PATCH the rest of the file from `offset`; the intake's offset afterwards."""
        if offset >= size:
            return offset
        headers = {"Content-Type": OFFSET_TYPE, "Upload-Offset": str(offset), "Content-Length": str(size - offset)}
        response = self._request("PATCH", upload_url, headers=headers,
                                 content=self._body(path, offset, size, progress))
        if response.status_code == 204 and response.headers.get("upload-offset", "").isdigit():
            return int(response.headers["upload-offset"])
        if response.status_code == 409 and response.headers.get("upload-offset", "").isdigit():
            return int(response.headers["upload-offset"])  # the intake is elsewhere: go on from there
        if response.status_code == 404:
            raise _Retry("transfer expired")
        error = self._json(response).get("error", "")
        if error == "too_large":
            raise Problem(Code.INTAKE_REFUSED, reason="too_large", detail="", applicant="", revision="")
        raise Problem(Code.INTAKE_ANSWER_INVALID, url=self.url, detail=f"HTTP {response.status_code} {error}")

    def _offset(self, upload_url: str) -> int | None:
        """The intake's offset for the transfer; None when it no longer knows the transfer."""
        response = self._request("HEAD", upload_url)
        if response.status_code == 404:
            return None
        value = response.headers.get("upload-offset", "")
        if not value.isdigit():
            raise Problem(Code.INTAKE_ANSWER_INVALID, url=self.url, detail="Upload-Offset")
        return int(value)

    def _complete(self, upload_url: str, digest: str, size: int) -> Delivery | None:
        response = self._request("POST", f"{upload_url}/complete")
        if response.status_code == 404:
            return None
        if response.status_code == 409:
            raise _Retry("transfer incomplete")
        if response.status_code == 422 and self._json(response).get("reason") == "upload_corrupt":
            return None
        return self._outcome(response, digest, size)

    def _outcome(self, response: httpx.Response, digest: str, size: int) -> Delivery:
        if response.status_code == 413:
            raise Problem(Code.INTAKE_REFUSED, reason="too_large", detail="", applicant="", revision="")
        data = self._json(response)
        if response.status_code == 422 and data.get("outcome") == "refused":
            problem = data.get("problem") or {}
            params = problem.get("params") or {}
            raise Problem(Code.INTAKE_REFUSED, reason=str(data.get("reason", "")),
                          detail=str(params.get("reason") or problem.get("code") or ""),
                          applicant=str(params.get("applicant", "")), revision=str(params.get("revision", "")))
        if response.status_code != 200 or data.get("outcome") not in ("accepted", "already"):
            raise Problem(Code.INTAKE_ANSWER_INVALID, url=self.url, detail=f"HTTP {response.status_code}")
        text, signature = data.get("receipt"), data.get("signature")
        if not isinstance(text, str) or not isinstance(signature, str):
            raise Problem(Code.RECEIPT_INVALID, detail="missing")
        receipt_bytes = text.encode("utf-8")
        receipt = check_receipt(receipt_bytes, signature, self.intake_public_raw, digest, size)
        return Delivery(data["outcome"], receipt, receipt_bytes, signature)

    def receipt(self, file_sha256: str) -> Delivery | None:
        """The intake's receipt for a file it accepted (checked), or None if it has none."""
        data = self._once("GET", f"/v1/receipts/{file_sha256}.json")
        if data.status_code == 404:
            return None
        signature = self._once("GET", f"/v1/receipts/{file_sha256}.sig")
        receipt = check_receipt(data.content, signature.text.strip(), self.intake_public_raw, file_sha256)
        return Delivery("already", receipt, data.content, signature.text.strip())

    # --- reading (the chair's pull, the bureau's scripts) -------------------------------------------
    def login(self, key: SigningKey) -> list[str]:
        """Sign the intake's challenge with `key`; return the rounds this key may read."""
        challenge = self._json(self._once("POST", "/v1/challenge"))
        text = challenge.get("challenge")
        if not isinstance(text, str):
            raise Problem(Code.INTAKE_ANSWER_INVALID, url=self.url, detail="challenge")
        message = f"{READ_CONTEXT}\n{crypto.fingerprint(self.intake_public_raw)}\n{text}".encode()
        response = self._once("POST", "/v1/session", json={
            "public_key_pem": crypto.public_pem(key.public_raw), "challenge": text,
            "signature": crypto.b64(crypto.sign(key.seed, message))})
        if response.status_code == 403:
            raise Problem(Code.INTAKE_READ_DENIED, url=self.url, fingerprint=crypto.fingerprint(key.public_raw))
        data = self._json(response)
        self._token = data.get("token")
        return list(data.get("rounds") or [])

    def _read(self, url: str) -> httpx.Response:
        response = self._once("GET", url, headers={"Authorization": f"Bearer {self._token or ''}"})
        if response.status_code in (401, 403):
            raise Problem(Code.INTAKE_READ_DENIED, url=self.url, fingerprint="")
        return response

    def bundles(self, round_id: str) -> list[dict]:
        return list(self._json(self._read(f"/v1/rounds/{round_id}/bundles")).get("bundles") or [])

    def state(self, round_id: str) -> dict:
        return self._json(self._read(f"/v1/rounds/{round_id}/state"))

    def download(self, round_id: str, file_sha256: str) -> bytes:
        """A bundle's bytes, checked against the SHA-256 the intake listed."""
        response = self._read(f"/v1/rounds/{round_id}/bundles/{file_sha256}")
        if response.status_code != 200 or hashlib.sha256(response.content).hexdigest() != file_sha256:
            raise Problem(Code.INTAKE_ANSWER_INVALID, url=self.url, detail=f"bundle {file_sha256[:16]}")
        return response.content
