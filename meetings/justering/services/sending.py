"""Sending for justering: the checks a protocol (or the §§ justerade at the meeting) passes before it goes to its
signers, and the frozen revision they are asked to sign."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from federations.models import Person
from finsam.types import Actor, signed_in
from meetings.drafting.services.decisions import ensure_only_decision_makers_voted
from meetings.guards import justerade_extract_item_ids, meeting_locked, numbering_locked
from meetings.justering import mail
from meetings.justering.protocol import describe_changes, digest, snapshot
from meetings.justering.services.audit import audit
from meetings.models import (
    Decision,
    Meeting,
    ProtocolRevision,
    Signature,
)

DEFAULT_DEADLINE_DAYS = 14


OPEN_FOR_SENDING = (Meeting.Status.PLANNED, Meeting.Status.CALLED, Meeting.Status.DRAFT)
# An imported record of a meeting older than this is history (most often justerat on paper long ago, and filed as
# such): justered online now, it is posted on the day it is justerat and its appeal period runs from then, so the
# secretary must have seen that and chosen it.
LATE_IMPORT_DAYS = 60


def is_late_import(meeting: Meeting) -> bool:
    return meeting.imported and (timezone.localdate() - meeting.date).days > LATE_IMPORT_DAYS


def _check_late_import(meeting: Meeting, late_confirmed: bool) -> None:
    if is_late_import(meeting) and not late_confirmed:
        raise ValidationError(
            _(
                "Protokollet är importerat från ett sammanträde den %(date)s. Var det justerat på papper, lägg det "
                "till handlingarna i stället (på mötets sida): då får det inget nytt anslag. Ska det justeras nu, "
                "bekräfta att anslaget sätts upp först när det är justerat och att överklagandetiden räknas från "
                "den dagen."
            )
            % {"date": formats.date_format(meeting.date, "j F Y")}
        )


def required_signers(meeting: Meeting) -> list[tuple[Person, str]]:
    """The chair of the meeting, the justerare, and the secretary ("Vid protokollet")."""
    errors: list[str] = []
    if meeting.chair is None:
        errors.append(_("Ange mötets ordförande."))
    justerare = list(meeting.justerare.all())
    if not justerare:
        errors.append(_("Ange minst en justerare (under Val av justerare)."))
    if meeting.secretary is None:
        errors.append(_("Ange mötets sekreterare."))
    if errors or meeting.chair is None or meeting.secretary is None:
        raise ValidationError(errors)
    signers: list[tuple[Person, str]] = [(meeting.chair, Signature.Role.CHAIR)]
    signers += [(person, Signature.Role.JUSTERARE) for person in justerare if person != meeting.chair]
    signers.append((meeting.secretary, Signature.Role.SECRETARY))
    return signers


def current_revision(meeting: Meeting) -> ProtocolRevision | None:
    """The latest revision of the whole protocol (extracts for omedelbar justering are separate)."""
    return meeting.revisions.filter(kind=ProtocolRevision.Kind.FULL).order_by("-number").first()


def ensure_votes_counted(meeting: Meeting) -> None:
    """A decision by votering goes to the signers with its result: the counts typed, or each member's vote."""
    uncounted = (
        Decision.objects.filter(item__meeting=meeting, method=Decision.Method.VOTE)
        .filter(votes_yes__isnull=True, votes_no__isnull=True, votes_abstain__isnull=True)
        .values_list("item__number", flat=True)
    )
    if numbers := sorted({n for n in uncounted if n is not None}):
        raise ValidationError(
            _("Rösterna saknas för voteringen i § %(numbers)s: ange dem eller varje ledamots röst.")
            % {"numbers": ", ".join(str(n) for n in numbers)}
        )


def ensure_meeting_has_taken_place(meeting: Meeting) -> None:
    """A protocol records what happened: it is justerat only once the meeting has been held (a meeting of today may
    justera §§ at once, omedelbar justering)."""
    if meeting.date > timezone.localdate():
        raise ValidationError(
            _("Sammanträdet den %(date)s har inte hållits än. Protokollet kan justeras först efter sammanträdet.")
            % {"date": meeting.date.isoformat()}
        )


def _check_deadline(meeting: Meeting, deadline: datetime.date | None) -> None:
    """A last day to justera before the meeting was held is a slip of the keyboard, never a deadline."""
    if deadline is not None and deadline < meeting.date:
        raise ValidationError(
            _("Sista dag för justering kan inte vara före mötet (%(date)s).")
            % {"date": formats.date_format(meeting.date, "j F Y")}
        )


def _default_deadline(meeting: Meeting) -> datetime.date:
    """Two weeks after the meeting; for a record of a meeting long past sent now, two weeks from today."""
    start = timezone.localdate() if is_late_import(meeting) else meeting.date
    return start + datetime.timedelta(days=DEFAULT_DEADLINE_DAYS)


