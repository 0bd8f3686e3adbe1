"""Taking in return bundles, for the chair's desk and `reviewdesk chair compile` alike.

    receive_returns(home, paths)                      # against the package this home imported
    receive_returns(home, paths, package=PKG.rvpkg)   # against that file (it must be the one imported)

The chair's home holds everything the package said (round.json and the rubrics verbatim, the
applicants, the panel with its public keys, the assignments), checked when it was imported;
`imported_package(home)` gives that back as the `Package` a bundle is verified against, so the desk
need not ask for round.rvpkg again. The command line keeps SPEC's `chair compile PKG.rvpkg …`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from .. import crypto
from ..errors import Code, Problem
from ..exchange.package import Package
from ..exchange.package_schema import ApplicantEntry, ExpertEntry, MaterialEntry, RoundFile
from ..home import Home
from ..progress import Progress, no_progress
from ..rubric import parse_rubric
from ..store.models import Applicant, Assignment, Expert, Material, Round, RubricRecord
from .intake import IntakeReport, import_returns, open_round_package


@dataclass(frozen=True)
class _Signer:
    fingerprint: str
    name: str


@dataclass(frozen=True)
class _Manifest:
    signer: _Signer
    round_id: str


@dataclass(frozen=True)
class _ImportedContainer:
    """What bundle checks read of a package's container (its hash, its signer), for a package that was
    verified at import and is no longer open as a file."""

    sha256: str
    manifest: _Manifest

    def close(self) -> None:
        pass


def imported_package(home: Home) -> Package:
    """The package this home imported, rebuilt from what the import stored (module docstring)."""
    with home.store.read() as session:
        round_row = session.scalars(select(Round)).first()
        if round_row is None:
            raise Problem(Code.NO_ROUND)
        records = list(session.scalars(select(RubricRecord)))
        applicants = list(session.scalars(select(Applicant).order_by(Applicant.position)))
        materials = list(session.scalars(select(Material).order_by(Material.applicant_id, Material.position)))
        experts = list(session.scalars(select(Expert).order_by(Expert.expert_id)))
        assigned = [(e, a) for e, a in session.execute(select(Assignment.expert_id, Assignment.applicant_id))]
    by_applicant: dict[str, list[MaterialEntry]] = {}
    for m in materials:
        by_applicant.setdefault(m.applicant_id, []).append(MaterialEntry(
            position=m.position, name=m.name, status=m.status, sha256=m.sha256, size=m.size, pages=m.page_count))
    order = {a.applicant_id: i for i, a in enumerate(applicants)}
    assignments: dict[str, list[str]] = {}
    for expert_id, applicant_id in sorted(assigned, key=lambda pair: order.get(pair[1], 0)):
        assignments.setdefault(expert_id, []).append(applicant_id)
    entries = [ApplicantEntry(applicant_id=a.applicant_id, name=a.name, uscc=a.uscc, entity_kind=a.entity_kind,
                              industry=a.industry, carrier_type=a.carrier_type, address=a.address,
                              legal_representative=a.legal_representative, contact=a.contact,
                              acceptance=a.acceptance, findings=json.loads(a.findings),
                              materials=by_applicant.get(a.applicant_id, []))
               for a in applicants]
    panel = [ExpertEntry(expert_id=e.expert_id, name=e.name, role=e.role, organisation=e.organisation, title=e.title,
                         public_key_pem=crypto.public_pem(crypto.unb64(e.public_key)), fingerprint=e.fingerprint,
                         applicants=assignments.get(e.expert_id, []))
             for e in experts]
    container = _ImportedContainer(round_row.package_sha256,
                                   _Manifest(_Signer(round_row.bureau_fingerprint, round_row.bureau_name),
                                             round_row.round_id))
    rubric_bytes = {r.carrier_type: r.body.encode("utf-8") for r in records}
    return Package(container, RoundFile.model_validate_json(round_row.round_json), round_row.round_json.encode("utf-8"),
                   entries, panel, {t: parse_rubric(body, f"{t}.json") for t, body in rubric_bytes.items()},
                   rubric_bytes)


def receive_returns(home: Home, paths: Iterable[Path], package: Path | None = None,
                    progress: Progress = no_progress) -> IntakeReport:
    """Verify the bundles in `paths` (files or folders) and import the valid new ones (intake.import_returns)."""
    if package is None:
        return import_returns(home, imported_package(home), paths, progress)
    try:
        data = Path(package).read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(package)) from None
    # refused as soon as its manifest shows it is not the package imported here, before it is parsed
    with open_round_package(home, data) as opened:
        return import_returns(home, opened, paths, progress)
