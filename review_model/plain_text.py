"""Text that people type or send, as the app accepts it and as it writes it into spreadsheets.

One place for the rules that every entry point and every writer shares:

- **What text may contain** (`check_text`): no control characters other than tab, line feed and
  carriage return, no unpaired surrogates, no XML non-characters (U+FFFE, U+FFFF). Such characters
  cannot be written into XLSX (XML 1.0 forbids them), print as boxes, and have been used to crash
  the chair's compile; they are refused where text enters (GUI, offline form, command line, signed
  files) with the field named. Each field also has a longest length (`LIMITS`, reasons below).
- **What a typed number may look like** (`parse_number`): plain decimal digits with an optional
  point, nothing Python's `Decimal` would also take ('1_0', '٨', '1e-999999999', 'NaN').
- **How text goes into a spreadsheet cell** (`csv_cell`, `set_text_cell`): always as text, never as
  a formula. A comment starting with `=`, `+`, `-`, `@` (OWASP's CSV-injection list) would run as a
  formula in Excel or WPS. CSV cells that start so get a leading apostrophe, which Excel, WPS and
  LibreOffice show as text (`from_csv_cell` takes it off again when the app reads its own CSV back);
  XLSX cells are written as string cells (no apostrophe needed), and any character XML cannot hold
  is replaced by U+FFFD so that a file made before this rule still exports.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from .errors import Code, Problem

# C0 controls except \t \n \r, DEL, the C1 controls (invisible; C0 is illegal in XML 1.0), unpaired
# surrogates (cannot be stored as UTF-8 at all) and the XML non-characters U+FFFE / U+FFFF.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# What an XLSX cell (XML 1.0, UTF-8) cannot hold at all.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# A CSV cell the app made text by prefixing "'" (csv_cell), and the same cell after from_csv_cell.
_PREFIXED = re.compile(r"'+[=+\-@\t\r\n]")
_NEEDS_PREFIX = re.compile(r"'*[=+\-@\t\r\n]")


class TextField(StrEnum):
    """The texts an expert types into a score sheet (what the refusal names)."""

    COMMENT = "comment"  # the reason given for one item's score
    OPINION = "opinion"  # 综合评审意见
    VETO_REASON = "veto_reason"  # why a 一票否决 item applies
    NOTE = "note"  # a site-visit note (考察记录)
    CAPTION = "caption"  # a photo's caption
    CONFLICT_REASON = "conflict_reason"  # 回避: why the expert may not score the applicant
    AMEND_REASON = "amend_reason"  # why a signed sheet gets a new revision


# Longest text accepted per field, in characters. Every one is printed in the signed PDF score sheet
# and travels in the signed return bundle, so each is bounded by what a person plausibly writes there,
# with a wide margin, and all stay far below the 131,072 characters a CSV field may hold (so every
# form the app writes can be read back):
LIMITS: dict[str, int] = {
    TextField.COMMENT: 20_000,  # one item's reason: 20,000 characters are about ten printed pages
    TextField.OPINION: 20_000,  # 综合评审意见: usually 200–800 characters; the same ten pages at most
    TextField.VETO_REASON: 5_000,  # a veto names the rule broken and the fact found: a paragraph
    TextField.NOTE: 20_000,  # a site-visit note may be long, but ten pages per note is plenty
    TextField.CAPTION: 500,  # printed under a photo: a line or two
    TextField.CONFLICT_REASON: 2_000,  # a sentence or two (e.g. "曾在该单位任职")
    TextField.AMEND_REASON: 2_000,  # a sentence or two (e.g. the panel asked to reconsider 2.1)
}


def first_control(value: str) -> int | None:
    """The position of the first forbidden character, or None."""
    match = _CONTROL.search(value)
    return None if match is None else match.start()


def check_text(value: str, *, field: str, limit: int | None = None, where: str = "") -> str:
    """`value` if it may be stored; otherwise Problem(TEXT_INVALID) naming the field and why.

    `limit` defaults to the field's entry in LIMITS (none for other fields); `where` names the item,
    veto or note concerned, for the message.
    """
    if not isinstance(value, str):
        raise Problem(Code.TEXT_INVALID, field=str(field), item=where, reason="not_text")
    position = first_control(value)
    if position is not None:
        raise Problem(Code.TEXT_INVALID, field=str(field), item=where, reason="control", position=position + 1,
                      char=f"U+{ord(value[position]):04X}")
    limit = LIMITS.get(field) if limit is None else limit
    if limit is not None and len(value) > limit:
        raise Problem(Code.TEXT_INVALID, field=str(field), item=where, reason="too_long", limit=limit,
                      length=len(value))
    return value


# --- numbers as typed -------------------------------------------------------------------------
# Full-width digits and point are what a Chinese IME types in 全角 mode ('７．５'): they are the same
# characters as ASCII under NFKC, so an expert who types them means exactly that number. Other scripts'
# digits ('٨' Arabic-Indic 8, '৪' Bengali 4) are refused: nobody in the office types them, and
# accepting them would turn something that does not look like the score into one.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
_PLAIN_NUMBER = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
MAX_NUMBER_CHARS = 40  # far more digits than any score; keeps Decimal arithmetic on it trivial


def parse_number(text: str | Decimal | int | None) -> Decimal | None:
    """A number as typed: '7', '7.5', '.5', '-1', full-width '７．５'; '' (or spaces) for none.

    ValueError for anything else, including what Decimal() alone would accept: '1_0', '٨', '1e-5',
    'NaN', 'Infinity', '1,5'.
    """
    if text is None or isinstance(text, Decimal):
        if text is not None and not text.is_finite():
            raise ValueError(text)
        return text
    if isinstance(text, int):
        return Decimal(text)
    cleaned = str(text).strip().translate(_FULL_WIDTH)
    if cleaned == "":
        return None
    if len(cleaned) > MAX_NUMBER_CHARS or not _PLAIN_NUMBER.fullmatch(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the pattern admits only what Decimal reads
        raise ValueError(text) from None


# --- text into spreadsheet cells ------------------------------------------------------------
def looks_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_STARTS)


def csv_cell(value: Any) -> Any:
    """A value for a CSV the app writes: text that a spreadsheet would run as a formula gets "'".

    Text that already starts with apostrophes before such a character gets one more, so that
    `from_csv_cell` gives back exactly what was written.
    """
    if isinstance(value, str) and _NEEDS_PREFIX.match(value):
        return "'" + value
    return value


def from_csv_cell(value: str) -> str:
    """The text a CSV cell written by `csv_cell` holds (its "'" taken off); other cells unchanged."""
    if value[:1] == "'" and _PREFIXED.match(value):
        return value[1:]
    return value


def xlsx_text(value: str) -> str:
    """Text XLSX can hold: characters XML 1.0 forbids become U+FFFD (shown, never silently dropped),
    and line breaks are LF, as Excel stores them (XML would turn a bare CR into LF on reading anyway)."""
    return _XML_ILLEGAL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def set_text_cell(cell: Any, value: str) -> None:
    """Put `value` into an openpyxl cell as a string, never a formula, whatever it starts with."""
    cell.value = xlsx_text(value)
    cell.data_type = "s"  # openpyxl infers "f" (formula) for text starting with "="; text stays text
