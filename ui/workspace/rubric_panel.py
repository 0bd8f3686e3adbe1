"""The rubric for one applicant: sections of items, the bonus items with their cap, the veto
items, live subtotals, the total and grade, and the overall opinion and recommendation.

It only shows and reports: edits go out as signals, the stored sheet comes back through `sync`.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from review_model.rubric import Rubric
from review_model.sheets.ops import OpChanges
from review_model.sheets.view import SheetView

from ..sheet_labels import grade_text
from .item_row import SAVE_DELAY_MS, ItemRow, _plain
from .undo_keys import UndoKeysToApp


class VetoRow(QWidget):
    committed = Signal(str, bool, str)

    def __init__(self, code: str, title: str, rule: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.check = QCheckBox(f"{code}  {title}")
        self.check.setObjectName(f"veto-{code}")
        self.check.setToolTip(rule)
        self.reason = QLineEdit()
        self.reason.setObjectName(f"veto-reason-{code}")
        self.reason.setPlaceholderText(self.tr("Reason (required when the veto applies)"))
        self.reason.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.reason)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._commit)
        self.check.toggled.connect(self._toggled)
        self.reason.textEdited.connect(lambda _t: self._timer.start())
        self.reason.editingFinished.connect(self._commit)

    def _toggled(self, on: bool) -> None:
        self.reason.setVisible(on)
        if on:
            self.reason.setFocus()
        self._commit()

    def _commit(self) -> None:
        self._timer.stop()
        self.committed.emit(self.code, self.check.isChecked(), self.reason.text().strip() if self.check.isChecked() else "")

    def flush(self) -> None:
        if self._timer.isActive():
            self._commit()

    def sync(self, triggered: bool, reason: str, editable: bool) -> None:
        self.check.blockSignals(True)
        self.reason.blockSignals(True)
        self.check.setChecked(triggered)
        if not self.reason.hasFocus():
            self.reason.setText(reason)
        self.reason.setVisible(triggered)
        self.reason.setStyleSheet("border: 1px solid #d97706;" if triggered and not reason else "")
        self.check.setEnabled(editable)
        self.reason.setReadOnly(not editable)
        self.check.blockSignals(False)
        self.reason.blockSignals(False)


class RubricPanel(QWidget):
    scoreCommitted = Signal(str, object)
    commentCommitted = Signal(str, str)
    vetoCommitted = Signal(str, bool, str)
    opinionCommitted = Signal(str, str)
    currentItemChanged = Signal(str)
    invalidScore = Signal(str, str)

    def __init__(self, rubric: Rubric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric = rubric
        self.rows: dict[str, ItemRow] = {}
        self.section_totals: dict[str, QLabel] = {}
        self.current_item = ""
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setSpacing(8)
        for section in rubric.sections:
            self._add_group(f"{section.code}  {section.title}", section.code, section.items, section.max_points)
        if rubric.bonus:
            self._add_group(self.tr("Bonus items (capped at {cap})").format(cap=_plain(rubric.bonus.cap)), "bonus",
                            rubric.bonus.items, rubric.bonus.cap)
        self.vetoes: dict[str, VetoRow] = {}
        if rubric.vetoes:
            box = QGroupBox(self.tr("Veto items (一票否决)"))
            layout = QVBoxLayout(box)
            for veto in rubric.vetoes:
                row = VetoRow(veto.code, veto.title, veto.rule)
                row.committed.connect(self.vetoCommitted)
                self.vetoes[veto.code] = row
                layout.addWidget(row)
            self.body_layout.addWidget(box)
        self._add_opinion()
        self._undo_keys = UndoKeysToApp(self.flush, self)
        self._undo_keys.watch(*(w for row in self.rows.values() for w in (row.score, row.comment)),
                              *(veto.reason for veto in self.vetoes.values()), self.opinion)
        self.body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll
        self.total = QLabel()
        self.total.setObjectName("totalLabel")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.total.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total)
        self._chain_tab_order()

    def _add_group(self, title: str, key: str, items, max_points: Decimal) -> None:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setSpacing(0)
        layout.setContentsMargins(4, 4, 4, 4)
        for item in items:
            row = ItemRow(self.rubric, item)
            row.scoreCommitted.connect(self.scoreCommitted)
            row.commentCommitted.connect(self.commentCommitted)
            row.invalidScore.connect(self.invalidScore)
            row.focused.connect(self.set_current_item)
            self.rows[item.code] = row
            layout.addWidget(row)
        subtotal = QLabel()
        subtotal.setAlignment(Qt.AlignmentFlag.AlignRight)
        subtotal.setProperty("max", str(max_points))
        self.section_totals[key] = subtotal
        layout.addWidget(subtotal)
        self.body_layout.addWidget(box)

    def _add_opinion(self) -> None:
        box = QGroupBox(self.tr("Overall opinion and recommendation"))
        grid = QGridLayout(box)
        self.opinion = QPlainTextEdit()
        self.opinion.setObjectName("opinion")
        self.opinion.setPlaceholderText(self.tr("The panel member's overall opinion (综合评审意见)"))
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.recommend = QRadioButton(self.tr("Recommend"))
        self.recommend.setObjectName("recommend")
        self.not_recommend = QRadioButton(self.tr("Do not recommend"))
        self.not_recommend.setObjectName("not_recommend")
        self.choice = QButtonGroup(self)
        self.choice.setExclusive(False)  # lets sync show "not chosen yet"
        self.choice.addButton(self.recommend)
        self.choice.addButton(self.not_recommend)
        choices = QHBoxLayout()
        choices.addWidget(self.recommend)
        choices.addWidget(self.not_recommend)
        choices.addStretch(1)
        grid.addWidget(self.opinion, 0, 0)
        grid.addLayout(choices, 1, 0)
        self._opinion_timer = QTimer(self)
        self._opinion_timer.setSingleShot(True)
        self._opinion_timer.setInterval(SAVE_DELAY_MS)
        self._opinion_timer.timeout.connect(self._commit_opinion)
        self.opinion.textChanged.connect(self._opinion_timer.start)
        self.recommend.clicked.connect(lambda: self._choose("recommend"))
        self.not_recommend.clicked.connect(lambda: self._choose("not_recommend"))
        self.body_layout.addWidget(box)

    def _choose(self, which: str) -> None:
        self.recommend.setChecked(which == "recommend")
        self.not_recommend.setChecked(which == "not_recommend")
        self._commit_opinion()

    def _recommendation(self) -> str:
        return "recommend" if self.recommend.isChecked() else "not_recommend" if self.not_recommend.isChecked() else ""

    def _commit_opinion(self) -> None:
        self._opinion_timer.stop()
        self.opinionCommitted.emit(self.opinion.toPlainText().strip(), self._recommendation())

    def _chain_tab_order(self) -> None:
        """Score, (comment when shown), next score…: hidden comments are skipped by Qt."""
        chain = [w for row in self.rows.values() for w in (row.score, row.comment)]
        for veto in self.vetoes.values():
            chain += [veto.check, veto.reason]
        chain += [self.opinion, self.recommend, self.not_recommend]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- state ------------------------------------------------------------------------------
    def set_current_item(self, code: str) -> None:
        if code == self.current_item:
            return
        if self.current_item in self.rows:
            self.rows[self.current_item].set_current(False)
        self.current_item = code
        if code in self.rows:
            self.rows[code].set_current(True)
        self.currentItemChanged.emit(code)

    def focus_item(self, code: str) -> None:
        row = self.rows.get(code)
        if row is not None:
            self.scroll.ensureWidgetVisible(row)
            row.score.setFocus()
            row.score.selectAll()

    def flush(self) -> None:
        for row in self.rows.values():
            row.flush()
        for veto in self.vetoes.values():
            veto.flush()
        if self._opinion_timer.isActive():
            self._commit_opinion()

    def sync(self, view: SheetView, changes: OpChanges | None = None) -> None:
        # Answering the conflict question or a new revision changes what may be edited everywhere.
        everything = changes is None or "*" in changes.items or changes.conflict or changes.revision
        editable = view.editable
        for code, row in self.rows.items():
            if everything or code in changes.items or changes.links or changes.notes or changes.photos:
                row.sync(view.scores.get(code), view.comments.get(code, ""), len(view.links_for(code)),
                         len(view.notes_for(code)), len(view.photos_for(code)), editable)
        if everything or changes.vetoes:
            for code, row in self.vetoes.items():
                row.sync(*view.vetoes.get(code, (False, "")), editable)
        if everything or changes.opinion:
            if not self.opinion.hasFocus():
                self.opinion.blockSignals(True)
                self.opinion.setPlainText(view.opinion)
                self.opinion.blockSignals(False)
            self.recommend.setChecked(view.recommendation == "recommend")
            self.not_recommend.setChecked(view.recommendation == "not_recommend")
        self.opinion.setReadOnly(not editable)
        self.recommend.setEnabled(editable)
        self.not_recommend.setEnabled(editable)
        self._show_totals(view)

    def _show_totals(self, view: SheetView) -> None:
        failed = set(view.failed_sections)
        for section in self.rubric.sections:
            label = self.section_totals[section.code]
            label.setText(self.tr("Subtotal {score} / {max}").format(score=_plain(view.section_total(section.code)),
                                                                     max=_plain(section.max_points)))
            complete = all(view.scores.get(i.code) is not None for i in section.items)
            # under 60 % of a section fails the assessment: said once the section is fully scored
            label.setStyleSheet("color: #b91c1c;" if complete and section.code in failed else "color: #374151;")
        if self.rubric.bonus:
            raw = sum((view.given().get(i.code, Decimal(0)) for i in self.rubric.bonus.items), Decimal(0))
            text = self.tr("Bonus {score} (cap {cap})").format(score=_plain(view.bonus_total), cap=_plain(self.rubric.bonus.cap))
            if raw > self.rubric.bonus.cap:
                text += " " + self.tr("— {raw} given, capped").format(raw=_plain(raw))
            self.section_totals["bonus"].setText(text)
        scored = sum(1 for i in self.rubric.scored_items if view.scores.get(i.code) is not None)
        base_complete = all(view.scores.get(i.code) is not None for s in self.rubric.sections for i in s.items)
        parts = [self.tr("Total {total}").format(total=_plain(view.total))]
        if view.grade and base_complete:  # a grade means nothing for a half-scored sheet
            parts.append(grade_text(view.grade))
        if view.vetoed:
            parts.append(self.tr("VETOED"))
        parts.append(self.tr("{scored} of {count} items scored").format(scored=scored, count=len(self.rubric.scored_items)))
        self.total.setText("   ·   ".join(parts))
