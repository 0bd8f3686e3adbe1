"""Working days for the publicity period (公示) and deadlines.

Chinese holidays move every year and some weekends are worked (调休), so a year is only known
from its published data. A date in a year without data is an error, never a guess.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import Code, Problem


class Holiday(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    first: date
    last: date


class CalendarYear(BaseModel):
    """One year of the State Council's holiday notice, as shipped in resources/calendars/."""

    model_config = ConfigDict(extra="forbid")
    year: int
    source: str = ""
    holidays: list[Holiday]
    adjusted_workdays: list[date] = []


@dataclass(frozen=True)
class WorkCalendar:
    years: dict[int, CalendarYear] = field(default_factory=dict)

    @classmethod
    def from_years(cls, years: list[CalendarYear]) -> WorkCalendar:
        checked: dict[int, CalendarYear] = {}
        for year in years:
            for day in [d for h in year.holidays for d in (h.first, h.last)] + list(year.adjusted_workdays):
                if day.year != year.year:
                    raise Problem(Code.CALENDAR_INVALID, year=year.year, detail=day.isoformat())
            checked[year.year] = year
        return cls(checked)

    def _year(self, day: date) -> CalendarYear:
        try:
            return self.years[day.year]
        except KeyError:
            raise Problem(Code.CALENDAR_YEAR_MISSING, year=day.year) from None

    def is_working_day(self, day: date) -> bool:
        year = self._year(day)
        if day in year.adjusted_workdays:
            return True
        if any(h.first <= day <= h.last for h in year.holidays):
            return False
        return day.weekday() < 5

    def working_days_from(self, start: date, count: int) -> list[date]:
        """The first `count` working days on or after `start` (e.g. a 5-day publicity window)."""
        days: list[date] = []
        day = start
        while len(days) < count:
            if self.is_working_day(day):
                days.append(day)
            day += timedelta(days=1)
        return days


def load_calendar_year(path: Path) -> CalendarYear:
    try:
        return CalendarYear.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as exc:
        raise Problem(Code.CALENDAR_INVALID, year=path.stem, detail=str(exc).splitlines()[0]) from None


def shipped_calendar() -> WorkCalendar:
    # package data is located at call time (frozen and editable installs alike)
    import resources

    return WorkCalendar.from_years([load_calendar_year(p) for p in sorted(resources.path("calendars").glob("*.json"))])
