"""What every command gets: its arguments, an output stream, and the home opened on demand."""
from __future__ import annotations

import getpass
import sys
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from review_model.errors import Code, Problem
from review_model.home import DB_NAME, default_home
from review_model.store.peek import peek_setting
from ui.text import translate

if TYPE_CHECKING:
    from review_model.home import Home


def home_path(value: str | Path | None) -> Path:
    return Path(value) if value else default_home()


def saved_language(home: str | Path | None) -> str | None:
    """The language saved in the home, read before the store loads (every command, --help too, needs
    it first); None when there is none or the database cannot be read, which the command then says."""
    database = home_path(home) / DB_NAME
    if not database.is_file():
        return None
    from review_model.home_key import peek  # the keyring: only for a home that exists

    return peek_setting(database, "language", peek(database.parent))


class Context:
    def __init__(self, args: Namespace, out: TextIO, language: str) -> None:
        self.args = args
        self.out = out
        self.language = language
        self._home: Home | None = None
        self._given: str | None = None  # the passphrase typed once in this command (home key, then signing)

    @property
    def home_folder(self) -> Path:
        return home_path(self.args.home)

    def home(self) -> Home:
        if self._home is None:
            from review_model.home import Home  # the store (SQLAlchemy): only for commands that use the home

            # Where no secure keyring holds the home key it is sealed by the passphrase: asked here,
            # once, and the same answer signs (keys init seals the signing key with it too).
            new = not (self.home_folder / DB_NAME).exists()
            self._home = Home(self.home_folder, passphrase=lambda: self.passphrase(confirm=new))
        return self._home

    def print(self, text: str = "") -> None:
        print(text, file=self.out)

    def passphrase(self, confirm: bool = False) -> str | None:
        """REVIEWDESK_PASSPHRASE for scripts, else a prompt when a person is at the terminal."""
        # keys loads cryptography: only when a passphrase is asked for
        from review_model.keys import env_passphrase

        given = env_passphrase() or self._given
        if given or not sys.stdin.isatty():
            return given
        first = getpass.getpass(translate("Cli", "Passphrase: "))
        if confirm and getpass.getpass(translate("Cli", "Passphrase again: ")) != first:
            raise Problem(Code.PASSPHRASE_WRONG)
        self._given = first or None
        return self._given

    def close(self) -> None:
        if self._home is not None:
            self._home.close()
