import datetime

import pytest

from meetings.anslag.dates import last_day_to_appeal


@pytest.mark.parametrize(
    ("posted", "last_day"),
    [
        ("2026-11-24", "2026-12-15"),  # an ordinary Tuesday three weeks on
        ("2026-12-03", "2026-12-28"),  # julafton, juldagen, annandag, a Sunday: the Monday after
        ("2026-05-29", "2026-06-22"),  # midsommarafton and the weekend: the Monday after
        ("2026-12-10", "2027-01-04"),  # nyårsafton (Thursday) and nyårsdagen, then the weekend
        ("2026-03-21", "2026-04-13"),  # Saturday 11 April, then Sunday: Monday (annandag påsk is 6 April)
    ],
)
def test_the_last_day_to_appeal_moves_past_weekends_and_holidays(posted, last_day):
    assert last_day_to_appeal(datetime.date.fromisoformat(posted)).isoformat() == last_day
