"""What the intake holds per round, per applicant and expert: for `intake status`, the dashboard
and the readers' API (one computation for all three).

Which revision counts follows the chair's intake (review_model/chair/intake.py): the expert's newest
bundle (by when the expert made it) says which applicants are conflicts; otherwise the highest
signed revision received counts; older bundles stay on record as history. A cell is
- `conflict`: the newest bundle declares a conflict (回避);
- `delivered`: a signed revision is on record (revision, when it first arrived);
- `refused`: nothing counts yet and the intake refused something for it (the reasons);
- `missing`: nothing arrived.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from .db import Database
from .models import Bundle, Refusal, Round, Sheet


@dataclass
class RefusalView:
    file_sha256: str
    expert_id: str | None
    applicant_id: str | None
    reason: str
    problem: dict | None
    received_at: str


@dataclass
class Cell:
    applicant_id: str
    applicant_name: str
    expert_id: str
    expert_name: str
    state: str  # delivered | missing | conflict | refused
    revision: int | None = None
    received_at: str | None = None
    revisions: list[int] = field(default_factory=list)
    refusals: list[RefusalView] = field(default_factory=list)


@dataclass
class BundleView:
    file_sha256: str
    bundle_sha256: str
    kind: str
    expert_id: str
    size: int
    seq: int
    created_at: str
    received_at: str
    current: bool  # the expert's newest bundle; older ones are history


@dataclass
class RoundView:
    round_id: str
    title: str
    bureau: str
    package_sha256: str
    experts: list[dict]
    applicants: list[dict]
    cells: list[Cell]
    bundles: list[BundleView]  # the experts' return bundles and the chair's results (kind)
    refusals: list[RefusalView]

    @property
    def result(self) -> BundleView | None:
        """The chair's newest signed panel result, once uploaded."""
        return next((b for b in self.bundles if b.kind == "result" and b.current), None)

    def as_json(self) -> dict:
        data = asdict(self)
        data["counts"] = self.counts()
        data["result"] = asdict(self.result) if self.result else None
        return data

    def counts(self) -> dict[str, int]:
        out = {"delivered": 0, "missing": 0, "conflict": 0, "refused": 0}
        for cell in self.cells:
            out[cell.state] += 1
        return out


def round_view(db: Database, round_row: Round) -> RoundView:
    roster = json.loads(round_row.roster)
    with db.session() as session:
        bundles = list(session.scalars(select(Bundle).where(Bundle.round_pk == round_row.id).order_by(Bundle.seq)))
        sheets = list(session.scalars(select(Sheet).where(Sheet.round_pk == round_row.id)))
        refusals = list(session.scalars(select(Refusal).where(Refusal.round_pk == round_row.id).order_by(Refusal.id)))
    arrived = {b.id: b.received_at for b in bundles}
    by_expert: dict[str, list[Bundle]] = {}
    for bundle in bundles:
        if bundle.kind == "return":  # the chair's results say nothing about sheets and conflicts
            by_expert.setdefault(bundle.expert_id, []).append(bundle)
    newest = {e: max(bs, key=lambda b: (b.created_at, b.seq)) for e, bs in by_expert.items()}
    results = [b for b in bundles if b.kind == "result"]
    newest_result = max(results, key=lambda b: (b.created_at, b.seq)) if results else None
    refusal_views = [RefusalView(r.file_sha256, r.expert_id, r.applicant_id, r.reason, json.loads(r.problem),
                                 r.received_at.isoformat()) for r in refusals]
    names = {a["applicant_id"]: a["name"] for a in roster["applicants"]}
    order = [a["applicant_id"] for a in roster["applicants"]]
    cells: list[Cell] = []
    for expert in roster["experts"]:
        expert_id = expert["expert_id"]
        conflicts = set(json.loads(newest[expert_id].conflicts)) if expert_id in newest else set()
        last_accepted = max((b.received_at for b in by_expert.get(expert_id, [])), default=None)
        for applicant_id in sorted(expert["applicants"], key=order.index):
            cell = Cell(applicant_id, names[applicant_id], expert_id, expert["name"], "missing")
            held = sorted((s for s in sheets if (s.expert_id, s.applicant_id) == (expert_id, applicant_id)),
                          key=lambda s: s.revision)
            cell.revisions = [s.revision for s in held]
            cell.refusals = [r for r in refusal_views if r.expert_id == expert_id and (
                r.applicant_id == applicant_id
                or (r.applicant_id is None and (last_accepted is None or r.received_at > last_accepted.isoformat())))]
            if applicant_id in conflicts:
                cell.state = "conflict"
            elif held:
                cell.state, cell.revision = "delivered", held[-1].revision
                cell.received_at = arrived[held[-1].first_bundle_id].isoformat()
            elif cell.refusals:
                cell.state = "refused"
            cells.append(cell)
    views = [BundleView(b.file_sha256, b.bundle_sha256, b.kind, b.expert_id, b.size, b.seq, b.created_at.isoformat(),
                        b.received_at.isoformat(), (newest_result if b.kind == "result" else newest.get(b.expert_id)) is b)
             for b in bundles]
    return RoundView(round_row.round_id, round_row.title, round_row.bureau_name, round_row.package_sha256,
                     roster["experts"], roster["applicants"], cells, views, refusal_views)


def rounds(db: Database, only: set[str] | frozenset[str] | None = None) -> list[Round]:
    with db.session() as session:
        rows = list(session.scalars(select(Round).order_by(Round.id)))
    return [r for r in rows if only is None or r.round_id in only]


def unattributed_refusals(db: Database) -> list[RefusalView]:
    """Refusals no round or signer can be named for (damaged files, bad signatures, other rounds)."""
    with db.session() as session:
        rows = list(session.scalars(select(Refusal).where(Refusal.round_pk.is_(None)).order_by(Refusal.id)))
    return [RefusalView(r.file_sha256, r.expert_id, r.applicant_id, r.reason, json.loads(r.problem),
                        r.received_at.isoformat()) for r in rows]
