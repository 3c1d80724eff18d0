import datetime

import pytest

from meetings.calendar.dates import is_day_off, last_day_to_appeal


@pytest.mark.parametrize(
    ("posted", "last_day"),
    [
        ("2026-11-24", "2026-12-15"),  # an ordinary Tuesday three weeks on
        ("2026-12-03", "2026-12-28"),  # julafton, juldagen, annandag, a Sunday: the Monday after
        ("2026-05-29", "2026-06-22"),  # midsommarafton and the weekend: the Monday after
        ("2026-12-10", "2027-01-04"),  # nyårsafton (Thursday) and nyårsdagen, then the weekend
        ("2026-03-21", "2026-04-13"),  # Saturday 11 April, then Sunday: Monday (annandag påsk is 6 April)
        ("2027-12-03", "2027-12-27"),  # julafton 2027 is a Friday, then the weekend: Monday 27 December
        ("2027-06-04", "2027-06-28"),  # midsommarafton 2027 (Friday 25 June), then the weekend
        ("2026-03-14", "2026-04-07"),  # påskafton (a Saturday), påskdagen, annandag påsk: Tuesday
        ("2026-05-02", "2026-05-25"),  # a Saturday three weeks on: the Monday after
    ],
)
def test_the_last_day_to_appeal_moves_past_weekends_and_holidays(posted, last_day):
    assert last_day_to_appeal(datetime.date.fromisoformat(posted)).isoformat() == last_day


@pytest.mark.parametrize(
    ("day", "off"),
    [
        ("2026-12-24", True),  # julafton (a de-facto holiday, not a public one)
        ("2026-06-19", True),  # midsommarafton
        ("2026-12-31", True),  # nyårsafton
        ("2026-04-05", True),  # påskdagen (a Sunday and a public holiday)
        ("2026-04-04", True),  # påskafton, a Saturday
        ("2026-06-06", True),  # nationaldagen, a Saturday in 2026
        ("2027-01-06", True),  # trettondedag jul on a Wednesday
        ("2026-06-18", False),  # the Thursday before midsommarafton
        ("2026-12-23", False),  # the day before julafton
        ("2026-11-30", False),  # an ordinary Monday
    ],
)
def test_days_off_are_weekends_public_holidays_and_the_three_aftnar(day, off):
    assert is_day_off(datetime.date.fromisoformat(day)) is off
