"""Ranking and the candidate list per carrier type, with the quota and the tie rule, and the publicity
window (公示) from a chosen start on the package's working-day calendar, warning when the list would
reach the bureau after the report deadline."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from review_model.chair.compile import Compilation

from ..labels import CARRIER_TYPES, label
from ..messages import describe
from .labels import TIE_RULES, flags_text, text
from .matrix_view import CANDIDATE, cell, score_cell, soft_selection

WARNING_STYLE, FINE_STYLE = "color: #b91c1c; font-weight: bold;", "color: #15803d;"


class RankingView(QWidget):
    start_changed = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = QDateEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.start.setMaximumWidth(150)
        self.start.dateChanged.connect(lambda d: self.start_changed.emit(date(d.year(), d.month(), d.day())))
        self.window = QLabel()
        self.window.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.tie_rule = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Publicity starts"), self.start)
        form.addRow(self.tr("Publicity period"), self.window)
        form.addRow("", self.warning)
        form.addRow(self.tr("Ties"), self.tie_rule)
        self.groups = QWidget()
        self.groups_layout = QVBoxLayout(self.groups)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.groups)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        self.tables: dict[str, QTableWidget] = {}

    def show_compilation(self, comp: Compilation) -> None:
        if comp.publicity_start is not None:
            self.start.blockSignals(True)
            s = comp.publicity_start
            self.start.setDate(QDate(s.year, s.month, s.day))
            self.start.blockSignals(False)
        self._show_window(comp)
        section = next((s.title for r in comp.rubrics.values() for s in r.sections if s.code == comp.policy.tie_section), "")
        self.tie_rule.setText(text(TIE_RULES, comp.policy.tie_rule).format(section=section or comp.policy.tie_section or ""))
        while self.groups_layout.count():
            widget = self.groups_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.tables = {}
        for carrier_type in comp.carrier_types():
            chosen = len(comp.candidates(carrier_type))
            box = QGroupBox(self.tr("{type}: quota {quota}, {n} candidates").format(
                type=label(CARRIER_TYPES, carrier_type), quota=comp.quotas.get(carrier_type, 0), n=chosen))
            table = self._table(comp, carrier_type)
            inner = QVBoxLayout(box)
            inner.addWidget(table)
            self.groups_layout.addWidget(box)
            self.tables[carrier_type] = table
        self.groups_layout.addStretch(1)

    def _show_window(self, comp: Compilation) -> None:
        w = comp.window
        if w is None:
            self.window.setText("")
            self.warning.setText(describe(comp.window_problem) if comp.window_problem else "")
            self.warning.setStyleSheet(WARNING_STYLE)
            return
        self.window.setText(self.tr("{start} to {end}, {n} working days; the list can be sent on {report_by} "
                                    "(deadline {deadline}).").format(start=w.start.isoformat(), end=w.end.isoformat(),
                                                                     n=len(w.days), report_by=w.report_by.isoformat(),
                                                                     deadline=w.deadline.isoformat()))
        if w.late:
            self.warning.setText(self.tr("Too late: after the publicity period the list reaches the bureau after the "
                                         "deadline {deadline}. Choose an earlier start.").format(
                deadline=w.deadline.isoformat()))
            self.warning.setStyleSheet(WARNING_STYLE)
        else:
            self.warning.setText(self.tr("In time for the report deadline."))
            self.warning.setStyleSheet(FINE_STYLE)

    def _table(self, comp: Compilation, carrier_type: str) -> QTableWidget:
        names = {m.expert_id: m.name for m in comp.members}
        applicants = comp.of_type(carrier_type)
        table = QTableWidget(len(applicants), 6)
        table.setHorizontalHeaderLabels([self.tr("Rank"), self.tr("Applicant"), self.tr("Credit code"),
                                         self.tr("Final"), self.tr("Candidate"), self.tr("Flags")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        soft_selection(table)
        for row, a in enumerate(applicants):
            r = a.result
            background = CANDIDATE if r.recommended else None
            table.setItem(row, 0, cell(str(r.rank) if r.rank else "—", background=background))
            table.setItem(row, 1, cell(a.name, background=background))
            table.setItem(row, 2, cell(a.uscc, background=background))
            table.setItem(row, 3, score_cell(r, names, background))
            table.setItem(row, 4, cell(self.tr("✓ candidate") if r.recommended else "", background=background))
            about = [f for f in r.flags if f.about_ranking]
            table.setItem(row, 5, cell(flags_text(about, names), tip=flags_text(about, names, "\n")))
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 6
        table.setFixedHeight(max(height, 60))
        return table
