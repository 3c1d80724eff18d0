"""How a typed text (a decision, a reservation's reason, a note for the minutes) is laid out, by the layout its
record was sealed with: the pages show a sealed record as its sealed PDF prints it.

Since commit 5d8feed ("Indentation in a § and a decision is kept") a typed text keeps the leading spaces and tabs of
its lines (white-space: pre-wrap, class "typed-text"), on the pages and in the PDF. A record sealed before then was
printed as HTML lays text out by default: its line breaks kept, runs of spaces and tabs run together into one, a
line's leading ones dropped. Its sealed PDF says so and never changes, and the text it was made from (kept as typed,
its spaces too) does not either; so its pages lay that text out as the PDF did ("flat"), and a PDF of it rendered now
(a retry, an extract) does the same.

Which layout a record has is a fact stored with it (Meeting.typed_layout), not a date: written when its first PDF is
sealed (an extract of §§ justerade at the meeting, or the whole protocol) or when it is frozen, and never changed
after, so the pages, the whole protocol's PDF and every extract of it agree. Records sealed before the fact was
stored were set to the flat layout by migration 0033. A record not sealed yet is laid out as today's portal does.
"""

from meetings.models import Meeting

# The layout a record sealed now is given.
CURRENT_LAYOUT = Meeting.TypedLayout.INDENTED


def flat_typed_text(layout: int | None) -> bool:
    """Whether a record with the stored `layout` lays out its typed texts flat, as its PDF printed them; a record not
    sealed yet (None) is laid out as today's."""
    return layout == Meeting.TypedLayout.FLAT


def layout_at_seal(meeting: Meeting) -> None:
    """Give the record its layout as it is sealed or frozen, unless it has one (from a first seal: an extract sealed
    before the whole protocol keeps the layout the protocol is printed with). The caller holds the meeting's lock
    and saves the field with its own change, before the record is frozen."""
    if meeting.typed_layout is None:
        meeting.typed_layout = CURRENT_LAYOUT
