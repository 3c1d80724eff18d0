"""Every write to a meeting and its record: atomic, validated, audited; side effects after commit."""

import datetime
import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Max, Model
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from federations.models import Body, Mandate, Person, Project, active_on
from federations.permissions import people_for_bodies, roles_for
from finsam.audit import log_action
from finsam.collation import swedish_sort_key
from finsam.types import Actor, signed_in
from meetings.drafting.ics import meeting_calendar
from meetings.drafting.kallelse import call_in_text, kallelse_recipients, kallelse_text
from meetings.drafting.selectors import item_decision_makers, open_assignments_before
from meetings.guards import ensure_numbers_kept, item_for_writing, meeting_for_writing
from meetings.models import (
    AgendaItem,
    Assignment,
    Attachment,
    Attendance,
    Decision,
    DecisionRecipient,
    ItemRevision,
    Meeting,
    OutgoingMail,
    Recusal,
    Reservation,
    Vote,
)
from meetings.outbox.services import mail_queue
from meetings.sanitize import clean_html

OPENING_ITEMS = [
    ("Mötets öppnande", AgendaItem.Kind.OTHER),
    ("Val av justerare", AgendaItem.Kind.DECISION),
    ("Godkännande av dagordningen", AgendaItem.Kind.DECISION),
    ("Föregående protokoll", AgendaItem.Kind.INFORMATION),
]
FOLLOW_UP_HEADING = "Uppföljning av uppdrag"


class EditConflict(Exception):
    """Someone else saved the § since this editor loaded it."""

    def __init__(self, item: AgendaItem) -> None:
        super().__init__("edit conflict")
        self.item = item


def _audit(action: str, actor: Actor, obj: Model, meeting: Meeting, **data: Any) -> None:
    log_action(action, actor=actor, obj=obj, federation=meeting.body.federation, **data)


# Meetings --------


def validate_times(start_time: datetime.time | None, end_time: datetime.time | None) -> None:
    if start_time and end_time and end_time <= start_time:
        raise ValidationError({"end_time": _("Sluttiden måste vara efter starttiden.")})


@transaction.atomic
def meeting_create(*, actor: Actor, body: Body, date: datetime.date, record_kind: str | None = None,
                   start_time: datetime.time | None = None, end_time: datetime.time | None = None, place: str = "",
                   remote_link: str = "", chair: Person | None = None, secretary: Person | None = None,
                   title: str = "") -> Meeting:  # fmt: skip
    """Plan a meeting: a new protokoll starts with the standard opening items and the attendance from the mandates."""
    validate_times(start_time, end_time)
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
            _append_item(meeting, heading=heading, kind=kind)
    _add_follow_up_item(meeting)
    attendance_prefill(meeting)
    renumber(meeting)
    _audit("meetings.meeting.created", actor, meeting, meeting, date=str(date), body=body.name)
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
    date_changed = "date" in fields and fields["date"] != locked.date
    for name, value in fields.items():
        setattr(locked, name, value)
        setattr(meeting, name, value)
    # Only the fields given: the status is the lock holder's, never a stale copy's.
    locked.save(update_fields=[*fields, "updated"])
    if date_changed:
        renumber(meeting)
    changed = sorted(fields)
    if justerare is not None:
        justerare_set(meeting, list(justerare))
        changed.append("justerare")
    _audit("meetings.meeting.updated", actor, meeting, meeting, fields=changed)
    return meeting


JUSTERARE_ITEM = "Val av justerare"


def justerare_set(meeting: Meeting, people: list[Person]) -> None:
    """Record who justerar the protocol with the chair, and say so in the § "Val av justerare" while its text is
    still empty (the secretary's own wording is never overwritten)."""
    meeting.justerare.set(people)
    item = meeting.items.filter(heading=JUSTERARE_ITEM).first()
    if item is None or item.text.strip() or not people:
        return
    names = " och ".join(person.name for person in sorted(people, key=lambda p: swedish_sort_key(p.name)))
    text = f"<p>{escape(names)} utsågs att jämte ordföranden justera dagens protokoll.</p>"
    AgendaItem.objects.filter(pk=item.pk, text="").update(text=text, version=F("version") + 1, updated=timezone.now())


