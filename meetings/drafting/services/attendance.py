"""Who is called, who comes and in what role, who stands in for whom, and who has jäv in a §."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.models import Mandate, Person, active_on
from federations.permissions import roles_for
from finsam.collation import swedish_sort_key
from finsam.types import Actor
from finsam.validators import validate_typed_fields
from meetings.drafting.kallelse import absence_text, call_in_text
from meetings.drafting.selectors import mandate_changes
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, audit, sent_from
from meetings.guards import meeting_for_writing
from meetings.models import AgendaItem, Attendance, Meeting, OutgoingMail, Recusal
from meetings.outbox.services import mail_queue_translated
from meetings.printing.paragraphs import MAX_PARAGRAPH_RUN, paragraph_list, paragraph_numbers, paragraph_range


def attendance_prefill(meeting: Meeting) -> None:
    """Call everyone with a mandate in the body on the meeting date, in the order a protocol lists them."""
    if meeting.attendances.exists():
        return
    mandates = list(
        Mandate.objects.filter(active_on(meeting.date), body=meeting.body).select_related("person", "organisation")
    )
    rank = Mandate.ROLE_ORDER
    by_rank = sorted(mandates, key=lambda m: (rank[m.role], swedish_sort_key(m.person.name)))
    # Ersättare in call-in order; a personal ersättare follows the order of the ledamot they stand in for.
    seat = {m.pk: index for index, m in enumerate(by_rank)}

    def call_in(mandate: Mandate) -> int:
        if mandate.substitute_for_id in seat:
            return seat[mandate.substitute_for_id]
        return mandate.substitute_order or 0

    ordered = sorted(mandates, key=lambda m: (rank[m.role], call_in(m), swedish_sort_key(m.person.name)))
    Attendance.objects.bulk_create(called(meeting, mandate, position=index) for index, mandate in enumerate(ordered))


def called(meeting: Meeting, mandate: Mandate, *, position: int = 0) -> Attendance:
    """The attendance row (unsaved) of one called on a mandate: present until told otherwise, in the mandate's role."""
    return Attendance(
        meeting=meeting,
        person=mandate.person,
        name=mandate.person.name,
        role=mandate.role,
        role_title=mandate.role_title,
        organisation=mandate.organisation,
        represents=mandate.represents,
        position=position,
        status=Attendance.Status.PRESENT,
    )


def attendance_follow_mandates(meeting: Meeting) -> None:
    """Bring the list of who is called in line with the mandates on the meeting's day (the caller holds the meeting's
    lock): holders of a mandate added since are called, untouched rows of people whose mandates have ended go."""
    changes = mandate_changes(meeting)
    if changes.untouched:
        Attendance.objects.filter(pk__in=changes.untouched).delete()
    if not changes.missing:
        return
    after = (meeting.attendances.aggregate(last=Max("position"))["last"] or 0) + 1
    rank = Mandate.ROLE_ORDER
    added = sorted(
        changes.missing, key=lambda m: (rank[m.role], m.substitute_order or 0, swedish_sort_key(m.person.name))
    )
    Attendance.objects.bulk_create(
        called(meeting, mandate, position=after + index) for index, mandate in enumerate(added)
    )


@transaction.atomic
def attendance_refresh(*, actor: Actor, meeting: Meeting) -> None:
    """The secretary brings the attendance list in line with the register (what sending the kallelse does too)."""
    locked = meeting_for_writing(meeting.pk)
    attendance_follow_mandates(locked)
    audit("meetings.attendance.refreshed", actor, locked, locked)


def attendance_names_follow(person: Person) -> None:
    """A person renamed in the register is renamed on the attendance lists of records still being written; a record
    sent for justering, justerat or imported keeps the name it was written with (what its signers read)."""
    Attendance.objects.filter(
        person=person,
        meeting__imported=False,
        meeting__status__in=[Meeting.Status.PLANNED, Meeting.Status.CALLED, Meeting.Status.DRAFT],
    ).update(name=person.name)


def parse_paragraphs(value: str | None) -> str:
    """Normalise "§ 1-4", "§§1–4, 6", "tjg § 36-40" to "1-4, 6"; raise ValidationError for anything else."""
    text = (value or "").replace("–", "-").replace("§", " ").lower().replace("tjg", " ").strip()
    if not text:
        return ""
    parts: list[str] = []
    for part in re.split(r"[,\s]+(?=\d)", text):
        part = part.strip(" ,")
        match = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise ValidationError({"paragraphs": _("Ange paragrafer som t.ex. 1-4 eller 2, 5-7.")})
        if match.group(2) and int(match.group(2)) - int(match.group(1)) >= MAX_PARAGRAPH_RUN:
            too_long = _("Ett intervall får omfatta högst %(count)s paragrafer.") % {"count": MAX_PARAGRAPH_RUN}
            raise ValidationError({"paragraphs": too_long})
        parts.append(f"{match.group(1)}-{match.group(2)}" if match.group(2) else match.group(1))
    return ", ".join(parts)


class AttendanceAlreadyAdded(AlreadyAdded):
    """The form that adds someone to the attendance was sent again: their row (`attendance`) is already there, and
    nothing more was added."""

    def __init__(self, attendance: Attendance) -> None:
        super().__init__(attendance)
        self.attendance = attendance


ATTENDANCE_SAVED = "meetings.attendance.saved"


