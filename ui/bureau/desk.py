"""The bureau's desk (区人力资源局工作台): what an identity with role bureau opens instead of the
expert's workspace. Tabs follow the round: set up, applicants, dossiers, rubric, experts, build
the signed package (off the GUI thread, with progress and cancel), publish the result."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from review_model.bureau.publish import Published, publish
from review_model.bureau.spec import build_from_desk
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import signing_key

from ..messages import describe
from ..passphrase import Unlock, with_passphrase
from ..tasks import BackgroundTask, run_with_progress
from .experts_step import ExpertsStep
from .round_step import RoundStep
from .rubric_step import RubricStep
from .setup_tabs import ApplicantsStep, DossiersStep, Step


class BuildStep(Step):
    built = Signal(object)  # (report, digest)

    def __init__(self, home: Home, unlock: Unlock | None = None) -> None:
        super().__init__(home)
        self._unlock = unlock  # the session's passphrase, which then signs without a prompt
        self.output = QLineEdit(str(home.root / "round.rvpkg"))
        self.ocr = QCheckBox(self.tr("Read the scanned pages here and ship the text (package build --ocr)"))
        self.build_button = QPushButton(self.tr("Build and sign the package"))
        self.build_button.clicked.connect(self.start)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.task: BackgroundTask | None = None
        self._passphrase_dialog = None
        form = QFormLayout()
        form.addRow(self.tr("Package file"), self.output)
        form.addRow("", self.ocr)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.build_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def refresh(self) -> None:
        pass

    def start(self) -> None:
        prompt = self.tr("The package is signed with the bureau's key. Type the passphrase of your key file:")
        self._passphrase_dialog = with_passphrase(self, self.home, self.tr("Build the package"), prompt, self.run,
                                                  self._unlock)

    def run(self, passphrase: str | None = None) -> None:
        home, out, ocr = self.home, Path(self.output.text()), self.ocr.isChecked()

        def work(progress):
            key = signing_key(home, lambda: passphrase or None, person_id="")
            return build_from_desk(home, out, key, progress, ocr)

        self.build_button.setEnabled(False)
        self.task = run_with_progress(self, self.tr("Checking the dossiers and building the package…"), work,
                                      self._done, self._failed)

    def _done(self, outcome) -> None:
        report, _digest = outcome
        self.build_button.setEnabled(True)
        accepted = sum(1 for e in report if e.acceptance == "accepted")
        self.result.setText(self.tr("Package written to {path}: {accepted} of {total} applicants accepted, "
                                    "{correction} to be corrected.").format(
            path=self.output.text(), accepted=accepted, total=len(report), correction=len(report) - accepted))
        self.built.emit(outcome)

    def _failed(self, error: object) -> None:
        self.build_button.setEnabled(True)
        if isinstance(error, Problem) and error.code == Code.CANCELLED:
            self.result.setText(self.tr("Cancelled; no package was written."))
            return
        self.refused.emit(error if isinstance(error, Problem) else Problem(Code.FILE_WRITE_FAILED, path=self.output.text(),
                                                                           detail=str(error)))


class PublishStep(Step):
    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.result_file, self.package_file = QLineEdit(), QLineEdit(str(home.root / "round.rvpkg"))
        self.outdir = QLineEdit(str(home.root / "publicity"))
        self.publish_button = QPushButton(self.tr("Verify the result and write the publicity notice and report letter"))
        self.publish_button.clicked.connect(self.run)
        self.done = QLabel()
        self.done.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Chair's result (.rvres)"), self.result_file)
        form.addRow(self.tr("Package (.rvpkg)"), self.package_file)
        form.addRow(self.tr("Folder for the documents"), self.outdir)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.publish_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.done)
        layout.addStretch(1)

    def refresh(self) -> None:
        pass

    def run(self) -> None:
        done: Published | None = self.attempt(lambda: publish(Path(self.result_file.text()), Path(self.package_file.text()),
                                                              Path(self.outdir.text())))
        if done is not None:
            state = self.tr("too late") if done.late else self.tr("in time")
            self.done.setText(self.tr("Written: {publicity} and {letter}. {count} candidates; the letter of {sent} "
                                      "reaches the city bureau {state} (deadline {deadline}).").format(
                publicity=done.publicity, letter=done.report_letter, count=done.candidates, sent=done.sent.isoformat(),
                state=state, deadline=done.deadline.isoformat()))


class BureauDesk(QWidget):
    status_message = Signal(str)

    def __init__(self, home: Home, parent: QWidget | None = None, unlock: Unlock | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.tabs = QTabWidget()
        self.round = RoundStep(home)
        self.applicants = ApplicantsStep(home)
        self.dossiers = DossiersStep(home)
        self.rubric = RubricStep(home)
        self.experts = ExpertsStep(home)
        self.build = BuildStep(home, unlock)
        self.publish = PublishStep(home)
        self.steps: list[Step] = [self.round, self.applicants, self.dossiers, self.rubric, self.experts, self.build,
                                  self.publish]
        names = [self.tr("1 Round"), self.tr("2 Applicants"), self.tr("3 Dossiers (受理/补正)"), self.tr("4 Rubric"),
                 self.tr("5 Experts"), self.tr("6 Build the package"), self.tr("7 Publicity and report")]
        for step, name in zip(self.steps, names):
            self.tabs.addTab(step, name)
            step.refused.connect(self.show_problem)
            step.message.connect(self.status_message)
        self.tabs.currentChanged.connect(lambda index: self.steps[index].refresh())
        self.last_problem: str = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        self.tabs.currentWidget().refresh()

    def show_problem(self, problem: Problem) -> None:
        """One sentence in the UI language; nothing was changed (the domain saw to that)."""
        self.last_problem = describe(problem)
        self.status_message.emit(self.last_problem)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Bureau's desk"), self.last_problem, parent=self)
        box.open()  # non-modal: tests and the clerk go on; the box closes with OK
        self._box = box
