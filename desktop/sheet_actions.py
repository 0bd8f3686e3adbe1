"""The Sheet menu: the conflict question, the offline score form (export / import), signing and
amending. Each action works on the applicant open in the workspace."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from review_model.errors import Code, Problem
from review_model.sheets import ops
from review_model.sheets.forms import export_form, import_form, read_form
from review_model.sheets.states import ConflictState, SheetState
from review_model.sheets.view import sheet_view
from review_model.signing.sign import signed_pdf
from ui.messages import describe
from ui.text import tr
from ui.workspace.workspace import Workspace

FORM_FILTERS = "Excel (*.xlsx);;CSV UTF-8 (*.csv)"


class SheetActions:
    def __init__(self, window: QWidget, workspace: Workspace, menu: QMenu) -> None:
        self.window = window
        self.workspace = workspace
        self.editor = workspace.editor
        self.find = self._action(menu, tr("&Find in my notes…"), self.find_dialog, "Ctrl+Shift+F")
        menu.addSeparator()
        self.conflict = self._action(menu, tr("Answer the &conflict question…"), workspace.ask_conflict)
        menu.addSeparator()
        self.export_form = self._action(menu, tr("&Export offline score form…"), self.export_form_dialog)
        self.import_form = self._action(menu, tr("&Import offline score form…"), self.import_form_dialog)
        menu.addSeparator()
        self.sign = self._action(menu, tr("&Sign score sheet…"), workspace.sign_button.click, "Ctrl+Shift+S")
        self.amend = self._action(menu, tr("&Amend signed sheet…"), lambda: self.amend_dialog(workspace.applicant_id))
        menu.addSeparator()
        self.open_pdf = self._action(menu, tr("&Open signed score sheet (PDF)"), lambda: self.open_signed_pdf())
        self.save_pdf = self._action(menu, tr("Save signed score sheet (PDF)…"), lambda: self.save_signed_pdf())
        workspace.amendRequested.connect(self.amend_dialog)

    def _action(self, menu: QMenu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    def update(self) -> None:
        view = self.workspace.view
        has = view is not None
        self.conflict.setEnabled(has and view.conflict == ConflictState.UNCONFIRMED)
        self.export_form.setEnabled(has and view.conflict != ConflictState.DECLARED)
        self.import_form.setEnabled(has and view.editable)
        self.sign.setEnabled(has and view.sign_refusal is None)
        self.amend.setEnabled(has and view.state == SheetState.SIGNED)
        signed_before = has and any(r.state == SheetState.SIGNED for r in view.revisions)
        self.open_pdf.setEnabled(signed_before)
        self.save_pdf.setEnabled(signed_before)

    # --- finding notes later ----------------------------------------------------------------
    def find_dialog(self) -> None:
        from ui.workspace.notes_search import NotesSearchDialog  # built on first use of the menu item

        self.workspace.flush()
        dialog = NotesSearchDialog(self.editor.reviewer, self.window)
        dialog.hitChosen.connect(self._go_to_hit)
        self.notes_search = dialog  # kept alive while open; non-modal so the expert can keep working
        dialog.show()

    def _go_to_hit(self, applicant_id: str, item_code: str) -> None:
        self.window.applicants.select_applicant(applicant_id)
        self.workspace.show_item(item_code)

    # --- offline form -----------------------------------------------------------------------
    def export_form_dialog(self) -> None:
        applicant = self.workspace.applicant_id
        path, chosen = QFileDialog.getSaveFileName(self.window, tr("Export offline score form"),
                                                   f"{applicant}-评分表.xlsx", FORM_FILTERS)
        if not path:
            return
        path = _with_suffix(Path(path), chosen)
        try:
            self.workspace.flush()
            export_form(self.editor.reviewer, applicant, path)
        except Problem as problem:
            QMessageBox.warning(self.window, tr("Export offline score form"), describe(problem))
            return
        self.window.statusBar().showMessage(tr("Form saved to {path}. Fill it in Excel or WPS, then import it here.")
                                            .format(path=path), 10000)

    def import_form_dialog(self) -> None:
        applicant = self.workspace.applicant_id
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Import offline score form"), "",
                                              "Excel / CSV (*.xlsx *.csv)")
        if path:
            self.workspace.flush()
            self.import_form_file(applicant, Path(path))

    def import_form_file(self, applicant: str, path: Path) -> bool:
        """Check every cell first; if the sheet changed since the form was exported, ask before
        overwriting; then import as one undoable step."""
        title = tr("Import offline score form")
        try:
            contents = read_form(self.editor.reviewer, applicant, path)
        except Problem as problem:
            QMessageBox.warning(self.window, title, describe(problem))
            return False
        current = sheet_view(self.editor.reviewer, applicant)
        overwrite = False
        if (contents.revision, contents.version) != (current.revision or 1, current.version):
            answer = QMessageBox.question(self.window, title, tr(
                "The sheet changed in the app after this form was exported. Overwrite the app's scores with the form?"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            overwrite = True
        applied = self.editor.apply(tr("Import score form"),
                                    lambda r: import_form(r, applicant, path, overwrite=overwrite))
        return applied is not None

    # --- the signed PDF score sheet ------------------------------------------------------------
    def save_signed_pdf(self, applicant: str | None = None) -> Path | None:
        """Keep a copy of the newest signed PDF where the expert chooses (to print, to file)."""
        title = tr("Save signed score sheet")
        try:
            pdf = signed_pdf(self.editor.reviewer, applicant or self.workspace.applicant_id)
        except Problem as problem:
            QMessageBox.warning(self.window, title, describe(problem))
            return None
        start = str(Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
                    / pdf.file_name)
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, "PDF (*.pdf)")
        if not path:
            return None
        return self._write_pdf(Path(path), pdf.data, title)

    def open_signed_pdf(self, applicant: str | None = None) -> Path | None:
        """Open the newest signed PDF in the system's PDF viewer (which also prints it)."""
        title = tr("Open signed score sheet")
        try:
            pdf = signed_pdf(self.editor.reviewer, applicant or self.workspace.applicant_id)
        except Problem as problem:
            QMessageBox.warning(self.window, title, describe(problem))
            return None
        folder = Path(tempfile.mkdtemp(prefix="reviewdesk-"))  # a private (0700) folder per opened copy
        path = self._write_pdf(folder / pdf.file_name, pdf.data, title)
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def _write_pdf(self, path: Path, data: bytes, title: str) -> Path | None:
        try:
            path.write_bytes(data)
        except OSError as error:
            QMessageBox.warning(self.window, title, describe(Problem(Code.FILE_WRITE_FAILED, path=str(path),
                                                                     detail=error.strerror or str(error))))
            return None
        self.window.statusBar().showMessage(tr("Signed score sheet saved to {path}.").format(path=path), 10000)
        return path

    # --- amending ---------------------------------------------------------------------------
    def amend_dialog(self, applicant: str) -> None:
        reason, ok = QInputDialog.getMultiLineText(self.window, tr("Amend signed sheet"), tr(
            "Why does the signed sheet need a new revision? (e.g. the panel asked to reconsider item 2.1)"))
        if ok and reason.strip():
            self.editor.run(lambda r: ops.amend(r, applicant, reason))


def _with_suffix(path: Path, chosen_filter: str) -> Path:
    if path.suffix.lower() in (".xlsx", ".csv"):
        return path
    return path.with_suffix(".csv" if "csv" in chosen_filter.lower() else ".xlsx")
