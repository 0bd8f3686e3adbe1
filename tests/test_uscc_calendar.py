from datetime import date

import pytest

from review_model.calendar import WorkCalendar, shipped_calendar
from review_model.errors import Code, Problem
from review_model.uscc import ALPHABET, uscc_problem, validate_uscc

KNOWN = "914403001922038216"  # a large Shenzhen firm's public code (DOMAIN.md)


def test_known_code_passes_and_every_single_change_fails():
    assert uscc_problem(KNOWN) is None
    for position in range(18):
        for replacement in ALPHABET:
            if replacement == KNOWN[position]:
                continue
            changed = KNOWN[:position] + replacement + KNOWN[position + 1:]
            assert uscc_problem(changed) is not None, changed


@pytest.mark.parametrize("code, reason", [
    ("91440300192203821", "length"), ("9144030019220382166", "length"),
    ("91440300192203821I", "character"), ("91440300192203821O", "character"),
    ("914403001922038217", "check"),
])
def test_bad_codes_say_why(code, reason):
    assert uscc_problem(code) == reason
    with pytest.raises(Problem) as caught:
        validate_uscc(code)
    assert caught.value.code == Code.USCC_INVALID and caught.value.params["reason"] == reason


def test_lower_case_and_spaces_are_normalised():
    assert validate_uscc(f"  {KNOWN.lower()} ") == KNOWN


def test_2026_holidays_and_adjusted_workdays():
    calendar = shipped_calendar()
    assert not calendar.is_working_day(date(2026, 10, 1))  # National Day
    assert not calendar.is_working_day(date(2026, 2, 16))  # Spring Festival
    assert calendar.is_working_day(date(2026, 2, 14))  # a Saturday worked (调休)
    assert calendar.is_working_day(date(2026, 9, 20))  # a Sunday worked
    assert not calendar.is_working_day(date(2026, 7, 11))  # an ordinary Saturday
    assert calendar.is_working_day(date(2026, 7, 13))


def test_publicity_window_skips_the_dragon_boat_weekend():
    # Five working days from Thursday 2026-06-18: 18th, then 19–21 is 端午节, then 22, 23, 24, 25.
    window = shipped_calendar().working_days_from(date(2026, 6, 18), 5)
    assert window == [date(2026, 6, 18), date(2026, 6, 22), date(2026, 6, 23), date(2026, 6, 24), date(2026, 6, 25)]


def test_a_year_without_data_is_an_error_not_a_guess():
    with pytest.raises(Problem) as caught:
        shipped_calendar().is_working_day(date(2027, 3, 1))
    assert caught.value.code == Code.CALENDAR_YEAR_MISSING and caught.value.params["year"] == 2027
    with pytest.raises(Problem):
        shipped_calendar().working_days_from(date(2026, 12, 28), 5)  # runs into 2027


def test_calendar_data_from_another_year_is_refused():
    from review_model.calendar import CalendarYear

    bad = CalendarYear.model_validate({"year": 2026, "holidays": [{"name": "x", "first": "2027-01-01", "last": "2027-01-01"}]})
    with pytest.raises(Problem) as caught:
        WorkCalendar.from_years([bad])
    assert caught.value.code == Code.CALENDAR_INVALID