# Agenda and § numbers -----------------------------------------------------------------------------------------------


def _append_item(meeting: Meeting, **fields: Any) -> AgendaItem:
    last = meeting.items.aggregate(last=Max("position"))["last"] or 0
    return AgendaItem.objects.create(meeting=meeting, position=last + 1, **fields)


def first_number(meeting: Meeting) -> int:
    """Where this meeting's § numbers start: 1, or on from the body's last meeting earlier in the same year."""
    if meeting.body.numbering != Body.Numbering.PER_YEAR:
        return 1
    earlier = AgendaItem.objects.filter(
        meeting__body=meeting.body,
        meeting__date__year=meeting.date.year,
        meeting__date__lt=meeting.date,
        number__isnull=False,
    ).aggregate(last=Max("number"))["last"]
    return (earlier or 0) + 1


def renumber(meeting: Meeting) -> None:
    """Give the items consecutive positions and § numbers in their current order."""
    items = list(meeting.items.order_by("position", "id"))
    start = first_number(meeting)
    for index, item in enumerate(items):
        item.position = index + 1
        item.number = start + index if meeting.is_protocol else index + 1
    ensure_numbers_kept(meeting, {item.pk: item.number for item in items})
    # Two steps, so that the (meeting, position) constraint never sees two items on one position.
    meeting.items.update(position=F("position") + 100_000)
    AgendaItem.objects.bulk_update(items, ["position", "number"])


@transaction.atomic
def item_add(
    *,
    actor: Actor,
    meeting: Meeting,
    heading: str,
    kind: str = AgendaItem.Kind.INFORMATION,
    case_number: str = "",
    after: AgendaItem | None = None,
) -> AgendaItem:
    meeting = meeting_for_writing(meeting.pk)
    heading = heading.strip()
    if not heading:
        raise ValidationError({"heading": _("Ärendet behöver en rubrik.")})
    item = _append_item(meeting, heading=heading, kind=kind, case_number=case_number)
    if after is not None:
        items = list(meeting.items.exclude(pk=item.pk).order_by("position"))
        index = next((i for i, other in enumerate(items) if other.pk == after.pk), len(items) - 1)
        items.insert(index + 1, item)
        _reorder(meeting, items)
    else:
        renumber(meeting)
    item.refresh_from_db()
    ItemRevision.objects.create(item=item, version=item.version, heading=item.heading, text="", author=signed_in(actor))
    _audit("meetings.item.added", actor, item, meeting, heading=heading)
    return item


def _reorder(meeting: Meeting, items: list[AgendaItem]) -> None:
    meeting.items.update(position=F("position") + 100_000)
    for index, item in enumerate(items):
        item.position = index + 1
    AgendaItem.objects.bulk_update(items, ["position"])
    renumber(meeting)


