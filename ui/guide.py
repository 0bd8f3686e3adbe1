"""A short guide to the app (Help ▸ Guide, F1): the expert's day and the chair's, step by step."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ReviewDesk guide"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(self._html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 600)  # fits a 1366×768 laptop with the taskbar

    def _html(self) -> str:
        sections = [
            (self.tr("Before the visit"), [
                self.tr("Create your signing identity (the start page: Create my signing identity…) and send your "
                        "public identity file (File ▸ Export my public identity…) to the bureau."),
                self.tr("Open the review package the bureau sent you (File ▸ Open review package…, or drop the "
                        ".rvpkg on the window). Compare the fingerprint shown with the one the bureau read out to you."),
            ]),
            (self.tr("Scoring an applicant"), [
                self.tr("Choose the applicant on the left. Answer the conflict-of-interest question (回避) first: "
                        "scoring starts once you confirm that you have none."),
                self.tr("Type each item's score and press Tab for the next one. A score under 60% of the points asks "
                        "for a reason on the spot. Everything is saved as you type."),
                self.tr("Read the dossier on the left while you type: PgUp/PgDn or Alt+Up/Alt+Down turn pages, "
                        "Ctrl+= and Ctrl+− zoom, Ctrl+F searches."),
                self.tr("Link the evidence: select a region on a page, or link the page shown, for the item in focus."),
                self.tr("Site notes and photos go with the item in focus or with the whole visit. A note you have "
                        "not added yet is kept for that applicant."),
                self.tr("Ctrl+Z undoes the last change and Ctrl+Shift+Z redoes it, also from inside a score box."),
            ]),
            (self.tr("Signing and sending"), [
                self.tr("The To do tab lists what is left. When it is empty, sign (Ctrl+Shift+S): the sheet is frozen "
                        "and its PDF written. Open or save the PDF from the sign dialog or the Sheet menu."),
                self.tr("A signed sheet changes only through Sheet ▸ Amend, with a reason; the new revision is "
                        "signed again."),
                self.tr("Export the return bundle (File ▸ Export signed sheets…) and hand it to the chair or the "
                        "bureau."),
            ]),
            (self.tr("The chair"), [
                self.tr("Open the chair's desk (Ctrl+Shift+C): take in the experts' bundles, discuss, give a "
                        "permitted reason for every changed score, rank against the quota and sign the result."),
            ]),
        ]
        html = ""
        for title, steps in sections:
            html += f"<h3>{title}</h3><ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol>"
        return html
