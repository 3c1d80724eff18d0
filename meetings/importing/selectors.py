"""Reads of the bulk import: an upload's progress, and the recent uploads on the import page."""

from django.db.models import Count, Q, QuerySet

from finsam.types import User
from meetings.importing.readers import MESSAGES
from meetings.models import ImportBatch, ImportDocument
from meetings.permissions import visible_import_batches

RECENT_BATCHES = 10


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


def recent_batches(user: User) -> QuerySet[ImportBatch]:
    """The user's last uploads with their counts, newest first. One query."""
    done = Count("documents", filter=Q(documents__status=ImportDocument.Status.DONE))
    failed = Count("documents", filter=Q(documents__status=ImportDocument.Status.FAILED))
    return visible_import_batches(user).annotate(total=Count("documents"), done=done, failed=failed)[:RECENT_BATCHES]
