"""Chinese text must render without system fonts: PyMuPDF's CJK font becomes the fallback family."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from review_model.fonts import cjk_font_bytes


def install_cjk_font(app: QApplication) -> str:
    font_id = QFontDatabase.addApplicationFontFromData(cjk_font_bytes())
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return ""
    family = families[0]
    font = QFont(app.font())
    font.setFamilies([app.font().family(), family])  # system font for Latin, ours for every CJK glyph
    app.setFont(font)
    return family
