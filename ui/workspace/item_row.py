"""One rubric item: code, title, how it is assessed, the score box, and the comment when needed.

Typing is saved after a short pause (never more than SAVE_DELAY_MS) or at once on Tab/Enter.
A score under the comment threshold shows the comment box while the expert is still typing, so
Tab lands in it: the reason is asked for on the spot.
"""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from review_model.rubric import Rubric, RubricItem
from review_model.sheets.ops import parse_score

from ..labels import METHODS, label

SAVE_DELAY_MS = 700  # the issue allows debouncing typing, never holding a change over a second
METHOD_COLOURS = {"document_review": "#1d4ed8", "site_visit": "#15803d", "expert_judgement": "#7e22ce",
                  "defence": "#c2410c"}


class ItemRow(QFrame):
    scoreCommitted = Signal(str, object)  # item code, Decimal | None
    commentCommitted = Signal(str, str)
    focused = Signal(str)
    invalidScore = Signal(str, str)  # item code, reason code

    def __init__(self, rubric: Rubric, item: RubricItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric = rubric
        self.item = item
        self.setObjectName("itemRow")
        self._committed_score: Decimal | None = None
        self._committed_comment = ""
        self.code = QLabel(item.code)
        self.code.setMinimumWidth(28)
        self.title = QLabel(item.title)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title.setToolTip(item.rule)
        self.method = QLabel(label(METHODS, item.method))
        self.method.setStyleSheet(f"color: {METHOD_COLOURS.get(item.method, '#333')}; font-size: 90%;")
        self.evidence = QLabel()
        self.evidence.setStyleSheet("color: #555; font-size: 90%;")
        self.score = QLineEdit()
        self.score.setObjectName(f"score-{item.code}")
        self.score.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.score.setMaximumWidth(64)
        self.score.setMinimumWidth(52)
        self.score.setToolTip(self.tr("0 to {max}, in steps of {step}").format(
            max=_plain(item.max_points), step=_plain(item.step)))
        self.out_of = QLabel(f"/ {_plain(item.max_points)}")
        self.comment = QLineEdit()
        self.comment.setObjectName(f"comment-{item.code}")
        self.comment.setPlaceholderText(self.tr("Comment"))
        self.comment.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 3, 6, 3)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.code, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.method, 0, 2)
        grid.addWidget(self.score, 0, 3)
        grid.addWidget(self.out_of, 0, 4)
        grid.addWidget(self.evidence, 1, 1, 1, 2)
        grid.addWidget(self.comment, 2, 1, 1, 4)
        grid.setColumnStretch(1, 1)
        self._score_timer = self._timer(self._commit_score)
        self._comment_timer = self._timer(self._commit_comment)
        self.score.textEdited.connect(self._score_typed)
        self.score.editingFinished.connect(self._commit_score)
        self.comment.textEdited.connect(lambda _t: self._comment_timer.start())
        self.comment.editingFinished.connect(self._commit_comment)
        self.score.installEventFilter(self)
        self.comment.installEventFilter(self)

    def _timer(self, slot) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SAVE_DELAY_MS)
        timer.timeout.connect(slot)
        return timer

    def eventFilter(self, watched, event) -> bool:
        if event.type() == event.Type.FocusIn:
            self.focused.emit(self.item.code)
        return False

    # --- typing -----------------------------------------------------------------------------
    def _parsed(self) -> tuple[Decimal | None, str | None]:
        try:
            value = parse_score(self.score.text())
        except ValueError:
            return None, "not_a_number"
        if value is None:
            return None, None
        return value, self.rubric.score_problem(self.item.code, value)

    def _score_typed(self, _text: str) -> None:
        value, problem = self._parsed()
        self._show_validity(problem)
        self._update_comment_need(value if problem is None else None)
        self._score_timer.start()

    def _commit_score(self) -> None:
        self._score_timer.stop()
        value, problem = self._parsed()
        if problem is not None:
            self.invalidScore.emit(self.item.code, problem)
            return
        if value != self._committed_score:
            self._committed_score = value
            self.scoreCommitted.emit(self.item.code, value)

    def _commit_comment(self) -> None:
        self._comment_timer.stop()
        text = self.comment.text().strip()
        if text != self._committed_comment:
            self._committed_comment = text
            self.commentCommitted.emit(self.item.code, text)
            self._update_comment_need(self._committed_score)

    def flush(self) -> None:
        """Save whatever is typed now (before signing, switching applicant, quitting)."""
        if self._score_timer.isActive():
            self._commit_score()
        if self._comment_timer.isActive():
            self._commit_comment()

    # --- showing ----------------------------------------------------------------------------
    def _show_validity(self, problem: str | None) -> None:
        self.score.setProperty("invalid", problem is not None)
        self.score.setStyleSheet("background: #fee2e2; border: 1px solid #b91c1c;" if problem else "")

    def _update_comment_need(self, value: Decimal | None) -> None:
        needed = value is not None and self.rubric.needs_comment(self.item.code, value)
        missing = needed and not self.comment.text().strip()
        if needed:
            self.comment.setPlaceholderText(self.tr("Required: why under 60% of the points?"))
        else:
            self.comment.setPlaceholderText(self.tr("Comment"))
        self.comment.setStyleSheet("border: 1px solid #d97706;" if missing else "")
        self.comment.setVisible(needed or bool(self.comment.text().strip()) or self.comment.hasFocus())

    def sync(self, score: Decimal | None, comment: str, links: int, notes: int, photos: int, editable: bool) -> None:
        """Show the stored state (signals blocked: this is not the user typing)."""
        for widget in (self.score, self.comment):
            widget.blockSignals(True)
        try:
            if not self.score.hasFocus() or not self._score_timer.isActive():
                self.score.setText("" if score is None else _plain(score))
            if not self.comment.hasFocus() or not self._comment_timer.isActive():
                self.comment.setText(comment)
        finally:
            for widget in (self.score, self.comment):
                widget.blockSignals(False)
        self._committed_score, self._committed_comment = score, comment
        self._show_validity(None)
        self._update_comment_need(score)
        self.score.setReadOnly(not editable)
        self.comment.setReadOnly(not editable)
        parts = []
        if links:
            parts.append(self.tr("evidence {n}").format(n=links))
        if notes:
            parts.append(self.tr("notes {n}").format(n=notes))
        if photos:
            parts.append(self.tr("photos {n}").format(n=photos))
        self.evidence.setText(" · ".join(parts))
        self.evidence.setVisible(bool(parts))

    def set_current(self, current: bool) -> None:
        self.setStyleSheet("#itemRow { background: #eff6ff; border-left: 3px solid #2563eb; }" if current else "")


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
