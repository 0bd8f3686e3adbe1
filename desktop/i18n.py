"""The UI language: --lang, else the home's saved choice, else the OS locale (Chinese unless the
OS states another language)."""
from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def os_language() -> str:
    """Chinese unless the OS states another language. C/POSIX states none (Python's locale module
    would report en_US for C.UTF-8, so it is not asked)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
                return "zh_CN"
            return "zh_CN" if value.lower().startswith("zh") else "en"
    name = QLocale.system().name()  # Windows and macOS keep the language outside the environment
    return "en" if name and not name.startswith(("zh", "C")) else "zh_CN"


def choose_language(requested: str | None, saved: str | None) -> str:
    for candidate in (requested, saved):
        if candidate in LANGUAGES:
            return candidate
    return os_language()


def install_translators(language: str) -> None:
    """Install the app's and Qt's own translations for `language` (English needs none)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(resources.path("translations", f"{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt_base = QTranslator(app)
    if qt_base.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_base)
        _installed.append(qt_base)
