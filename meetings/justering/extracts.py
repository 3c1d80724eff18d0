"""Protokollsutdrag by e-mail: once a justerat protocol is sealed, each decision goes to the recipients named under
"Beslutet skickas till", as an extract of its § (the protocol's header, the §, the signers, sealed) with the link to
the whole sealed protocol.

The PDF task renders the extracts with the protocol and queues the e-mail in the transaction that stores the sealed
protocol, so the e-mail exists exactly when the protocol does; the outbox's unique (decision, address) keeps it to
one e-mail per recipient and decision whatever runs twice.
"""

from functools import partial

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from meetings.justering import pdf
from meetings.models import Decision, DecisionRecipient, OutgoingMail, ProtocolRevision
from meetings.outbox.services import mail_queue_translated
from meetings.printing import seal


def addressed_decisions(meeting_or_item_ids):
    """The decisions with recipients, with their recipients and people, in two queries."""
    recipients = DecisionRecipient.objects.select_related("person").order_by("id")
    return list(
        Decision.objects.filter(item_id__in=meeting_or_item_ids, addressees__isnull=False)
        .distinct()
        .select_related("item")
        .prefetch_related(Prefetch("addressees", queryset=recipients))
        .order_by("item__position", "position", "id")
    )


def protocol_url(meeting_id):
    return settings.SITE_URL + reverse("meetings:protocol_pdf", args=[meeting_id])


def render_extracts(document, signatures):
    """{item id: sealed PDF bytes}: the extract of every § of a justerat protocol that has a decision to send."""
    revision = document.revision
    if revision.kind != ProtocolRevision.Kind.FULL:
        return {}  # an omedelbar extract is itself the extract; the decisions go out with the whole protocol
    snapshot = revision.snapshot
    wanted = {d.item_id for d in addressed_decisions([item["id"] for item in snapshot["items"]])}
    extracts = {}
    for item in snapshot["items"]:
        if item["id"] not in wanted:
            continue
        rendered = pdf.render_protocol(
            {**snapshot, "items": [item]},
            revision_number=revision.number,
            sha256=revision.sha256,
            signatures=signatures,
            extract=True,
            source_url=protocol_url(document.meeting_id),
            typed_layout=document.meeting.typed_layout,  # as the whole protocol prints it
            title=f"Protokollsutdrag {snapshot['meeting']['body']} {snapshot['meeting']['date']} § {item['number']}",
        )
        extracts[item["id"]] = seal.seal(
            rendered,
            reason=f"Protokollsutdrag, revision {revision.number}",
            federation_id=document.meeting.body.federation_id,
        )
    return extracts


def extracts_queue(document, files):
    """One outbox row per decision and address, each with the extract of its § (`files`: item id -> stored name).
    Addresses already queued for a decision are left out, so running it again adds nothing. A decision's e-mail goes
    to at most FINSAM_EXTRACT_RECIPIENTS_MAX addresses (the form refuses more; this holds for older records too), and
    counts against the rate of the user who sent the protocol for justering."""
    meeting = document.meeting
    cap = settings.FINSAM_EXTRACT_RECIPIENTS_MAX
    item_ids = [item["id"] for item in document.revision.snapshot["items"]]
    queued = []
    for decision in addressed_decisions(item_ids):
        name = files.get(decision.item_id)
        if not name:
            continue
        already = set(
            OutgoingMail.objects.filter(kind=OutgoingMail.Kind.EXTRACT, decision=decision).values_list(
                "recipient", flat=True
            )
        )
        addressees = decision.addressees.all()
        addresses = list(dict.fromkeys(r.address for r in addressees if r.address and r.address not in already))
        queued += mail_queue_translated(
            kind=OutgoingMail.Kind.EXTRACT,
            actor=document.revision.created_by,
            meeting=meeting,
            decision=decision,
            recipients=addresses[: max(cap - len(already), 0)],
            compose=partial(extract_text, meeting, decision),
            attachment_name=f"protokollsutdrag-{meeting.date:%Y-%m-%d}-paragraf-{decision.item.number or 0}.pdf",
            attachment_file=name,
        )
    return queued


def extract_text(meeting, decision, language=None):
    """(subject, body) of a protokollsutdrag's e-mail, in `language` (the portal's own unless told)."""
    item = decision.item
    label = f"§ {item.number} {item.heading}" if item.number else item.heading
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _("Protokollsutdrag: %(meeting)s, %(label)s") % {
            "meeting": f"{meeting.body.name}, {meeting.body.owner_short_name}, {meeting.date:%Y-%m-%d}",
            "label": label,
        }
        body = _(
            "Utdrag ur det justerade protokollet, %(label)s:\n\n%(decision)s\n\n"
            "Utdraget bifogas som PDF, förseglat av förbundet. Hela det justerade protokollet:\n%(url)s"
        ) % {"label": label, "decision": decision.text, "url": protocol_url(meeting.pk)}
    return subject, body
