"""A site photo shown large, with its caption (what it proves, where it was taken)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from review_model.sheets.view import PhotoEntry


class PhotoDialog(QDialog):
    def __init__(self, photo: PhotoEntry, image: bytes, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(photo.original_name)
        pixmap = QPixmap()
        pixmap.loadFromData(image)
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        # large, but the whole dialog fits a 1366×768 laptop: the photo gets about 80 % of the screen
        fitted = pixmap.scaled(int(screen.width() * 0.8), int(screen.height() * 0.7), Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
        self.image = QLabel()
        self.image.setPixmap(fitted)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.caption = QLineEdit(photo.caption)
        self.caption.setObjectName("photoCaption")
        self.caption.setPlaceholderText(self.tr("Caption: what the photo shows (e.g. 实训车间二楼，数控机床 6 台)"))
        self.caption.setReadOnly(not editable)
        taken = self.tr("Taken {when}").format(when=f"{photo.taken_at:%Y-%m-%d %H:%M}") if photo.taken_at else ""
        info = QLabel(" · ".join(part for part in (photo.original_name, taken) if part))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
                                   if editable else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(info)
        layout.addWidget(self.caption)
        layout.addWidget(buttons)
        self.resize(fitted.width() + 40, fitted.height() + 140)

    def caption_text(self) -> str:
        return self.caption.text().strip()
