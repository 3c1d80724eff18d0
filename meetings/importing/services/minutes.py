"""The imported meeting: a parsed document becomes a meeting, in one transaction, matched to the register where it
can be (meetings.importing.matching); a reviewed draft is filed as the record."""

import datetime
import hashlib
import html
import re
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from federations.models import Body, Federation, Mandate, Person, active_on
from federations.services import person_save
from finsam.audit import log_action
from finsam.types import Actor
from meetings.drafting.services import renumber
from meetings.guards import meeting_for_writing
from meetings.importing import matching
from meetings.importing.matching import Attendances, AttendeeChoice, People
from meetings.importing.parser.patterns import plausible_name
from meetings.importing.schema import Attendee, Item, ParsedMinutes
from meetings.importing.schema import Decision as ParsedDecision
from meetings.models import (
    AgendaItem,
    Assignment,
    Attachment,
    Attendance,
    Decision,
    Meeting,
    Recusal,
    Reservation,
    Vote,
)
from meetings.register.indexing import index_meeting

ROLE_MAP = {
    "ordförande": Mandate.Role.CHAIR,
    "vice ordförande": Mandate.Role.FIRST_VICE_CHAIR,
    "1:e vice ordförande": Mandate.Role.FIRST_VICE_CHAIR,
    "2:e vice ordförande": Mandate.Role.SECOND_VICE_CHAIR,
    "ledamot": Mandate.Role.MEMBER,
    "ersättare": Mandate.Role.SUBSTITUTE,
    "tjänstgörande ersättare": Mandate.Role.SUBSTITUTE,
    "ej tjänstgörande ersättare": Mandate.Role.SUBSTITUTE,
    "förbundschef": Mandate.Role.DIRECTOR,
    "tf förbundschef": Mandate.Role.DIRECTOR,
    "sekreterare": Mandate.Role.SECRETARY,
    "adjungerad": Mandate.Role.CO_OPTED,
    "revisor": Mandate.Role.AUDITOR,
}
STATUS_MAP = {
    "närvarande": Attendance.Status.PRESENT,
    "frånvarande": Attendance.Status.ABSENT,
    "anmält förhinder": Attendance.Status.EXCUSED,
}
OUTCOME_MAP = {
    "bifall": Decision.Outcome.APPROVED,
    "avslag": Decision.Outcome.REJECTED,
    "återremiss": Decision.Outcome.REFERRED_BACK,
    "bordläggning": Decision.Outcome.TABLED,
    "lägga till handlingarna": Decision.Outcome.NOTED,
    "uppdrag": Decision.Outcome.ASSIGNMENT,
}
VOTE_MAP = {"ja": Vote.Choice.YES, "nej": Vote.Choice.NO, "avstår": Vote.Choice.ABSTAIN}
COUNTED_METHODS = ("omröstning", "sluten omröstning")
# Roles that are the person's whatever body they sit in: a tjänsteperson is not a ledamot in the next room.
STAFF_ROLES = (Mandate.Role.DIRECTOR, Mandate.Role.SECRETARY, Mandate.Role.OFFICER, Mandate.Role.AUDITOR)


def text_to_html(text: str | None) -> str:
    paragraphs = [p.strip() for p in (text or "").split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)


@transaction.atomic
def save_parsed(
    parsed: ParsedMinutes,
    *,
    body: Body,
    actor: Actor = None,
    source_name: str = "",
    source_bytes: bytes = b"",
    recognised_text: str = "",
    date: datetime.date | None = None,
    keep_as_draft: bool = False,
    choices: Mapping[str, AttendeeChoice] | None = None,
) -> Meeting:
    """Create the meeting with its attendance (each attendee linked to the person the secretary chose in `choices`,
    by the attendee's name as parsed; a new person; the name alone; or left out), items, decisions with their
    votes, reservations and jäv, and assignments; the file is kept as an attachment, and beside it the text OCR
    recognised in it (`recognised_text`) when it was a scan. All or nothing."""
    day = meeting_date(parsed, date)
    attendees = parsed.get("attendance") or []
    people = People(matching.candidates_for(body=body, on_date=day), choices or {})
    people.check(attendees)
    meeting = _create_meeting(parsed, body=body, day=day, keep_as_draft=keep_as_draft)
    attendances = _save_attendance(meeting, attendees, body.federation, people, actor)
    _name_officers(meeting, parsed, people)
    for position, item_data in enumerate(parsed.get("items") or [], start=1):
        _save_item(meeting, position, item_data, people, attendances)
    renumber_if_unnumbered(meeting)
    _attach_sources(meeting, source_name, source_bytes, recognised_text)
    meeting.status = _status(parsed, keep_as_draft)
    meeting.save()
    index_meeting(meeting)
    log_action(
        "meetings.minutes.imported",
        actor=actor,
        obj=meeting,
        federation=body.federation,
        source=source_name,
        items=len(parsed.get("items") or []),
        warnings=parsed.get("warnings") or [],
        linked=sum(1 for person in people.attendees.values() if person is not None),
    )
    return meeting


