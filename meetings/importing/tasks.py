"""The worker's part of the bulk import: read one uploaded document (text, Word, PDF, a scan by OCR), parse it and
store it as a pending import for review. The services queue these tasks (services.batches); the tasks do their own
writes here and import no service, so the two depend one way.

A document is claimed with a conditional UPDATE (queued -> reading) that records the time and a token: a second
delivery of the task finds nothing to claim, and the result is stored only by the holder of the token, so a task
run twice never makes two imports. A worker that dies leaves the document in "reading"; once the claim's lease
(FINSAM_IMPORT_LEASE_SECONDS) has expired, the sweep (meetings.tasks.sweep) puts it back in the queue.

The document is read in a child process with a memory and a time limit (bounded.py): a file built to fill the memory
fails with a message, and the worker lives on. Should a worker die on it all the same, again and again, the claim
that finds it read MAX_READS times already marks it failed instead of reading it once more: the sweep queues a
document whose worker died, but not forever.
"""

import datetime
import uuid

from celery import Task, shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from federations.models import Federation
from federations.permissions import roles_for
from finsam.audit import log_action
from finsam.types import Actor
from meetings.importing.bounded import ReaderFailed, read
from meetings.importing.matching import match_federation
from meetings.importing.parser import parse_text
from meetings.importing.readers import Reading, UnreadableDocument
from meetings.importing.schema import ParsedMinutes
from meetings.models import ImportDocument, PendingImport

# Seconds before the 1st, 2nd and 3rd retry of a transient failure (the stored file not reachable, a full disk).
READ_RETRY_BACKOFF = [10, 60, 300]
# Claims of one document before it is given up: a first reading and its retries; one more is a worker that died.
MAX_READS = len(READ_RETRY_BACKOFF) + 1


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.FINSAM_IMPORT_LEASE_SECONDS)


def claimable(now: datetime.datetime) -> QuerySet[ImportDocument]:
    """Documents no worker holds: queued, or reading under a lease that has expired (its worker died)."""
    expired = Q(status=ImportDocument.Status.READING) & (Q(claimed_at__lt=now - lease()) | Q(claimed_at__isnull=True))
    return ImportDocument.objects.filter(Q(status=ImportDocument.Status.QUEUED) | expired)


def waiting_for_a_task(now: datetime.datetime) -> QuerySet[ImportDocument]:
    """What the sweep queues: documents no task carries (the broker was down when they were recorded, or a message
    was lost) and documents whose worker died."""
    settled = now - datetime.timedelta(seconds=settings.FINSAM_SWEEP_AFTER_SECONDS)
    unqueued = Q(status=ImportDocument.Status.QUEUED, queued_at__isnull=True, created__lt=settled)
    lost = Q(status=ImportDocument.Status.QUEUED, queued_at__lt=now - lease())
    died = Q(status=ImportDocument.Status.READING, claimed_at__lt=now - lease())
    return ImportDocument.objects.filter(unqueued | lost | died)


def queue_documents(document_ids: list[int]) -> int:
    """Hand a task for each document to the broker; the ones that left are marked queued (the others wait for the
    sweep). Returns how many left."""
    sent = [document_id for document_id in document_ids if import_document_read.delay_or_postpone(document_id)]
    if sent:
        ImportDocument.objects.filter(pk__in=sent, status=ImportDocument.Status.QUEUED).update(queued_at=timezone.now())
    return len(sent)


def _claim(document_id: int) -> str | None:
    now = timezone.now()
    token = uuid.uuid4().hex
    claimed = (
        claimable(now)
        .filter(pk=document_id)
        .update(status=ImportDocument.Status.READING, claimed_at=now, claim=token, attempts=F("attempts") + 1)
    )
    return token if claimed else None


def _held(document_id: int, token: str) -> QuerySet[ImportDocument]:
    return ImportDocument.objects.filter(pk=document_id, status=ImportDocument.Status.READING, claim=token)


def _fail(document_id: int, token: str, *, code: str = "", error: str = "") -> str:
    _held(document_id, token).update(
        status=ImportDocument.Status.FAILED, error_code=code, error=error[:2000], claim="", finished=timezone.now()
    )
    return "failed"