@transaction.atomic
def item_move(*, actor: Actor, item: AgendaItem, offset: int) -> None:
    meeting = meeting_for_writing(item.meeting_id, items=[item])
    items = list(meeting.items.order_by("position"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    _reorder(meeting, items)
    _audit("meetings.item.moved", actor, item, meeting, offset=offset)


@transaction.atomic
def item_delete(*, actor: Actor, item: AgendaItem) -> None:
    meeting = meeting_for_writing(item.meeting_id, items=[item])
    heading = item.heading
    item.delete()
    renumber(meeting)
    _audit("meetings.item.deleted", actor, meeting, meeting, heading=heading)


@transaction.atomic
def item_update_details(*, actor: Actor, item: AgendaItem, **fields: Any) -> AgendaItem:
    meeting_for_writing(item.meeting_id, items=[item])
    projects = fields.pop("projects", None)
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    if projects is not None:
        item.projects.set(projects)
    _audit("meetings.item.updated", actor, item, item.meeting, fields=sorted(fields))
    return item


def item_save_text(
    *, actor: Actor, item_id: int, heading: str | None, text: str | None, base_version: int
) -> AgendaItem:
    """Autosave: store the § if nobody saved it since base_version, else raise EditConflict with the server's state.

    The compare-and-set is one conditional UPDATE, so two editors can never both win.
    """
    clean = clean_html(text)
    heading = (heading or "").strip()
    if not heading:
        raise ValidationError({"heading": _("Ärendet behöver en rubrik.")})
    with transaction.atomic():
        # The meeting's row is locked before its status is read: a send for justering waits for this save to
        # commit (and then snapshots it), or this save waits for the send and is refused.
        item = item_for_writing(item_id)
        if item.heading == heading and item.text == clean and item.version == base_version:
            return item  # nothing changed: no new revision
        now = timezone.now()
        updated = AgendaItem.objects.filter(pk=item_id, version=base_version).update(
            heading=heading, text=clean, version=F("version") + 1, updated=now
        )
        if not updated:
            item.refresh_from_db()
            raise EditConflict(item)
        # The conditional UPDATE matched base_version, so the row now holds exactly this: no need to read it back.
        item.heading, item.text, item.version, item.updated = heading, clean, base_version + 1, now
        ItemRevision.objects.create(
            item=item, version=item.version, heading=heading, text=clean, author=signed_in(actor)
        )
        if item.meeting.status in (Meeting.Status.PLANNED, Meeting.Status.CALLED):
            Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.DRAFT)
    return item


@transaction.atomic
def item_restore(*, actor: Actor, item: AgendaItem, revision: ItemRevision) -> AgendaItem:
    """Restore an earlier revision as a new revision (history is never rewritten)."""
    meeting_for_writing(item.meeting_id, items=[item])  # the meeting first, as every write locks it
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    return item_save_text(
        actor=actor, item_id=item.pk, heading=revision.heading, text=revision.text, base_version=item.version
    )


# Attendance --------

MANDATE_TO_ATTENDANCE_ROLE = {role.value: role.value for role in Mandate.Role}


def attendance_prefill(meeting: Meeting) -> None:
    """Call everyone with a mandate in the body on the meeting date, in the order a protocol lists them."""
    if meeting.attendances.exists():
        return
    mandates = list(
        Mandate.objects.filter(active_on(meeting.date), body=meeting.body).select_related("person", "organisation")
    )
    rank = {role: i for i, role in enumerate(Mandate.Role.values)}
    by_rank = sorted(mandates, key=lambda m: (rank[m.role], swedish_sort_key(m.person.name)))
    # Ersättare in call-in order; a personal ersättare follows the order of the ledamot they stand in for.
    seat = {m.pk: index for index, m in enumerate(by_rank)}

    def call_in(mandate: Mandate) -> int:
        if mandate.substitute_for_id in seat:
            return seat[mandate.substitute_for_id]
        return mandate.substitute_order or 0

    ordered = sorted(mandates, key=lambda m: (rank[m.role], call_in(m), swedish_sort_key(m.person.name)))
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            person=mandate.person,
            name=mandate.person.name,
            role=MANDATE_TO_ATTENDANCE_ROLE[mandate.role],
            role_title=mandate.role_title,
            organisation=mandate.organisation,
            represents=mandate.represents,
            position=index,
            status=Attendance.Status.PRESENT,
        )
        for index, mandate in enumerate(ordered)
    )


def parse_paragraphs(value: str | None) -> str:
    """Normalise "§ 1-4", "§§1–4, 6", "tjg § 36-40" to "1-4, 6"; raise ValidationError for anything else."""
    import re

    text = (value or "").replace("–", "-").replace("§", " ").lower().replace("tjg", " ").strip()
    if not text:
        return ""
    parts: list[str] = []
    for part in re.split(r"[,\s]+(?=\d)", text):
        part = part.strip(" ,")
        match = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise ValidationError({"paragraphs": _("Ange paragrafer som t.ex. 1-4 eller 2, 5-7.")})
        parts.append(f"{match.group(1)}-{match.group(2)}" if match.group(2) else match.group(1))
    return ", ".join(parts)


