"""The panel result: result.json and the signed container (.rvres) the chair hands to the bureau.

`write_result(home, compilation, outdir, key)` refuses with the first blocker (an unexplained
changed score, no scores, no publicity window) before anything is written, and, while sheets are
missing, unless the chair confirmed signing without them (`allow_incomplete`, recorded in result.json
as `signed_with_missing_sheets`); otherwise it writes
OUTDIR/panel-summary.pdf, candidates.pdf, panel-scores.xlsx and result.rvres (those three plus
result.json, signed by the chair's key, naming the package). Format: docs/formats.md, "Panel
result (.rvres)". Points are JSON numbers written from their Decimal value digit for digit
(78.33, never 78.3299999): `result_json_bytes`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from .. import crypto
from ..errors import Code, Problem
from ..exchange.container import SigningKey, write_container
from ..home import Home
from ..progress import Progress, no_progress
from ..store.blobs import write_durably
from ..store.db import utcnow
from ..store.folder_set import FolderSet
from ..sync.result_outbox import queue_result
from .compile import Compilation
from .intake import require_chair
from .states import SheetStatus

RESULT_SCHEMA = "reviewdesk-result/1"
RESULT_FILES = ("panel-summary.pdf", "candidates.pdf", "panel-scores.xlsx", "result.rvres")


# --- JSON with exact decimal numbers -----------------------------------------------------------------
def _encode(value: object, depth: int) -> str:
    pad, inner = "\n" + " " * depth, "\n" + " " * (depth + 1)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("points must be finite")
        return format(value, "f")
    if isinstance(value, float):
        raise TypeError("floats are not allowed in result.json")
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = ",".join(f"{inner}{json.dumps(str(k), ensure_ascii=False)}: {_encode(v, depth + 1)}" for k, v in value.items())
        return "{" + body + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + ",".join(f"{inner}{_encode(v, depth + 1)}" for v in value) + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def result_json_bytes(document: dict) -> bytes:
    """UTF-8 JSON; every Decimal becomes a JSON number with exactly its digits ("78.30" stays 78.30)."""
    return (_encode(document, 0) + "\n").encode("utf-8")


def load_result_json(data: bytes) -> dict:
    """Parse result.json keeping numbers exact (Decimal), as a reader should."""
    return json.loads(data, parse_float=Decimal)


# --- the document ---------------------------------------------------------------------------------------
def _final(value: Decimal | None, decimals: int) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(1).scaleb(-decimals))


def result_document(comp: Compilation, created_at: datetime, allow_incomplete: bool = False) -> dict:
    policy = comp.policy
    window = comp.window
    applicants = []
    for a in comp.applicants:
        r = a.result
        applicants.append({
            "applicant_id": a.applicant_id, "name": a.name, "uscc": a.uscc, "carrier_type": a.carrier_type,
            "final_score": _final(r.final_score, policy.decimals), "rank": r.rank, "recommended": r.recommended,
            "vetoed": r.vetoed, "veto_votes": r.veto_votes,
            "expert_totals": {e.expert_id: e.total for e in a.experts},  # as signed: "85.5" -> 85.5
            "excluded": {e.expert_id: e.status for e in a.experts if e.status is not SheetStatus.SCORED},
            "revisions": {e.expert_id: e.revision for e in a.experts if e.status is SheetStatus.SCORED},
            "sheet_sha256": {e.expert_id: e.sheet_sha256 for e in a.experts if e.status is SheetStatus.SCORED},
            "sheets_received": r.sheets_received, "sheets_expected": r.sheets_expected,
            "flags": [f.code for f in r.flags],
            "discussion": [n.text for n in a.notes],
        })
    return {
        "schema": RESULT_SCHEMA,
        "round_id": comp.round.round_id, "title": comp.round.title, "district": comp.round.district,
        "bureau": comp.round.bureau, "package_sha256": comp.round.package_sha256,
        "created_at": created_at.isoformat(),
        "chair": {"expert_id": comp.chair.expert_id, "name": comp.chair.name, "fingerprint": comp.chair.fingerprint},
        "policy": {"method": policy.method, "level": policy.level, "trim_min_experts": policy.trim_min_experts,
                   "decimals": policy.decimals, "rounding": policy.rounding, "min_score": policy.min_score,
                   "veto_rule": policy.veto_rule, "abnormal_ratio": policy.abnormal_ratio,
                   "abnormal_items": policy.abnormal_items, "abnormal_item_min_points": policy.abnormal_item_min_points,
                   "tie_rule": policy.tie_rule, "tie_section": policy.tie_section},
        "quotas": dict(comp.quotas),
        "publicity": {"start": window.start.isoformat(), "end": window.end.isoformat(),
                      "working_days": len(window.days), "days": [d.isoformat() for d in window.days],
                      "report_by": window.report_by.isoformat(), "deadline": window.deadline.isoformat(),
                      "late": window.late},
        "experts": [{"expert_id": m.expert_id, "name": m.name, "role": m.role, "fingerprint": m.fingerprint}
                    for m in comp.members],
        "inputs": [{"bundle_sha256": b.bundle_sha256, "file_sha256": b.file_sha256, "file_name": b.file_name,
                    "expert_id": b.expert_id, "created_at": b.created_at.isoformat(), "current": b.current}
                   for b in comp.inputs],
        "missing": [{"expert_id": e, "applicant_id": a} for e, a in comp.missing],
        "signed_with_missing_sheets": bool(comp.missing) and allow_incomplete,
        "applicants": applicants,
        "candidates": {t: [a.applicant_id for a in comp.candidates(t)] for t in comp.carrier_types()},
        "changes": [{"expert_id": c.expert_id, "applicant_id": c.applicant_id, "item_code": c.item_code,
                     "old": c.old, "new": c.new, "from_revision": c.from_revision, "to_revision": c.to_revision,
                     "reason": c.reason, "source": c.source} for c in comp.changes],
        "requests": [{"applicant_id": s.request.applicant_id, "expert_id": s.request.expert_id,
                      "items": list(s.request.items), "reason": s.request.reason, "answered_by": s.answered_by}
                     for a in comp.applicants for s in a.requests],
    }


# --- writing and signing --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ResultWritten:
    outdir: Path
    files: tuple[Path, ...]
    result_sha256: str  # SHA-256 of result.rvres's manifest.json
    candidates: int
    late: bool


def check_chair_key(home: Home, key: SigningKey) -> None:
    chair = require_chair(home)
    if not crypto.same_fingerprint(crypto.fingerprint(key.public_raw), chair.fingerprint):
        raise Problem(Code.NOT_IN_PACKAGE, fingerprint=crypto.fingerprint(key.public_raw))


def check_complete(comp: Compilation, allow_incomplete: bool) -> None:
    """Refuse to sign while sheets are missing, unless the chair said to sign without them."""
    if comp.missing and not allow_incomplete:
        applicants = list(dict.fromkeys(a for _, a in comp.missing))
        raise Problem(Code.PANEL_INCOMPLETE, missing=len(comp.missing), applicants="、".join(applicants),
                      sheets="、".join(f"{e}/{a}" for e, a in comp.missing))


def write_result(home: Home, comp: Compilation, outdir: Path, key: SigningKey,
                 progress: Progress = no_progress, *, allow_incomplete: bool = False) -> ResultWritten:
    """Write the PDFs, the XLSX and the signed result.rvres to `outdir` (see the module docstring)."""
    # The renderers load reportlab and openpyxl: only when a result is written, not when one is checked.
    from .candidates_pdf import render_candidates
    from .summary_pdf import render_panel_summary
    from .workbook import panel_workbook

    if comp.blockers:
        raise comp.blockers[0]
    check_complete(comp, allow_incomplete)
    check_chair_key(home, key)
    target = FolderSet(Path(outdir), RESULT_FILES)  # refuses a folder holding other files, before the work
    progress(0, 5)
    created = utcnow()
    document = result_document(comp, created, allow_incomplete)
    members = {"result.json": result_json_bytes(document)}
    members["panel-summary.pdf"] = render_panel_summary(comp, created, signed_incomplete=allow_incomplete)
    progress(1, 5)
    members["candidates.pdf"] = render_candidates(comp, created)
    progress(2, 5)
    members["panel-scores.xlsx"] = panel_workbook(comp, created)
    progress(3, 5)
    outdir = Path(outdir)
    # The four files and the audit row are one unit (store/folder_set.py): written beside OUTDIR,
    # put in place by one rename inside the audit row's transaction, the earlier set back on failure.
    with target as staging:
        digest = write_container(staging / "result.rvres", "result", comp.round.round_id, members,
                                 replace(key, id=comp.chair.expert_id, role="chair"),
                                 package_sha256=comp.round.package_sha256)
        for name in RESULT_FILES[:3]:
            write_durably(staging / name, members[name])
        progress(4, 5)
        queued: list[Path] = []
        try:
            with home.store.write(actor=f"{comp.chair.expert_id} {comp.chair.name}") as (session, audit):
                audit.record("sign", "panel_result", digest, "candidates", None,
                             sum(len(v) for v in document["candidates"].values()))
                # to the bureau's intake by the chair's outbox, in the transaction that signs (issue 12)
                made = queue_result(session, home, (staging / "result.rvres").read_bytes(), audit.at)
                queued += [made] if made else []
                session.flush()
                target.put_in_place()
        except BaseException:
            for path in queued:  # not committed: the outbox's copy goes too, the home is as it was
                path.unlink(missing_ok=True)
            raise
    progress(5, 5)
    return ResultWritten(outdir, tuple(outdir / n for n in RESULT_FILES), digest,
                         sum(len(v) for v in document["candidates"].values()), comp.window.late)
