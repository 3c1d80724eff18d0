"""A pending import: an uploaded document the worker has read and parsed (meetings.importing.tasks), kept with its
original file until the secretary has reviewed it; saved, it becomes an imported meeting (services.minutes)."""

import datetime
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from federations.models import Body
from finsam.audit import log_action
from finsam.types import Actor
from meetings.importing.matching import AttendeeChoice
from meetings.importing.parser import parse_text
from meetings.importing.readers import UnreadableDocument
from meetings.importing.schema import ParsedMinutes
from meetings.models import Meeting, PendingImport

from .minutes import meeting_date, save_parsed

# A review saved or discarded in another tab (or by a colleague) since this one was opened.
GONE = gettext_lazy("Importen är redan sparad eller borttagen, i en annan flik eller av en kollega. Inget sparades nu.")


def _parse(text: str) -> ParsedMinutes:
    """The parser's reading of the text; a text it cannot read is refused on the form's text field."""
    try:
        return parse_text(text)
    except UnreadableDocument as exc:
        raise ValidationError({"text": exc.message}) from exc


@transaction.atomic
def pending_import_reparse(*, actor: Actor, pending_import: PendingImport, text: str) -> PendingImport:
    """Keep the corrected text and what the parser now makes of it."""
    pending_import.parsed = _parse(text)
    pending_import.text = text
    pending_import.save(update_fields=["text", "parsed", "updated"])
    log_action("meetings.import.reparsed", actor=actor, obj=pending_import, federation=pending_import.federation)
    return pending_import


def _original_bytes(pending_import: PendingImport, text: str) -> bytes:
    try:
        with pending_import.original.open("rb") as original:
            return original.read()
    except FileNotFoundError:  # the stored file was removed by hand: keep the text the secretary reviewed
        return text.encode()


@transaction.atomic
def pending_import_save(
    *,
    actor: Actor,
    pending_import: PendingImport,
    text: str,
    body: Body,
    date: datetime.date | None = None,
    choices: Mapping[str, AttendeeChoice] | None = None,
    another_meeting: bool = False,
) -> Meeting:
    """Create the meeting from the reviewed text, each attendee as the secretary matched them (`choices`, by the
    attendee's name), as a draft (the original file becomes its attachment, with the text OCR recognised in a scan
    beside it), and let the pending import go. The pending import is locked first: of two saves of one review (two
    tabs, a double click) one makes the meeting and the other is refused. A body that already has a meeting on the
    day is refused unless the secretary says this is `another_meeting` (the same minutes imported again, from another
    file, would be a second record of one meeting)."""
    if not PendingImport.objects.select_for_update().filter(pk=pending_import.pk).exists():
        raise ValidationError(GONE)
    parsed = _parse(text)
    day = meeting_date(parsed, date)
    if not another_meeting and Meeting.objects.filter(body=body, date=day).exists():
        raise ValidationError(
            {
                "another_meeting": _(
                    "%(body)s har redan ett möte %(date)s. Kryssa i att det här är ett annat möte, eller ta bort "
                    "importen om mötet redan finns."
                )
                % {"body": body.name, "date": day.isoformat()}
            }
        )
    meeting = save_parsed(
        parsed,
        body=body,
        actor=actor,
        source_name=pending_import.original_name,
        source_bytes=_original_bytes(pending_import, text),
        recognised_text=pending_import.ocr_text,
        date=day,
        keep_as_draft=True,  # reviewed first; filing it is a separate, explicit step (imported_record_file)
        choices=choices,
    )
    log_action(  # how the pending import ended, for a second tab that still shows it (selectors.pending_import_end)
        "meetings.import.saved",
        actor=actor,
        obj=pending_import,
        federation=pending_import.federation,
        name=pending_import.original_name,
        meeting=meeting.pk,
    )
    _remove(pending_import)
    return meeting


@transaction.atomic
def pending_import_discard(*, actor: Actor, pending_import: PendingImport) -> None:
    """Let the pending import and its file go; refused when it is gone already (saved or discarded in another tab:
    locked as pending_import_save locks it, so a save and a discard at once do not both happen)."""
    if not PendingImport.objects.select_for_update().filter(pk=pending_import.pk).exists():
        raise ValidationError(GONE)
    log_action(
        "meetings.import.discarded",
        actor=actor,
        obj=pending_import,
        federation=pending_import.federation,
        name=pending_import.original_name,
    )
    _remove(pending_import)


def _remove(pending_import: PendingImport) -> None:
    """Delete the row now and its file once the deletion is committed (a rollback keeps both)."""
    storage, name = pending_import.original.storage, pending_import.original.name
    pending_import.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
