"""How a typed text (a decision, a reservation's reason, a note for the minutes) is laid out, by when its record was
sealed: the pages show a sealed record as its sealed PDF prints it.

Since commit 5d8feed ("Indentation in a § and a decision is kept") a typed text keeps the leading spaces and tabs of
its lines (white-space: pre-wrap, class "typed-text"), on the pages and in the PDF. A record sealed before then was
printed as HTML lays text out by default: its line breaks kept, runs of spaces and tabs run together into one, a
line's leading ones dropped. Its sealed PDF says so and never changes, and the text it was made from (kept as typed,
its spaces too) does not either; so its pages lay that text out as the PDF did ("flat"), and a PDF of it rendered now
(a retry, an extract) does the same.
"""

import datetime

# When 5d8feed was made (its commit time, UTC): the first record sealed with indentation kept was sealed after it.
TYPED_INDENT_SINCE = datetime.datetime(2026, 12, 7, 4, 37, 58, tzinfo=datetime.UTC)


def flat_typed_text(sealed_at: datetime.datetime | None) -> bool:
    """Whether a record sealed at `sealed_at` lays out its typed texts flat, as its PDF printed them; a record not
    sealed (None) is laid out as today's."""
    return sealed_at is not None and sealed_at < TYPED_INDENT_SINCE
