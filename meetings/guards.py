"""The one guard every write to a meeting's record passes: a frozen record, or a § already justerad, refuses.

`meeting_for_writing` locks the meeting's row before it looks at the meeting's state. Sending for justering,
signing and freezing lock the same row (`meeting_locked`), so a write either commits before the revision is taken
or waits, then sees the new state and is refused: it can never slip its text in after the signers' snapshot. Every
write to a meeting takes its lock here, one way.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from federations.models import Body
from meetings.models import AgendaItem, FrozenRecord, Meeting, ProtocolRevision, Signature


def ensure_meeting_editable(meeting: Meeting) -> None:
    if meeting.is_frozen:
        raise FrozenRecord()
    if meeting.status == Meeting.Status.IN_JUSTERING:
        raise ValidationError(_("Protokollet är skickat på justering. Gör en ny revision för att ändra det."))


def justerade_extract_item_ids(meeting: Meeting) -> set[int]:
    """The §§ in an extract for omedelbar justering that is signed or still out for signing: they can no longer
    change (what the signers are reading must be what they sign). Once a signer sends the extract back, its §§ are
    open again."""
    open_or_signed = {Signature.Status.PENDING, Signature.Status.SIGNED}
    ids: set[int] = set()
    extracts = meeting.revisions.filter(kind=ProtocolRevision.Kind.EXTRACT).prefetch_related("signatures")
    for extract in extracts:
        if all(s.status in open_or_signed for s in extract.signatures.all()):
            ids.update(extract.item_ids)
    return ids


def ensure_item_editable(item: AgendaItem, justerade: set[int] | None = None) -> None:
    justerade = justerade_extract_item_ids(item.meeting) if justerade is None else justerade
    if item.pk in justerade:
        raise ValidationError(
            _("Paragrafen är omedelbart justerad, eller ute för omedelbar justering, och kan inte ändras.")
        )


def meeting_for_writing(meeting_id: int, *, items: Iterable[AgendaItem | None] = ()) -> Meeting:
    """Lock the meeting (inside the caller's transaction) and refuse unless it and the given §§ may still change.

    Returns the locked meeting, with its body and federation, for the service to write through.
    """
    meeting = meeting_locked(meeting_id)
    _ensure_editable(meeting, items)
    return meeting


def meeting_locked(meeting_id: int) -> Meeting:
    """The same lock, without asking whether the record may still change: for the writes that take a record through
    justering and beyond (sending, commenting, sending back, signing, approving, correcting, appealing), each of
    which checks, under the lock, the state it needs.

    FOR NO KEY UPDATE: writes to one meeting take turns with each other and with sending and signing; other meetings
    are not touched.
    """
    return (
        Meeting.objects.select_for_update(no_key=True, of=("self",))
        .select_related("body__federation")
        .get(pk=meeting_id)
    )


def numbering_locked(body: Body) -> None:
    """The § numbers of a body numbered through the year change under its row's lock only: renumbering the year's
    drafts and sending a protocol or an extract (which fixes its numbers) take turns, so a protocol never goes to its
    signers with numbers a renumbering of another meeting is changing. Taken after the meeting's own lock, always.

    FOR NO KEY UPDATE: it does not block a new meeting of the body (whose foreign key takes a key-share lock)."""
    if body.numbering == Body.Numbering.PER_YEAR:
        Body.objects.select_for_update(no_key=True).filter(pk=body.pk).exists()


def item_for_writing(item_id: int) -> AgendaItem:
    """The same guard for a write to one § (the autosave): the § with its meeting locked, in one query."""
    item = (
        AgendaItem.objects.select_for_update(no_key=True, of=("meeting",))
        .select_related("meeting__body__federation")
        .get(pk=item_id)
    )
    _ensure_editable(item.meeting, [item])
    return item


def _ensure_editable(meeting: Meeting, items: Iterable[AgendaItem | None]) -> None:
    ensure_meeting_editable(meeting)
    given = [item for item in items if item is not None]
    if given:
        justerade = justerade_extract_item_ids(meeting)
        for item in given:
            ensure_item_editable(item, justerade)


def ensure_numbers_kept(meeting: Meeting, numbers: Mapping[int, int | None]) -> None:
    """Renumbering may not move a § that is already justerad: its number is part of what was signed."""
    justerade = justerade_extract_item_ids(meeting)
    if not justerade:
        return
    current = dict(meeting.items.filter(pk__in=justerade).values_list("pk", "number"))
    if any(numbers.get(pk) != number for pk, number in current.items()):
        raise ValidationError(_("Ändringen skulle numrera om en omedelbart justerad paragraf."))
