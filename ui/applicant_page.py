"""One applicant at a glance: who they are, whether the dossier is complete, its materials."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from review_model.carriers import ENTITY_KIND_NAMES
from review_model.overview import ApplicantDetail

from .labels import ACCEPTANCE, CARRIER_TYPES, FINDINGS, label


class ApplicantPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.materials = QTableWidget(0, 3)
        self.materials.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Pages"), self.tr("Status")])
        self.materials.verticalHeader().hide()
        self.materials.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.materials.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.materials.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.materials.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.facts)
        layout.addWidget(self.findings)
        layout.addWidget(self.materials, 1)

    def show_applicant(self, detail: ApplicantDetail) -> None:
        self.heading.setText(detail.name)
        while self.facts.rowCount():
            self.facts.removeRow(0)
        rows = [
            (self.tr("Credit code"), detail.uscc),
            (self.tr("Carrier type"), label(CARRIER_TYPES, detail.carrier_type)),
            (self.tr("Kind of entity"), ENTITY_KIND_NAMES.get(detail.entity_kind, detail.entity_kind)),
            (self.tr("Industry"), detail.industry),
            (self.tr("Address"), detail.address),
            (self.tr("Legal representative"), detail.legal_representative),
            (self.tr("Contact"), detail.contact),
            (self.tr("Acceptance"), label(ACCEPTANCE, detail.acceptance)),
        ]
        for name, value in rows:
            if value:
                value_label = QLabel(value)
                value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value_label.setWordWrap(True)
                self.facts.addRow(name, value_label)
        if detail.findings:
            lines = [f"• {material}: {label(FINDINGS, problem)}" for material, problem in detail.findings]
            self.findings.setText(self.tr("The bureau asked for corrections:") + "\n" + "\n".join(lines))
            self.findings.setStyleSheet("color: #b45309;")
            self.findings.show()
        else:
            self.findings.hide()
        self.materials.setRowCount(len(detail.materials))
        for row, material in enumerate(detail.materials):
            status = {"ok": self.tr("complete"), "encrypted": self.tr("password-protected"),
                      "missing": self.tr("missing")}.get(material.status, material.status)
            cells = [f"{material.position:02d}  {material.name}", "" if material.pages is None else str(material.pages), status]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if material.status != "ok":
                    item.setForeground(QColor("#b91c1c"))
                self.materials.setItem(row, column, item)