@transaction.atomic
def attendance_save(
    *, actor: Actor, meeting: Meeting, attendance: Attendance | None = None, form_token: str = "", **fields: Any
) -> Attendance:
    """Add someone to the attendance, or change their row. `form_token`, of a row added: the one the form was shown
    with; if a post of the same form already added its row, raise AttendanceAlreadyAdded with it instead."""
    meeting = meeting_for_writing(meeting.pk)
    if attendance is None and (earlier := added_from_form(ATTENDANCE_SAVED, meeting.attendances.all(), form_token)):
        raise AttendanceAlreadyAdded(earlier)
    # a row names someone, when it is added and when it is changed (a cleared person and name left nobody)
    person = fields.get("person", attendance.person if attendance is not None else None)
    name = fields.get("name", attendance.name if attendance is not None else "")
    if person is None and not (name or "").strip():
        raise ValidationError({"name": _("Välj en person eller skriv ett namn.")})
    validate_typed_fields(Attendance, fields)
    fields["paragraphs"] = parse_paragraphs(fields.get("paragraphs", ""))
    serving_for = fields.get("serving_for")
    if serving_for is not None and serving_for.meeting_id != meeting.pk:
        raise ValidationError({"serving_for": _("Den ersatta personen finns inte på mötet.")})
    _check_paragraphs_exist(meeting, fields["paragraphs"])
    if serving_for is not None:
        _check_service(meeting, attendance, serving_for, fields["paragraphs"])
    created = attendance is None
    if attendance is None:
        last = meeting.attendances.aggregate(last=Max("position"))["last"]
        attendance = Attendance(meeting=meeting, position=(last or 0) + 1)
    for name, value in fields.items():
        setattr(attendance, name, value)
    if attendance.person is not None:  # the row names its person as the register does while it is written
        attendance.name = attendance.person.name
    attendance.save()
    once = sent_from(form_token) if created else {}
    audit(ATTENDANCE_SAVED, actor, attendance, meeting, created=created, name=attendance.display_name, **once)
    return attendance


def _check_paragraphs_exist(meeting: Meeting, paragraphs: str) -> None:
    """ "Endast §§ 99-120" on a meeting of §§ 11-18 is a slip; before the agenda has numbers nothing can be said."""
    numbers = set(meeting.items.exclude(number=None).values_list("number", flat=True))
    missing = paragraph_numbers(paragraphs) - numbers
    if numbers and missing:
        raise ValidationError(
            {
                "paragraphs": _("§ %(missing)s finns inte på mötet, som har %(range)s.")
                % {"missing": paragraph_list(missing), "range": paragraph_range(sorted(numbers))}
            }
        )


def _check_service(meeting: Meeting, attendance: Attendance | None, served: Attendance, paragraphs: str) -> None:
    """An ersättare serves for one ledamot who is not there: never for one who is not a ledamot (or who serves for
    someone else), never beside another ersättare serving for the same ledamot in the same §§ (both would vote),
    and never for the whole meeting for a ledamot there the whole meeting (a § with jäv is given as §§)."""
    if attendance is not None and served.pk == attendance.pk:
        raise ValidationError({"serving_for": _("Ingen kan tjänstgöra för sig själv.")})
    if served.role not in {str(role) for role in Mandate.VOTING_ROLES} or served.serving_for_id is not None:
        raise ValidationError(
            {"serving_for": _("%(name)s är inte ledamot: en ersättare tjänstgör för en ledamot.") % {"name": served}}
        )
    mine = paragraph_numbers(paragraphs)
    others = meeting.attendances.filter(serving_for=served)
    if attendance is not None:
        others = others.exclude(pk=attendance.pk)
    for other in others:
        theirs = paragraph_numbers(other.paragraphs)
        if not mine or not theirs or mine & theirs:
            raise ValidationError(
                {
                    "serving_for": _("%(other)s tjänstgör redan för %(name)s%(where)s: två kan inte ha samma plats.")
                    % {
                        "other": other,
                        "name": served,
                        "where": f" (§ {paragraph_list(mine & theirs)})" if mine & theirs else "",
                    }
                }
            )
    if served.status == Attendance.Status.PRESENT and not served.paragraphs and not mine:
        raise ValidationError(
            {
                "serving_for": _(
                    "%(name)s är med under hela mötet. Anmäl %(name)s som frånvarande, eller ange de §§ ersättaren "
                    "tjänstgör i (t.ex. vid jäv)."
                )
                % {"name": served}
            }
        )


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
    if attendance.status == Attendance.Status.EXCUSED:
        return attendance  # reported already: the secretary was told then
    attendance.status = Attendance.Status.EXCUSED
    attendance.save(update_fields=["status"])
    audit("meetings.attendance.excused", actor, attendance, meeting, name=attendance.display_name)
    secretary = meeting.secretary
    if secretary is not None and secretary.email:
        mail_queue_translated(
            kind=OutgoingMail.Kind.ABSENCE,
            meeting=meeting,
            recipients=[secretary.email],
            compose=lambda language: absence_text(meeting, attendance, language),
        )
    return attendance


@transaction.atomic
def substitute_call_in(
    *, actor: Actor, meeting: Meeting, substitute: Attendance, absent: Attendance, paragraphs: str = ""
) -> Attendance:
    """The ersättare serves for the absent ledamot (for `paragraphs`, when the ledamot is away from some §§ only),
    and is told so by e-mail (when the register has an address)."""
    attendance = attendance_save(
        actor=actor,
        meeting=meeting,
        attendance=substitute,
        serving_for=absent,
        paragraphs=paragraphs or substitute.paragraphs,
    )
    if substitute.person is not None and substitute.person.email:
        mail_queue_translated(
            kind=OutgoingMail.Kind.CALL_IN,
            meeting=meeting,
            recipients=[substitute.person.email],
            compose=lambda language: call_in_text(meeting, substitute, absent, language),
            actor=actor,
        )
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
    audit("meetings.recusal.set", actor, item, item.meeting, attendance=attendance.display_name, recused=recused)
