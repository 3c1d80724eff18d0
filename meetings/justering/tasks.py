"""Celery tasks of justering: telling signers, reminders, and the sealed PDF.

They take ids and can run twice harmlessly.
"""

import datetime
import hashlib

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from federations.models import Person
from meetings.justering import pdf, seal
from meetings.justering.seal import SigningUnavailable, TimestampUnavailable
from meetings.models import Anslag, Meeting, ProtocolRevision, Signature, SignedDocument

# Seconds to wait before the 1st, 2nd and 3rd retry of a transient failure (a full disk, a lost connection, a timestamp
# authority that does not answer).
PDF_RETRY_BACKOFF = [10, 60, 300]


def _mail(subject, body, addresses):
    for address in sorted({a for a in addresses if a}):
        EmailMessage(subject, body, to=[address]).send()


def _meeting_line(meeting):
    return f"{meeting.body.name}, {meeting.body.owner_short_name}, {meeting.date:%Y-%m-%d}"


@shared_task(name="meetings.tasks.notify_signers", autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notify_signers(revision_id):
    """Tell every signer that a revision waits for them, and what changed since the last one."""
    revision = ProtocolRevision.objects.select_related("meeting__body__federation", "meeting__body__network").get(
        pk=revision_id
    )
    meeting = revision.meeting
    url = f"{settings.SITE_URL}/moten/{meeting.pk}/justering/"
    with translation.override("sv"):
        subject = _("Att justera: %(meeting)s") % {"meeting": _meeting_line(meeting)}
        body = _("Protokollet väntar på din justering senast %(deadline)s.\n\n%(url)s") % {
            "deadline": f"{revision.deadline:%Y-%m-%d}",
            "url": url,
        }
        if revision.changes:
            body += "\n\n" + _("Ändringar sedan förra revisionen:") + "\n" + revision.changes
        addresses = [s.person.email for s in revision.signatures.select_related("person")]
        _mail(subject, body, addresses)
    return len(addresses)


@shared_task(name="meetings.tasks.notify_sent_back", autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def notify_sent_back(revision_id, person_id):

    revision = ProtocolRevision.objects.select_related("meeting__secretary", "meeting__body").get(pk=revision_id)
    person = Person.objects.get(pk=person_id)
    reason = revision.signatures.filter(person=person, status=Signature.Status.RETURNED).values_list(
        "reason", flat=True
    )
    meeting = revision.meeting
    with translation.override("sv"):
        subject = _("Protokollet skickades tillbaka: %(meeting)s") % {"meeting": _meeting_line(meeting)}
        body = _("%(name)s skickade tillbaka protokollet:\n\n%(reason)s\n\n%(url)s") % {
            "name": person.name,
            "reason": "\n".join(reason),
            "url": f"{settings.SITE_URL}/moten/{meeting.pk}/justering/",
        }
        _mail(subject, body, [meeting.secretary.email if meeting.secretary else ""])


@shared_task(name="meetings.tasks.send_reminders")
def send_reminders(days_before=3):
    """Celery beat, daily: remind signers whose deadline is near and who have not been reminded."""

    today = timezone.localdate()
    waiting = Signature.objects.filter(
        status=Signature.Status.PENDING,
        reminded_at__isnull=True,
        revision__meeting__status=Meeting.Status.IN_JUSTERING,
        revision__deadline__lte=today + datetime.timedelta(days=days_before),
    ).select_related("person", "revision__meeting__body")
    sent = 0
    with translation.override("sv"):
        for signature in waiting:
            meeting = signature.revision.meeting
            subject = _("Påminnelse: justera %(meeting)s") % {"meeting": _meeting_line(meeting)}
            body = _("Protokollet ska vara justerat senast %(deadline)s.\n\n%(url)s") % {
                "deadline": f"{signature.revision.deadline:%Y-%m-%d}",
                "url": f"{settings.SITE_URL}/moten/{meeting.pk}/justering/",
            }
            _mail(subject, body, [signature.person.email])
            Signature.objects.filter(pk=signature.pk).update(reminded_at=timezone.now())
            sent += 1
    return sent


def build_signed_pdf(document):
    """Render the revision's snapshot and seal it. Three queries: document, signatures, notice."""
    revision = document.revision
    signatures = [
        {
            "name": s.person.name,
            "role": s.get_role_display(),
            "method": {"password": "Lösenord", "mfa": "Tvåfaktor (TOTP)"}.get(s.method, s.method),
            "signed_at": s.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC") if s.signed_at else "",
        }
        for s in revision.signatures.filter(status=Signature.Status.SIGNED).select_related("person").order_by("id")
    ]
    notice = Anslag.objects.filter(meeting_id=document.meeting_id).first()
    extract = revision.kind == "extract"
    rendered = pdf.render_protocol(
        revision.snapshot,
        revision_number=revision.number,
        sha256=revision.sha256,
        signatures=signatures,
        notice=None if extract else notice,
        extract=extract,
    )
    return seal.seal(rendered, reason=f"Justerat protokoll, revision {revision.number}")


@shared_task(name="meetings.tasks.render_signed_pdf", bind=True, max_retries=len(PDF_RETRY_BACKOFF), acks_late=True)
def render_signed_pdf(self, document_id):
    """Render and seal the justerat protocol. Idempotent: claims the document with a conditional UPDATE."""

    claimed = SignedDocument.objects.filter(pk=document_id, status=SignedDocument.Status.PENDING).update(
        status=SignedDocument.Status.RENDERING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "nothing to do"  # done already, failed for good, or being rendered by another worker
    document = SignedDocument.objects.select_related("revision", "meeting").get(pk=document_id)
    try:
        sealed = build_signed_pdf(document)
    except SigningUnavailable as exc:
        return _fail(document_id, str(exc))
    except (OSError, TimestampUnavailable) as exc:
        if self.request.retries < len(PDF_RETRY_BACKOFF):
            SignedDocument.objects.filter(pk=document_id).update(status=SignedDocument.Status.PENDING)
            raise self.retry(exc=exc, countdown=PDF_RETRY_BACKOFF[self.request.retries]) from exc
        return _fail(document_id, str(exc))
    except Exception as exc:  # a bug or bad data: retrying will not help; the secretary sees it and can try again
        return _fail(document_id, f"{type(exc).__name__}: {exc}")
    meeting = document.meeting
    document.file.save(
        f"protokoll-{meeting.date:%Y-%m-%d}-rev{document.revision.number}.pdf", ContentFile(sealed), save=False
    )
    SignedDocument.objects.filter(pk=document_id).update(
        file=document.file.name,
        sha256=hashlib.sha256(sealed).hexdigest(),
        status=SignedDocument.Status.DONE,
        finished=timezone.now(),
        error="",
    )
    return "done"


def _fail(document_id, message):

    SignedDocument.objects.filter(pk=document_id).update(status=SignedDocument.Status.FAILED, error=message[:2000])
    return "failed"
