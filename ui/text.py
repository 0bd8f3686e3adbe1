"""Translation for code outside QObject classes, with Qt (the GUI) or without it (the command line).

lupdate finds `tr("…")`, `translate("Context", "…")` and `QT_TRANSLATE_NOOP("Context", "…")` by
name in the source, so they are defined here without importing Qt. The GUI translates through Qt's
installed translators (the .qm); the command line installs the same catalogue read from the .ts
(desktop/i18n.py) and never loads Qt, which alone costs more than `reviewdesk --help` may (issue 10).

lupdate files bare `tr("…")` calls under the empty context, so `tr` looks them up there too.
Inside QObject classes use `self.tr`; for tables of strings use QT_TRANSLATE_NOOP with a context.
"""
from __future__ import annotations

from collections.abc import Mapping

# (context, source) → translation, when the command line installed one; None: ask Qt.
_catalogue: Mapping[tuple[str, str], str] | None = None


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for translation in `context` (lupdate collects it); translated when shown."""
    return source


def use_catalogue(catalogue: Mapping[tuple[str, str], str] | None) -> None:
    """Translate from `catalogue` from now on ({} is English); None goes back to Qt's translators."""
    global _catalogue
    _catalogue = catalogue


def translate(context: str, source: str) -> str:
    if _catalogue is not None:
        return _catalogue.get((context, source)) or source
    from PySide6.QtCore import QCoreApplication  # the GUI's translators; imported once, then a dict lookup

    return QCoreApplication.translate(context, source)


def tr(source: str) -> str:
    return translate("", source)
