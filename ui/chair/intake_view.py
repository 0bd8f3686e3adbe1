"""The intake tab: every bundle offered (valid and current, superseded, or invalid with the reason) and
the assignments grid (applicants × experts: which revision counts, conflicts, missing sheets)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from review_model.chair.intake import BundleOutcome, IntakeState
from review_model.chair.states import BundleStatus, SheetStatus

from ..messages import describe
from .labels import OUTCOMES, text
from .matrix_view import soft_selection

INVALID, CONFLICT, MISSING, AMENDED = QColor("#fde2e1"), QColor("#e5e7eb"), QColor("#fef3c7"), QColor("#dbeafe")


def _item(value: str, tip: str = "", background: QColor | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(value)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    if background is not None:
        item.setBackground(QBrush(background))
    return item


class IntakeView(QWidget):
    add_files_requested = Signal()
    add_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_files = QPushButton(self.tr("Add return bundles…"))
        self.add_folder = QPushButton(self.tr("Add a folder…"))
        self.add_files.clicked.connect(self.add_files_requested)
        self.add_folder.clicked.connect(self.add_folder_requested)
        hint = QLabel(self.tr("Drop .rvret files or folders here. Each bundle is verified against the round's package; "
                              "an invalid one imports nothing."))
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_files)
        buttons.addWidget(self.add_folder)
        buttons.addWidget(hint, 1)

        self.bundles = QTableWidget(0, 6)
        self.bundles.setHorizontalHeaderLabels([self.tr("File"), self.tr("Expert"), self.tr("Exported"),
                                                self.tr("Signed sheets"), self.tr("Status"), self.tr("Reason")])
        self._setup(self.bundles)
        self.bundles.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)

        self.grid = QTableWidget(0, 0)
        self._setup(self.grid)
        self.grid.currentCellChanged.connect(lambda row, column, *_: self._show_history(row, column))
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Assignments: the revision that counts per expert and applicant")))
        lower_layout.addWidget(self.grid, 1)
        lower_layout.addWidget(self.history)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.bundles)
        split.addWidget(lower)
        split.setSizes([200, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._state: IntakeState | None = None
        self._names: dict[str, str] = {}

    @staticmethod
    def _setup(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        soft_selection(table)

    def show_state(self, state: IntakeState, rejected: list[BundleOutcome]) -> None:
        self._state = state
        self._names = {m.expert_id: m.name for m in state.members}
        rows = [(o.path.name, "", "", "", text(OUTCOMES, BundleStatus.INVALID), describe(o.problem), INVALID)
                for o in rejected]
        for b in reversed(state.bundles):
            status = text(OUTCOMES, "current" if b.current else "superseded")
            detail = self.tr("declared conflicts: {conflicts}").format(conflicts=b.conflicts) if b.conflicts else ""
            rows.append((b.file_name, f"{b.expert_name}（{b.expert_id}）", b.created_at.strftime("%Y-%m-%d %H:%M"),
                         str(b.revisions), status, detail, None if b.current else CONFLICT))
        self.bundles.setRowCount(len(rows))
        for r, (*cells, colour) in enumerate(rows):
            for c, value in enumerate(cells):
                self.bundles.setItem(r, c, _item(value, value if c == 5 else "", colour))
        self.bundles.resizeColumnsToContents()
        self.bundles.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self._fill_grid(state)
        missing = len(state.missing())
        self.summary.setText(self.tr("{bundles} valid bundles received; {missing} sheets still missing; "
                                     "{rejected} files refused in this session.").format(
            bundles=len(state.bundles), missing=missing, rejected=len(rejected)))

    def _fill_grid(self, state: IntakeState) -> None:
        members = state.members
        self.grid.clear()
        self.grid.setRowCount(len(state.applicants))
        self.grid.setColumnCount(len(members) + 1)
        self.grid.setHorizontalHeaderLabels([self.tr("Applicant")] + [f"{m.name}\n{m.expert_id}" for m in members])
        for r, applicant in enumerate(state.applicants):
            self.grid.setItem(r, 0, _item(f"{applicant.applicant_id}  {applicant.name}"))
            for c, member in enumerate(members, start=1):
                a = state.assignments.get((member.expert_id, applicant.applicant_id))
                if a is None:
                    self.grid.setItem(r, c, _item("—"))
                elif a.status is SheetStatus.CONFLICT:
                    self.grid.setItem(r, c, _item(self.tr("Conflict"), a.conflict_reason, CONFLICT))
                elif a.status is SheetStatus.MISSING:
                    self.grid.setItem(r, c, _item(self.tr("Missing"), "", MISSING))
                else:
                    label = self.tr("r{n}").format(n=a.revision)
                    if len(a.history) > 1:
                        label += self.tr(" (supersedes r{old})").format(old=a.history[-2].revision)
                    self.grid.setItem(r, c, _item(label, "", AMENDED if len(a.history) > 1 else None))
        self.grid.resizeColumnsToContents()

    def _show_history(self, row: int, column: int) -> None:
        if self._state is None or row < 0 or column < 1 or row >= len(self._state.applicants):
            self.history.clear()
            return
        applicant = self._state.applicants[row]
        member = self._state.members[column - 1]
        a = self._state.assignments.get((member.expert_id, applicant.applicant_id))
        if a is None:
            self.history.setText(self.tr("Not assigned."))
            return
        lines = [self.tr("{expert} on {applicant}:").format(expert=member.name, applicant=applicant.name)]
        if a.status is SheetStatus.CONFLICT:
            lines.append(self.tr("Conflict of interest declared: {reason}").format(reason=a.conflict_reason))
        for r in a.history:
            line = self.tr("r{n} signed {when} ({file})").format(n=r.revision, when=r.signed_at.strftime("%Y-%m-%d %H:%M"),
                                                                file=r.file_name)
            if r.amend_reason:
                line += self.tr(", amended: {reason}").format(reason=r.amend_reason)
            lines.append(line + (self.tr(" — counts") if r.counts else ""))
        if not a.history and a.status is SheetStatus.MISSING:
            lines.append(self.tr("No sheet received."))
        self.history.setText("\n".join(lines))
