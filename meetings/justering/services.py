"""Justering: send a protokoll for signing, comment, send back, sign, and freeze it. Every write is audited."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from federations.linking import signing_of
from federations.models import Person
from federations.permissions import roles_for
from federations.trust import PersonIdentity
from finsam.audit import log_action
from finsam.encryption import encrypt
from finsam.types import Actor, signed_in
from meetings.calendar.dates import last_day_to_appeal
from meetings.drafting.services.decisions import ensure_only_decision_makers_voted
from meetings.guards import ensure_item_editable, justerade_extract_item_ids, meeting_locked, numbering_locked
from meetings.justering import mail, tasks
from meetings.justering.protocol import describe_changes, digest, snapshot
from meetings.models import (
    AgendaItem,
    Anslag,
    Correction,
    Decision,
    ItemComment,
    Meeting,
    ProtocolRevision,
    Signature,
    SignedDocument,
)
from meetings.register.indexing import index_meeting

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


def _audit(action: str, actor: Actor, obj: Model, meeting: Meeting, **data: Any) -> None:
    log_action(action, actor=actor, obj=obj, federation=meeting.body.federation, **data)


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
    _audit("meetings.extract.sent", actor, meeting, meeting, revision=revision.number, items=sorted(chosen))
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
    _audit(
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


@dataclass(frozen=True)
class EidProof:
    """A verified e-legitimation (finsam.oidc): whose number it was, through which provider, at what level."""

    keyed_hash: str
    provider: str
    provider_name: str
    level: str
    id_token: str


EID_METHOD = "eid"


def check_signing_method(meeting: Meeting, person: Person, method: str, eid: EidProof | None) -> None:
    """The federation's rules for how its signers justera, and, with e-legitimation, that it was the signer."""
    federation = meeting.body.federation
    policy = signing_of(federation) if federation is not None else None
    if eid is None:
        if policy is not None and policy.eid_required:
            raise ValidationError(_("Förbundet kräver att protokoll justeras med e-legitimation."))
        return
    if policy is not None and eid.provider not in policy.providers:
        raise ValidationError(_("Förbundet tillåter inte justering med %(name)s.") % {"name": eid.provider_name})
    linked = PersonIdentity.objects.filter(person=person).values_list("keyed_hash", flat=True).first()
    if linked is None:
        raise ValidationError(
            _("Inget personnummer är kopplat till dig. Koppla e-legitimation först, eller be förbundets administratör.")
        )
    if linked != eid.keyed_hash:
        raise ValidationError(_("E-legitimationen tillhör en annan person än den som ska justera. Inget har sparats."))


def _signer_person(actor: Actor) -> Person:
    person = roles_for(actor).person
    if person is None:
        raise ValidationError(_("Ditt konto är inte kopplat till en person i registret."))
    return person


def _under_justering(meeting: Meeting, read: int | None = None, text: str = "") -> ProtocolRevision:
    """The revision under justering, if it is the one the signer `read`: else a comment or a send-back would land
    on a text they have not seen (what they wrote is given back)."""
    revision = current_revision(meeting)
    if meeting.status != Meeting.Status.IN_JUSTERING or revision is None:
        raise ValidationError(_("Protokollet är inte under justering."))
    if read is not None and read != revision.number:
        changed = _("Protokollet har ändrats sedan du öppnade det. Läs den nya versionen först. Inte sparat: %(text)s")
        raise ValidationError(changed % {"text": text})
    return revision


@transaction.atomic
def comment_add(
    *, actor: Actor, meeting: Meeting, item: AgendaItem, text: str | None, read: int | None = None
) -> ItemComment:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv en kommentar.")})
    meeting = meeting_locked(meeting.pk)
    revision = _under_justering(meeting, read, text)
    if item.meeting_id != meeting.pk:
        raise ValidationError(_("Paragrafen hör inte till protokollet."))
    ensure_item_editable(item, justerade_extract_item_ids(meeting))
    comment = ItemComment.objects.create(item=item, revision=revision, author=_signer_person(actor), text=text)
    _audit("meetings.minutes.commented", actor, comment, meeting, item=item.pk)
    return comment


