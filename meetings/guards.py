"""The one guard every write to a meeting's record passes: a frozen record, or a § already justerad, refuses."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from meetings.models import AgendaItem, Meeting, ProtocolRevision, Signature


def ensure_meeting_editable(meeting: Meeting) -> None:
    if meeting.is_frozen:
        raise ValidationError(_("Protokollet är justerat och kan inte ändras. Skriv en rättelse i stället."))
    if meeting.status == Meeting.Status.IN_JUSTERING:
        raise ValidationError(_("Protokollet är skickat på justering. Gör en ny revision för att ändra det."))


def justerade_extract_item_ids(meeting: Meeting) -> set[int]:
    """The §§ already justerade at the meeting (omedelbar justering): they can no longer change."""
    ids: set[int] = set()
    extracts = meeting.revisions.filter(kind=ProtocolRevision.Kind.EXTRACT).prefetch_related("signatures")
    for extract in extracts:
        if all(s.status == Signature.Status.SIGNED for s in extract.signatures.all()):
            ids.update(extract.item_ids)
    return ids


def ensure_item_editable(item: AgendaItem) -> None:
    if item.pk in justerade_extract_item_ids(item.meeting):
        raise ValidationError(_("Paragrafen är omedelbart justerad och kan inte ändras."))
