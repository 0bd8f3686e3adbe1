"""The bureau's desk (区人力资源局工作台): what an identity with role bureau opens instead of the
expert's workspace. Tabs follow the round: set up, applicants, dossiers, rubric, experts, build
the signed package (off the GUI thread, with progress and cancel), publish the result."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from review_model.bureau.publish import (
    ObjectionVerdict,
    Published,
    decide_objection,
    list_objections,
    publicity_facts,
    publish,
    record_objection,
    write_final_list,
)
from review_model.bureau.spec import build_from_desk
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import signing_key

from ..labels import VERDICTS, label
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
    """公示 and 报送: the result verified, the notice and the letter written; then the objections
    received during the window, each with its finding, and the final list without upheld candidates."""

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
        layout.addWidget(self._objections_box(), 1)
        self.refresh()

    def _objections_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Objections during the publicity (公示) and the final list"))
        self.load_button = QPushButton(self.tr("Load the candidate list"))
        self.load_button.clicked.connect(self.load_candidates)
        self.candidate = QComboBox()
        self.candidate.setMinimumWidth(260)
        self.received = QDateEdit(calendarPopup=True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.objector, self.about = QLineEdit(), QLineEdit()
        self.objector.setPlaceholderText(self.tr("Unit, or real name and phone"))
        self.about.setPlaceholderText(self.tr("What the objection says"))
        self.record_button = QPushButton(self.tr("Record the objection"))
        self.record_button.clicked.connect(self.record)
        top = QHBoxLayout()
        top.addWidget(self.load_button)
        top.addWidget(self.candidate)
        top.addWidget(QLabel(self.tr("received")))
        top.addWidget(self.received)
        top.addWidget(self.objector, 1)
        top.addWidget(self.about, 2)
        top.addWidget(self.record_button)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Received"), self.tr("Raised by"),
                                              self.tr("About"), self.tr("Finding"), self.tr("Reason")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("What the bureau found (required)"))
        self.upheld_button = QPushButton(self.tr("Upheld (成立)"))
        self.rejected_button = QPushButton(self.tr("Not upheld (不成立)"))
        self.upheld_button.clicked.connect(lambda: self.decide(ObjectionVerdict.UPHELD))
        self.rejected_button.clicked.connect(lambda: self.decide(ObjectionVerdict.REJECTED))
        self.final_button = QPushButton(self.tr("Write the final list"))
        self.final_button.clicked.connect(self.final_list)
        decide = QHBoxLayout()
        decide.addWidget(QLabel(self.tr("Finding on the selected objection:")))
        decide.addWidget(self.reason, 1)
        decide.addWidget(self.upheld_button)
        decide.addWidget(self.rejected_button)
        decide.addSpacing(20)
        decide.addWidget(self.final_button)
        self.final_done = QLabel()
        self.final_done.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(decide)
        layout.addWidget(self.final_done)
        return box

    def _paths(self) -> tuple[Path, Path]:
        return Path(self.result_file.text()), Path(self.package_file.text())

    def refresh(self) -> None:
        rows = list_objections(self.home)
        self.table.setRowCount(len(rows))
        for r, o in enumerate(rows):
            cells = (str(o.number), o.received.isoformat(), o.objector, f"{o.applicant_id} {o.applicant_name}",
                     label(VERDICTS, o.verdict), o.reason)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4 and o.verdict == ObjectionVerdict.UPHELD:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()

    def load_candidates(self) -> None:
        loaded = self.attempt(lambda: publicity_facts(*self._paths()))
        if loaded is None:
            return
        _, facts = loaded
        self.candidate.clear()
        for chosen in facts.candidates.values():
            for c in chosen:
                self.candidate.addItem(f"{c.applicant_id} {c.name}", c.applicant_id)
        self.received.setDateRange(QDate(facts.start.year, facts.start.month, facts.start.day),
                                   QDate(facts.end.year, facts.end.month, facts.end.day))
        self.window_text = self.tr("Publicity {start} to {end}.").format(start=facts.start.isoformat(),
                                                                         end=facts.end.isoformat())
        self.message.emit(self.window_text)

    def record(self) -> None:
        received = self.received.date().toPython()
        applicant_id = self.candidate.currentData() or ""
        done = self.attempt(lambda: record_objection(self.home, *self._paths(), applicant_id=applicant_id,
                                                     received=received, objector=self.objector.text(),
                                                     summary=self.about.text()))
        if done is not None:
            self.objector.clear()
            self.about.clear()
            self.refresh()
            self.table.selectRow(self.table.rowCount() - 1)

    def decide(self, verdict: ObjectionVerdict) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.message.emit(self.tr("Select an objection first."))
            return
        number = int(self.table.item(row, 0).text())
        if self.attempt(lambda: decide_objection(self.home, number, verdict, self.reason.text())) is not None:
            self.reason.clear()
            self.refresh()

    def final_list(self) -> None:
        home, paths, outdir = self.home, self._paths(), Path(self.outdir.text())
        self.attempt_in_background(self.tr("Writing the final list…"),
                                   lambda: write_final_list(home, *paths, outdir), self._final_written, self.final_button)

    def _final_written(self, done) -> None:
        if done is not None:
            self.final_done.setText(self.tr("Final list written to {path}: {count} candidates, {removed} removed by "
                                            "upheld objections. The report letter now lists them: {letter}.").format(
                path=done.path, count=sum(len(c) for c in done.candidates.values()), removed=len(done.removed),
                letter=done.letter))

    def run(self) -> None:
        paths = Path(self.result_file.text()), Path(self.package_file.text()), Path(self.outdir.text())
        self.attempt_in_background(self.tr("Verifying the result and writing the publicity notice and report letter…"),
                                   lambda: publish(*paths), self._published, self.publish_button)

    def _published(self, done: Published) -> None:
        if done is not None:
            state = self.tr("too late") if done.late else self.tr("in time")
            self.done.setText(self.tr("Written: {publicity} and {letter}. {count} candidates; the letter of {sent} "
                                      "reaches the city bureau {state} (deadline {deadline}).").format(
                publicity=done.publicity, letter=done.report_letter, count=done.candidates, sent=done.sent.isoformat(),
                state=state, deadline=done.deadline.isoformat()))
            self.load_candidates()


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
