"""`reviewdesk verify`: is this exchange file what it claims, and signed by someone we trust?

Packages are checked completely (same path as import). Return bundles and results are checked
against the package they belong to: the signer must be on its panel in the right role. Kinds
register deeper checks in CONTENT_CHECKS (score sheets, results).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import crypto
from ..errors import Code, Problem
from ..identity import parse_public_identity
from .container import OpenedContainer, open_container
from .package import Package, check_dossiers, open_package


@dataclass(frozen=True)
class VerifyReport:
    kind: str
    round_id: str
    signer_name: str
    signer_role: str
    fingerprint: str
    members: int


# kind -> check(container, package) raising Problem; filled by the modules that own those kinds.
CONTENT_CHECKS: dict[str, Callable[[OpenedContainer, Package], None]] = {}

SIGNER_ROLE_IN_PANEL = {"return": ("member", "chair"), "result": ("chair",)}


def _trusted(paths: list[Path]) -> list[str]:
    fingerprints = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
        fingerprints.append(parse_public_identity(data, path.name).fingerprint)
    return fingerprints


def verify_file(path: Path, package_path: Path | None = None, trust: list[Path] | None = None) -> VerifyReport:
    trusted = _trusted(trust or [])
    try:
        source = path.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(path)) from None
    with open_container(source) as probe:
        kind = probe.manifest.kind
    if kind == "package":
        with open_package(source) as package:
            check_dossiers(package)
            report = _report(package.container)
    else:
        if package_path is None:
            with open_container(source) as container:
                container.read_all()
                report = _report(container)
        else:
            report = _verify_against_package(source, package_path)
    if trusted and not any(crypto.same_fingerprint(report.fingerprint, t) for t in trusted):
        raise Problem(Code.SIGNER_UNTRUSTED, fingerprint=report.fingerprint)
    return report


def _verify_against_package(source: bytes, package_path: Path) -> VerifyReport:
    try:
        package_bytes = package_path.read_bytes()
    except OSError:
        raise Problem(Code.FILE_UNREADABLE, path=str(package_path)) from None
    with open_package(package_bytes) as package, open_container(source) as container:
        check_against_package(container, package)
        return _report(container)


def check_against_package(container: OpenedContainer, package: Package) -> None:
    """A return bundle or result against its (opened) package: round, signer's role, every member,
    the kind's own checks. Also the bureau's intake's check of an uploaded result (service/)."""
    manifest = container.manifest
    if manifest.round_id != package.round.round_id or manifest.package_sha256 != package.sha256:
        raise Problem(Code.OTHER_ROUND, current=package.round.round_id, offered=manifest.round_id)
    expert = package.expert_by_key(manifest.public_raw())
    if expert is None or expert.role not in SIGNER_ROLE_IN_PANEL[manifest.kind]:
        raise Problem(Code.SIGNER_UNTRUSTED, fingerprint=manifest.signer.fingerprint)
    container.read_all()
    _load_owner_checks()
    check = CONTENT_CHECKS.get(manifest.kind)
    if check:
        check(container, package)


def _load_owner_checks() -> None:
    """Import the modules that own the deeper checks; each registers itself in CONTENT_CHECKS."""
    from ..chair import result_check  # noqa: F401  (panel results)
    from ..signing import bundle  # noqa: F401  (return bundles)


def _report(container: OpenedContainer) -> VerifyReport:
    m = container.manifest
    return VerifyReport(m.kind, m.round_id, m.signer.name, m.signer.role, m.signer.fingerprint, len(m.members))
