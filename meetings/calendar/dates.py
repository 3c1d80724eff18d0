"""The notice board's dates: an appeal must reach the court within three weeks of posting (KL 13 kap. 5 §);
a last day that falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton moves to the
next weekday (lag 1930:173)."""

import datetime

import holidays

APPEAL_PERIOD = datetime.timedelta(weeks=3)


def swedish_calendar(years: int | list[int]) -> holidays.HolidayBase:
    """Sweden's public holidays and the de-facto ones the law treats as such (midsommarafton, julafton,
    nyårsafton). Sundays are off as weekend days, not as "holidays": some versions of the library list them."""
    return holidays.country_holidays(
        "SE", years=years, categories=(holidays.PUBLIC, holidays.DE_FACTO), include_sundays=False
    )


def is_day_off(day: datetime.date, calendar: holidays.HolidayBase | None = None) -> bool:
    """A Saturday, a Sunday, a public holiday or a de-facto holiday."""
    calendar = calendar if calendar is not None else swedish_calendar(day.year)
    return not calendar.is_working_day(day)


def last_day_to_appeal(posted_on: datetime.date) -> datetime.date:
    day = posted_on + APPEAL_PERIOD
    calendar = swedish_calendar([day.year, day.year + 1])
    while is_day_off(day, calendar):
        day += datetime.timedelta(days=1)
    return day