def _next_number(meeting: Meeting) -> int:
    last = meeting.revisions.order_by("-number").first()
    return last.number + 1 if last else 1


@transaction.atomic
def extract_send_for_justering(
    *, actor: Actor, meeting: Meeting, deadline: datetime.date | None = None
) -> ProtocolRevision:
    """Omedelbar justering: the §§ marked for it are signed on their own, at the meeting, and get an extract."""
    meeting = meeting_locked(meeting.pk)
    numbering_locked(meeting.body)  # the extract fixes its §§' numbers: no renumbering may be moving them
    if not meeting.is_protocol or meeting.status not in OPEN_FOR_SENDING:
        raise ValidationError(_("Bara ett protokoll under arbete kan ha omedelbart justerade paragrafer."))
    ensure_meeting_has_taken_place(meeting)
    if is_late_import(meeting):
        raise ValidationError(
            _(
                "Omedelbar justering sker vid sammanträdet. Ett importerat protokoll från ett sammanträde för länge "
                "sedan justeras i sin helhet, eller läggs till handlingarna."
            )
        )
    _check_deadline(meeting, deadline)
    signers = required_signers(meeting)
    done = justerade_extract_item_ids(meeting)
    waiting = meeting.revisions.filter(kind=ProtocolRevision.Kind.EXTRACT, signatures__status=Signature.Status.PENDING)
    if waiting.exists():
        raise ValidationError(_("Ett protokollsutdrag väntar redan på justering."))
    items = [i for i in meeting.items.filter(immediate_justering=True).order_by("position") if i.pk not in done]
    if not items:
        raise ValidationError(_("Markera först de paragrafer som ska justeras omedelbart."))
    ensure_only_decision_makers_voted(meeting, items)
    data = snapshot(meeting)
    chosen = {item.pk for item in items}
    data["items"] = [item for item in data["items"] if item["id"] in chosen]
    revision = ProtocolRevision.objects.create(
        meeting=meeting,
        number=_next_number(meeting),
        kind=ProtocolRevision.Kind.EXTRACT,
        item_ids=sorted(chosen),
        snapshot=data,
        sha256=digest(data),
        deadline=deadline or meeting.date,
        created_by=signed_in(actor),
    )
    Signature.objects.bulk_create(Signature(revision=revision, person=person, role=role) for person, role in signers)
    audit("meetings.extract.sent", actor, meeting, meeting, revision=revision.number, items=sorted(chosen))
    mail.signers_notify(revision, actor)
    return revision


@transaction.atomic
def protocol_send_for_justering(
    *, actor: Actor, meeting: Meeting, deadline: datetime.date | None = None, late_confirmed: bool = False
) -> ProtocolRevision:
    """Freeze a revision of the record and ask its signers to justera it. An imported record of a meeting long past
    is sent only when the secretary has `late_confirmed` that its notice and appeal period run from its justering."""
    meeting = meeting_locked(meeting.pk)
    numbering_locked(meeting.body)  # the revision fixes the §§' numbers: no renumbering may be moving them
    if not meeting.is_protocol:
        raise ValidationError(_("Minnesanteckningar justeras inte: de läggs till handlingarna."))
    if meeting.status not in OPEN_FOR_SENDING:
        raise ValidationError(_("Protokollet är redan skickat på justering eller justerat."))
    ensure_meeting_has_taken_place(meeting)
    _check_late_import(meeting, late_confirmed)
    _check_deadline(meeting, deadline)
    signers = required_signers(meeting)
    if not meeting.items.exists():
        raise ValidationError(_("Protokollet har inga paragrafer."))
    ensure_votes_counted(meeting)
    ensure_only_decision_makers_voted(meeting)
    previous = current_revision(meeting)
    data = snapshot(meeting)
    revision = ProtocolRevision.objects.create(
        meeting=meeting,
        number=_next_number(meeting),
        snapshot=data,
        sha256=digest(data),
        changes=describe_changes(previous.snapshot, data) if previous else "",
        deadline=deadline or _default_deadline(meeting),
        created_by=signed_in(actor),
    )
    Signature.objects.bulk_create(Signature(revision=revision, person=person, role=role) for person, role in signers)
    meeting.status = Meeting.Status.IN_JUSTERING
    meeting.save(update_fields=["status", "updated"])
    audit(
        "meetings.minutes.sent_for_justering",
        actor,
        meeting,
        meeting,
        revision=revision.number,
        sha256=revision.sha256,
        **({"late_import_confirmed": True} if is_late_import(meeting) else {}),
    )
    mail.signers_notify(revision, actor)
    return revision
