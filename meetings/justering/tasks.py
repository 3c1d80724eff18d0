"""Celery tasks of justering: reminders and the sealed PDF.

They take ids and can run twice harmlessly.
"""

import contextlib
import datetime
import hashlib
import logging
import uuid

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.formats import date_format

from meetings.justering import extracts, mail, pdf
from meetings.models import Anslag, Meeting, Signature, SignedDocument
from meetings.printing import seal
from meetings.printing.failures import SealFailure
from meetings.printing.seal import SigningUnavailable, TimestampUnavailable
from meetings.printing.signatures import how_signed

# Seconds to wait before the 1st, 2nd and 3rd retry of a transient failure (a full disk, a lost connection, a timestamp
# authority that does not answer).
PDF_RETRY_BACKOFF = [10, 60, 300]
logger = logging.getLogger(__name__)


@shared_task(name="meetings.tasks.send_reminders")
def send_reminders(days_before=3):
    """Celery beat, daily: remind signers whose deadline is near and who have not been reminded. Each reminder goes
    to the outbox in the transaction that marks the signature reminded, so it is sent once."""

    today = timezone.localdate()
    waiting = Signature.objects.filter(
        status=Signature.Status.PENDING,
        reminded_at__isnull=True,
        revision__meeting__status=Meeting.Status.IN_JUSTERING,
        revision__deadline__lte=today + datetime.timedelta(days=days_before),
    ).select_related("person", "revision__meeting__body")
    sent = 0
    for signature in waiting:
        with transaction.atomic():
            if Signature.objects.filter(pk=signature.pk, reminded_at__isnull=True).update(reminded_at=timezone.now()):
                mail.reminder_notify(signature)
                sent += 1
    return sent


def _swedish_time(moment):
    """ "30 november 2026 kl. 14:15:10": the protocol's one Swedish date form, in Swedish time (the column says so)."""
    if moment is None:
        return ""
    with translation.override("sv"):
        return date_format(timezone.localtime(moment), r"j F Y \k\l. H:i:s")


def signature_rows(revision):
    """The signers as the verifikat prints them, in Swedish: without a broker the PDF is rendered in the request of
    the last signer, whose portal may be in English."""
    signatures = revision.signatures.filter(status=Signature.Status.SIGNED).select_related("person").order_by("id")
    with translation.override("sv"):
        return [
            {
                "name": s.name,
                "role": s.get_role_display(),
                "method": how_signed(s),
                "signed_at": _swedish_time(s.signed_at),
            }
            for s in signatures
        ]


def build_signed_pdf(document):
    """Render the revision's snapshot and seal it. Four queries: signatures, notice, and the federation's
    sealing certificate, plus the meeting's body where the caller did not fetch it with the document."""
    revision = document.revision
    signatures = signature_rows(revision)
    notice = Anslag.objects.filter(meeting_id=document.meeting_id).first()
    extract = revision.kind == "extract"
    rendered = pdf.render_protocol(
        revision.snapshot,
        revision_number=revision.number,
        sha256=revision.sha256,
        signatures=signatures,
        notice=None if extract else notice,
        extract=extract,
        typed_layout=document.meeting.typed_layout,
    )
    return seal.seal(
        rendered,
        reason=f"Justerat protokoll, revision {revision.number}",
        federation_id=document.meeting.body.federation_id,
    )


def claimable_documents(now):
    """Documents no worker holds: pending, or rendering under a lease that has expired (its worker died)."""
    expired = now - datetime.timedelta(seconds=settings.FINSAM_PDF_LEASE_SECONDS)
    stale = Q(status=SignedDocument.Status.RENDERING) & (Q(claimed_at__lt=expired) | Q(claimed_at__isnull=True))
    return SignedDocument.objects.filter(Q(status=SignedDocument.Status.PENDING) | stale)


def _claim(document_id):
    """Take the document with a conditional UPDATE; the token proves the claim later. None if someone else has it."""
    now = timezone.now()
    token = uuid.uuid4().hex
    claimed = (
        claimable_documents(now)
        .filter(pk=document_id)
        .update(status=SignedDocument.Status.RENDERING, claimed_at=now, claim=token, attempts=F("attempts") + 1)
    )
    return token if claimed else None


def _held(document_id, token):
    return SignedDocument.objects.filter(pk=document_id, status=SignedDocument.Status.RENDERING, claim=token)


