"""The sweep (Celery beat, every minute): queue the work that is recorded in the database as waiting but has no task:
sealed PDFs, e-mail, imported documents.

Work is recorded first and queued after commit; when the broker was down at that moment, or the worker that took it
died, the record is all that is left. The sweep finds it, and the tasks' claims make a second delivery harmless.
"""

import datetime
import logging
from functools import partial

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from finsam.models import Heartbeat
from meetings.importing import tasks as importing
from meetings.justering.tasks import PDF_RETRY_BACKOFF, claimable_documents, render_signed_pdf
from meetings.models import ImportDocument, SignedDocument
from meetings.operations import status
from meetings.outbox.services import addresses_by_language
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
        _mail_admins(partial(_warnings_text, now))
        Heartbeat.record("warn-admins", keys=keys)
    elif not found and mailed_keys:
        _mail_admins(lambda: (_("Inga varningar längre från Finsamportalen"), _("Det som varnades för är åtgärdat.")))
        Heartbeat.record("warn-admins", keys=[])
    elif set(keys) != mailed_keys:  # some warnings are gone, none is new: remember, without mailing or a new time
        Heartbeat.objects.filter(name="warn-admins").update(detail={"keys": keys})
    return found


def _warnings_text(now):
    """(subject, body) of the warnings mail, in the language active: the warnings are worded again in it."""
    found = [text for _key, text in status.keyed_warnings(now)]
    subject = ngettext("%(n)s varning från Finsamportalen", "%(n)s varningar från Finsamportalen", len(found)) % {
        "n": len(found)
    }
    return subject, "\n\n".join(found)


def _mail_admins(compose):
    """Mail ADMINS as Django's mail_admins does (the subject prefix, SERVER_EMAIL), each in the language they chose
    in the portal, else the portal's own: `compose()` gives (subject, body) in the language active. The body ends
    with the link to the status page. Not through the outbox: a warning that the outbox fails must not wait in it."""
    for language, group in addresses_by_language(address for _name, address in settings.ADMINS):
        with translation.override(language):
            subject, body = compose()
            body += "\n\n" + _("Driftstatus") + f": {settings.SITE_URL}/driftstatus/\n"
        EmailMessage(f"{settings.EMAIL_SUBJECT_PREFIX}{subject}", body, settings.SERVER_EMAIL, group).send()
