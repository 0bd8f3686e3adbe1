"""The main window: the round's applicants on the left, the selected applicant on the right.

It owns no domain logic: it asks review_model for data, runs long work through ui.tasks, and
turns refusals into words through ui.messages.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from review_model.errors import Code, Problem
from review_model.home import Home
from review_model.identity import public_identity_bytes
from review_model.importer import ImportResult, import_package
from review_model.overview import Overview, applicant_detail, overview
from review_model.settings import get_setting, set_setting
from review_model.sheets.context import Reviewer
from review_model.sheets.ops import OpChanges
from review_model.sheets.view import sheet_view
from review_model.store.blobs import write_durably
from review_model.store.watch import ChangeWatch
from ui.applicant_list import ApplicantList
from ui.applicant_page import ApplicantPage
from ui.export_returns import export_return_bundle
from ui.guide import GuideDialog
from ui.identity_dialog import IdentityDialog
from ui.key_status import KeyStatusLabel
from ui.labels import ROLES, label
from ui.messages import describe
from ui.ocr_status import ScanStatus
from ui.passphrase import Unlock
from ui.sign_dialog import SignDialog
from ui.tasks import BackgroundTask, run_with_progress
from ui.welcome_page import WelcomePage
from ui.workspace.editor import SheetEditor
from ui.workspace.undo_keys import redo_keys
from ui.workspace.workspace import Workspace

from .sheet_actions import SheetActions

WATCH_INTERVAL_MS = 2000  # how often the window looks for changes made by other processes

class MainWindow(QMainWindow):
    languageChosen = Signal(str)

    def __init__(self, home: Home, language: str, parent: QWidget | None = None, unlock: Unlock | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.unlock = unlock  # the session's passphrase (desktop/app.py owns it): handed to what signs
        self.language = language
        self._task = None
        self._indexing: BackgroundTask | None = None
        self._index_timer = QTimer(self)  # owned by the window: closing it stops the timer
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(2000)
        self._index_timer.timeout.connect(self.index_dossiers)
        self._splitter_restored = False
        self._settings = QSettings(str(home.private_file("window.ini")), QSettings.Format.IniFormat)
        self.setAcceptDrops(True)
        self.setMinimumSize(960, 600)

        self.applicants = ApplicantList()
        self.applicants.applicantSelected.connect(self.show_applicant)
        self.welcome = WelcomePage()
        self.welcome.openPackage.connect(self.choose_package)
        self.welcome.exportIdentity.connect(self.export_identity)
        self.welcome.createIdentity.connect(self.create_identity)
        self.applicant_page = ApplicantPage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.applicant_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.applicants)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([240, 1100])
        self.setCentralWidget(self.splitter)
        self.identity_label = QLabel()
        self.index_progress = QProgressBar()
        self.index_progress.setMaximumWidth(160)
        self.index_progress.setFormat(self.tr("Indexing %p%"))
        self.index_progress.hide()
        self.statusBar().addPermanentWidget(self.index_progress)
        self.scan_status = ScanStatus()  # OCR progress, with pause and resume
        self.scan_status.started.connect(lambda task: setattr(self, "_indexing", task))
        self.scan_status.finished.connect(lambda: setattr(self, "_indexing", None))
        self.statusBar().addPermanentWidget(self.scan_status)
        self.key_status = KeyStatusLabel()
        self.statusBar().addPermanentWidget(self.key_status)
        self.statusBar().addPermanentWidget(self.identity_label)
        self.workspace: Workspace | None = None
        self.chair_desk = None  # built on first use, for the round's chair
        self.sheet_actions: SheetActions | None = None
        self._build_menus()
        self.refresh()
        self._restore_layout()
        # The command line (or a background sender) may change the home while the window is open.
        self._watch = ChangeWatch(home.store.path, home.key) if home.store.path else None
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_INTERVAL_MS)
        self.watch_timer.timeout.connect(self._changes_from_outside)
        if self._watch is not None:
            self.watch_timer.start()
        from ui.sync_sender import attach_sender  # the outbox's background sender, when the package names an intake

        self.outbox_sender = attach_sender(self, home, self.file_menu, self.applicants, unlock)
        from ui.close_round import attach_close_round  # File ▸ Close this round (issue 15's retention)

        self.close_round = attach_close_round(
            self, home, self.file_menu, before=lambda: self._indexing and (self._indexing.cancel(), self._indexing.wait()),
            after=lambda: self.applicants.current_applicant() and self.show_applicant(self.applicants.current_applicant()))

    # --- menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open review package…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_package)
        file_menu.addAction(self.open_action)
        self.export_returns_action = QAction(self.tr("&Export signed sheets (return bundle)…"), self)
        self.export_returns_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_returns_action.triggered.connect(self.export_returns)
        self.export_returns_action.setEnabled(False)
        file_menu.addAction(self.export_returns_action)
        self.chair_export_action = QAction(self.tr("Export and sign the &panel result…"), self)
        self.chair_export_action.triggered.connect(lambda: self.chair_desk and self.chair_desk.export_result())
        self.chair_export_action.setVisible(False)
        file_menu.addAction(self.chair_export_action)
        self.export_identity_action = QAction(self.tr("Export my public &identity…"), self)
        self.export_identity_action.triggered.connect(self.export_identity)
        file_menu.addAction(self.export_identity_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.sheet_menu = self.menuBar().addMenu(self.tr("&Sheet"))
        self.sheet_menu.setEnabled(False)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu = view_menu
        self.list_action = QAction(self.tr("Applicant &list"), self, checkable=True)
        self.list_action.setShortcut(QKeySequence("Ctrl+L"))
        self.list_action.setChecked(True)
        self.list_action.toggled.connect(self.applicants.setVisible)  # more room for the dossier on a laptop
        view_menu.addAction(self.list_action)
        self.chair_action = QAction(self.tr("&Chair's desk (组长工作台)"), self, checkable=True)
        self.chair_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.chair_action.toggled.connect(self.show_chair_desk)
        self.chair_action.setVisible(False)
        view_menu.addAction(self.chair_action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&Guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        guide.triggered.connect(lambda: GuideDialog(self).exec())
        help_menu.addAction(guide)
        about = QAction(self.tr("&About ReviewDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _choose_language(self, code: str) -> None:
        if code != self.language:
            set_setting(self.home, "language", code)
            self.languageChosen.emit(code)

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About ReviewDesk"), self.tr(
            "ReviewDesk 0.1\nOffline expert review of Shenzhen's vocational-training carriers.\n"
            "Every score is saved as it is typed and signed before it leaves this computer."))

    # --- state ------------------------------------------------------------------------------
    def refresh(self) -> Overview:
        view = overview(self.home)
        title = self.tr("ReviewDesk")
        if view.round:
            title = f"{view.round.title} — {title}"
        self.setWindowTitle(title)
        if view.identity:
            role = label(ROLES, view.expert_role or view.identity.role)
            self.identity_label.setText(f"{view.identity.name} · {role} · {view.identity.fingerprint}")
        else:
            self.identity_label.setText(self.tr("No signing identity"))
        self.export_identity_action.setEnabled(view.identity is not None)
        self.key_status.refresh(self.home)
        if view.identity is not None and view.identity.role == "bureau":
            self._show_bureau_desk()  # the bureau sets rounds up; it has no expert's workspace
            return view
        self.applicants.set_rows(list(view.applicants))
        if view.expert_id and self.workspace is None:
            self._build_workspace()
        is_chair = view.expert_role == "chair"
        self.chair_action.setVisible(is_chair)
        self.chair_export_action.setVisible(is_chair)
        if view.round is None or not view.applicants:
            self.welcome.show_state(view.identity)
            self.pages.setCurrentWidget(self.welcome)
            if view.round is not None:
                self.statusBar().showMessage(self.tr("No applicant of this round is assigned to you."))
        return view

    def show_applicant(self, applicant_id: str) -> None:
        if self.workspace is not None:
            self.workspace.show_applicant(applicant_id)
            self.pages.setCurrentWidget(self.workspace)
            self.sheet_actions.update()
        else:
            detail = applicant_detail(self.home, applicant_id)
            if detail is None:
                return
            self.applicant_page.show_applicant(detail)
            self.pages.setCurrentWidget(self.applicant_page)
        set_setting(self.home, "ui.applicant", applicant_id)

    def _show_bureau_desk(self) -> None:
        desk = getattr(self, "bureau_desk", None)
        if desk is None:
            from ui.bureau import BureauDesk  # only the bureau loads its desk's modules

            desk = self.bureau_desk = BureauDesk(self.home, unlock=self.unlock)
            desk.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
            self.pages.addWidget(desk)
        desk.refresh()
        self.pages.setCurrentWidget(desk)

    # --- the expert's workspace -------------------------------------------------------------
    def _build_workspace(self) -> None:
        try:
            reviewer = Reviewer.open(self.home)
        except Problem:
            return  # no round, or this identity is not on the panel: the plain applicant page serves
        editor = SheetEditor(reviewer, self)
        self.workspace = Workspace(editor, self._make_viewer(reviewer))
        self.pages.addWidget(self.workspace)
        self.workspace.stateChanged.connect(self._applicant_state_changed)
        self.workspace.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.workspace.signRequested.connect(self.sign_sheet)
        self.export_returns_action.setEnabled(True)
        undo = editor.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = editor.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts(redo_keys())
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)
        self.sheet_actions = SheetActions(self, self.workspace, self.sheet_menu)
        self.sheet_menu.setEnabled(True)
        self.sheet_menu.aboutToShow.connect(self.sheet_actions.update)
        for name in ("workspaceSplitter", "rubricSplitter"):
            state = self._settings.value(name)
            if isinstance(state, QByteArray):
                self.workspace.findChild(QSplitter, name).restoreState(state)

    # --- the chair's desk ---------------------------------------------------------------------
    def show_chair_desk(self, on: bool) -> None:
        """The chair scores in the workspace like every expert, and compiles the panel here."""
        if on:
            if self.chair_desk is None:
                from ui.chair import ChairDesk  # only chairs open it: experts never load the desk's modules

                self.chair_desk = ChairDesk(self.home, unlock=self.unlock)
                self.chair_desk.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
                self.pages.addWidget(self.chair_desk)
            self.chair_desk.refresh()
            self.pages.setCurrentWidget(self.chair_desk)
            self.applicants.hide()  # the desk shows every applicant of the round itself
            self.list_action.setEnabled(False)
        else:
            self.list_action.setEnabled(True)
            self.applicants.setVisible(self.list_action.isChecked())
            current = self.applicants.current_applicant()
            if current:
                self.show_applicant(current)
            else:
                self.pages.setCurrentWidget(self.welcome)

    def sign_sheet(self, applicant_id: str) -> None:
        dialog = SignDialog(self.workspace.editor.reviewer, applicant_id, self, self.unlock)
        dialog.signed.connect(lambda _revision: self.workspace.editor.announce(OpChanges(applicant_id, revision=True)))
        dialog.pdfRequested.connect(lambda applicant, open_it: (self.sheet_actions.open_signed_pdf if open_it
                                                                else self.sheet_actions.save_signed_pdf)(applicant))
        dialog.exec()

    def export_returns(self) -> None:
        if self.workspace is not None:
            self.workspace.flush()
        self._export = export_return_bundle(self, self.home, unlock=self.unlock)

    def _make_viewer(self, reviewer: Reviewer) -> QWidget:
        """The dossier beside the rubric; its render worker process starts now, in parallel."""
        # here, not at module level: the window shows before the viewer's modules and worker are loaded
        from review_model.dossier.library import DossierLibrary
        from ui.viewer import DossierViewer

        self.viewer = DossierViewer(DossierLibrary(self.home))
        self._index_timer.start()  # index once the first page is up
        return self.viewer

    def index_dossiers(self) -> None:
        """Build (or resume) the search index of the imported dossiers, in the background."""
        from review_model.dossier.indexing import index_pending  # loaded when indexing first starts

        if self._indexing is not None or not self.isVisible():
            return
        progress = self.index_progress

        def done(result: object) -> None:
            self._indexing = None
            progress.hide()
            # the text layers are in: now read the scans (REVIEWDESK_BACKGROUND_OCR=0 turns that off,
            # e.g. for a test suite whose windows open demo homes with hundreds of scanned pages)
            if hasattr(result, "pages_indexed") and os.environ.get("REVIEWDESK_BACKGROUND_OCR", "1") != "0":
                self.read_scans()

        self._indexing = BackgroundTask(lambda report: index_pending(self.home, report), self)
        self._indexing.progressed.connect(lambda n, total: (progress.show(), progress.setMaximum(max(total, 1)),
                                                            progress.setValue(n)))
        self._indexing.succeeded.connect(done)
        self._indexing.failed.connect(done)
        self._indexing.start()

    def read_scans(self) -> None:
        """OCR of every page without a text layer, in its own low-priority process (issue 13)."""
        self.scan_status.start(self.home)

    def _changes_from_outside(self) -> None:
        """Someone committed to the database: show what changed (our own edits are already shown,
        so mostly this finds nothing different and redraws nothing)."""
        if self._watch is None or not self._watch.changed():
            return
        rows = list(overview(self.home).applicants)
        if rows != self.applicants.model_.rows():
            self.applicants.set_rows(rows)
        ws = self.workspace
        if ws is not None and ws.applicant_id and ws.view is not None:
            fresh = sheet_view(ws.editor.reviewer, ws.applicant_id)
            if (fresh.revision, fresh.version, fresh.state, fresh.conflict) != \
                    (ws.view.revision, ws.view.version, ws.view.state, ws.view.conflict):
                ws.reload()
                if self.sheet_actions is not None:
                    self.sheet_actions.update()

    def _applicant_state_changed(self, applicant_id: str, state, revision) -> None:
        # The workspace knows the new state of the sheet it shows; only other changes re-read the list.
        if state is None or not self.applicants.model_.update_state(applicant_id, state, revision):
            self.applicants.set_rows(list(overview(self.home).applicants))
        if self.sheet_actions is not None:
            self.sheet_actions.update()

    def _restore_layout(self) -> None:
        geometry = self._settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:  # first start: most of the screen (a 1366×768 laptop gets nearly all of it)
            available = self.screen().availableGeometry()
            self.resize(max(self.minimumWidth(), int(available.width() * 0.94)),
                        max(self.minimumHeight(), int(available.height() * 0.92)))
            self.move(available.center() - self.rect().center())
        if str(self._settings.value("applicantList", "true")).lower() == "false":
            self.list_action.setChecked(False)
        last = get_setting(self.home, "ui.applicant")
        if not (last and self.applicants.select_applicant(last)) and self.applicants.model().rowCount():
            self.applicants.selectRow(0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitter_restored:  # sizes only mean something once the window has its size
            self._splitter_restored = True
            splitter = self._settings.value("splitter")
            if isinstance(splitter, QByteArray):
                self.splitter.restoreState(splitter)

    def closeEvent(self, event) -> None:
        self.watch_timer.stop()
        if self.outbox_sender is not None:
            self.outbox_sender.stop()  # a transfer cut here resumes at the next start
        if self._watch is not None:
            self._watch.close()
        if self.workspace is not None:
            self.workspace.flush()  # anything typed in the last moment is committed before quitting
            self.workspace.viewer.close()  # stops the render worker process
        self._index_timer.stop()
        if self._indexing is not None:
            # cancelled mid-page too (the OCR worker is stopped): the thread must end before Qt
            # destroys it, or the process aborts on quitting
            self._indexing.cancel()
            self._indexing.wait(10000)
        if self.workspace is not None:
            for name in ("workspaceSplitter", "rubricSplitter"):
                self._settings.setValue(name, self.workspace.findChild(QSplitter, name).saveState())
        self._settings.setValue("geometry", self.saveGeometry())
        self._settings.setValue("applicantList", self.list_action.isChecked())
        self._settings.setValue("splitter", self.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)

    # --- identity ---------------------------------------------------------------------------
    def create_identity(self) -> None:
        dialog = IdentityDialog(self.home, self, self.unlock)
        if dialog.exec():
            self.refresh()

    def export_identity(self) -> None:
        view = overview(self.home)
        if view.identity is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export public identity"),
                                              f"{view.identity.name}.pub", self.tr("Public identity (*.pub)"))
        if not path:
            return
        try:
            write_durably(Path(path), public_identity_bytes(view.identity))
        except Problem as problem:
            QMessageBox.warning(self, self.tr("Export public identity"), describe(problem))
            return
        QMessageBox.information(self, self.tr("Export public identity"), self.tr(
            "Saved. Give the file to the bureau and read them your fingerprint:\n{fingerprint}").format(
                fingerprint=view.identity.fingerprint))

    # --- importing a package ----------------------------------------------------------------
    def choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open review package"), "",
                                              self.tr("Review packages (*.rvpkg)"))
        if path:
            self.import_package(Path(path))

    def import_package(self, path: Path, trust_bureau: str | None = None) -> None:
        def work(progress):
            return import_package(self.home, path, trust_bureau=trust_bureau, progress=progress)

        def failed(error: object) -> None:
            if isinstance(error, Problem) and error.code == Code.BUREAU_UNKNOWN:
                self._confirm_bureau(path, error)
                return
            text = describe(error) if isinstance(error, Problem) else str(error)
            QMessageBox.warning(self, self.tr("Open review package"), text)

        self._task = run_with_progress(self, self.tr("Checking and importing {name}…").format(name=path.name),
                                       work, self._imported, failed)

    def _confirm_bureau(self, path: Path, problem: Problem) -> None:
        fingerprint = str(problem.params["fingerprint"])
        answer = QMessageBox.question(self, self.tr("Trust this bureau?"), self.tr(
            "This package is signed by {bureau}.\n\nFingerprint: {fingerprint}\n\n"
            "Compare it with the fingerprint the bureau gave you (by phone or on paper). "
            "Trust this bureau from now on?").format(bureau=problem.params.get("bureau", ""), fingerprint=fingerprint))
        if answer == QMessageBox.StandardButton.Yes:
            self.import_package(path, trust_bureau=fingerprint)

    def _imported(self, result: ImportResult) -> None:
        self.refresh()
        if self.workspace is not None:
            self.index_dossiers()
        if self.applicants.currentIndex().row() < 0 and self.applicants.model().rowCount():
            self.applicants.selectRow(0)
        if result.already_imported:
            self.statusBar().showMessage(self.tr("This package is already imported; nothing changed."), 8000)
        else:
            self.statusBar().showMessage(self.tr("Imported round {round}: {applicants} applicants.").format(
                round=result.round_id, applicants=result.applicants), 8000)

    # --- drag and drop ----------------------------------------------------------------------
    def _dropped_packages(self, event) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.toLocalFile().lower().endswith(".rvpkg")]

    def dragEnterEvent(self, event) -> None:
        if self._dropped_packages(event):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        packages = self._dropped_packages(event)
        if packages:
            event.acceptProposedAction()
            self.import_package(packages[0])

