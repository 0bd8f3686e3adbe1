"""Forging return bundles as a buggy or hostile client would: edit sheet JSON, re-sign each sheet and
redraw its PDF with the expert's own key, fix return.json, re-sign the manifest."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from review_model import crypto
from review_model.exchange.container import SigningKey, container_bytes
from review_model.exchange.package import open_package
from review_model.signing.document import SheetDocument, canonical_bytes, sha256_hex
from review_model.signing.pdf import render_score_sheet
from tests.support.tamper import manifest_of, members_of

SheetEdit = Callable[[dict, dict], bool | None]  # (listing entry, sheet document) -> False to leave it alone


def resign_sheet(members: dict[str, bytes], entry: dict, doc: dict, key: SigningKey, rubric, redraw: bool = True) -> None:
    """Store `doc` as the entry's sheet: canonical bytes, a fresh signature, a redrawn PDF (unless
    `redraw` is false: a document the PDF cannot even be drawn from keeps the old one)."""
    data = canonical_bytes(doc)
    pdf = render_score_sheet(SheetDocument.model_validate(doc), rubric, sha256_hex(data)) if redraw else None
    resign_sheet_bytes(members, entry, data, key, pdf)
    entry["signed_at"] = doc["revision"]["signed_at"]


def resign_sheet_bytes(members: dict[str, bytes], entry: dict, data: bytes, key: SigningKey, pdf: bytes | None = None) -> None:
    """Store exactly `data` as the entry's signed sheet (a fresh signature; the PDF stays unless given)."""
    members[entry["json"]] = data
    if pdf is not None:
        members[entry["pdf"]] = pdf
    entry.update(json_sha256=sha256_hex(data), signature=crypto.b64(crypto.sign(key.seed, data)),
                 pdf_sha256=sha256_hex(members[entry["pdf"]]))


def forge_return(source: Path, out: Path, key: SigningKey, package: Path, **changes) -> Path:
    """The forged bundle (see `forged_return`) written to `out`."""
    out.write_bytes(forged_return(source, key, package, **changes))
    return out


def forged_return(source: Path, key: SigningKey, package: Path, *, sheets: SheetEdit | None = None,
                  listing: Callable[[dict], None] | None = None, conflicts: Callable[[dict], None] | None = None,
                  members: Callable[[dict[str, bytes]], None] | None = None, package_sha256: str | None = None,
                  round_id: str | None = None, redraw: bool = True,
                  raw: Callable[[dict, bytes], bytes | None] | None = None) -> bytes:
    """A return bundle forged from `source`, in memory. `raw(entry, signed bytes)` may return other
    bytes to sign as that sheet, exactly as given."""
    manifest = manifest_of(source)
    content = members_of(source)
    listed = json.loads(content["return.json"])
    with open_package(package) as opened:
        rubrics = dict(opened.rubrics)
    for entry in listed["sheets"]:
        doc = json.loads(content[entry["json"]])
        if package_sha256:
            doc["round"]["package_sha256"] = package_sha256
        changed = sheets(entry, doc) if sheets else None
        if changed is not False and (sheets or package_sha256):
            resign_sheet(content, entry, doc, key, rubrics[doc["applicant"]["carrier_type"]], redraw)
        replaced = raw(entry, content[entry["json"]]) if raw else None
        if replaced is not None:
            resign_sheet_bytes(content, entry, replaced, key)
    if package_sha256:
        listed["package_sha256"] = package_sha256
    if listing:
        listing(listed)
    content["return.json"] = json.dumps(listed, ensure_ascii=False).encode("utf-8")
    if conflicts:
        declared = json.loads(content["conflicts.json"])
        conflicts(declared)
        content["conflicts.json"] = json.dumps(declared, ensure_ascii=False).encode("utf-8")
    if members:
        members(content)
    data, _digest = container_bytes("return", round_id or manifest["round_id"], content, key,
                                    package_sha256=package_sha256 or manifest["package_sha256"])
    return data