@transaction.atomic
def attendance_save(
    *, actor: Actor, meeting: Meeting, attendance: Attendance | None = None, **fields: Any
) -> Attendance:
    meeting = meeting_for_writing(meeting.pk)
    if attendance is None and not fields.get("person") and not (fields.get("name") or "").strip():
        raise ValidationError({"name": _("Välj en person eller skriv ett namn.")})
    fields["paragraphs"] = parse_paragraphs(fields.get("paragraphs", ""))
    serving_for = fields.get("serving_for")
    if serving_for is not None and serving_for.meeting_id != meeting.pk:
        raise ValidationError({"serving_for": _("Den ersatta personen finns inte på mötet.")})
    created = attendance is None
    if attendance is None:
        last = meeting.attendances.aggregate(last=Max("position"))["last"]
        attendance = Attendance(meeting=meeting, position=(last or 0) + 1)
    for name, value in fields.items():
        setattr(attendance, name, value)
    if attendance.person is not None and not attendance.name:
        attendance.name = attendance.person.name
    attendance.save()
    _audit("meetings.attendance.saved", actor, attendance, meeting, created=created, name=attendance.display_name)
    return attendance


@transaction.atomic
def absence_report(*, actor: Actor, meeting: Meeting) -> Attendance:
    """Anmäl förhinder: a called member says they cannot come, from the kallelse's link; the secretary sees it in
    the attendance and can call in the member's ersättare."""
    meeting = meeting_for_writing(meeting.pk)
    person = roles_for(actor).person
    attendance = meeting.attendances.filter(person=person).first() if person is not None else None
    if attendance is None:
        raise ValidationError(_("Du är inte kallad till det här mötet."))
    if meeting.date < timezone.localdate():
        raise ValidationError(_("Mötet har redan hållits."))
    attendance.status = Attendance.Status.EXCUSED
    attendance.save(update_fields=["status"])
    _audit("meetings.attendance.excused", actor, attendance, meeting, name=attendance.display_name)
    return attendance


@transaction.atomic
def substitute_call_in(*, actor: Actor, meeting: Meeting, substitute: Attendance, absent: Attendance) -> Attendance:
    """The ersättare serves for the absent ledamot, and is told so by e-mail (when the register has an address)."""
    attendance = attendance_save(
        actor=actor, meeting=meeting, attendance=substitute, serving_for=absent, paragraphs=substitute.paragraphs
    )
    if substitute.person is not None and substitute.person.email:
        subject, body = call_in_text(meeting, substitute, absent)
        mail_queue(
            kind=OutgoingMail.Kind.CALL_IN, meeting=meeting, recipients=[substitute.person.email], subject=subject,
            body=body,
        )  # fmt: skip
    return attendance


@transaction.atomic
def recusal_set(*, actor: Actor, item: AgendaItem, attendance: Attendance, recused: bool, reason: str = "") -> None:
    meeting_for_writing(item.meeting_id, items=[item])
    reason = reason.strip()
    limit = Recusal._meta.get_field("reason").max_length
    if limit is not None and len(reason) > limit:
        raise ValidationError(_("Skälet för jävet får vara högst %(limit)s tecken.") % {"limit": limit})
    if recused:
        Recusal.objects.update_or_create(item=item, attendance=attendance, defaults={"reason": reason})
    else:
        Recusal.objects.filter(item=item, attendance=attendance).delete()
    _audit("meetings.recusal.set", actor, item, item.meeting, attendance=attendance.display_name, recused=recused)


# Decisions and assignments --------


def voters_present(item: AgendaItem) -> int:
    """How many decision-makers may vote on the §: present ledamöter and serving ersättare, less those with jäv."""
    return len(item_decision_makers(item))


