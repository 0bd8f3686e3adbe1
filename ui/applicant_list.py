"""The round's applicants assigned to this person, with carrier type and state."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from review_model.overview import ApplicantRow
from review_model.sheets.states import ApplicantState

from .labels import CARRIER_TYPES, STATES, label

STATE_COLOURS = {
    ApplicantState.NOT_STARTED: "#6b7280", ApplicantState.DRAFT: "#b45309", ApplicantState.READY: "#1d4ed8",
    ApplicantState.SIGNED: "#15803d", ApplicantState.CONFLICT: "#b91c1c",
}


class ApplicantTableModel(QAbstractTableModel):
    COLUMNS = ("id", "name", "state")  # the carrier type is the name cell's second line

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ApplicantRow] = []
        self._delivery: dict[str, tuple[str, str, str]] = {}  # applicant -> (outbox state line, in full, colour)

    def set_delivery(self, delivery: dict[str, tuple[str, str, str]]) -> None:
        """The outbox's state per sheet (ui/sync_sender.py), shown under the sheet's state."""
        if delivery != self._delivery:
            self._delivery = dict(delivery)
            self.dataChanged.emit(self.index(0, 2), self.index(max(0, len(self._rows) - 1), 2))

    def set_rows(self, rows: list[ApplicantRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_state(self, applicant_id: str, state: ApplicantState, revision: int | None) -> bool:
        """One row's state after an edit of that sheet; redraws only that row. False if not listed."""
        row = self.row_of(applicant_id)
        if row < 0:
            return False
        self._rows[row] = replace(self._rows[row], state=state, revision=revision)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
        return True

    def rows(self) -> list[ApplicantRow]:
        return list(self._rows)

    def row_at(self, row: int) -> ApplicantRow:
        return self._rows[row]

    def row_of(self, applicant_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.applicant_id == applicant_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("No."), self.tr("Applicant"), self.tr("State"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "id":
                return row.applicant_id
            if column == "name":
                return f"{row.name}\n{label(CARRIER_TYPES, row.carrier_type)}"
            text = label(STATES, row.state)
            if row.revision and row.revision > 1:
                revision = self.tr("rev. {n}").format(n=row.revision)
                text = f"{text} ({revision})"
            delivery = self._delivery.get(row.applicant_id)
            return f"{text}\n{delivery[0]}" if delivery else text
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            delivery = self._delivery.get(row.applicant_id)
            return QColor(delivery[2] if delivery else STATE_COLOURS.get(row.state, "#000000"))
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.name}\n{row.uscc}\n{label(CARRIER_TYPES, row.carrier_type)} · {row.industry}"
            delivery = self._delivery.get(row.applicant_id)
            return f"{tip}\n{delivery[1]}" if delivery else tip
        if role == Qt.ItemDataRole.UserRole:
            return row.applicant_id
        return None


class ApplicantList(QTableView):
    applicantSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = ApplicantTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model_)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # a name is told apart by its start
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The state column fits its contents up to half the list: a refusal's reason or a delivery
        # line is longer than the list is wide, and would push the state out of sight to the right
        # (elided instead; the tooltip has it in full).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.model_.modelReset.connect(self._fit_state_column)
        self.model_.dataChanged.connect(self._fit_state_column)
        self.selectionModel().currentRowChanged.connect(self._current_changed)

    def _fit_state_column(self, *_args) -> None:
        wanted = max(self.sizeHintForColumn(2), self.horizontalHeader().sectionSizeHint(2))
        self.setColumnWidth(2, min(wanted, max(self.viewport().width() // 2, 8 * self.fontMetrics().height())))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_state_column()

    def set_rows(self, rows: list[ApplicantRow]) -> None:
        current = self.current_applicant()
        self.blockSignals(True)  # re-selecting after a refresh is not the user choosing
        self.model_.set_rows(rows)
        if current:
            self.select_applicant(current)
        self.blockSignals(False)

    def current_applicant(self) -> str | None:
        index = self.currentIndex()
        return self.proxy.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def select_applicant(self, applicant_id: str) -> bool:
        row = self.model_.row_of(applicant_id)
        if row < 0:
            return False
        self.setCurrentIndex(self.proxy.mapFromSource(self.model_.index(row, 0)))
        return True

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.applicantSelected.emit(self.proxy.data(current, Qt.ItemDataRole.UserRole))
