"""The steps of setting up a round on the bureau's desk, one tab each: the round, the applicants,
their dossiers (受理 / 补正), the rubric and the experts. Every action calls the domain
(review_model/bureau/), which saves it at once; a refusal is shown in words and changes nothing."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from review_model.bureau.dossiers import attach_binder, attach_folder, plan_folder
from review_model.bureau.portal import FIELDS, edit_applicant, import_applicants, list_applicants
from review_model.bureau.publish import write_desk_notices
from review_model.bureau.spec import completeness
from review_model.carriers import ENTITY_KIND_NAMES
from review_model.errors import Code, Problem
from review_model.home import Home

from ..labels import ACCEPTANCE, CARRIER_TYPES, FINDINGS, label, scan_label
from ..messages import describe
from ..tasks import BackgroundTask, run_with_progress
from .binder_picker import BinderPicker


class Step(QWidget):
    """A tab of the desk: tells the desk when it saved something, or why it could not."""

    changed = Signal()
    refused = Signal(object)  # Problem
    message = Signal(str)
    attempted = Signal()  # an `attempt_in_background` has ended, done or refused

    def __init__(self, home: Home) -> None:
        super().__init__()
        self.home = home
        self.task: BackgroundTask | None = None

    def attempt(self, action) -> object | None:
        try:
            result = action()
        except Problem as problem:
            self.refused.emit(problem)
            return None
        self.changed.emit()
        return result

    def attempt_in_background(self, busy: str, action, on_done, button: QWidget | None = None) -> None:
        """`attempt` for writing official documents (PDFs: the first of a process converts its font, a
        second or more): in a BackgroundTask under a progress dialog, `button` disabled meanwhile;
        `on_done(result)` once written."""
        if button is not None:
            button.setEnabled(False)

        def ended() -> None:
            self.task = None
            if button is not None:
                button.setEnabled(True)

        def done(result: object) -> None:
            ended()
            self.changed.emit()
            on_done(result)
            self.attempted.emit()

        def failed(error: object) -> None:
            ended()
            self.refused.emit(error if isinstance(error, Problem)
                              else Problem(Code.INTERNAL_ERROR, detail=f"{type(error).__name__}: {error}"))
            self.attempted.emit()

        self.task = run_with_progress(self, busy, lambda _progress: action(), done, failed, cancellable=False)

    def refresh(self) -> None:  # pragma: no cover - every step has its own
        pass


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, editable: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ApplicantsStep(Step):
    COLUMNS = FIELDS

    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.import_button = QPushButton(self.tr("Import the portal's list (XLSX or CSV)…"))
        self.import_button.clicked.connect(self._choose)
        headers = [self.tr("No."), self.tr("Applicant"), self.tr("Credit code"), self.tr("Kind of unit"),
                   self.tr("Industry"), self.tr("Carrier type"), self.tr("Address"), self.tr("Legal representative"),
                   self.tr("Contact")]
        self.table = _table(headers)
        self.table.itemChanged.connect(self._edited)
        layout = QVBoxLayout(self)
        layout.addWidget(self.import_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table)
        self.refresh()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Applicant list"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv *.txt)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        result = self.attempt(lambda: import_applicants(self.home, path))
        if result is not None:
            self.message.emit(self.tr("{added} applicants added, {updated} updated from {file}.").format(
                added=result.added, updated=result.updated, file=result.file))
            self.refresh()

    def refresh(self) -> None:
        self.table.blockSignals(True)
        rows = list_applicants(self.home)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, field in enumerate(self.COLUMNS):
                value = getattr(row, field)
                shown = (label(CARRIER_TYPES, value) if field == "carrier_type" else
                         ENTITY_KIND_NAMES.get(value, value) if field == "entity_kind" else value)
                self.table.setItem(r, c, _cell(shown, editable=field not in ("applicant_id", "carrier_type", "entity_kind")))
        self.table.resizeColumnsToContents()
        self.table.blockSignals(False)

    def _edited(self, item: QTableWidgetItem) -> None:
        applicant_id = self.table.item(item.row(), 0).text()
        field = self.COLUMNS[item.column()]
        self.attempt(lambda: edit_applicant(self.home, applicant_id, field, item.text()))
        self.refresh()


class DossiersStep(Step):
    """Completeness per applicant, and where its files come from."""

    scans_checked = Signal()  # the scanned pages' verdicts are on screen

    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.folder_button = QPushButton(self.tr("Add a folder of PDFs…"))
        self.binder_button = QPushButton(self.tr("Add a binder PDF (split at its bookmarks)…"))
        self.ranges_button = QPushButton(self.tr("Split a binder by page ranges…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.binder_button.clicked.connect(self._choose_binder)
        self.ranges_button.clicked.connect(lambda: self._choose_binder(by_ranges=True))
        self.notices_button = QPushButton(self.tr("Print the notices (受理/补正)…"))
        self.notices_button.clicked.connect(self._choose_notices_folder)
        self.picker = None  # the open page-range picker, if any
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.binder_button)
        buttons.addWidget(self.ranges_button)
        buttons.addStretch(1)
        buttons.addWidget(self.notices_button)
        self.table = _table([self.tr("No."), self.tr("Applicant"), self.tr("Carrier type"), self.tr("Completeness"),
                             self.tr("Materials"), self.tr("To correct")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.summary = QLabel()
        # What the selected applicant must correct, material by material and page by page.
        self.details = QListWidget()
        self.details.setMaximumHeight(170)
        self._rows: list = []
        # Scanned pages are judged off the GUI thread, after the files' own check is on screen.
        self.scan_task: BackgroundTask | None = None
        self.scan_progress = QProgressBar()
        self.scan_progress.setFormat(self.tr("Checking the scanned pages: %v of %m applicants"))
        self.scan_progress.setMinimumWidth(340)
        self.scan_progress.hide()
        status = QHBoxLayout()
        status.addWidget(self.summary, 1)
        status.addWidget(self.scan_progress)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addLayout(status)
        layout.addWidget(self.details, 1)

    def _choose_notices_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the notices"), str(self.home.root))
        if folder:
            self.write_notices(Path(folder))

    def write_notices(self, outdir: Path) -> None:
        """One 受理通知书 or 补正材料通知书 per applicant into `outdir`, dated today, off the GUI thread."""
        home = self.home
        self.attempt_in_background(self.tr("Writing the notices…"), lambda: write_desk_notices(home, outdir),
                                   self._notices_written, self.notices_button)

    def _notices_written(self, written) -> None:
        corrections = sum(1 for n in written if n.acceptance != "accepted")
        self.message.emit(self.tr("{count} notices written to {folder}: {correction} 补正, {accepted} 受理.").format(
            count=len(written), folder=written[0].path.parent if written else "", correction=corrections,
            accepted=len(written) - corrections))

    def selected(self) -> str | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).text() if row >= 0 else None

    def _choose_folder(self) -> None:
        applicant_id = self.selected()
        if applicant_id is None:
            self.message.emit(self.tr("Select an applicant first."))
            return
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of {id}").format(id=applicant_id))
        if folder:
            self.add_folder(applicant_id, Path(folder))

    def _choose_binder(self, by_ranges: bool = False) -> None:
        applicant_id = self.selected()
        if applicant_id is None:
            self.message.emit(self.tr("Select an applicant first."))
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Binder of {id}").format(id=applicant_id), "", "PDF (*.pdf)")
        if path and by_ranges:
            self.open_picker(applicant_id, Path(path))
        elif path:
            self.add_binder(applicant_id, Path(path))

    def open_picker(self, applicant_id: str, binder: Path) -> None:
        """The thumbnails of the binder, to mark each material's pages (a binder without bookmarks,
        or whose bookmarks are wrong)."""
        try:
            self.picker = BinderPicker(self, applicant_id, binder)
        except Problem as problem:  # not a PDF, password-protected, unreadable
            self.refused.emit(problem)
            return
        self.picker.open()

    def add_folder(self, applicant_id: str, folder: Path) -> None:
        plan = self.attempt(lambda: plan_folder(self.home, applicant_id, folder))
        if plan is None:
            return
        choices = {}
        for match in [m for m in plan if not m.sure and m.material]:
            extra = self.tr("(not a required material)")
            answer, ok = QInputDialog.getItem(self, self.tr("Which material is this?"), match.source,
                                              [match.material, extra], 0, False)
            choices[match.source] = match.material if (ok and answer == match.material) else None
        if self.attempt(lambda: attach_folder(self.home, applicant_id, folder, choices)) is not None:
            self.refresh()

    def add_binder(self, applicant_id: str, binder: Path) -> None:
        try:
            attach_binder(self.home, applicant_id, binder)
        except Problem as problem:
            if problem.code == Code.BINDER_NO_BOOKMARKS:  # nothing to split it by: the clerk marks the ranges
                self.message.emit(describe(problem))
                self.open_picker(applicant_id, binder)
            else:
                self.refused.emit(problem)
            return
        self.changed.emit()
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = completeness(self.home, scans=False)
        except Problem:
            rows = []  # no round yet: the round tab says so
        self._fill(rows)
        if rows:
            self._check_scans()

    def _check_scans(self) -> None:
        self.stop_checking()
        home = self.home
        task = BackgroundTask(lambda progress: completeness(home, progress), self)
        self.scan_task = task
        task.progressed.connect(lambda done, total: (self.scan_progress.setMaximum(total),
                                                     self.scan_progress.setValue(done)))
        task.succeeded.connect(lambda rows: self._scanned(task, rows))
        task.failed.connect(lambda _error: self._scanned(task, None))
        self.scan_progress.setValue(0)
        self.scan_progress.show()
        task.start()

    def _scanned(self, task, rows) -> None:
        if task is not self.scan_task:
            return  # a check started before the latest change: its answer is stale
        self.scan_task = None
        self.scan_progress.hide()
        if rows is not None:
            self._fill(rows)
            self.scans_checked.emit()

    def stop_checking(self) -> None:
        """Stop a scan check under way and wait for its thread (at most one applicant's pages)."""
        task, self.scan_task = self.scan_task, None
        if task is not None:
            task.cancel()
            task.wait()
            self.scan_progress.hide()

    def hideEvent(self, event) -> None:  # leaving the tab or closing the desk: no thread outlives the view
        self.stop_checking()
        super().hideEvent(event)

    def _fill(self, rows: list) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            have = sum(1 for m in row.materials if m.status != "missing")
            findings = "；".join([f"{f.material}：{label(FINDINGS, f.problem)}" for f in row.findings]
                                + ([self.tr("{count} unfit scanned pages").format(count=len(row.scans))] if row.scans else []))
            cells = [row.applicant_id, row.name, label(CARRIER_TYPES, row.carrier_type), label(ACCEPTANCE, row.acceptance),
                     f"{have}/{len(row.materials)}", findings]
            for c, text in enumerate(cells):
                item = _cell(text)
                if c == 3 and row.acceptance == "correction":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        accepted = sum(1 for r in rows if r.acceptance == "accepted")
        self.summary.setText(self.tr("{accepted} of {total} applicants complete, {correction} to be corrected.").format(
            accepted=accepted, total=len(rows), correction=len(rows) - accepted))
        self._show_details()

    def _show_details(self) -> None:
        self.details.clear()
        row = self.table.currentRow()
        if not (0 <= row < len(self._rows)):
            return
        entry = self._rows[row]
        for f in entry.findings:
            self.details.addItem(f"{f.material}：{label(FINDINGS, f.problem)}")
        for scan in entry.scans:
            self.details.addItem(f"{scan.material}：{scan_label(scan)}")

