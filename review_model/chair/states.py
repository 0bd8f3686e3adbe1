"""The chair's states and kinds as enums (compared by identity, never as bare strings in the UI).

They are `StrEnum`s so that their value is the word stored in the database and written in
result.json (`SheetStatus.CONFLICT == "conflict"`), and older code comparing strings keeps working.
"""
from __future__ import annotations

from enum import StrEnum


class SheetStatus(StrEnum):
    """One assignment (expert × applicant) as the chair has it."""

    SCORED = "scored"  # a counting signed revision was received
    CONFLICT = "conflict"  # the expert declared a conflict of interest (回避): left out of the count
    MISSING = "missing"  # no sheet and no declaration: left out of the count, the panel is incomplete


class BundleStatus(StrEnum):
    """What the intake did with one offered return bundle."""

    IMPORTED = "imported"
    ALREADY = "already"  # the same bundle was imported before: nothing changed
    INVALID = "invalid"  # refused with its reason: nothing was stored


class ChangeSource(StrEnum):
    """Where a changed score's permitted reason comes from."""

    REQUEST = "request"  # the chair's reconsideration request named that expert and item before it came
    CHAIR = "chair"  # the chair chose it on the changed scores tab
