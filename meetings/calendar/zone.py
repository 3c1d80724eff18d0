"""The portal's time zone, defined once: the one settings.TIME_ZONE names. Meetings, deadlines, feeds and the open
data are in Swedish time; only what a format requires in UTC (iCalendar stamps, PDF dates) is converted."""

import zoneinfo

from django.conf import settings

STOCKHOLM = zoneinfo.ZoneInfo(settings.TIME_ZONE)
