"""One flow for every signed export (the expert's return bundle, the chair's panel result): choose where,
unlock the key if it is a file, write and sign off the GUI thread with progress, then say what was
written (or why not).

    class MyExport(SignedExport):            # says what is written, where by default, and how it is told
        def suggested(self) -> Path: ...
        def write(self, path, key, progress): ...
        def done_text(self, result) -> str: ...
    exporter = MyExport(home, parent, person_id, unlock); exporter.finished.connect(...); exporter.start()

`unlock` (ui/passphrase.py): the session's passphrase, which then signs without a prompt.

`start()` may first refuse or ask (`before_choosing`). Every dialog is opened window-modal (`open()`),
so tests and the event loop drive them alike; the dialogs are kept as attributes (`file_dialog`,
`passphrase_dialog`, `question`, `message`).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from review_model.errors import Problem
from review_model.home import Home
from review_model.identity import signing_key

from .messages import describe
from .passphrase import Unlock, with_passphrase
from .tasks import run_with_progress


class FolderDialog(QFileDialog):
    """Choose a folder to write into; a new one (its parent existing) is accepted too and made when
    written. Qt's own folder picker greys out its button for a folder that does not exist yet and
    refuses it with "Directory not found", even the name it proposed itself."""

    def __init__(self, parent: QWidget, title: str, suggested: Path) -> None:
        super().__init__(parent, title, str(suggested.parent))
        self.setFileMode(QFileDialog.FileMode.Directory)
        self.setOption(QFileDialog.Option.ShowDirsOnly, True)
        self.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        self.name_edit = self.findChild(QLineEdit, "fileNameEdit")
        buttons = self.findChild(QDialogButtonBox, "buttonBox")
        self.accept_button = buttons.button(QDialogButtonBox.StandardButton.Open) if buttons else None
        if self.name_edit is not None:  # after Qt's own check, which disables the button for a new folder
            self.name_edit.textChanged.connect(self._allow_new)
        self.directoryEntered.connect(self._allow_new)
        self.selectFile(str(suggested))

    def new_folder(self) -> Path | None:
        """The folder typed, if it does not exist yet but could be made (its parent exists)."""
        chosen = self.selectedFiles()
        path = Path(chosen[0]) if chosen else None
        if path is None or path.exists() or not path.parent.is_dir() or not path.name:
            return None
        return path

    def _allow_new(self, *_args) -> None:
        if self.accept_button is not None and self.new_folder() is not None:
            self.accept_button.setEnabled(True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._allow_new()

    def accept(self) -> None:
        path = self.new_folder()
        if path is not None:
            QDialog.accept(self)
            self.fileSelected.emit(str(path))
            return
        super().accept()


class SignedExport(QObject):
    finished = Signal(object)  # what `write` returned on success; the Problem (or exception) otherwise

    folder = False  # choose a folder to write into (else a file to save)
    file_filter = ""  # for a file: e.g. "Return bundles (*.rvret)"
    suffix = ""  # for a file: added when the name has none

    def __init__(self, home: Home, parent: QWidget, person_id: str = "", unlock: Unlock | None = None) -> None:
        super().__init__(parent)
        self._home, self._parent, self._person_id, self._unlock = home, parent, person_id, unlock
        self.file_dialog: QFileDialog | None = None
        self.passphrase_dialog: QInputDialog | None = None
        self.question: QMessageBox | None = None
        self.message: QMessageBox | None = None
        self.task = None

    # --- what a kind of export says and does -------------------------------------------------------
    def title(self) -> str:
        raise NotImplementedError

    def prompt(self) -> str:
        return self.tr("The file is signed with your key. Type the passphrase of your key file:")

    def busy_text(self) -> str:
        return self.tr("Writing and signing…")

    def suggested(self) -> Path:
        raise NotImplementedError

    def write(self, path: Path, key, progress):
        """In the worker thread: write and sign to `path`; return what `done_text` describes."""
        raise NotImplementedError

    def done_text(self, result) -> str:
        raise NotImplementedError

    def before_choosing(self) -> bool:
        """Refuse (tell, emit `finished`, return False) or ask first (return False and call `choose()` later)."""
        return True

    # --- the flow -------------------------------------------------------------------------------
    def start(self) -> None:
        try:
            go_on = self.before_choosing()
        except Problem as problem:
            self.refuse(problem)
            return
        if go_on:
            self.choose()

    def refuse(self, problem: Problem) -> None:
        self._tell(QMessageBox.Icon.Warning, describe(problem))
        self.finished.emit(problem)

    def choose(self) -> None:
        """Ask where to write (a non-native dialog, opened window-modal)."""
        try:
            suggested = self.suggested()
        except Problem as problem:
            self.refuse(problem)
            return
        if self.folder:
            dialog: QFileDialog = FolderDialog(self._parent, self.title(), suggested)
        else:
            dialog = QFileDialog(self._parent, self.title(), str(suggested), self.file_filter)
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setDefaultSuffix(self.suffix)
            dialog.selectFile(str(suggested))
        dialog.fileSelected.connect(self._chosen)
        self.file_dialog = dialog
        dialog.open()

    def _chosen(self, path: str) -> None:
        self.passphrase_dialog = with_passphrase(self._parent, self._home, self.title(), self.prompt(),
                                                 lambda passphrase: self.run(Path(path), passphrase), self._unlock)

    def run(self, path: Path, passphrase: str | None = None) -> None:
        """Write to `path` with progress (the key is unlocked in the worker too)."""
        home, person_id = self._home, self._person_id

        def work(progress):
            key = signing_key(home, lambda: passphrase or None, person_id=person_id)
            return self.write(path, key, progress)

        self.task = run_with_progress(self._parent, self.busy_text(), work, self._done, self._failed)

    def _done(self, result) -> None:
        self._tell(QMessageBox.Icon.Information, self.done_text(result))
        self.finished.emit(result)

    def _failed(self, error: object) -> None:
        self._tell(QMessageBox.Icon.Warning, describe(error) if isinstance(error, Problem) else str(error))
        self.finished.emit(error)

    def _tell(self, icon: QMessageBox.Icon, text: str) -> None:
        self.message = QMessageBox(icon, self.title(), text, QMessageBox.StandardButton.Ok, self._parent)
        self.message.open()
