"""The compilation matrix: applicants × experts with every expert's total, the final score, rank,
candidate mark and flags in words. Abnormal totals (畸高畸低) are coloured, conflicts and missing
sheets say so, changed sheets are marked; selecting a row opens its drill-down."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from review_model.chair.compile import ApplicantCompiled, Compilation
from review_model.chair.flags import Direction, abnormal_totals, group_by_expert
from review_model.chair.states import SheetStatus

from ..labels import CARRIER_TYPES, label
from .labels import flags_text, group_text, sheets_label, sheets_tip

HIGH, LOW, CONFLICT, MISSING = QColor("#fecaca"), QColor("#fecaca"), QColor("#e5e7eb"), QColor("#fef3c7")
INCOMPLETE = MISSING  # a score resting on fewer sheets than owed: the colour of the missing sheet
CANDIDATE, ALARM, VETOED = QColor("#dcfce7"), QColor("#b91c1c"), QColor("#f3f4f6")


def cell(value: str, *, tip: str = "", background: QColor | None = None, foreground: QColor | None = None,
         bold: bool = False, align: Qt.AlignmentFlag | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(value)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    if background is not None:
        item.setBackground(QBrush(background))
    if foreground is not None:
        item.setForeground(QBrush(foreground))
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    if align is not None:
        item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    return item


def soft_selection(table: QTableWidget) -> None:
    """A light selection with dark text, so a selected row keeps its marks readable."""
    palette = table.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#bfdbfe"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#111827"))
    table.setPalette(palette)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)


def number(value) -> str:
    return "—" if value is None else format(value, "f")


def score_cell(result, names: dict[str, str], background: QColor | None = None) -> QTableWidgetItem:
    """The final score; where sheets are missing, with how many counted of those owed: 85.33 (4/5)."""
    if not result.incomplete:
        return cell(number(result.final_score), bold=True, align=Qt.AlignmentFlag.AlignRight, background=background)
    return cell(f"{number(result.final_score)} ({sheets_label(result)})", bold=True, tip=sheets_tip(result, names),
                background=INCOMPLETE, align=Qt.AlignmentFlag.AlignRight)


class MatrixView(QTableWidget):
    applicant_selected = Signal(str)

    FIXED = 2  # ID, applicant

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)
        soft_selection(self)
        self._ids: list[str] = []
        self.currentCellChanged.connect(self._moved)

    def _moved(self, row: int, *_args) -> None:
        if 0 <= row < len(self._ids):
            self.applicant_selected.emit(self._ids[row])

    def show_compilation(self, comp: Compilation) -> None:
        names = {m.expert_id: m.name for m in comp.members}
        experts = [m.expert_id for m in comp.members]
        selected = self._ids[self.currentRow()] if 0 <= self.currentRow() < len(self._ids) else None
        headers = [self.tr("ID"), self.tr("Applicant"), *[f"{names[e]}\n{e}" for e in experts],
                   self.tr("Final"), self.tr("Rank"), self.tr("Candidate"), self.tr("Type"), self.tr("Flags")]
        self.blockSignals(True)
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(comp.applicants))
        self._ids = [a.applicant_id for a in comp.applicants]
        changed = {(c.expert_id, c.applicant_id) for c in comp.changes}
        for row, a in enumerate(comp.applicants):
            result = a.result
            self.setItem(row, 0, cell(a.applicant_id))
            self.setItem(row, 1, cell(a.name, tip=a.uscc, background=VETOED if result.vetoed else None))
            marks = abnormal_totals(result.flags)
            for index, expert_id in enumerate(experts):
                self.setItem(row, self.FIXED + index, self._expert_cell(a, expert_id, marks, changed))
            self.setItem(row, self.FIXED + len(experts), score_cell(result, names))
            self.setItem(row, self.FIXED + len(experts) + 1, cell(str(result.rank) if result.rank else "—",
                                                                  align=Qt.AlignmentFlag.AlignHCenter))
            self.setItem(row, self.FIXED + len(experts) + 2,
                         cell(self.tr("✓ candidate") if result.recommended else "",
                              background=CANDIDATE if result.recommended else None))
            self.setItem(row, self.FIXED + len(experts) + 3, cell(label(CARRIER_TYPES, a.carrier_type)))
            groups = group_by_expert(result.flags)  # one line per expert, not a wall of single flags
            words = [group_text(g, names) for g in groups]
            alarming = any(g.alarming for g in groups)
            self.setItem(row, self.FIXED + len(experts) + 4,
                         cell(flags_text(result.flags, names), tip="\n".join(words), foreground=ALARM if alarming else None))
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        header = self.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(1, min(self.columnWidth(1), 250))
        header.setStretchLastSection(True)
        self.blockSignals(False)
        if selected in self._ids:
            self.selectRow(self._ids.index(selected))

    def _expert_cell(self, a: ApplicantCompiled, expert_id: str, marks: dict[str, Direction],
                     changed: set[tuple[str, str]]) -> QTableWidgetItem:
        column = a.expert(expert_id)
        right = Qt.AlignmentFlag.AlignRight
        if column is None:
            return cell("", tip=self.tr("Not assigned"))
        if column.status is SheetStatus.CONFLICT:
            return cell(self.tr("Conflict"), tip=column.conflict_reason, background=CONFLICT)
        if column.status is SheetStatus.MISSING:
            return cell(self.tr("Missing"), tip=self.tr("No sheet received: left out of the count"), background=MISSING)
        text = number(column.total)
        tips = [self.tr("Revision {n}").format(n=column.revision)]
        if (expert_id, a.applicant_id) in changed:
            text += " ※"
            tips.append(self.tr("Changed after the first signed revision: see Changed scores"))
        if column.vetoes:
            text += " ⛔"
            tips.append(self.tr("Veto: {reasons}").format(reasons="；".join(column.vetoes.values())))
        direction = marks.get(expert_id)
        if direction is not None:
            high = direction is Direction.HIGH
            text += " ↑" if high else " ↓"
            tips.append(self.tr("Abnormally high (畸高)") if high else self.tr("Abnormally low (畸低)"))
            return cell(text, tip="\n".join(tips), background=HIGH if high else LOW, bold=True, align=right)
        return cell(text, tip="\n".join(tips), align=right)