def validate_votes(item: AgendaItem, method: str | None, yes: int | None, no: int | None, abstain: int | None) -> None:
    if method != Decision.Method.VOTE:
        return
    counts = [c for c in (yes, no, abstain) if c is not None]
    if not counts:
        raise ValidationError({"votes_yes": _("Ange rösterna (ja, nej, avstår) vid votering.")})
    voters = voters_present(item)
    if voters and sum(counts) > voters:
        raise ValidationError(
            {
                "votes_yes": _("%(votes)s röster är fler än de %(voters)s som får rösta i paragrafen.")
                % {"votes": sum(counts), "voters": voters}
            }
        )


@transaction.atomic
def decision_save(
    *,
    actor: Actor,
    item: AgendaItem,
    decision: Decision | None = None,
    projects: Iterable[Project] | None = None,
    recipient_people: Iterable[Person] | None = None,
    recipient_emails: Iterable[str] | None = None,
    **fields: Any,
) -> Decision:
    """Save a decision; `recipient_people` and `recipient_emails`, when given, are who get its protokollsutdrag by
    e-mail once the protocol is justerat."""
    meeting = meeting_for_writing(item.meeting_id, items=[item])
    fields["text"] = (fields.get("text") or "").strip()
    if not fields["text"]:
        raise ValidationError({"text": _("Skriv beslutet, t.ex. ”Styrelsen beslutar att …”.")})
    validate_votes(
        item, fields.get("method"), fields.get("votes_yes"), fields.get("votes_no"), fields.get("votes_abstain")
    )
    people = list(recipient_people) if recipient_people is not None else None
    addresses = _valid_addresses(recipient_emails) if recipient_emails is not None else None
    if people:
        in_scope = set(people_for_bodies([meeting.body], meeting.date).values_list("pk", flat=True))
        if any(person.pk not in in_scope for person in people):
            raise ValidationError({"recipient_people": _("Välj mottagare bland förbundets personer.")})
    created = decision is None
    decision = decision or Decision(item=item, position=item.decisions.count())
    for name, value in fields.items():
        setattr(decision, name, value)
    decision.save()
    if projects is not None:
        decision.projects.set(projects)
    if people is not None or addresses is not None:
        _recipients_set(decision, people, addresses)
    _audit("meetings.decision.saved", actor, decision, item.meeting, created=created, outcome=decision.outcome)
    return decision


def _valid_addresses(addresses: Iterable[str]) -> list[str]:
    cleaned: list[str] = []
    for address in addresses:
        address = (address or "").strip()
        if not address:
            continue
        try:
            validate_email(address)
        except ValidationError:
            raise ValidationError(
                {"recipient_emails": _("Inte en giltig e-postadress: %(address)s") % {"address": address[:100]}}
            ) from None
        if address.lower() not in {a.lower() for a in cleaned}:
            cleaned.append(address)
    return cleaned


def _recipients_set(decision: Decision, people: list[Person] | None, addresses: list[str] | None) -> None:
    """Replace the decision's recipients of the given kind (people, addresses), keeping the other kind."""
    if people is not None:
        DecisionRecipient.objects.filter(decision=decision, person__isnull=False).delete()
        DecisionRecipient.objects.bulk_create(DecisionRecipient(decision=decision, person=p) for p in people)
    if addresses is not None:
        DecisionRecipient.objects.filter(decision=decision, person__isnull=True).delete()
        DecisionRecipient.objects.bulk_create(DecisionRecipient(decision=decision, email=a) for a in addresses)


@transaction.atomic
def decision_delete(*, actor: Actor, decision: Decision) -> None:
    meeting_for_writing(decision.item.meeting_id, items=[decision.item])
    _audit("meetings.decision.deleted", actor, decision.item, decision.item.meeting, text=decision.text[:200])
    decision.delete()


