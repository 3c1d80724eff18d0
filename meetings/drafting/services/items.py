"""The agenda and its §§: adding, moving and numbering them, their details, and the text's autosave with its
revisions."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from finsam.types import Actor, signed_in
from finsam.validators import validate_typed_fields
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, audit, sent_from
from meetings.drafting.services.numbering import renumber
from meetings.guards import item_for_writing, meeting_for_writing
from meetings.models import AgendaItem, ItemRevision, Meeting
from meetings.sanitize import clean_html


class EditConflict(Exception):
    """Someone else saved the § since this editor loaded it."""

    def __init__(self, item: AgendaItem) -> None:
        super().__init__("edit conflict")
        self.item = item


class ItemAlreadyAdded(AlreadyAdded):
    """The form that adds a § was sent again: its § (`item`) is already there, and nothing more was added."""

    def __init__(self, item: AgendaItem) -> None:
        super().__init__(item)
        self.item = item


ITEM_ADDED = "meetings.item.added"


def append_item(meeting: Meeting, **fields: Any) -> AgendaItem:
    last = meeting.items.aggregate(last=Max("position"))["last"] or 0
    return AgendaItem.objects.create(meeting=meeting, position=last + 1, **fields)


@transaction.atomic
def item_add(
    *,
    actor: Actor,
    meeting: Meeting,
    heading: str,
    kind: str = AgendaItem.Kind.INFORMATION,
    case_number: str = "",
    after: AgendaItem | None = None,
    form_token: str = "",
) -> AgendaItem:
    """Add a § to the agenda. `form_token`, the one the form was shown with: if a post of the same form already
    added its §, raise ItemAlreadyAdded with that § instead of adding a second."""
    meeting = meeting_for_writing(meeting.pk)
    if earlier := added_from_form(ITEM_ADDED, meeting.items.all(), form_token):
        raise ItemAlreadyAdded(earlier)
    heading = heading.strip()
    if not heading:
        raise ValidationError({"heading": _("Ärendet behöver en rubrik.")})
    validate_typed_fields(AgendaItem, {"heading": heading, "case_number": case_number})
    item = append_item(meeting, heading=heading, kind=kind, case_number=case_number)
    if after is not None:
        items = list(meeting.items.exclude(pk=item.pk).order_by("position"))
        index = next((i for i, other in enumerate(items) if other.pk == after.pk), len(items) - 1)
        items.insert(index + 1, item)
        _reorder(meeting, items)
    else:
        renumber(meeting)
    item.refresh_from_db()
    ItemRevision.objects.create(item=item, version=item.version, heading=item.heading, text="", author=signed_in(actor))
    audit(ITEM_ADDED, actor, item, meeting, heading=heading, **sent_from(form_token))
    return item


def _reorder(meeting: Meeting, items: list[AgendaItem]) -> None:
    meeting.items.update(position=F("position") + 100_000)
    for index, item in enumerate(items):
        item.position = index + 1
    AgendaItem.objects.bulk_update(items, ["position"])
    renumber(meeting)


@transaction.atomic
def item_move(*, actor: Actor, item: AgendaItem, offset: int) -> None:
    meeting = meeting_for_writing(item.meeting_id, items=[item])
    items = list(meeting.items.order_by("position"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    _reorder(meeting, items)
    audit("meetings.item.moved", actor, item, meeting, offset=offset)


@transaction.atomic
def item_delete(*, actor: Actor, item: AgendaItem) -> None:
    meeting = meeting_for_writing(item.meeting_id, items=[item])
    heading = item.heading
    item.delete()
    renumber(meeting)
    audit("meetings.item.deleted", actor, meeting, meeting, heading=heading)


@transaction.atomic
def item_update_details(*, actor: Actor, item: AgendaItem, **fields: Any) -> AgendaItem:
    meeting_for_writing(item.meeting_id, items=[item])
    projects = fields.pop("projects", None)
    validate_typed_fields(AgendaItem, fields)
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    if projects is not None:
        item.projects.set(projects)
    audit("meetings.item.updated", actor, item, item.meeting, fields=sorted(fields))
    return item


def item_save_text(
    *, actor: Actor, item_id: int, heading: str | None, text: str | None, base_version: int
) -> AgendaItem:
    """Autosave: store the § if nobody saved it since base_version, else raise EditConflict with the server's state.

    The compare-and-set is one conditional UPDATE, so two editors can never both win.
    """
    clean = clean_html(text)
    heading = (heading or "").strip()
    if not heading:
        raise ValidationError({"heading": _("Ärendet behöver en rubrik.")})
    validate_typed_fields(AgendaItem, {"heading": heading})
    with transaction.atomic():
        # The meeting's row is locked before its status is read: a send for justering waits for this save to
        # commit (and then snapshots it), or this save waits for the send and is refused.
        item = item_for_writing(item_id)
        if item.heading == heading and item.text == clean and item.version == base_version:
            return item  # nothing changed: no new revision
        now = timezone.now()
        updated = AgendaItem.objects.filter(pk=item_id, version=base_version).update(
            heading=heading, text=clean, version=F("version") + 1, updated=now
        )
        if not updated:
            item.refresh_from_db()
            raise EditConflict(item)
        # The conditional UPDATE matched base_version, so the row now holds exactly this: no need to read it back.
        item.heading, item.text, item.version, item.updated = heading, clean, base_version + 1, now
        ItemRevision.objects.create(
            item=item, version=item.version, heading=heading, text=clean, author=signed_in(actor)
        )
        if item.meeting.status in (Meeting.Status.PLANNED, Meeting.Status.CALLED):
            Meeting.objects.filter(pk=item.meeting_id).update(status=Meeting.Status.DRAFT)
    return item


@transaction.atomic
def item_restore(*, actor: Actor, item: AgendaItem, revision: ItemRevision) -> AgendaItem:
    """Restore an earlier revision as a new revision (history is never rewritten)."""
    item = item_for_writing(item.pk)  # its current version, read under the meeting's lock
    return item_save_text(
        actor=actor, item_id=item.pk, heading=revision.heading, text=revision.text, base_version=item.version
    )


@transaction.atomic
def item_continue(*, actor: Actor, earlier_item: AgendaItem, meeting: Meeting) -> AgendaItem:
    """Bring a referred-back or tabled matter to a later meeting, linked both ways."""
    meeting = meeting_for_writing(meeting.pk)
    if meeting.date <= earlier_item.meeting.date:
        raise ValidationError(_("Ärendet kan bara tas upp på ett senare möte."))
    item = append_item(meeting, heading=earlier_item.heading, kind=earlier_item.kind, continues=earlier_item)
    item.projects.set(earlier_item.projects.all())
    renumber(meeting)
    audit("meetings.item.continued", actor, item, meeting, earlier=earlier_item.pk)
    return item
