"""The pieces of an iCalendar file (RFC 5545), written by hand: it is a few lines of text. The kallelse's invitation
(drafting) and the bodies' calendar feeds (opendata) are built from them."""

import datetime

from meetings.calendar.zone import STOCKHOLM


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