def meeting_date(parsed: ParsedMinutes, date: datetime.date | None) -> datetime.date:
    """The date the secretary gave, else the document's; a meeting without one is refused."""
    iso_date = parsed.get("date")
    day = date or (datetime.date.fromisoformat(iso_date) if iso_date else None)
    if day is None:
        raise ValidationError({"date": _("Dokumentet saknar datum. Ange mötets datum.")})
    return day


def _signed_on_paper(parsed: ParsedMinutes, keep_as_draft: bool) -> bool:
    return bool(parsed.get("signed_on_paper")) and not keep_as_draft


def _status(parsed: ParsedMinutes, keep_as_draft: bool) -> str:
    """A protokoll signed on paper is justerat, one that is not a draft; minnesanteckningar are approved; a
    document kept for review is a draft whatever it says."""
    if keep_as_draft:
        return Meeting.Status.DRAFT
    if parsed["kind"] == "protokoll":
        return Meeting.Status.JUSTERAT if _signed_on_paper(parsed, keep_as_draft) else Meeting.Status.DRAFT
    return Meeting.Status.APPROVED


def _create_meeting(parsed: ParsedMinutes, *, body: Body, day: datetime.date, keep_as_draft: bool) -> Meeting:
    """The meeting row, a draft while its parts are written (its status is set once they are)."""
    start, end = parsed.get("start_time"), parsed.get("end_time")
    signed = _signed_on_paper(parsed, keep_as_draft)
    return Meeting.objects.create(
        body=body,
        date=day,
        record_kind=Body.RecordKind.MINUTES if parsed["kind"] == "protokoll" else Body.RecordKind.NOTES,
        title=parsed.get("title", "")[:300],
        place=(parsed.get("place") or "")[:300],
        secretary_title=(parsed.get("secretary_title") or "")[:100],
        imported=True,
        signed_on_paper=signed,
        paper_signers=", ".join(parsed.get("adjusters") or []) if signed else "",
        status=Meeting.Status.DRAFT,
        start_time=datetime.time.fromisoformat(start) if start else None,
        end_time=datetime.time.fromisoformat(end) if end else None,
    )


def _name_officers(meeting: Meeting, parsed: ParsedMinutes, people: People) -> None:
    """The secretary, the justerare and the chair the document names ("ordförande" in the attendance, or who signed
    as such); else, as protocols are signed, the chair is the first of the justerare."""
    meeting.secretary = people.named(parsed.get("secretary"))
    justerare = [p for p in (people.named(name) for name in parsed.get("adjusters") or []) if p]
    meeting.justerare.set(justerare)
    meeting.chair = people.named(parsed.get("chair")) or (justerare[0] if justerare else None)


def _attach_sources(meeting: Meeting, source_name: str, source_bytes: bytes, recognised_text: str) -> None:
    """The original file, and beside it the text OCR recognised in a scan."""
    original = source_name or "original"
    if source_bytes:
        _attach(meeting, original, source_bytes, "application/octet-stream")
    if recognised_text:
        _attach(meeting, f"{Path(original).stem}.ocr.txt", recognised_text.encode(), "text/plain; charset=utf-8")


def _attach(meeting: Meeting, name: str, data: bytes, content_type: str) -> Attachment:
    return Attachment.objects.create(
        meeting=meeting,
        name=name[:255],
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        file=ContentFile(data, name=name),
    )


