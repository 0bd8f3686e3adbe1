"""`reviewdesk verify` as a whole: where the exchange layer and the readers of what is inside its
files are wired together.

exchange/verify.py checks containers and packages; what is inside a return bundle is checked by
signing/bundle.py, what is inside a panel result by chair/result_check.py. Those modules import the
exchange layer, so the exchange layer must not import them (it did, inside a function, to let them
register themselves: a cycle nobody saw). This module, above all three, passes their checks in.

A result is also computed again from the experts' return bundles given with it (`returns`: files or
folders), using those that verify against the package and that the result names as its inputs.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .chair.intake import collect_bundle_files
from .chair.result_check import check_result_container
from .errors import Problem
from .exchange.container import OpenedContainer
from .exchange.package import Package
from .exchange.verify import ContentCheck, VerifyReport
from .exchange.verify import verify_file as verify_exchange_file
from .signing.bundle import ReturnBundle, check_return_container, read_return_bundle


def verify_file(path: Path, package_path: Path | None = None, trust: list[Path] | None = None,
                returns: Iterable[Path] = ()) -> VerifyReport:
    """Verify any exchange file, every kind to its depth (see exchange/verify.py)."""
    files = collect_bundle_files(returns)

    def result(container: OpenedContainer, package: Package) -> int:
        return check_result_container(container, package, _bundles(files, package) if files else None)

    checks: dict[str, ContentCheck] = {"return": check_return_container, "result": result}
    return verify_exchange_file(path, package_path, trust, checks=checks)


def _bundles(files: list[Path], package: Package) -> list[ReturnBundle]:
    """The bundles that verify against `package`; the others are not evidence of anything, and are left out."""
    found = []
    for path in files:
        try:
            found.append(read_return_bundle(path, package))
        except Problem:
            continue
    return found
