"""Signing: how a signer may justera (the federation's rules, e-legitimation), recording the signature, and the record
justerat once everyone has signed the same revision."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from federations.linking import signing_of
from federations.models import Person
from federations.permissions import roles_for
from federations.trust import PersonIdentity
from finsam.encryption import encrypt
from finsam.types import Actor
from meetings.calendar.dates import last_day_to_appeal
from meetings.guards import meeting_locked
from meetings.justering import tasks
from meetings.justering.services.audit import audit
from meetings.justering.services.sending import current_revision
from meetings.models import (
    Anslag,
    Meeting,
    ProtocolRevision,
    Signature,
    SignedDocument,
)
from meetings.printing.typed_text import layout_at_seal
from meetings.register.indexing import index_meeting


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


def signer_person(actor: Actor) -> Person:
    person = roles_for(actor).person
    if person is None:
        raise ValidationError(_("Ditt konto är inte kopplat till en person i registret."))
    return person


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
    person = signer_person(actor)
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
    audit("meetings.minutes.signed", actor, meeting, meeting, provider=eid.provider if eid else "", **facts)
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
    audit("meetings.extract.signed", actor, meeting, meeting, revision=revision.number, sha256=revision.sha256)
    if not revision.signatures.exclude(status=Signature.Status.SIGNED).exists():
        if meeting.typed_layout is None:  # the whole protocol, sealed later, prints as this extract does
            layout_at_seal(meeting)
            meeting.save(update_fields=["typed_layout"])
        document, _created = SignedDocument.objects.get_or_create(meeting=meeting, revision=revision)
        audit("meetings.extract.justerat", actor, meeting, meeting, revision=revision.number, items=revision.item_ids)
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
    person = signer_person(actor)
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
    layout_at_seal(meeting)
    meeting.save(update_fields=["status", "justerad_at", "typed_layout", "updated"])
    document, _created = SignedDocument.objects.get_or_create(meeting=meeting, revision=revision)
    posted = timezone.localdate()
    Anslag.objects.get_or_create(
        meeting=meeting, defaults={"posted_on": posted, "appeal_until": last_day_to_appeal(posted)}
    )
    index_meeting(meeting)
    audit("meetings.minutes.justerat", actor, meeting, meeting, revision=revision.number, sha256=revision.sha256)
    tasks.render_signed_pdf.delay_on_commit(document.pk)
