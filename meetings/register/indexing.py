"""Indexing: the register's entries are written from frozen records only."""

from django.db import transaction

from meetings.models import Meeting, RegisterEntry
from meetings.register.analysis import index_terms
from meetings.sanitize import html_to_text


@transaction.atomic
def index_meeting(meeting):
    """(Re)write the register entries of a frozen record; a record that is not frozen has none."""
    RegisterEntry.objects.filter(meeting=meeting).delete()
    meeting = Meeting.objects.select_related("body").get(pk=meeting.pk)
    if not meeting.is_frozen:
        return 0
    entries = []
    items = meeting.items.prefetch_related("decisions").order_by("position")
    for item in items:
        decisions = list(item.decisions.all())
        if not decisions and meeting.is_protocol:
            continue  # a protocol's register is its decisions
        for decision in decisions or [None]:
            entries.append(_entry(meeting, item, decision))
    RegisterEntry.objects.bulk_create(entries)
    return len(entries)


def _entry(meeting, item, decision):
    return analysed(
        RegisterEntry(
            meeting=meeting,
            item=item,
            decision=decision,
            federation_id=meeting.body.federation_id,
            network_id=meeting.body.network_id,
            body=meeting.body,
            body_kind=meeting.body.kind,
            date=meeting.date,
            number=item.number,
            heading=item.heading,
            item_text=html_to_text(item.text),
            decision_text=decision.text if decision else "",
            outcome=decision.outcome if decision else "",
            method=decision.method if decision else "",
            is_public=meeting.is_public,
        )
    )


def analysed(entry):
    """The entry with the Swedish analyser's terms, which each database indexes (PostgreSQL's tsvector trigger,
    SQLite's FTS5 table): written with the entry, so that both search exactly the same terms."""
    entry.heading_terms = index_terms(entry.heading, entry.decision_text)
    entry.text_terms = index_terms(entry.item_text)
    return entry


def set_public(meeting):
    RegisterEntry.objects.filter(meeting=meeting).update(is_public=meeting.is_public)
