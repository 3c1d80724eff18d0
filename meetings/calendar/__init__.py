"""Calendars and dates, shared by the jobs: iCalendar's pieces (`ics.py`), the appeal dates (`dates.py`) and the
portal's time zone (`zone.py`). Imports no job."""
