"""Reused reads of the justering, returned already joined."""

from typing import Any

from django.utils.translation import gettext as _

from meetings.justering.extracts import addressed_decisions
from meetings.models import Meeting, OutgoingMail, ProtocolRevision, Signature


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
