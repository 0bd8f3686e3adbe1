"""The intake's receipt: what the bureau's intake signs when it accepts a bundle (docs/formats.md).

The receipt is canonical JSON (keys sorted, no whitespace, no floats: the signed sheet's rules)
signed with the intake's own Ed25519 key over its exact bytes. It names the bundle by the SHA-256
of the file as sent, so the sender can check it against what it sent and anyone can check it with
OpenSSL. One model here, used by the service to write receipts and by the app to check them.
"""
from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import crypto
from ..errors import Code, Problem
from ..signing.document import SHA256, STAMP, canonical_bytes

RECEIPT_SCHEMA = "reviewdesk-receipt/1"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReceiptSheet(_Strict):
    applicant_id: str
    revision: int = Field(ge=1)
    json_sha256: str = Field(pattern=SHA256)


class Receipt(_Strict):
    schema_: Literal["reviewdesk-receipt/1"] = Field(alias="schema")
    seq: int = Field(ge=1)  # the intake's sequence number: one per accepted bundle, no gaps
    received_at: str = Field(pattern=STAMP)
    intake_fingerprint: str
    round_id: str
    package_sha256: str = Field(pattern=SHA256)
    kind: Literal["return", "result"]
    signer_id: str  # the expert (or the chair) who signed the bundle, as the package names them
    file_sha256: str = Field(pattern=SHA256)  # of the bundle file, byte for byte as uploaded
    bundle_sha256: str = Field(pattern=SHA256)  # of its manifest.json (what results list as inputs)
    size: int = Field(ge=0)
    bundle_created_at: str = Field(pattern=STAMP)
    disposition: Literal["current", "history"]  # history: an older bundle than one already accepted
    sheets: list[ReceiptSheet]  # every signed revision the bundle carries
    conflicts: list[str]  # applicants whose newest declaration in the bundle is a conflict (回避)

    def canonical(self) -> bytes:
        return canonical_bytes(self.model_dump(by_alias=True))


def receipt_bytes(receipt: Receipt) -> bytes:
    return receipt.canonical()


def check_receipt(data: bytes, signature_b64: str, intake_public_raw: bytes, file_sha256: str | None = None,
                  size: int | None = None) -> Receipt:
    """The receipt, if it is the intake's signature over canonical receipt bytes for this file.

    RECEIPT_INVALID otherwise (forged, altered, for another file, or not from this intake): the
    app must then not mark anything delivered."""
    try:
        signature = crypto.unb64(signature_b64)
    except (ValueError, TypeError):
        raise Problem(Code.RECEIPT_INVALID, detail="signature") from None
    if not crypto.verify(intake_public_raw, data, signature):
        raise Problem(Code.RECEIPT_INVALID, detail="signature")
    try:
        receipt = Receipt.model_validate(json.loads(data))
    except (ValueError, UnicodeDecodeError, ValidationError) as exc:
        raise Problem(Code.RECEIPT_INVALID, detail=str(exc).splitlines()[0]) from None
    if receipt.canonical() != data:
        raise Problem(Code.RECEIPT_INVALID, detail="not canonical")
    if not crypto.same_fingerprint(receipt.intake_fingerprint, crypto.fingerprint(intake_public_raw)):
        raise Problem(Code.RECEIPT_INVALID, detail="intake")
    if file_sha256 is not None and receipt.file_sha256 != file_sha256:
        raise Problem(Code.RECEIPT_INVALID, detail="another file")
    if size is not None and receipt.size != size:
        raise Problem(Code.RECEIPT_INVALID, detail="size")
    return receipt
