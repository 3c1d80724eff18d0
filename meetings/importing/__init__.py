"""Read the minutes a federation already has (text, Word, PDF) into a structured dict. Pure Python: no models.

`parse_file(data, filename)` and `parse_text(text)` return the dict described in the import issue; the Django layer
(meetings.importing.saving) turns it into a meeting.
"""

from .parser import parse_text
from .readers import MAX_BYTES, UnreadableDocument, read_document


def parse_file(data, filename):
    """Parse a document's bytes; raises UnreadableDocument with a code and a Swedish message."""
    return parse_text(read_document(data, filename))


__all__ = ["MAX_BYTES", "UnreadableDocument", "parse_file", "parse_text", "read_document"]