@transaction.atomic
def protocol_send_back(*, actor: Actor, meeting: Meeting, reason: str | None, read: int | None = None) -> None:
    """A signer returns the protokoll to the secretary with a reason; the revision's signatures lapse."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv varför protokollet skickas tillbaka.")})
    meeting = meeting_locked(meeting.pk)
    revision = _under_justering(meeting, read, reason)
    person = _signer_person(actor)
    mine = revision.signatures.filter(person=person, status=Signature.Status.PENDING)
    if not mine.exists():
        raise ValidationError(_("Du har ingen justering kvar att göra i den här revisionen."))
    mine.update(status=Signature.Status.RETURNED, reason=reason)
    revision.signatures.exclude(status=Signature.Status.RETURNED).update(status=Signature.Status.VOID)
    meeting.status = Meeting.Status.DRAFT
    meeting.save(update_fields=["status", "updated"])
    _audit("meetings.minutes.sent_back", actor, meeting, meeting, revision=revision.number, reason=reason)
    mail.sent_back_notify(revision, person, actor)


@transaction.atomic
def protocol_reopen(*, actor: Actor, meeting: Meeting) -> None:
    """The secretary takes the protokoll back to make changes; every signature given so far lapses."""
    meeting = meeting_locked(meeting.pk)
    revision = _under_justering(meeting)
    revision.signatures.update(status=Signature.Status.VOID)
    meeting.status = Meeting.Status.DRAFT
    meeting.save(update_fields=["status", "updated"])
    _audit("meetings.minutes.reopened", actor, meeting, meeting, revision=revision.number)


@transaction.atomic
def protocol_sign(
    *,
    actor: Actor,
    meeting: Meeting,
    revision_number: int,
    method: str,
    ip_address: str | None = None,
    user_agent: str | None = "",
    eid: EidProof | None = None,
) -> list[Signature]:
    """Sign the current revision. The meeting row is locked, so two signers at the same moment are both recorded.
    With `eid`, the signer justerar with e-legitimation: recorded only if the identity number is the signer's."""
    meeting = meeting_locked(meeting.pk)
    person = _signer_person(actor)
    check_signing_method(meeting, person, method, eid)
    # A second tap on the button (or a form sent again) after the first was recorded: not "the protocol changed".
    mine = Signature.objects.filter(revision__meeting=meeting, revision__number=revision_number, person=person)
    if mine.filter(status=Signature.Status.SIGNED).exists():
        raise ValidationError(_("Du har redan justerat revision %(n)s.") % {"n": revision_number})
    revision = meeting.revisions.filter(number=revision_number).first()
    if revision is not None and revision.kind == ProtocolRevision.Kind.EXTRACT:
        return _sign_extract(actor, meeting, revision, method, ip_address, user_agent, eid)
    revision = current_revision(meeting)
    if meeting.status != Meeting.Status.IN_JUSTERING or revision is None or revision.number != revision_number:
        raise ValidationError(
            _("Protokollet har ändrats sedan du öppnade det. Läs den nya versionen innan du justerar.")
        )
    pending = _record_signatures(actor, revision, method, ip_address, user_agent, eid)
    facts = {"revision": revision.number, "sha256": revision.sha256, "method": method}
    _audit("meetings.minutes.signed", actor, meeting, meeting, provider=eid.provider if eid else "", **facts)
    if not revision.signatures.exclude(status=Signature.Status.SIGNED).exists():
        protocol_finalise(actor=actor, meeting=meeting, revision=revision)
    return pending


def _sign_extract(
    actor: Actor,
    meeting: Meeting,
    revision: ProtocolRevision,
    method: str,
    ip_address: str | None,
    user_agent: str | None,
    eid: EidProof | None,
) -> list[Signature]:

    pending = _record_signatures(actor, revision, method, ip_address, user_agent, eid)
    _audit("meetings.extract.signed", actor, meeting, meeting, revision=revision.number, sha256=revision.sha256)
    if not revision.signatures.exclude(status=Signature.Status.SIGNED).exists():
        document, _created = SignedDocument.objects.get_or_create(meeting=meeting, revision=revision)
        _audit("meetings.extract.justerat", actor, meeting, meeting, revision=revision.number, items=revision.item_ids)
        tasks.render_signed_pdf.delay_on_commit(document.pk)
    return pending


