"""Opening a review package: the container checks, then (once the caller accepted the signer) every
JSON member against its schema and against the others (ids, USCCs, rubric pins, assignments), then
every dossier PDF.

`verify` and `import` share this path, so a package that verifies is a package that imports.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .. import crypto
from ..carriers import ENTITY_KINDS
from ..dossier.ocr_package import ShippedOcr, read_ocr_members
from ..errors import Code, Problem
from ..pdfcheck import inspect_pdf
from ..rubric import Rubric, parse_rubric
from ..uscc import uscc_problem
from . import signed_json
from .container import OpenedContainer, open_container
from .package_schema import ApplicantEntry, ApplicantsFile, ExpertEntry, ExpertsFile, MaterialEntry, RoundFile

Progress = Callable[[int, int], None]
# Decides whether the package's signer is trusted here, from the opened container alone (raises Problem).
AcceptSigner = Callable[[OpenedContainer], None]


@dataclass
class Package:
    container: OpenedContainer
    round: RoundFile
    round_bytes: bytes
    applicants: list[ApplicantEntry]
    experts: list[ExpertEntry]
    rubrics: dict[str, Rubric]
    rubric_bytes: dict[str, bytes] = field(default_factory=dict)
    ocr: list[ShippedOcr] = field(default_factory=list)  # OCR results shipped with `package build --ocr`

    @property
    def sha256(self) -> str:
        return self.container.sha256

    @property
    def bureau_fingerprint(self) -> str:
        return self.container.manifest.signer.fingerprint

    @property
    def bureau_name(self) -> str:
        return self.container.manifest.signer.name

    def expert_by_key(self, public_raw: bytes) -> ExpertEntry | None:
        fp = crypto.fingerprint(public_raw)
        return next((e for e in self.experts if crypto.same_fingerprint(e.fingerprint, fp)), None)

    def applicant(self, applicant_id: str) -> ApplicantEntry | None:
        return next((a for a in self.applicants if a.applicant_id == applicant_id), None)

    def chair(self) -> ExpertEntry:
        return next(e for e in self.experts if e.role == "chair")

    def shipped_materials(self) -> list[tuple[ApplicantEntry, MaterialEntry]]:
        return [(a, m) for a in self.applicants for m in a.materials if m.member]

    def close(self) -> None:
        self.container.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _model(container: OpenedContainer, name: str, model: type[BaseModel]) -> tuple[BaseModel, bytes]:
    if name not in container.names:
        raise Problem(Code.SCHEMA_INVALID, member=name, detail="missing")
    data = container.member(name)
    try:
        return model.model_validate(signed_json.decimal_member(data, name)), data
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise Problem(Code.SCHEMA_INVALID, member=name, detail=f"{where}: {error['msg']}") from None


def open_package(source: Path | bytes, accept: AcceptSigner | None = None) -> Package:
    """Verify the container and the JSON members. Dossier PDFs are checked by `check_dossiers`.

    `accept(container)` decides whether the signer is trusted before any member is parsed: nothing
    signed by an untrusted key is read beyond its manifest."""
    container = open_container(source, expected_kind="package")
    try:
        if container.manifest.signer.role != "bureau":
            raise Problem(Code.SIGNER_UNTRUSTED, fingerprint=container.manifest.signer.fingerprint)
        if accept is not None:
            accept(container)
        round_file, round_bytes = _model(container, "round.json", RoundFile)
        applicants_file, _ = _model(container, "applicants.json", ApplicantsFile)
        experts_file, _ = _model(container, "experts.json", ExpertsFile)
        if round_file.round_id != container.manifest.round_id:
            raise Problem(Code.SCHEMA_INVALID, member="round.json", detail="round_id differs from the manifest")
        if round_file.year not in {y.year for y in round_file.calendar}:
            raise Problem(Code.CALENDAR_YEAR_MISSING, year=round_file.year)
        package = Package(container, round_file, round_bytes, list(applicants_file.applicants),
                          list(experts_file.experts), {})
        _load_rubrics(package)
        _check_applicants(package)
        _check_experts(package)
        _check_ocr(package)
        return package
    except BaseException:
        container.close()
        raise


def _load_rubrics(package: Package) -> None:
    for carrier_type, pin in package.round.rubrics.items():
        name = f"rubrics/{carrier_type}.json"
        if name not in package.container.names:
            raise Problem(Code.SCHEMA_INVALID, member=name, detail="missing")
        data = package.container.member(name)
        signed_json.member(data, name)  # bounded first: parse_rubric is also for the bureau's own files
        rubric = parse_rubric(data, name)
        if hashlib.sha256(data).hexdigest() != pin.sha256 or rubric.version != pin.version or rubric.carrier_type != carrier_type:
            raise Problem(Code.SCHEMA_INVALID, member=name, detail="does not match round.json")
        package.rubrics[carrier_type] = rubric
        package.rubric_bytes[carrier_type] = data


def _check_applicants(package: Package) -> None:
    seen_ids: set[str] = set()
    seen_uscc: set[str] = set()
    listed = {m.name: m for m in package.container.manifest.members}
    for applicant in package.applicants:
        if applicant.applicant_id in seen_ids:
            raise Problem(Code.DUPLICATE_APPLICANT, applicant=applicant.applicant_id, field="applicant_id")
        if applicant.uscc in seen_uscc:
            raise Problem(Code.DUPLICATE_APPLICANT, applicant=applicant.applicant_id, field="uscc")
        seen_ids.add(applicant.applicant_id)
        seen_uscc.add(applicant.uscc)
        reason = uscc_problem(applicant.uscc)
        if reason:
            raise Problem(Code.USCC_INVALID, value=applicant.uscc, reason=reason, applicant=applicant.applicant_id)
        if applicant.entity_kind not in ENTITY_KINDS:
            raise Problem(Code.SCHEMA_INVALID, member="applicants.json", detail=f"{applicant.applicant_id}: entity_kind")
        if applicant.carrier_type not in package.rubrics:
            raise Problem(Code.SCHEMA_INVALID, member="applicants.json", detail=f"{applicant.applicant_id}: no rubric")
        for material in applicant.materials:
            if material.status == "missing":
                if material.member:
                    raise Problem(Code.SCHEMA_INVALID, member="applicants.json", detail=f"{applicant.applicant_id}: {material.name}")
                continue
            entry = listed.get(material.member or "")
            if entry is None or entry.sha256 != material.sha256 or entry.size != material.size:
                raise Problem(Code.SCHEMA_INVALID, member="applicants.json",
                              detail=f"{applicant.applicant_id}: {material.name}")


def _check_ocr(package: Package) -> None:
    """The shipped OCR results, each against the dossier file it names (its pages, as listed)."""
    files = {m.sha256: m.pages or 0 for _, m in package.shipped_materials() if m.status == "ok" and m.sha256}
    package.ocr = read_ocr_members(package.container.names, package.container.member, files)


def _check_experts(package: Package) -> None:
    ids = {a.applicant_id for a in package.applicants}
    seen: set[str] = set()
    keys: set[str] = set()
    for expert in package.experts:
        if expert.expert_id in seen:
            raise Problem(Code.SCHEMA_INVALID, member="experts.json", detail=f"{expert.expert_id}: duplicate")
        seen.add(expert.expert_id)
        try:
            public_raw = crypto.raw_from_pem(expert.public_key_pem)
        except ValueError:
            raise Problem(Code.SCHEMA_INVALID, member="experts.json", detail=f"{expert.expert_id}: public key") from None
        fingerprint = crypto.fingerprint(public_raw)
        if not crypto.same_fingerprint(fingerprint, expert.fingerprint) or fingerprint in keys:
            raise Problem(Code.SCHEMA_INVALID, member="experts.json", detail=f"{expert.expert_id}: fingerprint")
        keys.add(fingerprint)
        unknown = set(expert.applicants) - ids
        if unknown:
            raise Problem(Code.SCHEMA_INVALID, member="experts.json", detail=f"{expert.expert_id}: {sorted(unknown)[0]}")
    if sum(1 for e in package.experts if e.role == "chair") != 1:
        raise Problem(Code.SCHEMA_INVALID, member="experts.json", detail="exactly one chair")


def check_dossiers(package: Package, keep: Callable[[MaterialEntry, bytes], None] | None = None,
                   progress: Progress | None = None) -> None:
    """Read every dossier PDF (hash-checked by the container) and check it is what the package says:
    readable with the stated page count, or password-protected where marked so."""
    shipped = package.shipped_materials()
    for index, (applicant, material) in enumerate(shipped):
        data = package.container.member(material.member or "")
        state = inspect_pdf(data)
        if material.status == "ok" and (state.status != "ok" or state.pages != material.pages):
            code = Code.PDF_ENCRYPTED if state.status == "encrypted" else Code.PDF_CORRUPT
            raise Problem(code, applicant=applicant.applicant_id, material=material.name)
        if material.status == "encrypted" and state.status != "encrypted":
            raise Problem(Code.PDF_CORRUPT, applicant=applicant.applicant_id, material=material.name)
        if keep:
            keep(material, data)
        if progress:
            progress(index + 1, len(shipped))