def renumber_if_unnumbered(meeting: Meeting) -> None:
    """Keep the document's own § numbers; number the items only when the document had none."""
    if not meeting.items.filter(number__isnull=False).exists():
        renumber(meeting)


def _registered_role(person: Person | None, meeting: Meeting) -> tuple[str, str] | None:
    """The role and title the register gives a person at the meeting, when the document names none: their
    mandate in the body on the day, else a staff mandate in another body of the same federation (or network)."""
    if person is None:
        return None
    mandates = Mandate.objects.filter(active_on(meeting.date), person=person).order_by("start", "id")
    body = meeting.body
    owner = Q(body__federation=body.federation) if body.federation_id else Q(body__network=body.network)
    mandate = mandates.filter(body=body).first() or mandates.filter(owner, role__in=STAFF_ROLES).first()
    return (mandate.role, mandate.role_title) if mandate else None


def _attendee_person(
    entry: Attendee, choice: AttendeeChoice, federation: Federation | None, people: People, actor: Actor
) -> Person | None:
    """Whom the attendee is, as the secretary chose: a person in scope (checked before), a new person, no one (the
    name alone), or the register's sure match."""
    if choice.action == AttendeeChoice.PERSON and choice.person_id is not None:
        return people.by_pk[choice.person_id]
    if choice.action == AttendeeChoice.NEW:
        name = (choice.new_name or entry["name"]).strip()[:200]
        return person_save(actor=actor, federation=federation, name=name)
    if choice.action == AttendeeChoice.NAME_ONLY:
        return None
    return people.sure(entry["name"], entry.get("organisation"))


def _role_and_title(entry: Attendee, person: Person | None, meeting: Meeting) -> tuple[str, str]:
    """The role the document gives (its own words as the title when the role is not one of ours, or acting "tf"),
    else the register's, else a ledamot."""
    role_text = (entry.get("role") or "").strip()
    role: str | None = ROLE_MAP.get(role_text.lower())
    title = role_text[:100] if not role or role_text.startswith("tf") else ""
    registered = None if role_text else _registered_role(person, meeting)
    if registered:
        role, title = registered
    return role or (Mandate.Role.OFFICER if role_text else Mandate.Role.MEMBER), title


def _save_attendance(
    meeting: Meeting, attendees: list[Attendee], federation: Federation | None, people: People, actor: Actor
) -> Attendances:
    rows = Attendances()
    for entry in attendees:
        choice = people.choice_for(entry)
        folded = matching.fold(entry["name"])
        if choice.action == AttendeeChoice.SKIP:
            people.attendees[folded] = None
            continue
        person = _attendee_person(entry, choice, federation, people, actor)
        people.attendees[folded] = person
        role, title = _role_and_title(entry, person, meeting)
        organisation, represents = matching.match_organisation(entry.get("organisation"))
        rows[folded] = Attendance.objects.create(
            meeting=meeting,
            person=person,
            name=entry["name"][:200],
            role=role,
            role_title=title,
            status=STATUS_MAP.get(entry.get("status"), Attendance.Status.PRESENT),
            organisation=choice.organisation or organisation,
            represents=represents,
            paragraphs=(entry.get("paragraphs") or "")[:100],
            position=len(rows),
        )
    _link_substitutes(meeting, attendees, rows, people)
    return rows


def _link_substitutes(meeting: Meeting, attendees: list[Attendee], rows: Attendances, people: People) -> None:
    """An ersättare serves for a ledamot listed anywhere in the attendance; one the lists leave out ("Åsa Åberg,
    tjänstgörande ersättare för Mikael Dahl", no Mikael Dahl listed) was not there: added as absent, in the
    ersättare's seat's organisation, so the saved attendance still says whom the ersättare served for."""
    for entry in attendees:
        row, wanted = rows.get(matching.fold(entry["name"])), (entry.get("serving_for") or "").strip()
        served = rows.named(wanted)
        if row is not None and served is None and plausible_name(wanted):
            served = rows[matching.fold(wanted)] = Attendance.objects.create(
                meeting=meeting,
                person=people.sure(wanted, entry.get("organisation")),
                name=wanted[:200],
                role=Mandate.Role.MEMBER,
                status=Attendance.Status.ABSENT,
                organisation=row.organisation,
                represents=row.represents,
                position=len(rows),
            )
        if row is not None and served is not None and served != row:
            row.serving_for = served
            row.save(update_fields=["serving_for"])


