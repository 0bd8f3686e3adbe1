"""The round step of the bureau's desk, in three pages: the round from the city's template, the
aggregation policy (each choice beside the sentence the panel will read, from review_model/policy.py),
and the calendar years and intake service the package carries. Every change is saved by the domain
as it is made; a refusal is one sentence and changes nothing."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from review_model.bureau import desk as round_desk
from review_model.carriers import CARRIER_TYPES as CARRIER_CODES
from review_model.chair.words import chinese_day
from review_model.errors import Problem
from review_model.home import Home
from review_model.policy import AggregationPolicy, choice_sentences

from ..labels import CARRIER_TYPES, label
from .setup_tabs import Step

# The policy's choices as the clerk picks them (the sentence beside each is the panel's, in Chinese).
_METHODS = {"trimmed_mean": QT_TRANSLATE_NOOP("RoundStep", "Trimmed mean (drop the highest and the lowest)"),
            "mean": QT_TRANSLATE_NOOP("RoundStep", "Mean"), "median": QT_TRANSLATE_NOOP("RoundStep", "Median")}
_LEVELS = {"item": QT_TRANSLATE_NOOP("RoundStep", "Item by item, then added up"),
           "total": QT_TRANSLATE_NOOP("RoundStep", "The experts' totals")}
_VETO_RULES = {"any": QT_TRANSLATE_NOOP("RoundStep", "One expert's veto excludes"),
               "majority": QT_TRANSLATE_NOOP("RoundStep", "A majority of the experts must veto")}
_TIE_RULES = {"shared": QT_TRANSLATE_NOOP("RoundStep", "Equal scores share the rank"),
              "section_then_shared": QT_TRANSLATE_NOOP("RoundStep", "A section's points first, then shared")}


def _combo(choices: dict[str, str]) -> QComboBox:
    box = QComboBox()
    for code, text in choices.items():
        box.addItem(QCoreApplication.translate("RoundStep", text), code)
    return box


def _sentence() -> QLabel:
    words = QLabel()
    words.setWordWrap(True)
    words.setStyleSheet("color: #445;")
    return words


class RoundStep(Step):
    """The round from the city's template: year, district, call, deadlines, quotas, contacts; its
    aggregation policy; its calendar years and intake service."""

    def __init__(self, home: Home) -> None:
        super().__init__(home)
        self.pages = QTabWidget()
        self.pages.addTab(self._round_page(), self.tr("The round"))
        self.pages.addTab(self._policy_page(), self.tr("How scores are combined"))
        self.pages.addTab(self._calendar_page(), self.tr("Calendar and intake"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.refresh()

    # --- the round -------------------------------------------------------------------------------
    def _round_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.round_id, self.district, self.bureau = QLineEdit(), QLineEdit(), QLineEdit()
        self.title, self.call_reference = QLineEdit(), QLineEdit()
        self.address, self.phone = QLineEdit(), QLineEdit()
        self.review, self.report = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.review, self.report):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.publicity_days, self.correction_days = QSpinBox(), QSpinBox()
        self.publicity_days.setRange(1, 30)
        self.correction_days.setRange(1, 30)
        self.quotas = {code: QSpinBox() for code in CARRIER_CODES}
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Round id"), self.round_id)
        form.addRow(self.tr("District"), self.district)
        form.addRow(self.tr("Bureau"), self.bureau)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Call reference"), self.call_reference)
        form.addRow(self.tr("Review done by"), self.review)
        form.addRow(self.tr("Report to the city by"), self.report)
        form.addRow(self.tr("Publicity (working days)"), self.publicity_days)
        form.addRow(self.tr("Time to correct (working days)"), self.correction_days)
        quotas = QHBoxLayout()
        for code, spin in self.quotas.items():
            spin.setRange(0, 99)
            quotas.addWidget(QLabel(label(CARRIER_TYPES, code)))
            quotas.addWidget(spin)
        quotas.addStretch(1)
        form.addRow(self.tr("Quotas"), quotas)
        form.addRow(self.tr("Address for objections"), self.address)
        form.addRow(self.tr("Phone for objections"), self.phone)
        self.save_button = QPushButton(self.tr("Save the round"))
        self.save_button.clicked.connect(self.save)
        self.schedule = QLabel()
        self.schedule.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.schedule)
        layout.addStretch(1)
        return page

    # --- the aggregation policy ------------------------------------------------------------------
    def _policy_page(self) -> QWidget:
        page = QWidget()
        self.method, self.level = _combo(_METHODS), _combo(_LEVELS)
        self.veto_rule, self.tie_rule = _combo(_VETO_RULES), _combo(_TIE_RULES)
        self.tie_section = QComboBox()
        self.trim_min = QSpinBox()
        self.trim_min.setRange(3, 15)
        self.trim_min.setSuffix(self.tr(" experts or more"))
        self.decimals = QSpinBox()
        self.decimals.setRange(0, 4)
        self.min_score = QDoubleSpinBox()
        self.min_score.setRange(0, 1000)
        self.min_score.setDecimals(1)
        self.abnormal_ratio = QSpinBox()
        self.abnormal_ratio.setRange(1, 99)
        self.abnormal_ratio.setSuffix(" %")
        self.abnormal_items = QCheckBox(self.tr("also per item"))
        self.item_min_points = QDoubleSpinBox()
        self.item_min_points.setRange(0, 100)
        self.item_min_points.setDecimals(1)
        self.item_min_points.setPrefix(self.tr("at least "))
        self.item_min_points.setSuffix(self.tr(" points"))
        self.words = {key: _sentence() for key in ("method", "level", "decimals", "veto_rule", "min_score",
                                                    "abnormal", "ties")}
        form = QFormLayout()

        def row(title: str, key: str, *widgets: QWidget) -> None:
            line = QHBoxLayout()
            for w in widgets:
                line.addWidget(w)
            line.addStretch(1)
            box = QVBoxLayout()
            box.addLayout(line)
            box.addWidget(self.words[key])
            form.addRow(title, box)

        row(self.tr("Method"), "method", self.method, self.trim_min)
        row(self.tr("Level"), "level", self.level)
        row(self.tr("Decimals"), "decimals", self.decimals)
        row(self.tr("Veto"), "veto_rule", self.veto_rule)
        row(self.tr("Minimum score"), "min_score", self.min_score)
        row(self.tr("Abnormal scores (畸高畸低)"), "abnormal", self.abnormal_ratio, self.abnormal_items,
            self.item_min_points)
        row(self.tr("Ties"), "ties", self.tie_rule, self.tie_section)
        for box, field in ((self.method, "method"), (self.level, "level"), (self.veto_rule, "veto_rule"),
                           (self.tie_rule, "tie_rule")):
            box.activated.connect(lambda _i, b=box, f=field: self._choose(f, b.currentData()))
        self.tie_section.activated.connect(
            lambda _i: self._choose("tie_section", self.tie_section.currentData(), tie_rule="section_then_shared"))
        self.trim_min.editingFinished.connect(lambda: self._choose("trim_min_experts", self.trim_min.value()))
        self.decimals.editingFinished.connect(lambda: self._choose("decimals", self.decimals.value()))
        self.min_score.editingFinished.connect(lambda: self._choose("min_score", _decimal(self.min_score)))
        self.abnormal_ratio.editingFinished.connect(
            lambda: self._choose("abnormal_ratio", Decimal(self.abnormal_ratio.value()) / 100))
        self.abnormal_items.clicked.connect(lambda on: self._choose("abnormal_items", on))
        self.item_min_points.editingFinished.connect(
            lambda: self._choose("abnormal_item_min_points", _decimal(self.item_min_points)))
        self.policy_note = QLabel(self.tr("Each choice is saved as it is made; the sentence under it is how the "
                                          "panel will read it."))
        self.policy_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.policy_note)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _choose(self, field: str, value: object, **also: object) -> None:
        if field == "tie_rule" and value == "section_then_shared" and self.tie_section.count():
            also["tie_section"] = self.tie_section.currentData()
        changes = {field: value, **also}
        saved = round_desk.round_policy(self.home)
        if all(getattr(saved, k) == v for k, v in changes.items()):
            return  # focus left a box without a change: nothing to save, nothing to audit
        if self.attempt(lambda: round_desk.set_policy(self.home, **changes)) is not None:
            self.message.emit(self.tr("Aggregation policy saved."))
        self._show_policy()  # refused: the editor shows the saved policy again

    def _show_policy(self) -> None:
        saved = round_desk.round_body(self.home) is not None
        for w in (self.method, self.level, self.veto_rule, self.tie_rule, self.tie_section, self.trim_min,
                  self.decimals, self.min_score, self.abnormal_ratio, self.abnormal_items, self.item_min_points):
            w.setEnabled(saved)
        policy = round_desk.round_policy(self.home) if saved else AggregationPolicy()
        for box, value in ((self.method, policy.method), (self.level, policy.level),
                           (self.veto_rule, policy.veto_rule), (self.tie_rule, policy.tie_rule)):
            box.setCurrentIndex(box.findData(value))
        self.tie_section.clear()
        sections = round_desk.tie_sections(self.home)
        for code, title in sections:
            self.tie_section.addItem(code if title.endswith(code) else f"{code} {title}", code)
        if policy.tie_section:
            self.tie_section.setCurrentIndex(self.tie_section.findData(policy.tie_section))
        self.tie_section.setVisible(policy.tie_rule == "section_then_shared")
        self.trim_min.setValue(policy.trim_min_experts)
        self.trim_min.setVisible(policy.method == "trimmed_mean")
        self.decimals.setValue(policy.decimals)
        self.min_score.setValue(float(policy.min_score))
        self.abnormal_ratio.setValue(int(policy.abnormal_ratio * 100))
        self.abnormal_items.setChecked(policy.abnormal_items)
        self.item_min_points.setValue(float(policy.abnormal_item_min_points))
        self.item_min_points.setVisible(policy.abnormal_items)
        titles = dict(sections)
        for key, text in choice_sentences(policy, titles.get(policy.tie_section or "", "")).items():
            self.words[key].setText(text)
        if not saved:
            self.policy_note.setText(self.tr("Save the round first; then each choice is saved as it is made."))
        else:
            self.policy_note.setText(self.tr("Each choice is saved as it is made; the sentence under it is how the "
                                             "panel will read it."))

    # --- calendar years and the intake -----------------------------------------------------------
    def _calendar_page(self) -> QWidget:
        page = QWidget()
        calendar = QGroupBox(self.tr("Working-day calendar"))
        self.calendar_years = QListWidget()
        self.calendar_years.setMaximumHeight(140)
        self.load_calendar_button = QPushButton(self.tr("Load a holiday list (JSON or XLSX)…"))
        self.load_calendar_button.clicked.connect(self._choose_calendar)
        self.calendar_hint = QLabel(self.tr("The State Council publishes next year's holidays each autumn. Load its "
                                            "list here (JSON as the app ships it, or XLSX with the columns 名称, 开始, "
                                            "结束; a row 调休上班 for a worked weekend day); it goes into the package."))
        self.calendar_hint.setWordWrap(True)
        box = QVBoxLayout(calendar)
        box.addWidget(self.calendar_hint)
        box.addWidget(self.calendar_years)
        box.addWidget(self.load_calendar_button, alignment=Qt.AlignmentFlag.AlignLeft)

        intake = QGroupBox(self.tr("Intake service (the experts' sheets come back here)"))
        self.intake_url = QLineEdit()
        self.intake_url.setPlaceholderText("https://192.168.1.20:8443")
        self.intake_key_button = QPushButton(self.tr("Receipt key (.pub)…"))
        self.intake_key_button.clicked.connect(self._choose_intake_key)
        self.intake_cert_button = QPushButton(self.tr("Pin the TLS certificate (PEM)…"))
        self.intake_cert_button.clicked.connect(self._choose_certificate)
        self.unpin_button = QPushButton(self.tr("Remove the pin"))
        self.unpin_button.clicked.connect(lambda: self.save_intake(unpin=True))
        self.save_intake_button = QPushButton(self.tr("Save the intake"))
        self.save_intake_button.clicked.connect(lambda: self.save_intake())
        self.intake_state = QLabel()
        self.intake_state.setWordWrap(True)
        self.intake_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(intake)
        form.addRow(self.tr("Address"), self.intake_url)
        buttons = QHBoxLayout()
        for w in (self.intake_key_button, self.intake_cert_button, self.unpin_button, self.save_intake_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.intake_state)
        layout = QVBoxLayout(page)
        layout.addWidget(calendar)
        layout.addWidget(intake)
        layout.addStretch(1)
        return page

    def _choose_calendar(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Holiday list"), "",
                                              self.tr("Holiday lists (*.json *.xlsx)"))
        if path:
            self.load_calendar_file(Path(path))

    def load_calendar_file(self, path: Path) -> None:
        year = self.attempt(lambda: round_desk.load_calendar(self.home, path))
        if year is not None:
            self.message.emit(self.tr("Holidays of {year} loaded from {file}.").format(year=year.year, file=path.name))
            self._show_calendar()

    def _show_calendar(self) -> None:
        self.calendar_years.clear()
        for data in round_desk.round_calendar_years(self.home):
            origin = (self.tr("loaded from {file}").format(file=data.loaded_from) if data.loaded_from
                      else self.tr("shipped with the app"))
            self.calendar_years.addItem(f"{data.year}  {data.source}  ({origin})")

    def _choose_intake_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Intake's receipt key"), "",
                                              self.tr("Public identity (*.pub)"))
        if path:
            self.save_intake(identity=Path(path))

    def _choose_certificate(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Intake's TLS certificate"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer)"))
        if path:
            self.save_intake(certificate=Path(path))

    def save_intake(self, identity: Path | None = None, certificate: Path | None = None, unpin: bool = False) -> None:
        url = self.intake_url.text()
        done = self.attempt(lambda: round_desk.set_intake(self.home, url, identity, certificate, unpin=unpin) or "removed")
        if done is not None:
            self.message.emit(self.tr("Intake saved.") if done != "removed" else self.tr("Intake removed."))
        self._show_intake()

    def _show_intake(self) -> None:
        saved = round_desk.round_body(self.home) is not None
        for w in (self.intake_url, self.intake_key_button, self.intake_cert_button, self.unpin_button,
                  self.save_intake_button):
            w.setEnabled(saved)
        intake = round_desk.round_intake(self.home) if saved else None
        if intake is None:
            self.intake_url.setText("")
            self.unpin_button.setEnabled(False)
            self.intake_state.setText(self.tr("No intake: the experts hand their return bundles over as files.")
                                      if saved else self.tr("Save the round first."))
            return
        self.intake_url.setText(intake.url)
        self.unpin_button.setEnabled(bool(intake.tls_sha256))
        pin = (self.tr("certificate pinned, SHA-256 {pin}").format(pin=intake.tls_sha256) if intake.tls_sha256 else
               self.tr("no pin: the system must trust the intake's certificate"))
        self.intake_state.setText(self.tr("The package sends the experts' sheets to {url}; receipt key {fingerprint}; "
                                          "{pin}.").format(url=intake.url, fingerprint=intake.fingerprint, pin=pin))

    # --- the whole step --------------------------------------------------------------------------
    def refresh(self) -> None:
        body = round_desk.round_body(self.home) or round_desk.city_template(date.today().year, "光明区")
        self.year.setValue(body["year"])
        for edit, key in ((self.round_id, "round_id"), (self.district, "district"), (self.bureau, "bureau"),
                          (self.title, "title"), (self.call_reference, "call_reference"),
                          (self.address, "bureau_address"), (self.phone, "bureau_phone")):
            edit.setText(body.get(key, ""))
        deadlines = body["deadlines"]
        self.report.setDate(QDate.fromString(deadlines["report"], "yyyy-MM-dd"))
        self.review.setDate(QDate.fromString(deadlines.get("review") or deadlines["report"], "yyyy-MM-dd"))
        self.publicity_days.setValue(body.get("publicity_days", 5))
        self.correction_days.setValue(body.get("correction_days", 5))
        for code, spin in self.quotas.items():
            spin.setValue(body["quotas"].get(code, 0))
        self._show_schedule()
        self._show_policy()
        self._show_calendar()
        self._show_intake()

    def _show_schedule(self) -> None:
        if round_desk.round_body(self.home) is None:
            self.schedule.setText(self.tr("Not saved yet: fill in the round and save it."))
            return
        try:
            round_file = round_desk.require_round(self.home)
            window = round_desk.round_schedule(round_file).window
        except Problem as problem:
            self.refused.emit(problem)
            return
        text = self.tr("Publicity {start} – {end} ({days} working days); the list can be sent on {sent}, "
                       "the deadline is {deadline}: {state}.").format(
            start=chinese_day(window.start), end=chinese_day(window.end), days=len(window.days),
            sent=chinese_day(window.report_by), deadline=chinese_day(window.deadline),
            state=self.tr("too late, move the review deadline earlier") if window.late else self.tr("in time"))
        self.schedule.setText(text)

    def values(self) -> dict:
        # from what is saved now: the policy and intake pages save themselves and must not be undone here
        body = dict(round_desk.round_body(self.home) or round_desk.city_template(date.today().year, "光明区"))
        body.update({
            "year": self.year.value(), "round_id": self.round_id.text().strip(), "district": self.district.text().strip(),
            "bureau": self.bureau.text().strip(), "title": self.title.text().strip(),
            "call_reference": self.call_reference.text().strip(), "bureau_address": self.address.text().strip(),
            "bureau_phone": self.phone.text().strip(), "publicity_days": self.publicity_days.value(),
            "correction_days": self.correction_days.value(),
            "quotas": {code: spin.value() for code, spin in self.quotas.items()},
            "deadlines": {**body["deadlines"], "review": self.review.date().toString("yyyy-MM-dd"),
                          "report": self.report.date().toString("yyyy-MM-dd")},
        })
        return body

    def save(self) -> None:
        if self.attempt(lambda: round_desk.save_round(self.home, self.values())) is not None:
            self.message.emit(self.tr("Round saved."))
            self.refresh()


def _decimal(spin: QDoubleSpinBox) -> Decimal:
    """A spin box's points as the policy keeps them (Decimal, never a float's binary digits)."""
    return Decimal(f"{spin.value():.{spin.decimals()}f}").normalize()
