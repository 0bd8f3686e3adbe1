"""Export and sign the panel result: refuse while a blocker stands, choose the folder, unlock the
chair's key (passphrase only for a key file), write the outputs off the GUI thread, then say where.

    exporter = ResultExport(home, compilation, parent); exporter.finished.connect(...); exporter.start()

The dialogs are opened window-modal (`open()`), so tests and the event loop drive them alike.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from review_model.chair.compile import Compilation
from review_model.chair.result import ResultWritten, write_result
from review_model.errors import Problem
from review_model.home import Home
from review_model.identity import signing_key

from ..messages import describe
from ..passphrase import with_passphrase
from ..tasks import run_with_progress


class ResultExport(QObject):
    finished = Signal(object)  # ResultWritten on success; the Problem (or exception) otherwise

    def __init__(self, home: Home, compilation: Compilation, parent: QWidget) -> None:
        super().__init__(parent)
        self._home, self._comp, self._parent = home, compilation, parent
        self.file_dialog: QFileDialog | None = None
        self.passphrase_dialog: QInputDialog | None = None
        self.message: QMessageBox | None = None
        self.task = None

    def title(self) -> str:
        return self.tr("Export and sign the panel result")

    def start(self) -> None:
        if self._comp.blockers:
            self._tell(QMessageBox.Icon.Warning, describe(self._comp.blockers[0]))
            self.finished.emit(self._comp.blockers[0])
            return
        suggested = Path(QDir.homePath()) / f"{self._comp.round.round_id}-result"
        dialog = QFileDialog(self._parent, self.title(), str(suggested))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.fileSelected.connect(self._chosen)
        self.file_dialog = dialog
        dialog.open()

    def _chosen(self, path: str) -> None:
        prompt = self.tr("The result is signed with your key as the chair. Type the passphrase of your key file:")
        self.passphrase_dialog = with_passphrase(self._parent, self._home, self.title(), prompt,
                                                 lambda passphrase: self.run(Path(path), passphrase))

    def run(self, outdir: Path, passphrase: str | None = None) -> None:
        """Write and sign into `outdir` with progress (the key is unlocked in the worker too)."""
        home, comp = self._home, self._comp

        def work(progress):
            key = signing_key(home, lambda: passphrase or None, person_id=comp.chair.expert_id)
            return write_result(home, comp, outdir, key, progress)

        self.task = run_with_progress(self._parent, self.tr("Writing and signing the panel result…"), work,
                                      self._done, self._failed)

    def _done(self, written: ResultWritten) -> None:
        text = self.tr("The panel result is signed and saved in {folder}:\n{files}\n{candidates} candidates.").format(
            folder=written.outdir, files="\n".join(p.name for p in written.files), candidates=written.candidates)
        if written.late:
            text += "\n" + self.tr("Warning: the publicity period ends too late for the report deadline.")
        self._tell(QMessageBox.Icon.Information, text)
        self.finished.emit(written)

    def _failed(self, error: object) -> None:
        self._tell(QMessageBox.Icon.Warning, describe(error) if isinstance(error, Problem) else str(error))
        self.finished.emit(error)

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = QMessageBox(icon, self.title(), text, QMessageBox.StandardButton.Ok, self._parent)
        self.message.open()
