"""Export and sign the panel result: refuse while a blocker stands, ask before signing while sheets are
missing, choose the folder, unlock the chair's key (passphrase only for a key file), write the outputs
off the GUI thread, then say where. The flow is every signed export's (ui/signed_export.py).

    exporter = ResultExport(home, compilation, parent); exporter.finished.connect(...); exporter.start()
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QMessageBox, QWidget

from review_model.chair.compile import Compilation
from review_model.chair.result import ResultWritten, write_result
from review_model.home import Home

from ..passphrase import Unlock
from ..signed_export import SignedExport


class ResultExport(SignedExport):
    folder = True

    def __init__(self, home: Home, compilation: Compilation, parent: QWidget, unlock: Unlock | None = None) -> None:
        super().__init__(home, parent, compilation.chair.expert_id, unlock)
        self._comp = compilation
        self.allow_incomplete = False  # the chair confirmed signing while sheets are missing

    def title(self) -> str:
        return self.tr("Export and sign the panel result")

    def prompt(self) -> str:
        return self.tr("The result is signed with your key as the chair. Type the passphrase of your key file:")

    def busy_text(self) -> str:
        return self.tr("Writing and signing the panel result…")

    def suggested(self) -> Path:
        return Path(QDir.homePath()) / f"{self._comp.round.round_id}-result"

    def before_choosing(self) -> bool:
        comp = self._comp
        if comp.blockers:
            self.refuse(comp.blockers[0])
            return False
        if comp.missing:
            self._ask_incomplete()
            return False
        return True

    def _ask_incomplete(self) -> None:
        comp = self._comp
        names = {m.expert_id: m.name for m in comp.members}
        applicants = {a.applicant_id: a.name for a in comp.applicants}
        lines = [self.tr("{expert} ({expert_id}) for {applicant} ({applicant_id})").format(
            expert=names.get(e, e), expert_id=e, applicant=applicants.get(a, a), applicant_id=a) for e, a in comp.missing]
        text = self.tr("These score sheets have not arrived:\n{sheets}\n\nThose scores rest on fewer experts than the "
                       "panel (and may not be trimmed). Sign the result without them? The result records that you "
                       "did.").format(sheets="\n".join(lines))
        self.question = QMessageBox(QMessageBox.Icon.Question, self.title(), text,
                                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self._parent)
        self.question.button(QMessageBox.StandardButton.Yes).setText(self.tr("Sign without them"))
        self.question.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.question.finished.connect(self._answered)
        self.question.open()

    def _answered(self, _result: int) -> None:
        if self.question.clickedButton() is self.question.button(QMessageBox.StandardButton.Yes):
            self.allow_incomplete = True
            self.choose()
        else:
            self.finished.emit(None)  # nothing signed, nothing to say

    def write(self, path: Path, key, progress) -> ResultWritten:
        return write_result(self._home, self._comp, path, key, progress, allow_incomplete=self.allow_incomplete)

    def done_text(self, written: ResultWritten) -> str:
        text = self.tr("The panel result is signed and saved in {folder}:\n{files}\n{candidates} candidates.").format(
            folder=written.outdir, files="\n".join(p.name for p in written.files), candidates=written.candidates)
        if written.late:
            text += "\n" + self.tr("Warning: the publicity period ends too late for the report deadline.")
        return text
