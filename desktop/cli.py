"""The `reviewdesk` command (contract: SPEC.md, see the README). Exit 0 done, 1 refused, 2 wrong usage.

Without a command it opens the GUI. Every command's words come from the app's translations, in the
language chosen by --lang, the home's saved choice, or the OS locale, read without Qt: the command
line never loads Qt, and each command imports only what it runs (issue 10).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from review_model.errors import Problem
from ui.messages import describe
from ui.text import tr

from . import argparse_words, i18n
from .commands import COMMAND_MODULES
from .commands.context import Context, saved_language


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with the usage line
        self.print_usage(sys.stderr)
        print(tr("{prog}: wrong usage: {message}").format(prog=self.prog, message=message), file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="reviewdesk", description=tr("ReviewDesk: offline expert review of vocational-training carriers."))
    parser.add_argument("--home", type=Path, metavar="DIR",
                        help=tr("workspace folder (default: the per-user data folder; env REVIEWDESK_HOME)"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=tr("interface language"))
    parser.add_argument("--demo", action="store_true", help=tr("open the GUI on the demo round, creating it on first use"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _early_language(argv: list[str]) -> str:
    probe = argparse.ArgumentParser(add_help=False)
    probe.add_argument("--home")
    probe.add_argument("--lang")
    known, _ = probe.parse_known_args(argv)
    return i18n.choose_language(known.lang, saved_language(known.home))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--render-worker"]:  # the installed app starting its own render worker process
        from review_model.dossier.worker import main as worker_main

        code = worker_main(argv[1:])
        sys.stderr.flush()
        os._exit(code)
    language = _early_language(argv)
    if not any(a in ("-h", "--help") for a in argv) and _wants_gui(argv):
        from .app import run_gui

        return run_gui(argv, language)
    i18n.use_catalogue(language)
    argparse_words.install()
    args = build_parser().parse_args(argv)
    if args.command is None:
        from .app import run_gui

        return run_gui(argv, language)
    context = Context(args, sys.stdout, language)
    try:
        return args.handler(context)
    except Problem as problem:
        print(describe(problem), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(tr("Interrupted; nothing was changed."), file=sys.stderr)
        return 1
    finally:
        context.close()


def _wants_gui(argv: list[str]) -> bool:
    """True when no subcommand is named (only global options)."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--home", "--lang"):
            skip_next = True
            continue
        if not arg.startswith("-"):
            return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
