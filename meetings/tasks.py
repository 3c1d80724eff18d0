"""The sweep (Celery beat, every minute): queue the work that is recorded in the database as waiting but has no task:
sealed PDFs, e-mail, imported documents.

Work is recorded first and queued after commit; when the broker was down at that moment, or the worker that took it
died, the record is all that is left. The sweep finds it, and the tasks' claims make a second delivery harmless.
"""

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import mail_admins
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from finsam.models import Heartbeat
from meetings.importing import tasks as importing
from meetings.justering.tasks import PDF_RETRY_BACKOFF, claimable_documents, render_signed_pdf
from meetings.models import ImportDocument, SignedDocument
from meetings.operations import status
from meetings.outbox.tasks import mail_deliver, unsent_mail

MAIL_BATCH = 50
logger = logging.getLogger(__name__)


@shared_task(name="meetings.tasks.sweep")
def sweep():
    now = timezone.now()
    settled = now - datetime.timedelta(seconds=settings.FINSAM_SWEEP_AFTER_SECONDS)
    # A pending document younger than that still has the task queued when it was recorded; a rendering one is here
    # only once its lease has expired.
    # A pending document that failed a moment ago (claimed_at is when) waits out the task's back-off first.
    backed_off = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - datetime.timedelta(seconds=max(PDF_RETRY_BACKOFF)))
    documents = list(
        claimable_documents(now)
        .filter(Q(status=SignedDocument.Status.RENDERING) | (Q(created__lt=settled) & backed_off))
        .values_list("pk", flat=True)
    )
    for document_id in documents:
        render_signed_pdf.delay_or_postpone(document_id)
    mail = list(unsent_mail(now).filter(created__lt=settled).values_list("pk", flat=True))
    for start in range(0, len(mail), MAIL_BATCH):
        mail_deliver.delay_or_postpone(mail[start : start + MAIL_BATCH])
    # Imported documents no task carries (the broker was down at upload), or whose worker died mid-read: a dead
    # worker's claim is released first, so the next minute's sweep does not queue it again before a worker takes it.
    imports = list(importing.waiting_for_a_task(now).values_list("pk", flat=True))
    if imports:
        ImportDocument.objects.filter(pk__in=imports, status=ImportDocument.Status.READING).update(
            status=ImportDocument.Status.QUEUED, claim="", claimed_at=None, queued_at=None
        )
        importing.queue_documents(imports)
    result = {"documents": len(documents), "mail": len(mail), "imports": len(imports)}
    # The status page's "last sweep": beat sent it and a worker ran it.
    Heartbeat.record("sweep", **result)
    return result


# A warning that stays true is mailed again this long after it was last mailed, not every hour.
WARNING_REMINDER = datetime.timedelta(hours=24)


@shared_task(name="meetings.tasks.warn_admins")
def warn_admins():
    """Every hour (beat): tell ADMINS what needs a person: a sealing certificate that expires within 30 days, a PDF or
    an e-mail that has failed for an hour, a last backup older than two days. Mailed when something new is wrong, then
    again once a day while anything is (WARNING_REMINDER), and once more when all is well again; what was mailed, and
    when, is kept in the "warn-admins" heartbeat. Returns what is wrong now."""
    now = timezone.now()
    keyed = status.keyed_warnings(now)
    found = [text for _key, text in keyed]
    keys = sorted({key for key, _text in keyed})
    previous = Heartbeat.objects.filter(name="warn-admins").first()
    mailed_keys = set(previous.detail.get("keys", [])) if previous else set()
    new = set(keys) - mailed_keys
    reminder_due = previous is None or previous.at <= now - WARNING_REMINDER
    if found and (new or reminder_due):
        logger.warning("Warnings mailed to the administrators: %s", found)
        mail_admins(
            f"{len(found)} varning{'ar' if len(found) > 1 else ''} från Finsamportalen",
            "\n\n".join(found) + f"\n\nDriftstatus: {settings.SITE_URL}/driftstatus/\n",
        )
        Heartbeat.record("warn-admins", keys=keys)
    elif not found and mailed_keys:
        mail_admins(
            _("Inga varningar längre från Finsamportalen"),
            _("Det som varnades för är åtgärdat.") + f"\n\nDriftstatus: {settings.SITE_URL}/driftstatus/\n",
        )
        Heartbeat.record("warn-admins", keys=[])
    elif set(keys) != mailed_keys:  # some warnings are gone, none is new: remember, without mailing or a new time
        Heartbeat.objects.filter(name="warn-admins").update(detail={"keys": keys})
    return found
