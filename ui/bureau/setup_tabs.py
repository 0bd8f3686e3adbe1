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
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from review_model.bureau.dossiers import attach_binder, attach_folder, plan_folder
from review_model.bureau.portal import FIELDS, edit_applicant, import_applicants, list_applicants
from review_model.bureau.spec import completeness
from review_model.carriers import ENTITY_KIND_NAMES
from review_model.errors import Problem
from review_model.home import Home

from ..labels import ACCEPTANCE, CARRIER_TYPES, FINDINGS, label


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

    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.folder_button = QPushButton(self.tr("Add a folder of PDFs…"))
        self.binder_button = QPushButton(self.tr("Add a binder PDF (split at its bookmarks)…"))
        self.folder_button.clicked.connect(self._choose_folder)
        self.binder_button.clicked.connect(self._choose_binder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.binder_button)
        buttons.addStretch(1)
        self.table = _table([self.tr("No."), self.tr("Applicant"), self.tr("Carrier type"), self.tr("Completeness"),
                             self.tr("Materials"), self.tr("To correct")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)

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

    def _choose_binder(self) -> None:
        applicant_id = self.selected()
        if applicant_id is None:
            self.message.emit(self.tr("Select an applicant first."))
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Binder of {id}").format(id=applicant_id), "", "PDF (*.pdf)")
        if path:
            self.add_binder(applicant_id, Path(path))

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
        if self.attempt(lambda: attach_binder(self.home, applicant_id, binder)) is not None:
            self.refresh()

    def refresh(self) -> None:
        try:
            rows = completeness(self.home)
        except Problem:
            rows = []  # no round yet: the round tab says so
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            have = sum(1 for m in row.materials if m.status != "missing")
            findings = "；".join(f"{f.material}：{label(FINDINGS, f.problem)}" for f in row.findings)
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
