"""One applicant in detail: the experts' totals as a strip plot, and items × experts with the panel's
aggregated value per item; abnormal cells (畸高畸低) and low scores without a reason are highlighted,
comments are in the tooltips."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QVBoxLayout, QWidget

from review_model.chair.aggregate import panel_maximum, round_half_up
from review_model.chair.compile import ApplicantCompiled, Compilation
from review_model.chair.flags import Direction, abnormal_items, abnormal_totals, unexplained_lows
from review_model.chair.states import SheetStatus

from ..labels import CARRIER_TYPES, label
from .labels import sheets_tip
from .matrix_view import CONFLICT, HIGH, LOW, MISSING, cell, number, soft_selection
from .strip_plot import StripPlot

LOW_NO_REASON = QColor("#fde68a")


class ApplicantDetailView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.plot = StripPlot()
        self.items = QTableWidget(0, 0)
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items.verticalHeader().setVisible(False)
        self.items.setWordWrap(False)
        soft_selection(self.items)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot)
        layout.addWidget(self.items, 1)

    def show_applicant(self, comp: Compilation, applicant: ApplicantCompiled | None) -> None:
        if applicant is None:
            self.title.setText(self.tr("Choose an applicant in the matrix to see its items."))
            self.items.setRowCount(0)
            self.plot.set_data([], None, Decimal(100))
            return
        rubric = comp.rubrics[applicant.carrier_type]
        result = applicant.result
        names = {m.expert_id: m.name for m in comp.members}
        scorers = [e for e in applicant.experts if e.status is SheetStatus.SCORED]
        title = self.tr("{name} ({id}, {type}): final {final}, {n} experts counted{trim}.").format(
            name=applicant.name, id=applicant.applicant_id, type=label(CARRIER_TYPES, applicant.carrier_type),
            final=number(result.final_score), n=result.sheets_received,
            trim=self.tr(", highest and lowest dropped") if result.trimmed else "")
        if result.incomplete:
            title += " " + sheets_tip(result, names) + "."
        self.title.setText(title)
        marks = abnormal_totals(result.flags)
        self.plot.set_data([(e.expert_id, e.total, e.expert_id in marks) for e in scorers], result.final_score,
                           panel_maximum(rubric))
        self._fill_items(comp, applicant, names)

    def _fill_items(self, comp: Compilation, applicant: ApplicantCompiled, names: dict[str, str]) -> None:
        rubric = comp.rubrics[applicant.carrier_type]
        result = applicant.result
        abnormal, unexplained = abnormal_items(result.flags), unexplained_lows(result.flags)
        experts = list(applicant.experts)
        headers = [self.tr("Item"), self.tr("Max"), *[f"{names[e.expert_id]}\n{e.expert_id}" for e in experts],
                   self.tr("Panel")]
        items = rubric.scored_items
        self.items.clear()
        self.items.setColumnCount(len(headers))
        self.items.setHorizontalHeaderLabels(headers)
        self.items.setRowCount(len(items) + 1)
        right = Qt.AlignmentFlag.AlignRight
        for row, item in enumerate(items):
            self.items.setItem(row, 0, cell(f"{item.code} {item.title}", tip=item.rule))
            self.items.setItem(row, 1, cell(number(item.max_points), align=right))
            for column, expert in enumerate(experts, start=2):
                if expert.status is not SheetStatus.SCORED:
                    conflict = expert.status is SheetStatus.CONFLICT
                    words = self.tr("Conflict") if conflict else self.tr("Missing")
                    self.items.setItem(row, column, cell(words, background=CONFLICT if conflict else MISSING))
                    continue
                value = expert.scores.get(item.code)
                comment = expert.comments.get(item.code, "")
                direction = abnormal.get((expert.expert_id, item.code))
                background = HIGH if direction is Direction.HIGH else LOW if direction is Direction.LOW else None
                if (expert.expert_id, item.code) in unexplained:
                    background = LOW_NO_REASON
                text = number(value) + (" ↑" if direction is Direction.HIGH else " ↓" if direction is Direction.LOW else "")
                self.items.setItem(row, column, cell(text, tip=comment, background=background, bold=bool(direction),
                                                     align=right))
            panel = result.item_scores.get(item.code)
            shown = number(round_half_up(panel, comp.policy.decimals)) if panel is not None else "—"
            self.items.setItem(row, len(headers) - 1, cell(shown, bold=True, align=right))
        last = len(items)
        self.items.setItem(last, 0, cell(self.tr("Total"), bold=True))
        self.items.setItem(last, 1, cell(number(rubric.total_points), align=right))
        for column, expert in enumerate(experts, start=2):
            self.items.setItem(last, column, cell(number(expert.total) if expert.status is SheetStatus.SCORED else "",
                                                  bold=True, align=right))
        self.items.setItem(last, len(headers) - 1, cell(number(result.final_score), bold=True, align=right))
        self.items.resizeColumnsToContents()
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
