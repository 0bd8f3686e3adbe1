"""Importing a review package into an expert's or chair's home.

All checks run before anything is written: the container, the JSON, every PDF, the bureau's key
(trusted on first import only when the user confirmed its fingerprint; later imports must match),
this home's identity in the panel, and the home's round. Files are staged, then moved into the
blob store and the database rows committed in one transaction; a failure removes what was added.
A staging folder is locked while its import runs, so that the next import removes the folders of
imports that were killed (and only those) before anything else.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import crypto
from .errors import Code, Problem
from .exchange.container import Signer
from .exchange.package import Package, check_dossiers, open_package
from .home import Home
from .identity import require_identity
from .progress import Progress, no_progress, scaled
from .store.models import Applicant, Assignment, Expert, Material, Round, RubricRecord, TrustedKey
from .store.scratch import Scratch, remove_abandoned


@dataclass(frozen=True)
class ImportResult:
    round_id: str
    applicants: int
    materials: int
    already_imported: bool = False


def _check_trust(home: Home, signer: Signer, trust_bureau: str | None) -> bool:
    """Return whether the bureau's key must be recorded as newly trusted."""
    with home.store.read() as session:
        trusted = [k for k in session.query(TrustedKey).filter_by(role="bureau")]
    fingerprint = signer.fingerprint
    if trusted:
        if not any(crypto.same_fingerprint(k.fingerprint, fingerprint) for k in trusted):
            raise Problem(Code.BUREAU_CHANGED, fingerprint=fingerprint, trusted=trusted[0].fingerprint)
        return False
    if trust_bureau is None or not crypto.same_fingerprint(trust_bureau, fingerprint):
        raise Problem(Code.BUREAU_UNKNOWN, fingerprint=fingerprint, bureau=signer.name)
    return True


def _check_round(home: Home, package: Package) -> bool:
    """Return True when exactly this package is already imported (nothing to do)."""
    with home.store.read() as session:
        existing = session.query(Round).first()
    if existing is None:
        return False
    if existing.round_id != package.round.round_id:
        raise Problem(Code.OTHER_ROUND, current=existing.round_id, offered=package.round.round_id)
    if existing.package_sha256 != package.sha256:
        raise Problem(Code.PACKAGE_CHANGED, round=existing.round_id)
    return True


def import_package(home: Home, source: Path, *, trust_bureau: str | None = None,
                   progress: Progress = no_progress) -> ImportResult:
    identity = require_identity(home)
    # Staged dossiers of imports that were killed (up to the package's size) go first; a live
    # import in another process keeps its own (its lock is held).
    remove_abandoned(_staging_root(home))
    progress(0, 100)
    trust: list[bool] = []  # decided from the manifest, before anything the bureau signed is parsed
    with open_package(source, lambda c: trust.append(_check_trust(home, c.manifest.signer, trust_bureau))) as package:
        new_trust = trust[0]
        if package.expert_by_key(identity.public_raw) is None:
            raise Problem(Code.NOT_IN_PACKAGE, fingerprint=identity.fingerprint)
        if _check_round(home, package):
            return ImportResult(package.round.round_id, len(package.applicants), 0, already_imported=True)
        progress(5, 100)
        scratch = _new_staging(home)
        staging = scratch.folder()
        staged: dict[str, Path] = {}
        added: list[str] = []
        try:
            def keep(material, data: bytes) -> None:
                path = staging / material.sha256
                home.blobs.stage(path, data, material.sha256)  # sealed already where the home is
                staged[material.sha256] = path

            check_dossiers(package, keep, scaled(progress, 5, 85))
            for digest, path in staged.items():
                if home.blobs.adopt(path, digest):
                    added.append(digest)
            _write_rows(home, package, identity.name, new_trust)
        except BaseException:
            home.blobs.discard(added)
            raise
        finally:
            scratch.release("")
        if package.ocr:
            _store_ocr(home, package)
        progress(100, 100)
        materials = sum(len(a.materials) for a in package.applicants)
        return ImportResult(package.round.round_id, len(package.applicants), materials)


def _store_ocr(home: Home, package: Package) -> None:
    """The bureau's OCR results (package build --ocr) into this home's search index: searchable at
    once, and the app's OCR worker reads only the pages they leave out. The index is a cache
    beside the home's database: the import stands even if this is cut short, and the worker then
    reads the rest itself."""
    # the search index and its drivers: only for a package that ships OCR results
    from .dossier.library import DossierLibrary
    from .dossier.ocr_package import store_shipped
    from .store import cipher

    library = DossierLibrary(home)
    try:
        store_shipped(library.index, package.ocr)
    except (OSError, *cipher.DATABASE_ERROR):  # a cache that cannot be written now: the OCR worker reads the scans
        pass
    finally:
        library.close()


def _staging_root(home: Home) -> Path:
    return home.root / "staging"


def _new_staging(home: Home) -> Scratch:
    """A staging folder for this import, locked while it runs (store/scratch.py)."""
    scratch = None
    try:
        scratch = Scratch(_staging_root(home) / uuid.uuid4().hex)
        scratch.folder().mkdir(mode=0o700)
    except OSError as exc:
        if scratch is not None:
            scratch.release("")
        raise Problem(Code.FILE_WRITE_FAILED, path=str(_staging_root(home)), detail=exc.strerror or str(exc)) from None
    return scratch


def _write_rows(home: Home, package: Package, actor: str, new_trust: bool) -> None:
    r = package.round
    signer = package.container.manifest.signer
    with home.store.write(actor) as (session, audit):
        if new_trust:
            session.add(TrustedKey(fingerprint=signer.fingerprint, role="bureau", name=signer.name,
                                   public_key=crypto.b64(package.container.manifest.public_raw()), trusted_at=audit.at))
            audit.record("trust", "bureau_key", signer.fingerprint, "name", None, signer.name)
        session.add(Round(round_id=r.round_id, year=r.year, district=r.district, programme=r.programme, title=r.title,
                          bureau_name=r.bureau, bureau_fingerprint=signer.fingerprint, package_sha256=package.sha256,
                          round_json=package.round_bytes.decode("utf-8"), imported_at=audit.at))
        for carrier_type, rubric in package.rubrics.items():
            session.add(RubricRecord(carrier_type=carrier_type, rubric_id=rubric.rubric_id, version=rubric.version,
                                     sha256=r.rubrics[carrier_type].sha256,
                                     body=package.rubric_bytes[carrier_type].decode("utf-8")))
        for position, a in enumerate(package.applicants):
            session.add(Applicant(applicant_id=a.applicant_id, name=a.name, uscc=a.uscc, entity_kind=a.entity_kind,
                                  industry=a.industry, carrier_type=a.carrier_type, address=a.address,
                                  legal_representative=a.legal_representative, contact=a.contact,
                                  acceptance=a.acceptance, position=position,
                                  findings=json.dumps([f.model_dump() for f in a.findings], ensure_ascii=False)))
            for m in a.materials:
                session.add(Material(applicant_id=a.applicant_id, position=m.position, name=m.name, status=m.status,
                                     sha256=m.sha256, size=m.size, page_count=m.pages))
        session.flush()
        for e in package.experts:
            session.add(Expert(expert_id=e.expert_id, name=e.name, role=e.role, organisation=e.organisation,
                               title=e.title, public_key=crypto.b64(crypto.raw_from_pem(e.public_key_pem)),
                               fingerprint=e.fingerprint))
        session.flush()
        for e in package.experts:
            for applicant_id in e.applicants:
                session.add(Assignment(expert_id=e.expert_id, applicant_id=applicant_id))
        audit.record("import", "package", package.sha256, "round", None, r.round_id)
