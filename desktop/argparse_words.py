"""argparse's own words ("usage:", "options", its error messages) in the UI language.

argparse looks its words up through gettext at the moment it prints them, by calling its module's
`_` and `ngettext`; install() points those at the app's catalogue (context "Argparse" in
resources/translations/*.ts), so there is still one catalogue and no .mo file beside it. The sources
below are argparse's message ids, exactly (tests/test_cli_usage.py checks them against the running
Python's argparse). Programmer errors (conflicting options, bad add_argument calls) stay English:
nobody using the app can see them.
"""
from __future__ import annotations

import argparse

from ui.text import QT_TRANSLATE_NOOP, translate

CTX = "Argparse"

WORDS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
)


def gettext(message: str) -> str:
    return translate(CTX, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translate(CTX, singular if n == 1 else plural)


def install() -> None:
    """argparse's words from the catalogue the command line installed (desktop/i18n.use_catalogue)."""
    argparse._ = gettext
    argparse.ngettext = ngettext
