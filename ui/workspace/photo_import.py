"""Bringing site photos in: from files or a whole camera folder. Reducing a 12-megapixel photo
takes a few hundred milliseconds, so it runs off the GUI thread with progress and cancel; the
reduced copies are then attached in one undo step."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from review_model.errors import Problem
from review_model.sheets import ops
from review_model.sheets.photos import PHOTO_SUFFIXES, import_photo, photos_in_folder

from ..messages import describe
from ..tasks import run_with_progress
from ..text import tr
from .editor import SheetEditor


class PhotoImporter:
    def __init__(self, parent: QWidget, editor: SheetEditor) -> None:
        self._parent = parent
        self._editor = editor
        self._task = None

    def choose(self, applicant_id: str, scope: str, camera_folder: bool) -> None:
        parent = self._parent
        if camera_folder:
            folder = QFileDialog.getExistingDirectory(parent, tr("Choose the camera folder (e.g. DCIM)"))
            paths = photos_in_folder(Path(folder)) if folder else []
        else:
            patterns = " ".join(f"*{s}" for s in PHOTO_SUFFIXES)
            names, _ = QFileDialog.getOpenFileNames(parent, tr("Add photos"), "",
                                                    tr("Photos ({patterns})").format(patterns=patterns))
            paths = [Path(n) for n in names]
        if paths:
            self.add(applicant_id, scope, paths)

    def add(self, applicant_id: str, scope: str, paths: list[Path]) -> None:
        home = self._editor.reviewer.home

        def work(progress):
            reduced = []
            for index, path in enumerate(paths):
                reduced.append(import_photo(home, path))  # reads the original only; writes the reduced copy
                progress(index + 1, len(paths))
            return reduced

        def attach(reduced) -> None:
            stack = self._editor.undo_stack
            stack.beginMacro(tr("Add {n} photos").format(n=len(reduced)))
            try:
                for photo in reduced:
                    self._editor.apply("", ops.PutPhoto(applicant_id, replace(photo, item_code=scope)).apply)
            finally:
                stack.endMacro()

        def failed(error) -> None:
            text = describe(error) if isinstance(error, Problem) else str(error)
            QMessageBox.warning(self._parent, tr("Photos not added"), text)

        self._task = run_with_progress(self._parent, tr("Reducing {n} photos…").format(n=len(paths)),
                                       work, attach, failed)
