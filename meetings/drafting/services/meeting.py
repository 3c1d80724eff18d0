"""Planning a meeting and changing its details: the opening §§, the attendance from the mandates, the justerare."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from federations.models import Body, Mandate, Person, active_on
from finsam.collation import swedish_sort_key
from finsam.types import Actor
from finsam.validators import validate_typed_fields
from meetings.drafting.selectors import open_assignments_before
from meetings.drafting.services.attendance import attendance_follow_mandates, attendance_prefill
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, audit, sent_from
from meetings.drafting.services.items import append_item
from meetings.drafting.services.numbering import renumber
from meetings.guards import meeting_for_writing
from meetings.models import AgendaItem, Attendance, Meeting

JUSTERARE_ITEM = "Val av justerare"
OPENING_ITEMS = [
    ("Mötets öppnande", AgendaItem.Kind.OTHER),
    (JUSTERARE_ITEM, AgendaItem.Kind.DECISION),
    ("Godkännande av dagordningen", AgendaItem.Kind.DECISION),
    ("Föregående protokoll", AgendaItem.Kind.INFORMATION),
]
FOLLOW_UP_HEADING = "Uppföljning av uppdrag"


def validate_times(start_time: datetime.time | None, end_time: datetime.time | None) -> None:
    if start_time and end_time and end_time <= start_time:
        raise ValidationError({"end_time": _("Sluttiden måste vara efter starttiden.")})


class MeetingAlreadyAdded(AlreadyAdded):
    """The form that plans a meeting was sent again: its meeting (`meeting`) is already there, and nothing more was
    planned."""

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(meeting)
        self.meeting = meeting


MEETING_CREATED = "meetings.meeting.created"


@transaction.atomic
def meeting_create(*, actor: Actor, body: Body, date: datetime.date, record_kind: str | None = None,
                   start_time: datetime.time | None = None, end_time: datetime.time | None = None, place: str = "",
                   remote_link: str = "", chair: Person | None = None, secretary: Person | None = None,
                   title: str = "", form_token: str = "") -> Meeting:  # fmt: skip
    """Plan a meeting: a new protokoll starts with the standard opening items and the attendance from the mandates.

    `form_token`, the one the form was shown with: if a post of the same form already planned its meeting, raise
    MeetingAlreadyAdded with it instead of planning a second. There is no meeting to lock yet: two posts of one form
    take turns on the body's row (FOR NO KEY UPDATE, as numbering_locked; a meeting's key-share lock on it from its
    foreign key does not wait for that)."""
    if form_token:
        Body.objects.select_for_update(no_key=True).filter(pk=body.pk).exists()
        if earlier := added_from_form(MEETING_CREATED, Meeting.objects.filter(body=body), form_token):
            raise MeetingAlreadyAdded(earlier)
    validate_times(start_time, end_time)
    validate_typed_fields(Meeting, {"place": place, "title": title})
    meeting = Meeting.objects.create(
        body=body,
        date=date,
        record_kind=record_kind or body.record_kind,
        start_time=start_time,
        end_time=end_time,
        place=place,
        remote_link=remote_link,
        chair=chair,
        secretary=secretary,
        secretary_title=_title_in_body(secretary, body, date),
        title=title,
    )
    if meeting.is_protocol:
        for heading, kind in OPENING_ITEMS:
            append_item(meeting, heading=heading, kind=kind)
    _add_follow_up_item(meeting)
    attendance_prefill(meeting)
    meeting.renumbered = renumber(meeting)  # other drafts of the year whose § numbers moved: the page says so
    audit(MEETING_CREATED, actor, meeting, meeting, date=str(date), body=body.name, **sent_from(form_token))
    return meeting


def _title_in_body(person: Person | None, body: Body, date: datetime.date) -> str:
    """A person's title in the body on the day ("förbundssekreterare"), capitalised as printed under a signature."""
    if person is None:
        return ""
    title = (
        Mandate.objects.filter(active_on(date), person=person, body=body)
        .exclude(role_title="")
        .values_list("role_title", flat=True)
        .first()
    )
    return (title[:1].upper() + title[1:]) if title else ""


@transaction.atomic
def meeting_update(
    *, actor: Actor, meeting: Meeting, justerare: Iterable[Person] | None = None, **fields: Any
) -> Meeting:
    """Change a planned meeting's details, and choose its justerare (who sign with the chair)."""
    locked = meeting_for_writing(meeting.pk)
    validate_times(fields.get("start_time", locked.start_time), fields.get("end_time", locked.end_time))
    validate_typed_fields(Meeting, fields)
    date_changed = "date" in fields and fields["date"] != locked.date
    year_left = locked.date.year
    for name, value in fields.items():
        setattr(locked, name, value)
        setattr(meeting, name, value)
    # Only the fields given: the status is the lock holder's, never a stale copy's.
    locked.save(update_fields=[*fields, "updated"])
    meeting.renumbered = renumber(meeting, also_year=year_left) if date_changed else []
    if date_changed:  # other mandates may hold on the new day (a meeting moved into a new mandate period)
        attendance_follow_mandates(locked)
    changed = sorted(fields)
    if justerare is not None:
        justerare_set(meeting, _eligible_justerare(locked, list(justerare)))
        changed.append("justerare")
    audit("meetings.meeting.updated", actor, meeting, meeting, fields=changed)
    return meeting


def _eligible_justerare(meeting: Meeting, people: list[Person]) -> list[Person]:
    """The chair signs anyway ("jämte ordföranden"), and one who is not at the meeting cannot justera it."""
    errors = []
    if meeting.chair_id is not None and any(person.pk == meeting.chair_id for person in people):
        errors.append(_("Ordföranden justerar protokollet ändå: välj någon annan som justerare."))
    away = meeting.attendances.filter(
        person__in=people, status__in=[Attendance.Status.ABSENT, Attendance.Status.EXCUSED]
    ).select_related("person")
    for attendance in away:
        errors.append(
            _("%(name)s är inte med på mötet (%(status)s) och kan inte justera protokollet.")
            % {"name": attendance.display_name, "status": attendance.get_status_display().lower()}
        )
    if errors:
        raise ValidationError({"justerare": errors})
    return people


def _justerare_text(people: list[Person]) -> str:
    if not people:
        return ""
    names = " och ".join(person.name for person in sorted(people, key=lambda p: swedish_sort_key(p.name)))
    return f"<p>{escape(names)} utsågs att jämte ordföranden justera dagens protokoll.</p>"


def justerare_set(meeting: Meeting, people: list[Person]) -> None:
    """Record who justerar the protocol with the chair, and say so in the § "Val av justerare" while its text is
    empty or still the one written for the justerare chosen before (the secretary's own wording is never
    overwritten; an unchanged sentence naming the former justerare would contradict the protocol's signers)."""
    before = _justerare_text(list(meeting.justerare.all()))
    meeting.justerare.set(people)
    item = meeting.items.filter(heading=JUSTERARE_ITEM).first()
    text = _justerare_text(people)
    if item is None or item.text.strip() not in {"", before} or item.text == text:
        return
    AgendaItem.objects.filter(pk=item.pk, text=item.text).update(
        text=text, version=F("version") + 1, updated=timezone.now()
    )


def _add_follow_up_item(meeting: Meeting) -> None:
    """Open assignments of the body's earlier meetings come back under a follow-up item."""
    if open_assignments_before(meeting).exists():
        append_item(meeting, heading=FOLLOW_UP_HEADING, kind=AgendaItem.Kind.INFORMATION)
