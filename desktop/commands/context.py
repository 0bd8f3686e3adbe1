"""What every command gets: its arguments, an output stream, and the home opened on demand."""
from __future__ import annotations

import getpass
import sys
from argparse import Namespace
from pathlib import Path
from typing import TextIO

from review_model.errors import Code, Problem
from review_model.home import DB_NAME, Home, default_home
from review_model.keys import env_passphrase
from review_model.settings import get_setting


def home_path(value: str | None) -> Path:
    return Path(value) if value else default_home()


def saved_language(home: str | None) -> str | None:
    path = home_path(home)
    if not (path / DB_NAME).exists():
        return None
    try:
        with Home(path, create=False) as opened:
            return get_setting(opened, "language")
    except Problem:
        return None


class Context:
    def __init__(self, args: Namespace, out: TextIO, language: str) -> None:
        self.args = args
        self.out = out
        self.language = language
        self._home: Home | None = None

    def home(self) -> Home:
        if self._home is None:
            self._home = Home(home_path(self.args.home))
        return self._home

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def passphrase(self, confirm: bool = False) -> str | None:
        """REVIEWDESK_PASSPHRASE for scripts, else a prompt when a person is at the terminal."""
        given = env_passphrase()
        if given or not sys.stdin.isatty():
            return given
        from PySide6.QtCore import QCoreApplication

        first = getpass.getpass(QCoreApplication.translate("Cli", "Passphrase: "))
        if confirm and getpass.getpass(QCoreApplication.translate("Cli", "Passphrase again: ")) != first:
            raise Problem(Code.PASSPHRASE_WRONG)
        return first or None

    def close(self) -> None:
        if self._home is not None:
            self._home.close()
