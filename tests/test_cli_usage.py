"""The command line's own words in Chinese (issue 11, item 16): argparse's "usage:", "options",
its errors, and a help line for every argument."""
from __future__ import annotations

import argparse
import ast
import inspect
import re

import pytest

from tests.support.cli import reviewdesk

# argparse's words as they appear in English output; none may remain under --lang zh_CN.
ENGLISH = ("usage:", "options:", "positional arguments", "show this help message", "the following arguments",
           "are required", "invalid choice", "choose from", "unrecognized arguments", "error:", "argument ",
           "expected ", "ambiguous option", "not allowed with")

HELP = [("--help",), ("keys", "init", "--help"), ("sheet", "amend", "--help"), ("sheet", "import-form", "--help"),
        ("chair", "compile", "--help"), ("verify", "--help"), ("export", "--help"), ("package", "build", "--help")]
WRONG = [
    (("frobnicate",), "无效的选项"),
    (("keys", "init", "--name", "李慧敏"), "缺少以下必需参数：--role"),
    (("keys", "init", "--name", "李慧敏", "--role", "boss"), "无效的选项：'boss'"),
    (("status", "--bogus"), "无法识别的参数：--bogus"),
    (("sheet",), "缺少以下必需参数：ACTION"),
    (("sheet", "amend", "A01", "--reason"), "需要提供一个值"),
    (("chair", "compile", "--publicity-start", "2026-13-01", "x.rvpkg", "y.rvret", "-o", "out"), "不是有效日期"),
]


def _no_english(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("args", HELP)
def test_help_is_chinese(args):
    done = reviewdesk("--lang", "zh_CN", *args)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：reviewdesk") and "选项" in done.stdout and "显示本帮助信息并退出" in done.stdout
    assert _no_english(done.stdout) == [], done.stdout


@pytest.mark.parametrize(("args", "said"), WRONG)
def test_usage_errors_are_chinese_and_exit_2(args, said):
    done = reviewdesk("--lang", "zh_CN", *args)
    assert done.returncode == 2
    assert said in done.stderr and "用法错误" in done.stderr, done.stderr
    assert _no_english(done.stderr) == [], done.stderr
    assert "Traceback" not in done.stderr


def test_english_stays_english():
    done = reviewdesk("--lang", "en", "keys", "init", "--name", "x")
    assert done.returncode == 2 and "usage: reviewdesk keys init" in done.stderr
    assert "wrong usage: the following arguments are required: --role" in done.stderr


def _parsers(parser: argparse.ArgumentParser, path: str = "reviewdesk"):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helped = {choice.dest for choice in action._choices_actions if choice.help}
            for name, sub in action.choices.items():
                assert name in helped, f"{path} {name} has no help line"
                yield from _parsers(sub, f"{path} {name}")


def test_every_argument_has_a_help_line():
    from desktop.cli import build_parser

    missing = []
    for path, parser in _parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                continue
            if not action.help or action.help == argparse.SUPPRESS:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")
    assert missing == []


def _argparse_message_ids() -> set[str]:
    ids = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            ids.update(arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return ids


def test_the_words_are_argparse_s_own_message_ids():
    """A new Python that rewords a message would silently print English again: this says which."""
    from desktop.argparse_words import WORDS

    assert set(WORDS) - _argparse_message_ids() == set()


def test_every_message_a_person_can_see_is_translated():
    from desktop.argparse_words import WORDS

    # Mistakes in the program's own parser definitions: argparse raises them while it is built.
    programmer_errors = {
        ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
        'argument "-" with mode %r', "cannot merge actions - two groups are named %r",
        "'required' is an invalid argument for positionals",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "dest= is required for options like %r", "invalid conflict_resolution value: %r",
        "conflicting option string: %s", "conflicting option strings: %s",
        "mutually exclusive arguments must be optional", "cannot have multiple subparser arguments",
        "%r is not callable", "subcommands",
    }
    assert _argparse_message_ids() - programmer_errors - set(WORDS) == set()


def test_argparse_placeholders_survive_translation():
    from desktop import i18n
    from desktop.argparse_words import CTX, WORDS

    catalogue = i18n.read_catalogue(i18n.catalogue_path("zh_CN"))
    for source in WORDS:
        translation = catalogue[(CTX, source)]
        assert sorted(re.findall(r"%(?:\(\w+\))?[rsd]", translation)) == sorted(re.findall(r"%(?:\(\w+\))?[rsd]", source))
