"""`tr` for code outside classes (commands, start-up).

lupdate files bare `tr("…")` calls under the empty context, so this looks them up there too.
Inside QObject classes use `self.tr`; for tables of strings use QT_TRANSLATE_NOOP with a context.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(source: str) -> str:
    return QCoreApplication.translate("", source)
