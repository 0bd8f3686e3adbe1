"""The steps of setting up a round on the bureau's desk, one tab each: the round, the applicants,
their dossiers (受理 / 补正), the rubric and the experts. Every action calls the domain
(review_model/bureau/), which saves it at once; a refusal is shown in words and changes nothing."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from review_model.bureau import desk as round_desk
from review_model.bureau.dossiers import attach_binder, attach_folder, plan_folder
from review_model.bureau.experts import conflict_warnings, enrol_expert, list_experts
from review_model.bureau.portal import FIELDS, edit_applicant, import_applicants, list_applicants
from review_model.bureau.rubric_sheet import export_rubric_xlsx, read_rubric_xlsx
from review_model.bureau.spec import completeness
from review_model.carriers import CARRIER_TYPES as CARRIER_CODES
from review_model.carriers import ENTITY_KIND_NAMES
from review_model.chair.words import chinese_day, policy_lines
from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.rubric import shipped_rubrics

from ..labels import ACCEPTANCE, CARRIER_TYPES, FINDINGS, label, scan_label
from ..messages import describe
from ..tasks import BackgroundTask


class Step(QWidget):
    """A tab of the desk: tells the desk when it saved something, or why it could not."""

    changed = Signal()
    refused = Signal(object)  # Problem
    message = Signal(str)

    def __init__(self, home: Home) -> None:
        super().__init__()
        self.home = home

    def attempt(self, action) -> object | None:
        try:
            result = action()
        except Problem as problem:
            self.refused.emit(problem)
            return None
        self.changed.emit()
        return result

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


class RoundStep(Step):
    """The round from the city's template: year, district, call, deadlines, quotas, contacts."""

    def __init__(self, home: Home) -> None:
        super().__init__(home)
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.round_id, self.district, self.bureau = QLineEdit(), QLineEdit(), QLineEdit()
        self.title, self.call_reference = QLineEdit(), QLineEdit()
        self.address, self.phone = QLineEdit(), QLineEdit()
        self.review, self.report = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.review, self.report):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.publicity_days, self.correction_days = QSpinBox(), QSpinBox()
        self.publicity_days.setRange(1, 30)
        self.correction_days.setRange(1, 30)
        self.quotas = {code: QSpinBox() for code in CARRIER_CODES}
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Round id"), self.round_id)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Bureau"), self.bureau)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Call reference"), self.call_reference)
        form.addRow(self.tr("Review done by"), self.review)
        form.addRow(self.tr("Report to the city by"), self.report)
        form.addRow(self.tr("Publicity (working days)"), self.publicity_days)
        form.addRow(self.tr("Time to correct (working days)"), self.correction_days)
        quotas = QHBoxLayout()
        for code, spin in self.quotas.items():
            spin.setRange(0, 99)
            quotas.addWidget(QLabel(label(CARRIER_TYPES, code)))
            quotas.addWidget(spin)
        quotas.addStretch(1)
        form.addRow(self.tr("Quotas"), quotas)
        form.addRow(self.tr("Address for objections"), self.address)
        form.addRow(self.tr("Phone for objections"), self.phone)
        self.save_button = QPushButton(self.tr("Save the round"))
        self.save_button.clicked.connect(self.save)
        self.schedule = QLabel()
        self.policy = QLabel()  # short lines, unwrapped: a wrapped label is squeezed by the form above it
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.schedule)
        layout.addWidget(self.policy)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        body = round_desk.round_body(self.home) or round_desk.city_template(date.today().year, "光明区")
        self._body = body
        self.year.setValue(body["year"])
        for edit, key in ((self.round_id, "round_id"), (self.district, "district"), (self.bureau, "bureau"),
                          (self.title, "title"), (self.call_reference, "call_reference"),
                          (self.address, "bureau_address"), (self.phone, "bureau_phone")):
            edit.setText(body.get(key, ""))
        deadlines = body["deadlines"]
        self.report.setDate(QDate.fromString(deadlines["report"], "yyyy-MM-dd"))
        self.review.setDate(QDate.fromString(deadlines.get("review") or deadlines["report"], "yyyy-MM-dd"))
        self.publicity_days.setValue(body.get("publicity_days", 5))
        self.correction_days.setValue(body.get("correction_days", 5))
        for code, spin in self.quotas.items():
            spin.setValue(body["quotas"].get(code, 0))
        self._show_schedule()

    def _show_schedule(self) -> None:
        if round_desk.round_body(self.home) is None:
            self.schedule.setText(self.tr("Not saved yet: fill in the round and save it."))
            return
        try:
            round_file = round_desk.require_round(self.home)
            window = round_desk.round_schedule(round_file).window
        except Problem as problem:
            self.refused.emit(problem)
            return
        text = self.tr("Publicity {start} – {end} ({days} working days); the list can be sent on {sent}, "
                       "the deadline is {deadline}: {state}.").format(
            start=chinese_day(window.start), end=chinese_day(window.end), days=len(window.days),
            sent=chinese_day(window.report_by), deadline=chinese_day(window.deadline),
            state=self.tr("too late, move the review deadline earlier") if window.late else self.tr("in time"))
        self.schedule.setText(text)
        self.policy.setText(self.tr("How the panel's scores are combined:") + "\n" + "\n".join(policy_lines(round_file.policy)))

    def values(self) -> dict:
        body = dict(self._body)
        body.update({
            "year": self.year.value(), "round_id": self.round_id.text().strip(), "district": self.district.text().strip(),
            "bureau": self.bureau.text().strip(), "title": self.title.text().strip(),
            "call_reference": self.call_reference.text().strip(), "bureau_address": self.address.text().strip(),
            "bureau_phone": self.phone.text().strip(), "publicity_days": self.publicity_days.value(),
            "correction_days": self.correction_days.value(),
            "quotas": {code: spin.value() for code, spin in self.quotas.items()},
            "deadlines": {**body["deadlines"], "review": self.review.date().toString("yyyy-MM-dd"),
                          "report": self.report.date().toString("yyyy-MM-dd")},
        })
        return body

    def save(self) -> None:
        if self.attempt(lambda: round_desk.save_round(self.home, self.values())) is not None:
            self.message.emit(self.tr("Round saved."))
            self.refresh()


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
        self.picker = None  # the open page-range picker, if any
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.binder_button)
        buttons.addWidget(self.ranges_button)
        buttons.addStretch(1)
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
        from .binder_picker import BinderPicker

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