@transaction.atomic
def assignment_create(
    *,
    actor: Actor,
    item: AgendaItem,
    what: str | None,
    owner: Person | None = None,
    owner_name: str = "",
    due: datetime.date | None = None,
    decision: Decision | None = None,
) -> Assignment:
    meeting_for_writing(item.meeting_id, items=[item])
    what = (what or "").strip()
    if not what:
        raise ValidationError({"what": _("Beskriv uppdraget.")})
    if owner is None and not owner_name.strip():
        raise ValidationError({"owner_name": _("Ange vem som får uppdraget.")})
    assignment = Assignment.objects.create(
        item=item,
        decision=decision,
        owner=owner,
        owner_name=owner_name or (owner.name if owner else ""),
        what=what,
        due=due,
    )
    _audit("meetings.assignment.created", actor, assignment, item.meeting, what=what[:200])
    return assignment


@transaction.atomic
def assignment_follow_up(*, actor: Actor, assignment: Assignment, item: AgendaItem, done: bool) -> None:
    """At a later meeting: mark an assignment done (closed in this §) or carry it on.

    The assignment may belong to a justerat record (only its follow-up fields change); the § it is followed up in
    must still be open.
    """
    meeting_for_writing(item.meeting_id, items=[item])
    if done:
        assignment.status = Assignment.Status.DONE
        assignment.closed_in = item
    else:
        assignment.status = Assignment.Status.OPEN
        assignment.closed_in = None
    assignment.save(update_fields=["status", "closed_in"])
    _audit("meetings.assignment.followed_up", actor, assignment, item.meeting, done=done)


def _add_follow_up_item(meeting: Meeting) -> None:
    """Open assignments of the body's earlier meetings come back under a follow-up item."""

    if open_assignments_before(meeting).exists():
        _append_item(meeting, heading=FOLLOW_UP_HEADING, kind=AgendaItem.Kind.INFORMATION)


@transaction.atomic
def item_continue(*, actor: Actor, earlier_item: AgendaItem, meeting: Meeting) -> AgendaItem:
    """Bring a referred-back or tabled matter to a later meeting, linked both ways."""
    meeting = meeting_for_writing(meeting.pk)
    if meeting.date <= earlier_item.meeting.date:
        raise ValidationError(_("Ärendet kan bara tas upp på ett senare möte."))
    item = _append_item(meeting, heading=earlier_item.heading, kind=earlier_item.kind, continues=earlier_item)
    item.projects.set(earlier_item.projects.all())
    renumber(meeting)
    _audit("meetings.item.continued", actor, item, meeting, earlier=earlier_item.pk)
    return item


# Attachments --------

