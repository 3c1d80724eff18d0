"""Reads of the bulk import: an upload's progress, and the recent uploads on the import page."""

import datetime

from django.db.models import Count, Q, QuerySet

from federations.models import Body
from federations.permissions import roles_for
from finsam.models import AuditEntry
from finsam.types import User
from meetings.importing.readers import MESSAGES
from meetings.models import ImportBatch, ImportDocument, Meeting
from meetings.permissions import visible_import_batches

RECENT_BATCHES = 10
# The audit actions that end a pending import; their entries say how it went once the row is gone.
PENDING_IMPORT_ENDS = ("meetings.import.saved", "meetings.import.discarded")


def batch_documents(batch: ImportBatch) -> list[ImportDocument]:
    """The batch's documents in upload order, with the pending import each became. One query."""
    return list(batch.documents.select_related("pending_import").order_by("pk"))


def document_error(document: ImportDocument) -> str:
    """Why the document could not be read, in the reader's language."""
    if document.error_code in MESSAGES:
        return str(MESSAGES[document.error_code])
    return document.error


def batch_progress(documents: list[ImportDocument]) -> dict[str, int]:
    counts = dict.fromkeys(ImportDocument.Status.values, 0)
    for document in documents:
        counts[document.status] += 1
    finished = counts[ImportDocument.Status.DONE] + counts[ImportDocument.Status.FAILED]
    return {**counts, "total": len(documents), "finished": finished, "working": len(documents) - finished}


def same_day_meetings(body: Body | None, day: datetime.date | None) -> list[Meeting]:
    """The body's meetings on the day a document is about to be saved for: the same meeting, perhaps, imported
    before from another file or planned in the portal. One query."""
    if body is None or day is None:
        return []
    return list(Meeting.objects.filter(body=body, date=day).select_related("body").order_by("start_time", "pk"))


def recent_batches(user: User) -> QuerySet[ImportBatch]:
    """The user's last uploads with their counts, newest first. One query."""
    done = Count("documents", filter=Q(documents__status=ImportDocument.Status.DONE))
    failed = Count("documents", filter=Q(documents__status=ImportDocument.Status.FAILED))
    return visible_import_batches(user).annotate(total=Count("documents"), done=done, failed=failed)[:RECENT_BATCHES]


def pending_import_end(user: User, pk: int | str) -> AuditEntry | None:
    """How a pending import that is no longer there ended (saved, with its meeting in `data["meeting"]`, or
    discarded), for a user who could have seen it: its saver or discarder, or a secretary of its federation. None
    otherwise, so that an id that was never the user's stays a plain 404. One query (with the user's roles)."""
    if not str(pk).isdigit() or not getattr(user, "is_authenticated", False):
        return None
    roles = roles_for(user)
    ended = AuditEntry.objects.filter(
        object_type="meetings.pendingimport", object_id=str(pk), action__in=PENDING_IMPORT_ENDS
    )
    if not roles.superuser:
        ended = ended.filter(Q(actor=user) | Q(federation__in=roles.secretary_of))
    return ended.order_by("-created", "-pk").first()
