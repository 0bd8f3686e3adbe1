"""The experts step of the bureau's desk: enrol the panel from their .pub files (the fingerprint read
back to confirm), and assign each expert all applicants or some of them in a table expert ×
applicant, the cells where an expert may be conflicted (回避: their organisation or name matches the
applicant, its legal representative or its contact) marked, and warned about below."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from review_model.bureau.experts import conflict_warnings, enrol_expert, list_experts, set_assignment
from review_model.bureau.portal import list_applicants
from review_model.home import Home

from .setup_tabs import Step, _cell, _table

_CONFLICT = QColor("#ee9a9a")


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
        self.assignments = QTableWidget()
        self.assignments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assignments.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.assignments.itemChanged.connect(self._ticked)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #a00;")
        self._applicants: list[str] = []
        self._experts: list[str] = []
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(QLabel(self.tr("Who reviews whom (ticked: assigned; “All” includes applicants added "
                                        "later; red: may be conflicted):")))
        layout.addWidget(self.assignments, 4)
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

    def assign(self, expert_id: str, applicant_id: str | None, assigned: bool) -> None:
        """Tick or untick one cell (`applicant_id` None: the “All” column), saved at once."""
        done = self.attempt(lambda: set_assignment(self.home, expert_id, applicant_id, assigned))
        if done is not None:
            self.message.emit(self.tr("Assignments of {name} saved.").format(name=done.name))
        self.refresh()  # refused: the table shows what is saved

    def cell(self, expert_id: str, applicant_id: str | None) -> QTableWidgetItem:
        column = 0 if applicant_id is None else 1 + self._applicants.index(applicant_id)
        return self.assignments.item(self._experts.index(expert_id), column)

    def _ticked(self, item: QTableWidgetItem) -> None:
        expert_id = self._experts[item.row()]
        applicant_id = None if item.column() == 0 else self._applicants[item.column() - 1]
        self.assign(expert_id, applicant_id, item.checkState() == Qt.CheckState.Checked)

    def refresh(self) -> None:
        experts = list_experts(self.home)
        self.table.setRowCount(len(experts))
        roles = {"member": self.tr("Member"), "chair": self.tr("Chair")}
        for r, e in enumerate(experts):
            for c, text in enumerate((e.expert_id, e.name, roles[e.role], e.organisation, e.title, e.fingerprint)):
                self.table.setItem(r, c, _cell(text))
        applicants = list_applicants(self.home)
        warnings = conflict_warnings(self.home)
        what = {"organisation": self.tr("organisation"), "legal_representative": self.tr("legal representative"),
                "contact": self.tr("contact")}
        flagged: dict[tuple[str, str], list[str]] = {}
        for w in warnings:
            flagged.setdefault((w.expert_id, w.applicant_id), []).append(f"{what[w.what]}：{w.value}")
        self._experts, self._applicants = [e.expert_id for e in experts], [a.applicant_id for a in applicants]
        grid = self.assignments
        grid.blockSignals(True)
        grid.clear()
        grid.setRowCount(len(experts))
        grid.setColumnCount(1 + len(applicants))
        grid.setHorizontalHeaderLabels([self.tr("All")] + self._applicants)
        grid.setVerticalHeaderLabels([e.name for e in experts])
        for c, a in enumerate(applicants, start=1):
            grid.horizontalHeaderItem(c).setToolTip(a.name)
        for r, e in enumerate(experts):
            grid.setItem(r, 0, _tick(e.applicants is None))
            for c, a in enumerate(applicants, start=1):
                item = _tick(e.applicants is None or a.applicant_id in e.applicants)
                found = flagged.get((e.expert_id, a.applicant_id))
                if found:
                    item.setBackground(QBrush(_CONFLICT))
                    item.setToolTip(self.tr("May be conflicted with {applicant}: {why}").format(
                        applicant=a.name, why="；".join(found)))
                grid.setItem(r, c, item)
        grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        grid.blockSignals(False)
        names = {e.expert_id: e.name for e in experts}
        applicant_names = {a.applicant_id: a.name for a in applicants}
        lines = [self.tr("Warning: {expert} may be conflicted with {applicant} ({value}).").format(
            expert=names[w.expert_id], applicant=f"{w.applicant_id} {applicant_names.get(w.applicant_id, '')}".strip(),
            value=f"{what[w.what]}：{w.value}") for w in warnings]
        self.warnings.setText("\n".join(lines))


def _tick(on: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item
