"""Reused reads of the justering, returned already joined."""

from typing import Any

from django.utils.translation import gettext as _

from federations.models import Person
from meetings.justering.extracts import addressed_decisions
from meetings.justering.protocol import describe_changes
from meetings.justering.services.sending import current_revision
from meetings.models import ItemComment, Meeting, OutgoingMail, ProtocolRevision, Signature


def revision_read(meeting: Meeting, number: int | None) -> ProtocolRevision | None:
    """The revision a signer read, as the justering page's link to the sign page says; without a number the current
    whole protocol."""
    if number is None:
        return current_revision(meeting)
    return meeting.revisions.filter(number=number).first()


def current_signatures(revision: ProtocolRevision | None) -> list[Signature]:
    """The signers of the current revision, each with the status to show. A signature lapses (void) when the
    protocol is sent back or taken back; the model's label "Upphävd (ny revision)" holds for earlier revisions only,
    so for the current one it says why it lapsed: no new revision exists yet."""
    if revision is None:
        return []
    signatures = list(revision.signatures.select_related("person"))
    sent_back = any(s.status == Signature.Status.RETURNED for s in signatures)
    lapsed = _("Upphävd (protokollet skickades tillbaka)") if sent_back else _("Upphävd (protokollet togs tillbaka)")
    for signature in signatures:
        label = lapsed if signature.status == Signature.Status.VOID else signature.get_status_display()
        signature.status_label = label  # type: ignore[attr-defined]  # shown by the template
    return signatures


def since_last_read(
    revision: ProtocolRevision | None, earlier: list[ProtocolRevision], person: Person | None
) -> dict[str, Any] | None:
    """For a signer who signed or sent back a revision more than one revision ago (sent back revision 1, asked to
    sign revision 3): what changed since the revision they last acted on, and the comments they wrote on it; the
    revision's own changes (from the one before) would hide what changed between. `earlier` comes with its
    signatures prefetched. None when the revision's own changes say it all."""
    if revision is None or person is None:
        return None

    def acted_on(earlier_revision: ProtocolRevision) -> bool:
        return any(
            s.person_id == person.pk and (s.signed_at is not None or s.status == Signature.Status.RETURNED)
            for s in earlier_revision.signatures.all()
        )

    acted = [r for r in earlier if r.number < revision.number and acted_on(r)]
    if not acted:
        return None
    last = max(acted, key=lambda r: r.number)
    if last.number == revision.number - 1:
        return None
    comments = ItemComment.objects.filter(revision=last, author=person).select_related("item").order_by("created")
    return {
        "revision": last,
        "changes": describe_changes(last.snapshot, revision.snapshot),
        "comments": list(comments),
    }


def extract_deliveries(meeting: Meeting) -> list[dict[str, Any]]:
    """For the justering page: per decision with recipients, each recipient and what became of their e-mail
    (sent, waiting, failing), and those the portal cannot reach (no address), who must be sent it another way."""
    decisions = addressed_decisions(meeting.items.values("pk"))
    mails = {
        (m.decision_id, m.recipient): m
        for m in OutgoingMail.objects.filter(meeting=meeting, kind=OutgoingMail.Kind.EXTRACT)
    }
    rows = []
    for decision in decisions:
        for recipient in decision.addressees.all():
            rows.append(
                {
                    "decision": decision,
                    "label": recipient.label,
                    "address": recipient.address,
                    "mail": mails.get((decision.pk, recipient.address)) if recipient.address else None,
                }
            )
    return rows