def _record_signatures(
    actor: Actor,
    revision: ProtocolRevision,
    method: str,
    ip_address: str | None,
    user_agent: str | None,
    eid: EidProof | None = None,
) -> list[Signature]:
    person = _signer_person(actor)
    pending = list(revision.signatures.filter(person=person, status=Signature.Status.PENDING))
    if not pending:
        raise ValidationError(_("Du har ingen justering kvar att göra i den här revisionen."))
    now = timezone.now()
    for signature in pending:
        signature.status = Signature.Status.SIGNED
        signature.signed_at = now
        signature.signed_name = person.name
        signature.method = EID_METHOD if eid else method
        if eid is not None:
            signature.provider, signature.provider_name = eid.provider, eid.provider_name[:100]
            # The ID token carries the identity number: kept as evidence, encrypted (finsam.encryption).
            signature.level, signature.evidence = eid.level[:200], encrypt(eid.id_token.encode()).decode()
        signature.sha256 = revision.sha256
        signature.ip_address = ip_address
        signature.user_agent = (user_agent or "")[:500]
        signature.save()
    return pending


def protocol_finalise(*, actor: Actor, meeting: Meeting, revision: ProtocolRevision) -> None:
    """Everyone has signed the same revision: the record is justerat, posted, and its PDF is rendered.

    Called by protocol_sign with the meeting locked; a record is finalised once, from under justering.
    """
    if (
        meeting.status != Meeting.Status.IN_JUSTERING
        or revision.signatures.exclude(status=Signature.Status.SIGNED).exists()
    ):
        raise ValidationError(_("Bara ett protokoll som alla har justerat kan bli justerat."))
    meeting.status = Meeting.Status.JUSTERAT
    meeting.justerad_at = timezone.now()
    meeting.save(update_fields=["status", "justerad_at", "updated"])
    document, _created = SignedDocument.objects.get_or_create(meeting=meeting, revision=revision)
    posted = timezone.localdate()
    Anslag.objects.get_or_create(
        meeting=meeting, defaults={"posted_on": posted, "appeal_until": last_day_to_appeal(posted)}
    )
    index_meeting(meeting)
    _audit("meetings.minutes.justerat", actor, meeting, meeting, revision=revision.number, sha256=revision.sha256)
    tasks.render_signed_pdf.delay_on_commit(document.pk)


@transaction.atomic
def notes_approve(*, actor: Actor, meeting: Meeting) -> None:
    """Minnesanteckningar are approved (lagda till handlingarna), not signed."""
    meeting = meeting_locked(meeting.pk)
    if meeting.is_protocol:
        raise ValidationError(_("Ett protokoll justeras; det läggs inte bara till handlingarna."))
    if meeting.is_frozen:
        raise ValidationError(_("Minnesanteckningarna är redan godkända."))
    meeting.status = Meeting.Status.APPROVED
    meeting.justerad_at = timezone.now()
    meeting.save(update_fields=["status", "justerad_at", "updated"])
    index_meeting(meeting)
    _audit("meetings.notes.approved", actor, meeting, meeting)


@transaction.atomic
def document_retry(*, actor: Actor, document: SignedDocument) -> None:
    """Try again a PDF that failed, or that no worker is at: pending or rendering past its lease."""
    retryable = SignedDocument.objects.filter(status=SignedDocument.Status.FAILED) | tasks.claimable_documents(
        timezone.now()
    )
    updated = retryable.filter(pk=document.pk).update(
        status=SignedDocument.Status.PENDING, error="", claim="", claimed_at=None
    )
    if not updated:
        raise ValidationError(_("PDF:en håller redan på att skapas eller är klar."))
    _audit("meetings.pdf.retried", actor, document.meeting, document.meeting)
    tasks.render_signed_pdf.delay_on_commit(document.pk)


@transaction.atomic
def correction_add(*, actor: Actor, item: AgendaItem, text: str | None) -> Correction:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv rättelsen.")})
    if not meeting_locked(item.meeting_id).is_frozen:
        raise ValidationError(_("Ett utkast rättas direkt i texten; rättelser gäller justerade protokoll."))
    correction = Correction.objects.create(item=item, text=text, created_by=signed_in(actor))
    _audit("meetings.minutes.corrected", actor, correction, item.meeting, item=item.pk)
    return correction


@transaction.atomic
def signed_document_damaged(*, actor: Actor, document: SignedDocument, found: str) -> None:
    """A sealed PDF read back from the file store is not the one sealed (`found`: the SHA-256 of what the store
    returned, or "missing"): recorded for the administrators; the bytes are never handed out."""
    facts = {"revision": document.revision.number, "expected": document.sha256, "file": document.file.name}
    _audit("meetings.protocol.damaged", actor, document, document.meeting, found=found, **facts)
