"""`reviewdesk verify`: is this exchange file what it claims, and signed by someone we trust?

Packages are checked completely (same path as import). Return bundles and results are checked
against the package they belong to: the signer must be on its panel in the right role. What is
inside a bundle or a result is checked by the modules that own those kinds; the caller passes
their checks in (`checks`, kind -> check), so this module imports none of them (the wiring is
review_model/verification.py). Trust (`trust`: public identity files) is decided from the manifest,
before any member is read.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import crypto
from ..errors import Code, Problem
from .container import OpenedContainer, open_container
from .package import Package, check_dossiers, open_package

# check(container, package) raises Problem, or returns how many applicants it computed again (results).
ContentCheck = Callable[[OpenedContainer, Package], int | None]


@dataclass(frozen=True)
class VerifyReport:
    kind: str
    round_id: str
    signer_name: str
    signer_role: str
    fingerprint: str
    members: int
    recomputed: int | None = None  # results: applicants whose numbers were computed again from the sheets
    applicants: int | None = None  # results: applicants in the result


SIGNER_ROLE_IN_PANEL = {"return": ("member", "chair"), "result": ("chair",)}


def _trusted(paths: list[Path]) -> list[str]:
    if not paths:
        return []
    from ..identity import parse_public_identity  # with the store's models: not for a plain `verify FILE`

    fingerprints = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
        fingerprints.append(parse_public_identity(data, path.name).fingerprint)
    return fingerprints


def verify_file(path: Path, package_path: Path | None = None, trust: list[Path] | None = None, *,
                checks: Mapping[str, ContentCheck]) -> VerifyReport:
    """Verify `path`; `checks` holds the deeper check of each kind that has one (see the module)."""
    trusted = _trusted(trust or [])

    def accept(container: OpenedContainer) -> None:
        fingerprint = container.manifest.signer.fingerprint
        if trusted and not any(crypto.same_fingerprint(fingerprint, t) for t in trusted):
            raise Problem(Code.SIGNER_UNTRUSTED, fingerprint=fingerprint)

    path = Path(path)  # read from the file as needed, never all of it at once
    with open_container(path) as probe:
        kind = probe.manifest.kind
        accept(probe)
    if kind == "package":
        with open_package(path, accept) as package:
            check_dossiers(package)
            return _report(package.container)
    if package_path is None:
        with open_container(path) as container:
            container.read_all()
            return _report(container)
    return _verify_against_package(path, Path(package_path), checks.get(kind))


def _verify_against_package(path: Path, package_path: Path, check: ContentCheck | None) -> VerifyReport:
    with open_package(package_path) as package, open_container(path) as container:
        recomputed = check_against_package(container, package, check)
        applicants = len(package.applicants) if container.manifest.kind == "result" else None
        return _report(container, recomputed, applicants)


def check_against_package(container: OpenedContainer, package: Package, check: ContentCheck | None) -> int | None:
    """A return bundle or a result against its (opened) package: its round and hash, its signer's
    role on the panel, every member, then the kind's own `check`. The bureau's intake (service/)
    checks an uploaded result with this too."""
    manifest = container.manifest
    if manifest.round_id != package.round.round_id or manifest.package_sha256 != package.sha256:
        raise Problem(Code.OTHER_ROUND, current=package.round.round_id, offered=manifest.round_id)
    expert = package.expert_by_key(manifest.public_raw())
    if expert is None or expert.role not in SIGNER_ROLE_IN_PANEL[manifest.kind]:
        raise Problem(Code.SIGNER_UNTRUSTED, fingerprint=manifest.signer.fingerprint)
    container.read_all()
    return check(container, package) if check else None


def _report(container: OpenedContainer, recomputed: int | None = None, applicants: int | None = None) -> VerifyReport:
    m = container.manifest
    return VerifyReport(m.kind, m.round_id, m.signer.name, m.signer.role, m.signer.fingerprint, len(m.members),
                        recomputed, applicants)
