"""JSON from exchange files, read within bounds before anything trusts its structure.

Python's json module alone would recurse once per nesting level (a document nested 200,000 deep
raises RecursionError), let a repeated key silently replace the first (what the signer's tool showed
and what the reader counts could differ), accept NaN and Infinity, and hand on strings holding
control characters (written as \\u0001) that XML, and so the chair's workbook, cannot hold and that a
terminal would obey. `loads` refuses all four with `JsonRefused` (a ValueError): `reason` is one of
ui/messages.py's reason words, `detail` says where. Plain syntax errors stay json's own ValueError.
Every JSON member of an exchange file, and the manifest, is read through here.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from decimal import Decimal
from itertools import accumulate
from typing import Any

from ..errors import Code, Problem
from ..plain_text import check_text

# The deepest file ReviewDesk writes nests 6 levels (a sheet's totals → sections → one section);
# 32 leaves room for new fields and stays far below the interpreter's recursion limit.
MAX_DEPTH = 32
MAX_BYTES = 64 << 20  # no JSON member comes near: the largest, applicants.json of 300 applicants, is ~1 MiB

# A JSON string, or (unterminated) the rest of the text: every quote starts a match that ends in
# linear time, so the scan stays linear whatever the text (no retrying from each later quote).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonRefused(ValueError):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail

    def problem(self, member: str) -> Problem:
        return Problem(Code.JSON_REFUSED, member=member, reason=self.reason, detail=self.detail)


def depth(text: str) -> int:
    """How deep `text` nests arrays and objects, counted without parsing (strings left out)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def loads(data: bytes | str, *, parse_float: Callable[[str], Any] = float) -> Any:
    """Parse UTF-8 JSON, refusing deep nesting, repeated keys, NaN/Infinity and control characters."""
    if len(data) > MAX_BYTES:
        raise JsonRefused("too_long", f"{len(data)} bytes")
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if depth(text) > MAX_DEPTH:
        raise JsonRefused("too_deep", f"more than {MAX_DEPTH} levels")
    value = json.loads(text, object_pairs_hook=_unique, parse_float=parse_float, parse_constant=_no_constant)
    _check_strings(value)
    return value


def member(data: bytes, name: str, *, parse_float: Callable[[str], Any] = float) -> Any:
    """`loads` for the member `name` of a container: refusals become Problems naming the member."""
    try:
        return loads(data, parse_float=parse_float)
    except JsonRefused as refused:
        raise refused.problem(name) from None
    except ValueError as exc:  # not JSON at all (UnicodeDecodeError is a ValueError too)
        raise Problem(Code.SCHEMA_INVALID, member=name, detail=str(exc).splitlines()[0]) from None


def decimal_member(data: bytes, name: str) -> Any:
    """`member` keeping every number exact (Decimal), as the panel result's points are read."""
    return member(data, name, parse_float=Decimal)


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonRefused("duplicate_key", json.dumps(key[:64], ensure_ascii=False))
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise JsonRefused("not_finite", name)


def _check_strings(value: Any) -> None:
    """Every key and string, in document order, through plain_text's rule (tab and line breaks pass)."""
    pending: list[tuple[str, Any]] = [("", value)]
    while pending:
        path, item = pending.pop()
        if isinstance(item, str):
            _check_text(item, path)
        elif isinstance(item, dict):
            children = []
            for key, child in item.items():
                _check_text(key, path or "(keys)")  # named by where it is, never by itself
                children.append((f"{path}.{key}" if path else key, child))
            pending.extend(reversed(children))
        elif isinstance(item, list):
            pending.extend(reversed([(f"{path}.{index}" if path else str(index), child) for index, child in enumerate(item)]))


def _check_text(text: str, path: str) -> None:
    try:
        check_text(text, field=path)
    except Problem as problem:
        raise JsonRefused(str(problem.params["reason"]), f"{path[:120]}: {problem.params['char']}") from None
