"""The unified social credit code (统一社会信用代码, GB 32100-2015) and its check character."""
from __future__ import annotations

from .errors import Code, Problem

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(ch) * w for ch, w in zip(first17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> str | None:
    """None if `code` is a valid USCC, else a short reason: 'length', 'character' or 'check'."""
    if len(code) != 18:
        return "length"
    if any(ch not in ALPHABET for ch in code):
        return "character"
    if check_character(code[:17]) != code[17]:
        return "check"
    return None


def validate_uscc(code: str) -> str:
    """Return the normalised code (upper case, trimmed) or raise Problem(USCC_INVALID)."""
    normalised = code.strip().upper()
    reason = uscc_problem(normalised)
    if reason:
        raise Problem(Code.USCC_INVALID, value=code, reason=reason)
    return normalised
