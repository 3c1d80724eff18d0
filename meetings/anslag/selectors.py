"""Reads of the notice board."""

import datetime
from typing import Any

from django.db.models import Prefetch

from meetings.models import AgendaItem, Anslag, SignedDocument
from meetings.printing.paragraphs import paragraph_range


def notice_board(today: datetime.date) -> list[dict[str, Any]]:
    """The notices up on `today`, each with its meeting, the span of its §§ and its sealed PDF: three queries."""
    notices = (
        Anslag.objects.filter(appeal_until__gte=today)
        .select_related("meeting__body__federation", "meeting__body__network")
        .prefetch_related(
            Prefetch("meeting__items", queryset=AgendaItem.objects.exclude(number=None).only("meeting_id", "number")),
            Prefetch(
                "meeting__documents",
                queryset=SignedDocument.objects.filter(status=SignedDocument.Status.DONE, revision__kind="full"),
            ),
        )
        .order_by("-posted_on", "meeting__body__name")
    )
    rows = []
    for anslag in notices:
        numbers = [item.number for item in anslag.meeting.items.all() if item.number is not None]
        rows.append(
            {
                "anslag": anslag,
                "meeting": anslag.meeting,
                "paragraphs": paragraph_range(numbers),
                "document": next(iter(anslag.meeting.documents.all()), None),
            }
        )
    return rows
