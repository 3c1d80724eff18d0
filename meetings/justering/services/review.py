"""While a protocol is under justering: a signer's comment on a §, a signer sending it back, the secretary taking it
back. Each lands only on the revision the signer read."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from finsam.types import Actor
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, sent_from
from meetings.guards import ensure_item_editable, justerade_extract_item_ids, meeting_locked
from meetings.justering import mail
from meetings.justering.services.audit import audit
from meetings.justering.services.sending import current_revision
from meetings.justering.services.signing import signer_person
from meetings.models import (
    AgendaItem,
    ItemComment,
    Meeting,
    ProtocolRevision,
    Signature,
)

COMMENT_ADDED = "meetings.minutes.commented"


class CommentAlreadyAdded(AlreadyAdded):
    """The form that adds a signer's comment was sent again: its comment (`comment`) is already there, and nothing
    more was added."""

    def __init__(self, comment: ItemComment) -> None:
        super().__init__(comment)
        self.comment = comment


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
    *,
    actor: Actor,
    meeting: Meeting,
    item: AgendaItem,
    text: str | None,
    read: int | None = None,
    form_token: str = "",
) -> ItemComment:
    """A signer's comment on a §. `form_token`, the one the form was shown with: if a post of the same form already
    added its comment, raise CommentAlreadyAdded with it instead of adding a second. It is looked for before the
    revision is: the comment is there even if the protocol has since been taken back or revised. Two forms may add
    the same words."""
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Skriv en kommentar.")})
    meeting = meeting_locked(meeting.pk)
    if item.meeting_id != meeting.pk:
        raise ValidationError(_("Paragrafen hör inte till protokollet."))
    if earlier := added_from_form(COMMENT_ADDED, item.comments.all(), form_token):
        raise CommentAlreadyAdded(earlier)
    revision = _under_justering(meeting, read, text)
    ensure_item_editable(item, justerade_extract_item_ids(meeting))
    comment = ItemComment.objects.create(item=item, revision=revision, author=signer_person(actor), text=text)
    audit(COMMENT_ADDED, actor, comment, meeting, item=item.pk, **sent_from(form_token))
    return comment


@transaction.atomic
def protocol_send_back(*, actor: Actor, meeting: Meeting, reason: str | None, read: int | None = None) -> None:
    """A signer returns the protokoll to the secretary with a reason; the revision's signatures lapse."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Skriv varför protokollet skickas tillbaka.")})
    meeting = meeting_locked(meeting.pk)
    revision = _under_justering(meeting, read, reason)
    person = signer_person(actor)
    mine = revision.signatures.filter(person=person, status=Signature.Status.PENDING)
    if not mine.exists():
        raise ValidationError(_("Du har ingen justering kvar att göra i den här revisionen."))
    mine.update(status=Signature.Status.RETURNED, reason=reason)
    revision.signatures.exclude(status=Signature.Status.RETURNED).update(status=Signature.Status.VOID)
    meeting.status = Meeting.Status.DRAFT
    meeting.save(update_fields=["status", "updated"])
    audit("meetings.minutes.sent_back", actor, meeting, meeting, revision=revision.number, reason=reason)
    mail.sent_back_notify(revision, person, actor)


@transaction.atomic
def protocol_reopen(*, actor: Actor, meeting: Meeting) -> None:
    """The secretary takes the protokoll back to make changes; every signature given so far lapses."""
    meeting = meeting_locked(meeting.pk)
    revision = _under_justering(meeting)
    revision.signatures.update(status=Signature.Status.VOID)
    meeting.status = Meeting.Status.DRAFT
    meeting.save(update_fields=["status", "updated"])
    audit("meetings.minutes.reopened", actor, meeting, meeting, revision=revision.number)
