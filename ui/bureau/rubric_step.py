"""The rubric step of the bureau's desk: the city's template per carrier type, exported to XLSX for
Excel or WPS and imported back (every bad cell named), and the district's changes from the city's
template shown item by item and printed for the panel (评审细则调整说明, review_model/bureau/rubric_diff)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout

from review_model.bureau import desk as round_desk
from review_model.bureau.rubric_diff import change_value, rubric_differences, write_rubric_changes
from review_model.bureau.rubric_sheet import export_rubric_xlsx, read_rubric_xlsx
from review_model.carriers import CARRIER_TYPES as CARRIER_CODES
from review_model.home import Home

from ..labels import CARRIER_TYPES, label
from .setup_tabs import Step, _cell, _table

_WHAT = {"added": QT_TRANSLATE_NOOP("RubricStep", "added"), "removed": QT_TRANSLATE_NOOP("RubricStep", "removed"),
         "title": QT_TRANSLATE_NOOP("RubricStep", "title"), "max_points": QT_TRANSLATE_NOOP("RubricStep", "points"),
         "step": QT_TRANSLATE_NOOP("RubricStep", "step"), "method": QT_TRANSLATE_NOOP("RubricStep", "how it is judged"),
         "rule": QT_TRANSLATE_NOOP("RubricStep", "scoring rule")}


class RubricStep(Step):
    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.carrier = QComboBox()
        for code in CARRIER_CODES:
            self.carrier.addItem(label(CARRIER_TYPES, code), code)
        self.carrier.currentIndexChanged.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export to XLSX…"))
        self.import_button = QPushButton(self.tr("Import the edited XLSX…"))
        self.print_button = QPushButton(self.tr("Print the changes for the panel (PDF)…"))
        self.export_button.clicked.connect(self._choose_export)
        self.import_button.clicked.connect(self._choose_import)
        self.print_button.clicked.connect(self._choose_print)
        top = QHBoxLayout()
        for w in (self.carrier, self.export_button, self.import_button, self.print_button):
            top.addWidget(w)
        top.addStretch(1)
        self.version = QLabel()
        self.overview = QLabel()
        self.overview.setWordWrap(True)
        self.changes = _table([self.tr("Item"), self.tr("What changed"), self.tr("City's template"),
                               self.tr("This district")])
        self.changes.setWordWrap(True)
        header = self.changes.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.version)
        layout.addWidget(self.overview)
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

    def _choose_print(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Rubric changes for the panel"), "评审细则调整说明.pdf",
                                              "PDF (*.pdf)")
        if path:
            self.print_changes(Path(path))

    def print_changes(self, out: Path) -> None:
        home = self.home
        self.attempt_in_background(self.tr("Writing the rubric changes for the panel…"),
                                   lambda: write_rubric_changes(home, out), self._printed, self.print_button)

    def _printed(self, written: Path) -> None:
        if written is not None:
            self.message.emit(self.tr("The rubric changes for the panel are in {path}.").format(path=written))

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
        differences = {d.carrier_type: d for d in rubric_differences(self.home)}
        shown = differences[self.carrier_type()]
        rubric = round_desk.district_rubric(self.home, self.carrier_type())
        self.version.setText(self.tr("{title}, version {version}").format(title=rubric.title, version=rubric.version))
        changed = [label(CARRIER_TYPES, t) for t, d in differences.items() if d.changes]
        self.overview.setText(self.tr("Adjusted by the district: {types}.").format(types="、".join(changed)) if changed
                              else self.tr("Every carrier type uses the city's template as published."))
        self.changes.clearContents()
        self.changes.clearSpans()
        self.changes.setRowCount(max(1, len(shown.changes)))
        if not shown.changes:
            self.changes.setSpan(0, 0, 1, 4)
            self.changes.setItem(0, 0, _cell(self.tr("No change: the city's template as published.")))
            return
        for r, change in enumerate(shown.changes):
            what = QCoreApplication.translate("RubricStep", _WHAT[change.what])
            for c, text in enumerate((shown.item(change.code), what, change_value(change, change.city),
                                      change_value(change, change.district))):
                item = _cell(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.changes.setItem(r, c, item)
        self.changes.resizeRowsToContents()
