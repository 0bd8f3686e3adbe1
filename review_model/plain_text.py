"""Text that people type or send, as the app accepts it and as it writes it into spreadsheets.

One place for two rules that every entry point and every writer shares:

- **What text may contain** (`check_text`): no control characters other than tab, line feed and
  carriage return. Such characters cannot be written into XLSX (XML 1.0 forbids them), print as
  boxes, and have been used to crash the chair's compile; they are refused where text enters (GUI,
  offline form, command line, signed files) with the field named.
- **How text goes into a spreadsheet cell** (`csv_cell`, `set_text_cell`): always as text, never as
  a formula. A comment starting with `=`, `+`, `-`, `@` (OWASP's CSV-injection list) would run as a
  formula in Excel or WPS. CSV cells that start so get a leading apostrophe, which Excel, WPS and
  LibreOffice show as text; XLSX cells are written as string cells (no apostrophe needed), and any
  character XML cannot hold is replaced by U+FFFD so that a file made before this rule still exports.
"""
from __future__ import annotations

import re
from typing import Any

from .errors import Code, Problem

# C0 controls except \t \n \r, plus DEL and the C1 controls: invisible, and illegal in XML 1.0 (C0).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What openpyxl (XML 1.0) cannot store at all.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def first_control(value: str) -> int | None:
    """The position of the first forbidden control character, or None."""
    match = _CONTROL.search(value)
    return None if match is None else match.start()


def check_text(value: str, *, field: str, limit: int | None = None) -> str:
    """`value` if it may be stored; otherwise Problem(TEXT_INVALID) naming the field and why."""
    position = first_control(value)
    if position is not None:
        raise Problem(Code.TEXT_INVALID, field=field, reason="control", position=position + 1,
                      char=f"U+{ord(value[position]):04X}")
    if limit is not None and len(value) > limit:
        raise Problem(Code.TEXT_INVALID, field=field, reason="too_long", limit=limit, length=len(value))
    return value


def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """A value for a CSV the app writes: text that a spreadsheet would run as a formula gets "'"."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return value


def xlsx_text(value: str) -> str:
    """Text XLSX can hold: characters XML 1.0 forbids become U+FFFD (shown, never silently dropped)."""
    return _XML_ILLEGAL.sub("\ufffd", value)


def set_text_cell(cell: Any, value: str) -> None:
    """Put `value` into an openpyxl cell as a string, never a formula, whatever it starts with."""
    cell.value = xlsx_text(value)
    cell.data_type = "s"  # openpyxl infers "f" (formula) for text starting with "="; text stays text
