"""Read the minutes a federation already has (text, Word, PDF) into a structured dict. Pure Python: no models.

`parse_file(data, filename)` and `parse_text(text)` return the dict described in the import issue; the Django layer
(meetings.importing.services) turns it into a meeting.
"""

from . import archives
from .bounded import read, read_document
from .parser import parse_text
from .readers import MAX_BYTES, Reading, UnreadableDocument, check_file


def parse_file(data, filename):
    """Parse a document's bytes (read in a child process with a memory and a time limit, `bounded.py`); raises
    UnreadableDocument with a code and a Swedish message."""
    return parse_text(read_document(data, filename))


__all__ = [
    "MAX_BYTES",
    "Reading",
    "UnreadableDocument",
    "archives",
    "check_file",
    "parse_file",
    "parse_text",
    "read",
    "read_document",
]
