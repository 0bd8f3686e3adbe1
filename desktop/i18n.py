"""The UI language: --lang, else the home's saved choice, else the OS locale (Chinese unless the
OS states another language).

One catalogue, two readers: the GUI installs Qt's translators on the compiled .qm; the command line
reads the same strings from the .ts (XML, shipped beside the .qm) with the standard library, so that
it prints Chinese without loading Qt (issue 10: `reviewdesk --help` in well under half a second).
"""
from __future__ import annotations

import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import resources
from ui import text

LANGUAGES = ("zh_CN", "en")
_installed: list = []  # QTranslator objects of the GUI, kept alive while installed


def os_language() -> str:
    """Chinese unless the OS states another language. C/POSIX states none (Python's locale module
    would report en_US for C.UTF-8, so it is not asked)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
                return "zh_CN"
            return "zh_CN" if value.lower().startswith("zh") else "en"
    name = _system_language()  # Windows and macOS keep the language outside the environment
    return "en" if name and not name.startswith(("zh", "C")) else "zh_CN"


def _system_language() -> str:
    if sys.platform == "win32":  # the display language, without loading Qt for the command line
        import ctypes  # Windows only

        primary = ctypes.windll.kernel32.GetUserDefaultUILanguage() & 0x3FF
        return "zh" if primary == 0x04 else "other"  # LANG_CHINESE
    from PySide6.QtCore import QLocale  # macOS without LANG: only a start from Finder, i.e. the GUI

    return QLocale.system().name()


def choose_language(requested: str | None, saved: str | None) -> str:
    for candidate in (requested, saved):
        if candidate in LANGUAGES:
            return candidate
    return os_language()


def catalogue_path(language: str) -> Path:
    return resources.path("translations", f"{language}.ts")


def read_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation, as lrelease compiles it: obsolete and vanished entries left
    out, empty translations falling back to the source."""
    catalogue = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished") or not translation.text:
                continue
            catalogue[(name, message.findtext("source") or "")] = translation.text
    return catalogue


def use_catalogue(language: str) -> None:
    """The command line's translations: the .ts of `language` read without Qt (English needs none).
    A missing or unreadable catalogue leaves the English source strings rather than failing."""
    catalogue: dict[tuple[str, str], str] = {}
    if language != "en":
        try:
            catalogue = read_catalogue(catalogue_path(language))
        except (OSError, ET.ParseError):
            pass
    text.use_catalogue(catalogue)


def install_translators(language: str) -> None:
    """Install the app's and Qt's own translations for `language` (English needs none)."""
    # Qt: only for the GUI; the command line translates from the .ts without it (ui/text.py)
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

    text.use_catalogue(None)  # the GUI translates through Qt from here on
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
