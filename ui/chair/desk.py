"""The chair's desk (组长工作台): take in the experts' return bundles, compile the panel's scores,
record the discussion and reconsideration requests, give reasons for changed scores, rank against
the quota with the publicity window, and export the signed result.

    desk = ChairDesk(home)                    # the chair's home; bundles are verified against its package
    desk = ChairDesk(home, package_path)      # … or against this .rvpkg (it must be the one imported)
    desk.result_signed.connect(...)           # ResultWritten, after "Export and sign result"
    desk.data_changed.connect(...)            # bundles imported, notes, requests or reasons changed
    desk.status_message.connect(...)          # one line for the status bar

Long work (verifying and importing bundles, writing the outputs) runs off the GUI thread.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from review_model.chair.compile import Compilation, compile_panel
from review_model.chair.intake import BUNDLE_SUFFIX, BundleOutcome, IntakeReport
from review_model.chair.receive import receive_returns
from review_model.chair.result import ResultWritten
from review_model.chair.states import BundleStatus
from review_model.errors import Problem
from review_model.home import Home
from review_model.settings import get_setting, set_setting

from ..messages import describe
from ..passphrase import Unlock
from ..tasks import run_with_progress
from .changes_view import ChangesView
from .discussion_view import DiscussionView
from .drilldown import ApplicantDetailView
from .export import ResultExport
from .intake_view import IntakeView
from .labels import policy_text
from .matrix_view import MatrixView
from .ranking_view import RankingView

START_SETTING = "chair.publicity_start"


class ChairDesk(QWidget):
    result_signed = Signal(object)  # ResultWritten
    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, home: Home, package: Path | None = None, parent: QWidget | None = None,
                 unlock: Unlock | None = None) -> None:
        super().__init__(parent)
        self.home, self.unlock = home, unlock  # the session's passphrase, for signing the result
        self._package = Path(package) if package else None
        self._rejected: list[BundleOutcome] = []
        self._selected: str | None = None
        self.compilation: Compilation | None = None
        self.task = None
        self.exporter: ResultExport | None = None
        self.message: QMessageBox | None = None
        self.setAcceptDrops(True)

        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.policy = QLabel()
        self.policy.setWordWrap(True)
        self.policy.setStyleSheet("color: #374151;")
        self.export_button = QPushButton(self.tr("Export and sign result…"))
        self.export_button.clicked.connect(self.export_result)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.policy)
        top.addLayout(heading, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        self.intake = IntakeView()
        self.intake.add_files_requested.connect(self.choose_files)
        self.intake.add_folder_requested.connect(self.choose_folder)
        self.matrix = MatrixView()
        self.matrix.applicant_selected.connect(self._select)
        self.detail = ApplicantDetailView()
        self.discussion = DiscussionView(home)
        self.discussion.changed.connect(self._edited)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.detail)
        lower.addWidget(self.discussion)
        lower.setSizes([860, 420])
        scores = QSplitter(Qt.Orientation.Vertical)
        scores.addWidget(self.matrix)
        scores.addWidget(lower)
        scores.setSizes([300, 320])
        self.changes = ChangesView(home)
        self.changes.changed.connect(self._edited)
        self.ranking = RankingView()
        self.ranking.start_changed.connect(self._start_changed)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.intake, self.tr("Intake"))
        self.tabs.addTab(scores, self.tr("Scores"))
        self.tabs.addTab(self.changes, self.tr("Changed scores"))
        self.tabs.addTab(self.ranking, self.tr("Ranking and candidates"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b91c1c;")
        self.notice.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # --- data ------------------------------------------------------------------------------------
    def _publicity_start(self) -> date | None:
        value = get_setting(self.home, START_SETTING)
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            return None

    def refresh(self) -> Compilation | None:
        """Compile again from the home and redraw every view; returns the compilation (None if not a chair)."""
        try:
            comp = compile_panel(self.home, self._publicity_start())
        except Problem as problem:
            self.notice.setText(describe(problem))
            self.notice.show()
            self.tabs.setEnabled(False)
            self.export_button.setEnabled(False)
            return None
        self.compilation = comp
        self.tabs.setEnabled(True)
        self.export_button.setEnabled(True)
        self.notice.setVisible(bool(comp.blockers))
        if comp.blockers:  # each blocker's sentence says itself that the result cannot be signed
            self.notice.setText(describe(comp.blockers[0]))
        self.title.setText(self.tr("{title} — Chair: {name}").format(title=comp.round.title, name=comp.chair.name))
        section = next((s.title for r in comp.rubrics.values() for s in r.sections if s.code == comp.policy.tie_section), "")
        self.policy.setText("  ".join(policy_text(comp.policy, section)))
        self.intake.show_state(comp.intake, self._rejected)
        self.matrix.show_compilation(comp)
        self.changes.show_compilation(comp)
        self.ranking.show_compilation(comp)
        unexplained = len(comp.unexplained)
        self.tabs.setTabText(2, self.tr("Changed scores ({n})").format(n=len(comp.changes)) if not unexplained
                             else self.tr("Changed scores ({n}, {open} without reason)").format(n=len(comp.changes),
                                                                                               open=unexplained))
        if self._selected is None and comp.applicants:
            self._selected = comp.applicants[0].applicant_id
        self._show_selected()
        return comp

    def _show_selected(self) -> None:
        comp = self.compilation
        applicant = comp.applicant(self._selected) if comp and self._selected else None
        self.detail.show_applicant(comp, applicant)
        self.discussion.show_applicant(comp, applicant)

    def _select(self, applicant_id: str) -> None:
        self._selected = applicant_id
        self._show_selected()

    def select_applicant(self, applicant_id: str) -> None:
        if self.compilation and self.compilation.applicant(applicant_id):
            self.matrix.selectRow([a.applicant_id for a in self.compilation.applicants].index(applicant_id))
            self._select(applicant_id)

    def _edited(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def _start_changed(self, start: date) -> None:
        set_setting(self.home, START_SETTING, start.isoformat())
        self.refresh()

    # --- intake ----------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add return bundles"), "",
                                                self.tr("Return bundles (*.rvret)"))
        if paths:
            self.add_bundles([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add every return bundle in a folder"))
        if folder:
            self.add_bundles([Path(folder)])

    def add_bundles(self, paths: list[Path]) -> None:
        """Verify and import `paths` (files or folders) off the GUI thread, against the imported package."""
        home, package = self.home, self._package
        self.task = run_with_progress(self, self.tr("Verifying the return bundles…"),
                                      lambda progress: receive_returns(home, paths, package, progress),
                                      self._imported, self._failed)

    def _imported(self, report: IntakeReport) -> None:
        self._rejected = list(report.invalid) + self._rejected
        self.refresh()
        self.tabs.setCurrentIndex(0)
        self.status_message.emit(self.tr("{imported} bundles imported, {already} already there, {invalid} refused.").format(
            imported=len(report.imported), already=sum(1 for o in report.outcomes if o.status is BundleStatus.ALREADY),
            invalid=len(report.invalid)))
        self.data_changed.emit()

    def _failed(self, error: object) -> None:
        self.message = QMessageBox(QMessageBox.Icon.Warning, self.tr("Chair's desk"),
                                   describe(error) if isinstance(error, Problem) else str(error),
                                   QMessageBox.StandardButton.Ok, self)
        self.message.open()

    def dragEnterEvent(self, event) -> None:
        if self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.add_bundles(paths)

    @staticmethod
    def _dropped(event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        return [p for p in paths if p.is_dir() or p.suffix.lower() == BUNDLE_SUFFIX]

    # --- the result ------------------------------------------------------------------------------
    def export_result(self) -> ResultExport | None:
        comp = self.refresh()
        if comp is None:
            return None
        self.exporter = ResultExport(self.home, comp, self, self.unlock)
        self.exporter.finished.connect(self._exported)
        self.exporter.start()
        return self.exporter

    def _exported(self, outcome: object) -> None:
        if isinstance(outcome, ResultWritten):
            self.result_signed.emit(outcome)
            self.status_message.emit(self.tr("Panel result signed: {path}").format(path=outcome.files[-1]))
