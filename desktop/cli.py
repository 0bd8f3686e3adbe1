"""The `reviewdesk` command (contract: SPEC.md, see the README). Exit 0 done, 1 refused, 2 wrong usage.

Without a command it opens the GUI. Every command's words come from the app's translations, in the
language chosen by --lang, the home's saved choice, or the OS locale, read without Qt: the command
line never loads Qt, and each command imports only what it runs (issue 10).

Whatever goes wrong, the person sees one sentence on stderr and exit status 1, never a traceback:
refusals of the domain (Problem), faults of the home's database (store/faults.py), a closed output
pipe, text arguments that are not UTF-8; anything else is an internal error, said as such
(REVIEWDESK_DEBUG=1 shows the traceback instead).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from review_model.errors import Code, Problem
from ui.messages import describe
from ui.text import tr

from . import argparse_words, i18n
from .commands import COMMAND_MODULES
from .commands.context import Context, saved_language
from .open_file import is_exchange_file

# argument dest → how the person typed it (--reason, APPLICANT_ID), for messages about it
_SPELLING: dict[str, str] = {}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with the usage line
        self.print_usage(sys.stderr)
        print(tr("{prog}: wrong usage: {message}").format(prog=self.prog, message=message), file=sys.stderr)
        raise SystemExit(2)

    def add_argument(self, *args, **kwargs):
        action = super().add_argument(*args, **kwargs)
        _SPELLING.setdefault(action.dest, action.option_strings[0] if action.option_strings else action.metavar or action.dest)
        return action


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
    if known.lang in i18n.LANGUAGES:  # asked for: the database is not even looked at
        return known.lang
    return i18n.choose_language(None, saved_language(known.home))


def _tolerant_output() -> None:
    """Never fail on printing a character: a path with bytes that are not UTF-8 (kept by Python as
    surrogates) or a mark a legacy Windows code page lacks is shown escaped."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):  # not a text file of ours (tests, embedding)
            pass


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr is gone too: the exit status is all that is left
        pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--render-worker"]:  # the installed app starting its own render worker process
        # the worker process needs none of the command line
        from review_model.dossier.worker import main as worker_main

        code = worker_main(argv[1:])
        sys.stderr.flush()
        os._exit(code)
    _tolerant_output()
    try:
        try:
            return _run(argv)
        finally:
            sys.stdout.flush()  # a closed pipe shows here, not in Python's own flush at exit
    except BrokenPipeError:  # e.g. `reviewdesk status | head`
        # Python would complain again when it flushes stdout at exit: point it at nothing.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        _say(describe(Problem(Code.OUTPUT_CLOSED)))
        return 1


def _run(argv: list[str]) -> int:
    language = _early_language(argv)
    if not any(a in ("-h", "--help") for a in argv) and _wants_gui(argv):
        # Qt and the windows: only when the GUI starts
        from .app import run_gui

        return run_gui(argv, language)
    i18n.use_catalogue(language)
    argparse_words.install()
    args = build_parser().parse_args(argv)
    if args.command is None:
        # Qt and the windows: only when the GUI starts
        from .app import run_gui

        return run_gui(argv, language)
    context = Context(args, sys.stdout, language)
    try:
        _refuse_undecodable(args)
        return args.handler(context)
    except Problem as problem:
        _say(describe(problem))
        return 1
    except KeyboardInterrupt:
        _say(tr("Interrupted; nothing was changed."))
        return 1
    except BrokenPipeError:
        raise
    except Exception as exc:  # the last line of defence: one sentence, never a traceback
        if os.environ.get("REVIEWDESK_DEBUG") == "1":
            raise
        _say(describe(_problem_for(exc, context)))
        return 1
    finally:
        try:
            context.close()
        except Exception:  # closing a failed store must not hide what was said
            pass


def _problem_for(exc: Exception, context: Context) -> Problem:
    """A fault of the home's database in words (damaged, disk full…), else an internal error."""
    # the store's fault words (and its SQL driver): only after something failed
    from review_model.store.faults import store_problem

    return store_problem(exc, context.home_folder) or Problem(Code.INTERNAL_ERROR, detail=f"{type(exc).__name__}: {exc}")


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Text arguments (names, reasons, ids) must be text: bytes that are not UTF-8 reach Python as
    surrogates, which the database and signed JSON cannot hold. Paths stay as given: the OS opens
    them byte for byte."""
    for dest, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                try:
                    item.encode("utf-8")
                except UnicodeEncodeError:
                    raise Problem(Code.ARGUMENT_NOT_TEXT, argument=_SPELLING.get(dest, dest)) from None


def _wants_gui(argv: list[str]) -> bool:
    """True when no subcommand is named (only global options), or an exchange file is (a double-click)."""

    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--home", "--lang"):
            skip_next = True
            continue
        if not arg.startswith("-"):
            return is_exchange_file(arg)
    return True


if __name__ == "__main__":
    raise SystemExit(main())
