"""A calendar invitation (.ics, RFC 5545) for a meeting: the kallelse's event, from meetings.calendar's pieces."""

import datetime

from django.conf import settings
from django.utils import timezone

from meetings.calendar.ics import escape_text, fold_line, utc_stamp
from meetings.sanitize import html_to_text


def meeting_calendar(meeting, request=None):
    start = meeting.start_time or datetime.time(9, 0)
    end = meeting.end_time or (datetime.datetime.combine(meeting.date, start) + datetime.timedelta(hours=2)).time()
    agenda = "\n".join(
        f"§ {item.number} {item.heading}" if item.number else item.heading for item in meeting.items.all()
    )
    url = f"{settings.SITE_URL}{meeting.get_absolute_url()}"
    description = f"{agenda}\n\n{url}"
    location = meeting.place or meeting.remote_link
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Finsamportalen//SV",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@finsamportalen",
        f"DTSTAMP:{timezone.now().astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART:{utc_stamp(meeting.date, start)}",
        f"DTEND:{utc_stamp(meeting.date, end)}",
        f"SUMMARY:{escape_text(f'{meeting.body.name}, {meeting.body.owner_short_name}')}",
        f"LOCATION:{escape_text(location)}",
        f"DESCRIPTION:{escape_text(html_to_text(description) if '<' in description else description)}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(fold_line(line) for line in lines) + "\r\n"
