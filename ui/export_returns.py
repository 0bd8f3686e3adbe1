"""File → Export return bundle: choose where, unlock the key if it is a file, write it off the GUI
thread with progress, then say what went into the bundle (or why not).

    exporter = export_return_bundle(window, home)        # the main window keeps the returned object
    exporter.finished.connect(...)                       # ExportResult, or the Problem/exception

The dialogs are opened window-modal (`open()`), so tests and the event loop drive them alike.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from review_model.errors import Problem
from review_model.home import Home
from review_model.identity import signing_key
from review_model.sheets.context import Reviewer
from review_model.signing.returns import ExportResult, export_returns

from .messages import describe
from .passphrase import with_passphrase
from .tasks import run_with_progress


class ReturnExport(QObject):
    finished = Signal(object)  # ExportResult on success; the Problem (or exception) otherwise

    def __init__(self, home: Home, parent: QWidget, include_photos: bool = True) -> None:
        super().__init__(parent)
        self._home, self._parent, self._include_photos = home, parent, include_photos
        self.file_dialog: QFileDialog | None = None
        self.passphrase_dialog: QInputDialog | None = None
        self.message: QMessageBox | None = None
        self.task = None

    def title(self) -> str:
        return self.tr("Export return bundle")

    def start(self) -> None:
        """Ask where to write the bundle (a non-native dialog, opened window-modal)."""
        try:
            reviewer = Reviewer.open(self._home)
        except Problem as problem:
            self._tell(QMessageBox.Icon.Warning, describe(problem))
            self.finished.emit(problem)
            return
        suggested = Path(QDir.homePath()) / f"{reviewer.expert_id}-{reviewer.round_id}.rvret"
        dialog = QFileDialog(self._parent, self.title(), str(suggested), self.tr("Return bundles (*.rvret)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setDefaultSuffix("rvret")
        dialog.selectFile(str(suggested))
        dialog.fileSelected.connect(self._chosen)
        self.file_dialog = dialog
        dialog.open()

    def _chosen(self, path: str) -> None:
        prompt = self.tr("The bundle is signed with your key. Type the passphrase of your key file:")
        self.passphrase_dialog = with_passphrase(self._parent, self._home, self.title(), prompt,
                                                 lambda passphrase: self.run(Path(path), passphrase))

    def run(self, path: Path, passphrase: str | None = None) -> None:
        """Write the bundle to `path` with progress (the key is unlocked in the worker too)."""
        home, include_photos = self._home, self._include_photos

        def work(progress):
            key = signing_key(home, lambda: passphrase or None)
            return export_returns(home, path, key, include_photos=include_photos, progress=progress)

        self.task = run_with_progress(self._parent, self.tr("Writing the return bundle…"), work, self._done, self._failed)

    def _done(self, result: ExportResult) -> None:
        text = self.tr("The return bundle is saved as {path}.\n{revisions} signed revisions for {applicants} applicants, "
                       "{conflicts} declared conflicts, {photos} photos.").format(
            path=result.path, revisions=result.revisions, applicants=result.applicants, conflicts=result.conflicts,
            photos=result.photos)
        if result.unsigned:
            text += "\n" + self.tr("Not in the bundle because not signed yet: {applicants}.").format(
                applicants=", ".join(result.unsigned))
        self._tell(QMessageBox.Icon.Information, text)
        self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._tell(QMessageBox.Icon.Warning, describe(error) if isinstance(error, Problem) else str(error))
        self.finished.emit(error)

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = QMessageBox(icon, self.title(), text, QMessageBox.StandardButton.Ok, self._parent)
        self.message.open()


def export_return_bundle(parent: QWidget, home: Home, include_photos: bool = True) -> ReturnExport:
    """The File → Export action: start the export dialogs; keep the returned object alive until `finished`."""
    exporter = ReturnExport(home, parent, include_photos)
    exporter.start()
    return exporter