ALLOWED_ATTACHMENTS = {
    ".pdf": ("application/pdf", b"%PDF"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ".png": ("image/png", b"\x89PNG"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".txt": ("text/plain", None),
}
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def check_upload(upload: UploadedFile) -> str:
    """The file's type (by extension and by its first bytes) and size; returns the content type."""
    import os

    extension = os.path.splitext(upload.name or "")[1].lower()
    if extension not in ALLOWED_ATTACHMENTS:
        raise ValidationError(_("Filtypen är inte tillåten. Tillåtna: PDF, Word, Excel, PNG, JPEG och text."))
    size = upload.size or 0
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("Filen är för stor (högst 10 MB)."))
    if size == 0:
        raise ValidationError(_("Filen är tom."))
    content_type, magic = ALLOWED_ATTACHMENTS[extension]
    head = upload.read(8)
    upload.seek(0)
    if magic is not None and not head.startswith(magic):
        raise ValidationError(_("Filens innehåll stämmer inte med filtypen %(ext)s.") % {"ext": extension})
    if magic is None and b"\x00" in upload.read(4096):
        raise ValidationError(_("Filen ser inte ut att vara text."))
    upload.seek(0)
    return content_type


@transaction.atomic
def attachment_add(
    *, actor: Actor, meeting: Meeting, upload: UploadedFile, item: AgendaItem | None = None
) -> Attachment:
    meeting = meeting_for_writing(meeting.pk, items=[item])
    content_type = check_upload(upload)
    name = upload.name or ""  # check_upload refused a file without a name (it has no type)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    attachment = Attachment(
        meeting=meeting,
        item=item,
        name=name[:255],
        content_type=content_type,
        size=upload.size or 0,
        sha256=digest.hexdigest(),
        uploaded_by=signed_in(actor),
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    _audit("meetings.attachment.added", actor, attachment, meeting, name=attachment.name)
    return attachment


# Anslag --------


@transaction.atomic
def kallelse_send(*, actor: Actor, meeting: Meeting) -> int:
    """Call everyone to the meeting: the kallelse goes to the outbox, one e-mail per person, and a task sends it after
    commit. `kallelse_sent_at` is set when an e-mail has actually gone out (meetings.outbox.tasks)."""
    meeting = meeting_for_writing(meeting.pk)
    reached, _missed = kallelse_recipients(meeting)
    recipients = [a.person.email for a in reached]
    if not recipients:
        raise ValidationError(_("Ingen av de kallade har en e-postadress i registret."))
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.CALLED
        meeting.save(update_fields=["status"])
    subject, body = kallelse_text(meeting)
    queued = mail_queue(
        kind=OutgoingMail.Kind.KALLELSE,
        meeting=meeting,
        recipients=recipients,
        subject=subject,
        body=body,
        attachment_name=f"sammantrade-{meeting.date:%Y-%m-%d}.ics",
        attachment=meeting_calendar(meeting),
    )
    _audit("meetings.kallelse.queued", actor, meeting, meeting, recipients=len(queued))
    return len(queued)


# Reservations and individual votes ----------------------------------------------------------------------------------


def _voters(item: AgendaItem) -> dict[int, Attendance]:
    return {a.pk: a for a in item_decision_makers(item)}


@transaction.atomic
def reservation_set(
    *, actor: Actor, decision: Decision, attendance: Attendance, reason: str = "", reserved: bool = True
) -> None:
    """Record (or withdraw) a member's dissent from a decision, with the written reason."""
    meeting_for_writing(decision.item.meeting_id, items=[decision.item])
    if attendance.meeting_id != decision.item.meeting_id:
        raise ValidationError(_("Personen finns inte på mötet."))
    if reserved and attendance.pk not in _voters(decision.item):
        raise ValidationError(
            _("Bara den som deltog i beslutet kan reservera sig. %(name)s var inte beslutande i § %(number)s.")
            % {"name": attendance.display_name, "number": decision.item.number}
        )
    if reserved:
        Reservation.objects.update_or_create(
            decision=decision, attendance=attendance, defaults={"reason": reason.strip()}
        )
    else:
        Reservation.objects.filter(decision=decision, attendance=attendance).delete()
    _audit(
        "meetings.reservation.set",
        actor,
        decision,
        decision.item.meeting,
        name=attendance.display_name,
        reserved=reserved,
    )


@transaction.atomic
def votes_set(*, actor: Actor, decision: Decision, choices: dict[int, str]) -> None:
    """Each member's vote in a votering ({attendance id: "ja" | "nej" | "avstar"}); the counts follow from them."""
    meeting_for_writing(decision.item.meeting_id, items=[decision.item])
    voters = _voters(decision.item)
    unknown = [pk for pk in choices if pk not in voters]
    if unknown:
        raise ValidationError(_("Bara de som får rösta i paragrafen kan ha en röst."))
    if any(choice not in Vote.Choice.values for choice in choices.values()):
        raise ValidationError(_("En röst är ja, nej eller avstår."))
    decision.votes.all().delete()
    Vote.objects.bulk_create(Vote(decision=decision, attendance_id=pk, choice=c) for pk, c in choices.items())
    counted = list(choices.values())
    decision.method = Decision.Method.VOTE
    decision.votes_yes = counted.count(Vote.Choice.YES)
    decision.votes_no = counted.count(Vote.Choice.NO)
    decision.votes_abstain = counted.count(Vote.Choice.ABSTAIN)
    decision.save(update_fields=["method", "votes_yes", "votes_no", "votes_abstain"])
    _audit("meetings.votes.set", actor, decision, decision.item.meeting, votes=len(choices))
