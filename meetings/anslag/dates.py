"""The notice board's dates: an appeal must reach the court within three weeks of posting (KL 13 kap. 5 §);
a last day that falls on a Saturday, Sunday, public holiday, midsommarafton, julafton or nyårsafton moves to the
next weekday (lag 1930:173)."""

import datetime

import holidays

APPEAL_PERIOD = datetime.timedelta(weeks=3)


def is_day_off(day, calendar=None):
    calendar = calendar if calendar is not None else holidays.country_holidays("SE", years=day.year)
    if day.weekday() >= 5 or day in calendar:
        return True
    # midsommarafton (the Friday between 19 and 25 June), julafton, nyårsafton.
    return (day.month, day.day) in ((12, 24), (12, 31)) or (
        day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4
    )


def last_day_to_appeal(posted_on):
    day = posted_on + APPEAL_PERIOD
    calendar = holidays.country_holidays("SE", years=[day.year, day.year + 1])
    while is_day_off(day, calendar):
        day += datetime.timedelta(days=1)
    return day