class RubricStep(Step):
    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.carrier = QComboBox()
        for code in CARRIER_CODES:
            self.carrier.addItem(label(CARRIER_TYPES, code), code)
        self.carrier.currentIndexChanged.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export to XLSX…"))
        self.import_button = QPushButton(self.tr("Import the edited XLSX…"))
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        top = QHBoxLayout()
        for w in (self.carrier, self.export_button, self.import_button):
            top.addWidget(w)
        top.addStretch(1)
        self.version = QLabel()
        self.changes = QListWidget()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.version)
        layout.addWidget(QLabel(self.tr("Changes from the city's template (printed for the panel):")))
        layout.addWidget(self.changes)
        self.refresh()

    def carrier_type(self) -> str:
        return self.carrier.currentData()

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Rubric workbook"), f"{self.carrier_type()}.xlsx", "XLSX (*.xlsx)")
        if path:
            self.attempt(lambda: export_rubric_xlsx(round_desk.district_rubric(self.home, self.carrier_type()), Path(path)))

    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Rubric workbook"), "", "XLSX (*.xlsx)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        def run():
            rubric = read_rubric_xlsx(path)
            round_desk.set_district_rubric(self.home, rubric, path.name)
            return rubric
        rubric = self.attempt(run)
        if rubric is not None:
            self.carrier.setCurrentIndex(list(CARRIER_CODES).index(rubric.carrier_type))
            self.refresh()

    def refresh(self) -> None:
        rubric = round_desk.district_rubric(self.home, self.carrier_type())
        self.version.setText(self.tr("{title}, version {version}").format(title=rubric.title, version=rubric.version))
        self.changes.clear()
        for change in round_desk.rubric_changes(shipped_rubrics()[self.carrier_type()], rubric):
            self.changes.addItem(f"{change.code}  {change.what}: {change.city} → {change.district}")
        if not self.changes.count():
            self.changes.addItem(self.tr("No change: the city's template as published."))


class ExpertsStep(Step):
    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.role = QComboBox()
        self.role.addItem(self.tr("Member"), "member")
        self.role.addItem(self.tr("Chair"), "chair")
        self.organisation, self.job_title = QLineEdit(), QLineEdit()
        self.organisation.setPlaceholderText(self.tr("Organisation"))
        self.job_title.setPlaceholderText(self.tr("Title"))
        self.enrol_button = QPushButton(self.tr("Enrol from a .pub file…"))
        self.enrol_button.clicked.connect(self._choose)
        top = QHBoxLayout()
        for w in (self.role, self.organisation, self.job_title, self.enrol_button):
            top.addWidget(w)
        self.table = _table([self.tr("No."), self.tr("Name"), self.tr("Role"), self.tr("Organisation"), self.tr("Title"),
                             self.tr("Fingerprint")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #a00;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.warnings)
        self.refresh()

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Public identity"), "", self.tr("Public identity (*.pub)"))
        if path:
            self.enrol(Path(path))

    def enrol(self, pub: Path) -> None:
        expert = self.attempt(lambda: enrol_expert(self.home, pub, role=self.role.currentData(),
                                                   organisation=self.organisation.text(), title=self.job_title.text()))
        if expert is not None:
            # The fingerprint is read out to the expert on the phone before the package goes out.
            self.message.emit(self.tr("{name} enrolled; confirm the fingerprint with them: {fingerprint}").format(
                name=expert.name, fingerprint=expert.fingerprint))
            self.organisation.clear()
            self.job_title.clear()
            self.refresh()

    def refresh(self) -> None:
        experts = list_experts(self.home)
        self.table.setRowCount(len(experts))
        roles = {"member": self.tr("Member"), "chair": self.tr("Chair")}
        for r, e in enumerate(experts):
            for c, text in enumerate((e.expert_id, e.name, roles[e.role], e.organisation, e.title, e.fingerprint)):
                self.table.setItem(r, c, _cell(text))
        names = {e.expert_id: e.name for e in experts}
        lines = [self.tr("Warning: {expert} may be conflicted with {applicant} ({value}).").format(
            expert=names[w.expert_id], applicant=w.applicant_id, value=w.value) for w in conflict_warnings(self.home)]
        self.warnings.setText("\n".join(lines))
