"""A calendar invitation (.ics, RFC 5545) for a meeting, written by hand: it is a few lines of text."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from meetings.sanitize import html_to_text

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def escape_text(text):
    """A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped; every line break, a bare carriage
    return too, becomes \\n (a raw CR would end the content line early and let the text write properties of its
    own); other control characters, which the grammar does not allow, are dropped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(char for char in text if char == "\n" or char == "\t" or not _is_control(char))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _is_control(char):
    return ord(char) < 32 or ord(char) == 127


def fold_line(line):
    """Lines longer than 75 octets are folded with a leading space (RFC 5545 §3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > 74:
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def utc_stamp(day, time):
    moment = datetime.datetime.combine(day, time, tzinfo=STOCKHOLM)
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


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
        f"DTSTAMP:{datetime.datetime.now(datetime.UTC):%Y%m%dT%H%M%SZ}",
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