@shared_task(name="meetings.tasks.render_signed_pdf", bind=True, max_retries=len(PDF_RETRY_BACKOFF), acks_late=True)
def render_signed_pdf(self, document_id):
    """Render and seal the justerat protocol. Idempotent: claims the document under a lease, and stores the result
    only while it still holds the claim, so a worker that lost its lease (taken over after it seemed dead) leaves
    no second file."""
    token = _claim(document_id)
    if token is None:
        return "nothing to do"  # done already, failed for good, or being rendered by another worker
    document = SignedDocument.objects.select_related("revision", "meeting__body").get(pk=document_id)
    try:
        sealed = build_signed_pdf(document)
        extract_pdfs = extracts.render_extracts(document, signature_rows(document.revision))
    except SigningUnavailable as exc:  # kept as its code, in words where it is read (printing.failures)
        return _fail(document_id, token, exc.stored())
    except (OSError, TimestampUnavailable) as exc:
        return _try_again_later(self, document, token, exc)
    except Exception as exc:  # a bug or bad data: retrying will not help; the secretary sees it and can try again
        return _fail(document_id, token, f"{type(exc).__name__}: {exc}")
    try:
        extract_files = _store(document, sealed, extract_pdfs)
    except OSError as exc:  # the file store (a disk, a bucket) did not take them: as transient as a full disk
        return _try_again_later(self, document, token, exc)
    digest = hashlib.sha256(sealed).hexdigest()
    with transaction.atomic():  # the protocol is stored exactly when its extracts' e-mail is queued
        stored = _held(document_id, token).update(
            file=document.file.name,
            sha256=digest,
            status=SignedDocument.Status.DONE,
            finished=timezone.now(),
            error="",
            claim="",
        )
        if stored:
            extracts.extracts_queue(document, extract_files)
    if not stored:
        document.file.delete(save=False)
        for name in extract_files.values():
            default_storage.delete(name)
        return "superseded"
    logger.info(
        "Sealed PDF stored for meeting %s", document.meeting_id,
        extra={"document": document_id, "meeting": document.meeting_id, "file": document.file.name, "sha256": digest},
    )  # fmt: skip
    return "done"


def _try_again_later(task, document, token, exc):
    """A transient failure: the document goes back to pending, and the task retries after its back-off; after the
    last retry the document has failed (the secretary sees why and may try again)."""
    # Counted on the document, not the task: a task the sweep queues again starts its own retries at 0.
    if document.attempts <= len(PDF_RETRY_BACKOFF):
        # claimed_at records the failure: the sweep leaves the document to this back-off (retry_after).
        released = _held(document.pk, token).update(
            status=SignedDocument.Status.PENDING, claim="", claimed_at=timezone.now()
        )
        if not released:
            return "superseded"
        raise task.retry(exc=exc, countdown=PDF_RETRY_BACKOFF[document.attempts - 1]) from exc
    return _fail(document.pk, token, exc.stored() if isinstance(exc, SealFailure) else str(exc))


def _store(document, sealed, extract_pdfs):
    """Save the sealed protocol and its extracts in the file store; {item id: stored name} of the extracts. The store
    never overwrites: a file saved by a worker that then loses its claim has a name of its own. A store that fails
    half-way keeps nothing of this attempt."""
    meeting = document.meeting
    saved = []
    try:
        document.file.save(
            f"protokoll-{meeting.date:%Y-%m-%d}-rev{document.revision.number}.pdf", ContentFile(sealed), save=False
        )
        saved.append(document.file.name)
        extract_files = {}
        for item_id, data in extract_pdfs.items():
            extract_files[item_id] = default_storage.save(
                f"utdrag/{meeting.date:%Y}/utdrag-{meeting.pk}-{item_id}-rev{document.revision.number}.pdf",
                ContentFile(data),
            )
            saved.append(extract_files[item_id])
    except OSError:
        for name in saved:
            with contextlib.suppress(OSError):
                default_storage.delete(name)
        raise
    return extract_files


def _fail(document_id, token, message):
    logger.warning("Sealed PDF %s failed: %s", document_id, message, extra={"document": document_id})
    _held(document_id, token).update(status=SignedDocument.Status.FAILED, error=message[:2000], claim="")
    return "failed"
