"""`reviewdesk FILE`: what a double-click on an exchange file does (the desktop entry runs `reviewdesk %f`).

A review package starts its import, with the trust question on first contact with the bureau; a
return bundle or a panel result is checked by the same verifier as `reviewdesk verify FILE`, and
its answer is shown.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_SUFFIX = ".rvpkg"
EXCHANGE_SUFFIXES = (PACKAGE_SUFFIX, ".rvret", ".rvres")


def is_exchange_file(argument: str) -> bool:
    """True for an argument naming an exchange file (by its extension, as the file manager chose)."""
    return argument.lower().endswith(EXCHANGE_SUFFIXES)


def open_file(window, path: Path) -> None:
    """Import a package into the window's home, or show the verifier's answer for a bundle or result."""
    if path.suffix.lower() == PACKAGE_SUFFIX:
        window.import_package(path)
    else:
        window._task = verify_in_window(window, path)


def verify_in_window(parent, path: Path):
    # imported here: the command line asks is_exchange_file() on every start and needs none of this
    from PySide6.QtWidgets import QMessageBox

    from review_model.errors import Problem
    from review_model.verification import verify_file
    from ui.labels import EXCHANGE_KINDS, ROLES, label
    from ui.messages import describe
    from ui.tasks import run_with_progress
    from ui.text import tr

    title = tr("Verify a signed file")

    def verified(report) -> None:
        QMessageBox.information(parent, title, "{}\n\n{}".format(path, tr(
            "Valid {kind} of round {round}: {members} members, signed by {name} ({role}), fingerprint {fingerprint}.")
            .format(kind=label(EXCHANGE_KINDS, report.kind), round=report.round_id, members=report.members,
                    name=report.signer_name, role=label(ROLES, report.signer_role), fingerprint=report.fingerprint)))

    def refused(error: object) -> None:
        text = describe(error) if isinstance(error, Problem) else str(error)
        QMessageBox.warning(parent, title, f"{path}\n\n{text}")

    return run_with_progress(parent, tr("Checking {name}…").format(name=path.name),
                             lambda _progress: verify_file(path), verified, refused)