def item_heading(data: Item) -> str:
    """The item's heading; a part of a § ("3.1" under § 3) or one added between two ("27A") keeps its number in it,
    having no § number of its own."""
    heading = data.get("title") or str(_("Ärende"))
    part = data.get("number") or ""
    return f"{part} {heading}" if re.fullmatch(r"\d{1,3}\.\d{1,2}|\d{1,3}[A-Za-z]", part) else heading


def _save_item(meeting: Meeting, position: int, data: Item, people: People, attendances: Attendances) -> AgendaItem:
    raw_number = data.get("number")
    number = int(raw_number) if raw_number and str(raw_number).isdigit() else None
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=position,
        number=number,
        heading=item_heading(data)[:300],
        kind=AgendaItem.Kind.DECISION if data.get("decisions") else AgendaItem.Kind.INFORMATION,
        text=text_to_html(data.get("text")),
        immediate_justering=bool(data.get("immediate")),
    )
    for name in dict.fromkeys(data.get("recused") or []):
        if (attendance := attendances.named(name)) is not None:
            Recusal.objects.get_or_create(item=item, attendance=attendance)
    decisions: list[Decision] = []
    for index, parsed_decision in enumerate(data.get("decisions") or []):
        decisions.append(_save_decision(item, index, parsed_decision, attendances))
    for assignment in data.get("assignments") or []:
        Assignment.objects.create(
            item=item,
            decision=decisions[-1] if decisions else None,
            owner=people.named(assignment["who"]),
            owner_name=assignment["who"][:200],
            what=assignment["what"],
        )
    return item


def _save_decision(item: AgendaItem, index: int, data: ParsedDecision, attendances: Attendances) -> Decision:
    votes = data.get("votes")
    named_votes = data.get("named_votes") or {}
    decision = Decision.objects.create(
        item=item,
        position=index,
        text=data["text"],
        outcome=OUTCOME_MAP.get(data.get("outcome") or "", Decision.Outcome.APPROVED),
        method=(
            Decision.Method.VOTE
            if votes or named_votes or data.get("method") in COUNTED_METHODS
            else Decision.Method.ACCLAMATION
        ),
        votes_yes=votes.get("ja") if votes else None,
        votes_no=votes.get("nej") if votes else None,
        votes_abstain=votes.get("avstår") if votes else None,
    )
    voted = set()
    for name, choice in named_votes.items():
        attendance = attendances.named(name)
        if attendance is not None and choice in VOTE_MAP and attendance.pk not in voted:
            voted.add(attendance.pk)
            Vote.objects.create(decision=decision, attendance=attendance, choice=VOTE_MAP[choice])
    reserved = {a.pk: a for a in (attendances.named(name) for name in data.get("reservations") or []) if a}
    for attendance in reserved.values():
        Reservation.objects.create(decision=decision, attendance=attendance)
    return decision


@transaction.atomic
def imported_record_file(*, actor: Actor, meeting: Meeting) -> Meeting:
    """Lägg till handlingarna: an imported historical record, reviewed and corrected as a draft, becomes the record.
    A protokoll is noted as justerat on paper by its justerare (and chair); minnesanteckningar as approved. From then
    on it is frozen like any justerat record."""
    meeting = meeting_for_writing(meeting.pk)
    if not meeting.imported or meeting.status != Meeting.Status.DRAFT:
        raise ValidationError(_("Bara ett importerat utkast kan läggas till handlingarna här."))
    if meeting.is_protocol:
        signers = [meeting.chair.name] if meeting.chair else []
        signers += [person.name for person in meeting.justerare.order_by("name") if person.name not in signers]
        meeting.signed_on_paper = True
        meeting.paper_signers = ", ".join(signers)
        meeting.status = Meeting.Status.JUSTERAT
    else:
        meeting.status = Meeting.Status.APPROVED
    meeting.save(update_fields=["signed_on_paper", "paper_signers", "status", "updated"])
    index_meeting(meeting)
    log_action("meetings.minutes.filed", actor=actor, obj=meeting, federation=meeting.body.federation)
    return meeting
