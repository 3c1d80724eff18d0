"""After justering: minnesanteckningar filed, the sealed PDF tried again or found damaged, a rättelse beside the
record."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from finsam.types import Actor, signed_in
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, sent_from
from meetings.guards import meeting_locked
from meetings.justering import tasks
from meetings.justering.services.audit import audit
from meetings.models import (
    AgendaItem,
    Correction,
    Meeting,
    SignedDocument,
)
from meetings.printing.typed_text import layout_at_seal
from meetings.register.indexing import index_meeting

CORRECTION_ADDED = "meetings.minutes.corrected"


class CorrectionAlreadyAdded(AlreadyAdded):
    """The form that registers a rättelse was sent again: its rättelse (`correction`) is already there, and nothing
    more was added."""

    def __init__(self, correction: Correction) -> None:
        super().__init__(correction)
        self.correction = correction


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
    layout_at_seal(meeting)
    meeting.save(update_fields=["status", "justerad_at", "typed_layout", "updated"])
    index_meeting(meeting)
    audit("meetings.notes.approved", actor, meeting, meeting)


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
    audit("meetings.pdf.retried", actor, document.meeting, document.meeting)
    tasks.render_signed_pdf.delay_on_commit(document.pk)


@transaction.atomic
def correction_add(*, actor: Actor, item: AgendaItem, text: str | None, form_token: str = "") -> Correction:
    """A rättelse beside a § of a justerat record. `form_token`, the one the form was shown with: if a post of the
    same form already registered its rättelse, raise CorrectionAlreadyAdded with it instead of registering a second.
    Two forms may register the same words."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv rättelsen.")})
    if not meeting_locked(item.meeting_id).is_frozen:
        raise ValidationError(_("Ett utkast rättas direkt i texten; rättelser gäller justerade protokoll."))
    if earlier := added_from_form(CORRECTION_ADDED, item.corrections.all(), form_token):
        raise CorrectionAlreadyAdded(earlier)
    correction = Correction.objects.create(item=item, text=text, created_by=signed_in(actor))
    audit(CORRECTION_ADDED, actor, correction, item.meeting, item=item.pk, **sent_from(form_token))
    return correction


@transaction.atomic
def signed_document_damaged(*, actor: Actor, document: SignedDocument, found: str) -> None:
    """A sealed PDF read back from the file store is not the one sealed (`found`: the SHA-256 of what the store
    returned, or "missing"): recorded for the administrators; the bytes are never handed out."""
    facts = {"revision": document.revision.number, "expected": document.sha256, "file": document.file.name}
    audit("meetings.protocol.damaged", actor, document, document.meeting, found=found, **facts)