@shared_task(
    name="meetings.tasks.import_document_read",
    bind=True,
    max_retries=len(READ_RETRY_BACKOFF),
    acks_late=True,
    # OCR of a long scan takes minutes: the time limit is the lease, so no task outlives its claim.
    time_limit=settings.FINSAM_IMPORT_LEASE_SECONDS,
)
def import_document_read(self: Task, document_id: int) -> str:
    """Read and parse one document of a batch into a pending import. Idempotent (see the module's note)."""
    token = _claim(document_id)
    if token is None:
        return "nothing to do"  # read already, failed, discarded, or being read by another worker
    document = ImportDocument.objects.get(pk=document_id)
    if document.attempts > MAX_READS:  # its readers died (the sweep queued it after each lease): no more of them
        return _fail(document_id, token, code="reader_died")
    try:
        with document.original.open("rb") as original:
            data = original.read()
        reading = read(data, document.original_name, use_ocr=True)
        parsed = parse_text(reading.text)
    except UnreadableDocument as exc:  # the document's own fault (or OCR missing): the user sees why, and may retry
        return _fail(document_id, token, code=exc.code)
    except OSError as exc:  # the stored file out of reach for a moment: counted on the document, retried
        if document.attempts <= len(READ_RETRY_BACKOFF) and not self.request.is_eager:
            released = _held(document_id, token).update(
                status=ImportDocument.Status.QUEUED, claim="", claimed_at=None, queued_at=timezone.now()
            )
            if not released:
                return "superseded"
            raise self.retry(exc=exc, countdown=READ_RETRY_BACKOFF[document.attempts - 1]) from exc
        return _fail(document_id, token, error=f"{type(exc).__name__}: {exc}")
    except ReaderFailed as exc:  # a reader's bug, in the child: as below
        return _fail(document_id, token, error=str(exc))
    except Exception as exc:  # a bug or data nobody foresaw: retrying will not help; shown, and "Försök igen" is there
        return _fail(document_id, token, error=f"{type(exc).__name__}: {exc}")
    stored = import_document_store(document=document, token=token, reading=reading, parsed=parsed)
    return "done" if stored else "superseded"


def import_document_store(*, document: ImportDocument, token: str, reading: Reading, parsed: ParsedMinutes) -> bool:
    """The worker's result: the document becomes a pending import (its original file goes with it), if the worker
    still holds its claim. False when it does not (its lease expired and another worker took over): nothing is
    stored, so a document is never imported twice."""
    with transaction.atomic():
        held = (
            ImportDocument.objects.select_for_update()
            .select_related("batch__uploaded_by")
            .filter(pk=document.pk, status=ImportDocument.Status.READING, claim=token)
            .first()
        )
        if held is None:
            return False
        uploader = held.batch.uploaded_by
        pending = PendingImport.objects.create(
            uploaded_by=uploader,
            federation=_federation_for(uploader, parsed) or held.batch.federation,
            original=held.original.name,
            original_name=held.original_name,
            sha256=held.sha256,
            text=reading.text,
            ocr_text=reading.ocr_text,
            parsed=parsed,
        )
        held.status = ImportDocument.Status.DONE
        held.pending_import = pending
        held.claim = ""
        held.error = held.error_code = ""
        held.finished = timezone.now()
        held.save(update_fields=["status", "pending_import", "claim", "error", "error_code", "finished"])
        log_action(
            "meetings.import.uploaded",
            actor=uploader,
            obj=pending,
            federation=pending.federation,
            name=pending.original_name,
            sha256=pending.sha256,
            ocr=bool(reading.ocr_text),
        )
    return True


def _federation_for(actor: Actor, parsed: ParsedMinutes) -> Federation | None:
    """The federation whose secretaries share the pending import: the one the document names, when the uploader
    writes for it, else the uploader's only federation; none (the uploader's alone) when that is not clear."""
    roles = roles_for(actor)
    named = match_federation(parsed.get("organisation"))
    if named is not None and roles.can_write(named.pk):
        return named
    if len(roles.secretary_of) == 1:
        return Federation.objects.filter(pk__in=roles.secretary_of).first()
    return None
