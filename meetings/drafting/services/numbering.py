"""§ numbers. A body numbered per meeting starts each record at § 1. A body numbered through the year numbers its
protocols' §§ in date order, on from the year's earlier meetings, whatever order the meetings are planned or moved
in: the drafts of the year are renumbered when a meeting is planned, moved, or its agenda changes.

Numbers that are part of a signed record (a protocol out for justering or justerat, an extract justerad at the
meeting) never change and are never given again: a draft whose numbers would meet them is numbered after the
year's last such number. ParagraphNumber keeps the database's word on it, one row a §, unique per body, year and
number; the body's row is locked while its year is numbered (guards.numbering_locked), so two secretaries planning at
once take turns, and a protocol being sent for justering waits for, or is seen by, the renumbering."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F

from federations.models import Body
from meetings.guards import ensure_numbers_kept, justerade_extract_item_ids, numbering_locked
from meetings.models import AgendaItem, Attendance, Meeting, ParagraphNumber, ProtocolRevision
from meetings.printing.paragraphs import paragraph_list, paragraph_numbers, paragraph_range

# A protocol in these states has its § numbers in a signed or signing revision.
SIGNED_STATUSES = (Meeting.Status.IN_JUSTERING, *Meeting.FROZEN_STATUSES)


@dataclass(frozen=True)
class Renumbered:
    """Another meeting whose §§ got new numbers: the secretary is told, with the numbers before and after."""

    meeting: Meeting
    before: str
    after: str


def in_series(meeting: Meeting) -> bool:
    """Whether the meeting's §§ are numbered through the body's year (imported records keep their own numbers)."""
    return meeting.is_protocol and meeting.body.numbering == Body.Numbering.PER_YEAR and not meeting.imported


def renumber(meeting: Meeting, *, also_year: int | None = None) -> list[Renumbered]:
    """Give the meeting's §§ consecutive positions and numbers in their current order; for a body numbered through
    the year, renumber that year's drafts (and `also_year`'s, the year a moved meeting left). Returns the other
    meetings whose numbers changed."""
    items = list(meeting.items.order_by("position", "id"))
    for index, item in enumerate(items):
        item.position = index + 1
    # Two steps, so that the (meeting, position) constraint never sees two items on one position.
    meeting.items.update(position=F("position") + 100_000)
    AgendaItem.objects.bulk_update(items, ["position"])
    if not in_series(meeting):
        numbers = {item.pk: index + 1 for index, item in enumerate(items)}
        ensure_numbers_kept(meeting, numbers)
        _set_numbers(items, numbers)
        ParagraphNumber.objects.filter(item__meeting=meeting).delete()
        return []
    ParagraphNumber.objects.filter(item__meeting=meeting).exclude(year=meeting.date.year).delete()
    years = sorted({meeting.date.year, *([also_year] if also_year else [])})
    return [change for year in years for change in _renumber_year(meeting.body, year, editing=meeting)]


def _renumber_year(body: Body, year: int, *, editing: Meeting) -> list[Renumbered]:
    numbering_locked(body)  # one numbering of a body's year at a time, and none while a protocol is being sent
    meetings = list(
        Meeting.objects.filter(body=body, date__year=year, imported=False, record_kind=Body.RecordKind.MINUTES)
        .select_related("body")
        .order_by("date", "pk")
    )
    items: dict[int, list[AgendaItem]] = defaultdict(list)
    for item in AgendaItem.objects.filter(meeting__in=meetings).order_by("position", "id"):
        items[item.meeting_id].append(item)
    fixed = _fixed(meetings, editing)
    reserved = {item.number for pk in fixed for item in items[pk] if item.number}
    planned: dict[int, int] = {}
    counter = 1
    for meeting in meetings:
        own = items[meeting.pk]
        if meeting.pk in fixed:
            counter = max([counter, *(item.number + 1 for item in own if item.number)])
            continue
        span = range(counter, counter + len(own))
        if any(number in reserved for number in span):
            span = range(max(reserved) + 1, max(reserved) + 1 + len(own))
        planned.update({item.pk: number for item, number in zip(own, span, strict=True)})
        counter = span.stop
    ensure_numbers_kept(editing, {item.pk: planned.get(item.pk) for item in items[editing.pk]})
    changes = [
        Renumbered(meeting, _range(items[meeting.pk]), paragraph_range([planned[i.pk] for i in items[meeting.pk]]))
        for meeting in meetings
        if meeting.pk not in fixed and meeting.pk != editing.pk
        and any(item.number != planned[item.pk] for item in items[meeting.pk])
    ]  # fmt: skip
    drafts = [item for meeting in meetings if meeting.pk not in fixed for item in items[meeting.pk]]
    ParagraphNumber.objects.filter(item__in=drafts).delete()
    _set_numbers(drafts, planned)
    ParagraphNumber.objects.bulk_create(
        ParagraphNumber(body=body, year=year, number=planned[item.pk], item=item) for item in drafts
    )
    # A signed record's rows, made once (a record signed before the rows existed keeps its numbers as they are).
    signed = [(item, item.number) for pk in fixed for item in items[pk] if item.number is not None]
    ParagraphNumber.objects.bulk_create(
        (ParagraphNumber(body=body, year=year, number=number, item=item) for item, number in signed),
        ignore_conflicts=True,
    )
    return changes


def _fixed(meetings: list[Meeting], editing: Meeting) -> set[int]:
    """The meetings whose numbers stay: signed or signing, or (besides the one being edited, whose justerade §§
    ensure_numbers_kept guards) with §§ justerade at the meeting."""
    fixed = {meeting.pk for meeting in meetings if meeting.status in SIGNED_STATUSES}
    with_extracts = set(
        ProtocolRevision.objects.filter(meeting__in=meetings, kind=ProtocolRevision.Kind.EXTRACT)
        .exclude(meeting=editing)
        .values_list("meeting_id", flat=True)
    )
    fixed |= {meeting.pk for meeting in meetings if meeting.pk in with_extracts and justerade_extract_item_ids(meeting)}
    return fixed


def _set_numbers(items: list[AgendaItem], numbers: dict[int, int]) -> None:
    changed = [item for item in items if item.number != numbers[item.pk]]
    moves: dict[int, dict[int, int]] = defaultdict(dict)  # a meeting's §§: number before → number after
    for item in items:
        if item.number is not None:
            moves[item.meeting_id][item.number] = numbers[item.pk]
    for item in changed:
        item.number = numbers[item.pk]
    AgendaItem.objects.bulk_update(changed, ["number"])
    _follow_numbers({item.meeting_id for item in changed}, moves)


def _follow_numbers(meeting_ids: set[int], moves: dict[int, dict[int, int]]) -> None:
    """Who was there for §§ 16-18 only is there for the same §§ under their new numbers. A § deleted takes its
    number with it; a row left with none of its §§ keeps what it said (it never becomes "the whole meeting")."""
    rows = []
    for attendance in Attendance.objects.filter(meeting_id__in=meeting_ids).exclude(paragraphs=""):
        before = paragraph_numbers(attendance.paragraphs)
        after = {moves[attendance.meeting_id][n] for n in before if n in moves[attendance.meeting_id]}
        if after and after != before:
            attendance.paragraphs = paragraph_list(after)
            rows.append(attendance)
    Attendance.objects.bulk_update(rows, ["paragraphs"])


def _range(items: list[AgendaItem]) -> str:
    return paragraph_range([item.number for item in items if item.number])
