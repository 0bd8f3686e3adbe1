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
from typing import TYPE_CHECKING

from .errors import Problem
from .exchange.container import OpenedContainer
from .exchange.package import Package
from .exchange.verify import ContentCheck, VerifyReport
from .exchange.verify import verify_file as verify_exchange_file

if TYPE_CHECKING:
    from .signing.bundle import ReturnBundle

# The readers of what is inside are imported when a check runs (only with --package): they load the
# store, and `reviewdesk verify FILE`, checking signatures, should start in well under 0.5 s (issue 10).


def verify_file(path: Path, package_path: Path | None = None, trust: list[Path] | None = None,
                returns: Iterable[Path] = ()) -> VerifyReport:
    """Verify any exchange file, every kind to its depth (see exchange/verify.py)."""
    returns = list(returns)

    def bundle(container: OpenedContainer, package: Package) -> int:
        from .signing.bundle import check_return_container  # the bundle's reader loads the store: only with --package

        return check_return_container(container, package)

    def result(container: OpenedContainer, package: Package) -> int:
        from .chair.intake import collect_bundle_files  # the chair's intake and result reader load the store:
        from .chair.result_check import check_result_container  # only when a result is checked

        files = collect_bundle_files(returns)
        return check_result_container(container, package, _bundles(files, package) if files else None)

    checks: dict[str, ContentCheck] = {"return": bundle, "result": result}
    return verify_exchange_file(path, package_path, trust, checks=checks)


def _bundles(files: list[Path], package: Package) -> list[ReturnBundle]:
    """The bundles that verify against `package`; the others are not evidence of anything, and are left out."""
    from .signing.bundle import read_return_bundle  # as in bundle() above

    found = []
    for path in files:
        try:
            found.append(read_return_bundle(path, package))
        except Problem:
            continue
    return found
