"""File → Export return bundle: choose where, unlock the key if it is a file, write it off the GUI
thread with progress, then say what went into the bundle (or why not). The flow is every signed
export's (ui/signed_export.py).

    exporter = export_return_bundle(window, home, unlock=unlock)  # the main window keeps the returned object
    exporter.finished.connect(...)                       # ExportResult, or the Problem/exception
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QWidget

from review_model.home import Home
from review_model.sheets.context import Reviewer
from review_model.signing.returns import ExportResult, export_returns

from .passphrase import Unlock
from .signed_export import SignedExport


class ReturnExport(SignedExport):
    suffix = "rvret"

    def __init__(self, home: Home, parent: QWidget, include_photos: bool = True, unlock: Unlock | None = None) -> None:
        super().__init__(home, parent, unlock=unlock)
        self._include_photos = include_photos
        self.file_filter = self.tr("Return bundles (*.rvret)")

    def title(self) -> str:
        return self.tr("Export return bundle")

    def prompt(self) -> str:
        return self.tr("The bundle is signed with your key. Type the passphrase of your key file:")

    def busy_text(self) -> str:
        return self.tr("Writing the return bundle…")

    def suggested(self) -> Path:
        reviewer = Reviewer.open(self._home)
        return Path(QDir.homePath()) / f"{reviewer.expert_id}-{reviewer.round_id}.rvret"

    def write(self, path: Path, key, progress) -> ExportResult:
        return export_returns(self._home, path, key, include_photos=self._include_photos, progress=progress)

    def done_text(self, result: ExportResult) -> str:
        text = self.tr("The return bundle is saved as {path}.\nApplicants: {applicants}; signed revisions: {revisions}; "
                       "declared conflicts: {conflicts}; photos: {photos}.").format(
            path=result.path, revisions=result.revisions, applicants=result.applicants, conflicts=result.conflicts,
            photos=result.photos)
        if result.unsigned:
            text += "\n" + self.tr("Not in the bundle because not signed yet: {applicants}.").format(
                applicants=", ".join(result.unsigned))
        return text


def export_return_bundle(parent: QWidget, home: Home, include_photos: bool = True,
                         unlock: Unlock | None = None) -> ReturnExport:
    """The File → Export action: start the export dialogs; keep the returned object alive until `finished`."""
    exporter = ReturnExport(home, parent, include_photos, unlock)
    exporter.start()
    return exporter
