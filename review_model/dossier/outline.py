"""Page labels (the numbers printed on the pages: "i", "1", "A-3") and the outline (bookmarks),
as plain data computed from what the PDF declares."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OutlineEntry:
    level: int  # 1 = top level
    title: str
    page_index: int  # -1 when the bookmark points nowhere in this file


def _roman(number: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # PDF 1.7, 12.4.2: a..z, then aa..zz, then aaa..zzz
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _format(style: str, number: int) -> str:
    if style == "D":
        return str(number)
    if style in ("r", "R"):
        text = _roman(number)
        return text.upper() if style == "R" else text
    if style in ("a", "A"):
        text = _letters(number)
        return text.upper() if style == "A" else text
    return ""


def page_labels(rules: list[dict], page_count: int) -> list[str]:
    """Labels of every page from PyMuPDF's `get_page_labels()` rules; pages before the first rule
    (or with no rules at all) are labelled by their 1-based number."""
    labels = [str(i + 1) for i in range(page_count)]
    ordered = sorted((r for r in rules if isinstance(r.get("startpage"), int)), key=lambda r: r["startpage"])
    for n, rule in enumerate(ordered):
        start = max(0, rule["startpage"])
        end = ordered[n + 1]["startpage"] if n + 1 < len(ordered) else page_count
        first = rule.get("firstpagenum") or 1
        for index in range(start, min(end, page_count)):
            labels[index] = f"{rule.get('prefix') or ''}{_format(rule.get('style') or '', first + index - start)}"
    return labels


def find_page(labels: list[str], typed: str) -> int | None:
    """The page the user means by `typed`: a printed label first, else a 1-based page number."""
    typed = typed.strip()
    if not typed:
        return None
    if typed in labels:
        return labels.index(typed)
    lowered = typed.lower()
    for index, label in enumerate(labels):
        if label.lower() == lowered:
            return index
    if typed.isdigit() and 1 <= int(typed) <= len(labels):
        return int(typed) - 1
    return None


def outline_from_toc(toc: list, page_count: int) -> tuple[OutlineEntry, ...]:
    entries = []
    for item in toc:
        level, title, page = int(item[0]), str(item[1]).strip(), int(item[2])
        entries.append(OutlineEntry(level, title, page - 1 if 1 <= page <= page_count else -1))
    return tuple(entries)
