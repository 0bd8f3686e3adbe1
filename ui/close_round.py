"""File ▸ Close this round…: once review_model/retention.py says this home's round may be closed (its
sheets delivered or exported, the report deadline passed), the expert is offered to remove the
dossiers, the search index and the caches from the laptop. The action says why when it is not
offered (its tooltip: the domain's refusal in words), asks before removing (how many files and MB
go, what stays), removes off the GUI thread with progress and reports what was removed.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from review_model.errors import Problem
from review_model.home import Home
from review_model.retention import ClosePlan, CloseReport, Removed, close_round, plan_close, round_closed

from .messages import describe
from .tasks import run_with_progress
from .text import tr


def data_size(size: int) -> str:
    """'23.4 KB', '1.5 MB' in the UI's language (a tiny round's dossiers would be '0.0 MB')."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class CloseRoundAction(QObject):
    """The menu action and its dialogs; `before()` stops the window's own work on the dossiers
    (indexing, reading scans), `after()` shows the applicant again without its dossier."""

    def __init__(self, window: QMainWindow, home: Home, menu: QMenu,
                 before: Callable[[], None] = lambda: None, after: Callable[[], None] = lambda: None) -> None:
        super().__init__(window)
        self.window, self.home, self._before, self._after = window, home, before, after
        self.task = None
        self.dialog: QMessageBox | None = None  # the open confirmation (tests and screenshots find it here)
        self.action = QAction(tr("&Close this round…"), window)
        self.action.triggered.connect(self.ask)
        quit_action = menu.actions()[-1] if menu.actions() else None
        menu.insertAction(quit_action, self.action)  # above Quit, apart from it: it cannot be undone
        menu.insertSeparator(quit_action)
        menu.setToolTipsVisible(True)  # a disabled action says why
        menu.aboutToShow.connect(self.update)  # not at start: the window opens without reading the round

    def _plan(self) -> ClosePlan | None:
        """What closing would remove now, or None (the action then says why in its tooltip)."""
        try:
            plan = plan_close(self.home)
        except Problem as problem:
            self.action.setEnabled(False)
            self.action.setToolTip(describe(problem))
            return None
        if plan.files == 0 and round_closed(self.home):
            self.action.setEnabled(False)
            self.action.setToolTip(tr("This round is closed: its dossiers, search index and caches were removed "
                                      "from this computer."))
            return None
        self.action.setEnabled(True)
        self.action.setToolTip(tr("Remove this round's dossiers, search index and caches from this computer; "
                                  "your signed sheets stay."))
        return plan

    def update(self) -> None:
        if self.task is None:
            self._plan()

    def ask(self) -> None:
        plan = self._plan()
        if plan is None:
            return
        files, size = plan.removed[Removed.DOSSIERS]
        box = self.dialog = QMessageBox(QMessageBox.Icon.Warning, tr("Close this round"), tr(
            "Close round {round} on this computer?").format(round=plan.round_id), parent=self.window)
        box.setInformativeText(tr(
            "This removes {files} files ({size}): the applicants' dossiers ({dossiers} files, {dossier_size}), "
            "the search index and the caches. They cannot be restored.\n\n"
            "What stays: your signed score sheets with their PDFs and site photos, the bureau's receipts, "
            "the return bundles and the audit log, which records what was removed.").format(
                files=plan.files, size=data_size(plan.bytes), dossiers=files, dossier_size=data_size(size)))
        remove = box.addButton(tr("Remove and close the round"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        self.dialog = None
        if box.clickedButton() is remove:
            self.run()

    def run(self) -> None:
        self._before()
        home = self.home
        self.action.setEnabled(False)
        self.task = run_with_progress(self.window, tr("Removing this round's dossiers, index and caches…"),
                                      lambda progress: close_round(home, progress=progress), self._closed,
                                      self._failed, cancellable=False)

    def _closed(self, report: CloseReport) -> None:
        self.task = None
        self._after()
        self.update()
        QMessageBox.information(self.window, tr("Close this round"), tr(
            "Round {round} is closed: {files} files ({size}) were removed from this computer. Your signed "
            "score sheets, the receipts and the audit log are kept.").format(
                round=report.round_id, files=report.files, size=data_size(report.bytes)))

    def _failed(self, error: object) -> None:
        self.task = None
        self.update()
        QMessageBox.warning(self.window, tr("Close this round"), describe(error) if isinstance(error, Problem)
                            else str(error))


def attach_close_round(window: QMainWindow, home: Home, menu: QMenu, before: Callable[[], None] = lambda: None,
                       after: Callable[[], None] = lambda: None) -> CloseRoundAction:
    return CloseRoundAction(window, home, menu, before, after)
