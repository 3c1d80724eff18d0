"""Swedish dates and times as minutes write them."""

import datetime
import re

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7, "augusti": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11,
    "dec": 12,
}  # fmt: skip
MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))

ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d?)-(\d\d?)\b")
WORDS = re.compile(
    rf"\b(\d{{1,2}})(?::e|:a)?(?:\s*[-–]\s*\d{{1,2}}(?::e|:a)?)?\s+({MONTH_WORDS})\.?(?:\s+((?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")  # 26.3.2015, as Finland writes it
COMPACT = re.compile(r"(?<![\d-])(\d\d)(\d\d)(\d\d)(?![\d-])")  # 210521 = 2021-05-21
SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:[/-]((?:19|20)?\d\d)|\s+((?:19|20)\d\d))?(?![\d/])")
TIME_RANGE = re.compile(
    r"(?:\bkl\.?\s*|\b)(\d{1,2})(?:[.:](\d\d))?\s*[-–—]\s*(\d{1,2})(?:[.:](\d\d))?\b(?!\s*(?:" + MONTH_WORDS + r"))",
    re.IGNORECASE,
)
TIME_SINGLE = re.compile(r"\bkl\.?\s*(\d{1,2})(?:[.:](\d\d))?\b", re.IGNORECASE)


def _date(year, month, day):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def find_date(text, *, default_year=None, after=None):
    """The first date in the text, or None. A date without a year takes default_year (or the year of `after`,
    moved on a year when the date would fall before it)."""
    # the first of a written date and an ISO date ("Tisdag 20 juni 2017 … justeras 2017-06-27"); the compact and
    # slashed forms, which case numbers may look like, only where neither is
    iso, words, dotted = ISO.search(text), WORDS.search(text), DOTTED.search(text)
    if dotted and not any(other and other.start() < dotted.start() for other in (iso, words)):
        found = _date(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        if found:
            return found
    if iso and not (words and words.start() < iso.start()):
        return _date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    match = words
    if match:
        day, month = int(match.group(1)), MONTHS[match.group(2).lower()]
        if match.group(3):
            return _date(int(match.group(3)), month, day)
        inferred = _infer_year(month, day, default_year, after)
        # "Den 24 april Protokollet … Den 24 april 1997": the same day written again with its year
        again = (m for m in WORDS.finditer(text, match.end()) if m.group(3) and MONTHS[m.group(2).lower()] == month)
        written = next((m for m in again if int(m.group(1)) == day), None)
        return inferred or (_date(int(written.group(3)), month, day) if written else None)
    match = COMPACT.search(text)
    if match:
        year, month, day = 2000 + int(match.group(1)), int(match.group(2)), int(match.group(3))
        found = _date(year, month, day)
        if found:
            return found
    match = SLASH.search(text)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if match.group(3) or match.group(4):
            year = int(match.group(3) or match.group(4))
            return _date(year if year > 100 else 2000 + year, month, day)
        return _infer_year(month, day, default_year, after)
    return None


def dates_in(text):
    """Every full date in the text (with its year): "2021-05-21", "21 maj 2021", "21.5.2021", "21/5 2021"."""
    found = [_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in ISO.finditer(text)]
    found += [
        _date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1))) for m in WORDS.finditer(text) if m.group(3)
    ]
    found += [_date(int(m.group(3)), int(m.group(2)), int(m.group(1))) for m in DOTTED.finditer(text)]
    for match in SLASH.finditer(text):
        if match.group(3) or match.group(4):
            year = int(match.group(3) or match.group(4))
            found.append(_date(year if year > 100 else 2000 + year, int(match.group(2)), int(match.group(1))))
    return [date for date in found if date]


def _infer_year(month, day, default_year, after):
    if after is not None:
        found = _date(after.year, month, day)
        if found and found < after:
            found = _date(after.year + 1, month, day)
        return found
    if default_year is not None:
        return _date(default_year, month, day)
    return None


def _time(hour, minute):
    hour, minute = int(hour), int(minute or 0)
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return datetime.time(hour, minute)
    return None


def find_times(text):
    """(start, end) from "kl 9-15", "kl. 13.00-15.30", "16.00-18.00", "9:00–12:00", or "kl 13" (start only)."""
    for match in TIME_RANGE.finditer(text):
        has_minutes = match.group(2) or match.group(4)
        if not has_minutes and not re.search(r"kl", match.group(0), re.IGNORECASE):
            continue  # "5-6 april" or "§ 1-4" are not times
        start, end = _time(match.group(1), match.group(2)), _time(match.group(3), match.group(4))
        if start and end and end > start:
            return start, end
    match = TIME_SINGLE.search(text)
    if match:
        return _time(match.group(1), match.group(2)), None
    return None, None
