"""Deliver the outbox. Each row is claimed, sent on its own and marked sent, so a retry sends only what failed.

E-mail can be delivered long after it was queued (the broker was down, the rate held it back, SMTP failed for a
while), so each row is checked against the state it lands in: what is no longer true is withdrawn, not sent, and the
row says why. The frozen record is never written to: a kallelse that lands on a justerat meeting is not sent (the
meeting is held and its record signed; a call to it would mislead), and its `kallelse_sent_at` keeps saying when
the kallelse reached the members while the meeting could still be called.
"""

import datetime

from celery import shared_task
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting, OutgoingMail, Signature

# After this many attempts a row is left alone, with its last error, for an administrator to look at. With the
# back-off below the attempts span about four hours, so an SMTP server that is down for a while loses nothing.
MAIL_MAX_ATTEMPTS = 10
# A task that claimed a row and died (a killed worker) gives it up after this long; sending is bounded well below
# it by EMAIL_TIMEOUT, so a slow SMTP server cannot make a second worker send the same e-mail.
MAIL_LEASE = datetime.timedelta(minutes=5)


def mail_backoff(attempts):
    """Seconds to wait after the given number of failed attempts: 30 s, doubling, at most an hour."""
    return min(30 * 2 ** max(attempts - 1, 0), 3600)


# Seconds before the task's own 1st, 2nd, ... retry of the rows that failed.
MAIL_RETRY_BACKOFF = [mail_backoff(attempt) for attempt in range(1, 5)]


def unsent_mail(now):
    """The rows nobody is sending now, that may be tried again and whose time has come (the rate of outgoing mail)."""
    unsent = OutgoingMail.objects.filter(
        sent_at__isnull=True, withdrawn_at__isnull=True, attempts__lt=MAIL_MAX_ATTEMPTS, send_after__lte=now
    )
    return unsent.filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - MAIL_LEASE))


def deliver(mail_id):
    """Send one row unless it is sent or being sent. True unless sending failed."""
    now = timezone.now()
    if not unsent_mail(now).filter(pk=mail_id).update(claimed_at=now, attempts=F("attempts") + 1):
        return True
    mail = OutgoingMail.objects.get(pk=mail_id)
    with translation.override("sv"):  # the record is kept in Swedish, whatever language the worker runs in
        reason = str(why_not_due(mail))
    if reason:
        OutgoingMail.objects.filter(pk=mail_id).update(
            withdrawn_at=timezone.now(), withdrawn_reason=reason[:200], claimed_at=None
        )
        return True
    message = EmailMessage(mail.subject, mail.body, to=[mail.recipient])
    try:
        if mail.attachment_file:  # a protokollsutdrag: its sealed PDF
            with mail.attachment_file.open("rb") as handle:
                message.attach(mail.attachment_name, handle.read(), "application/pdf")
        elif mail.attachment_name:
            message.attach(mail.attachment_name, mail.attachment, "text/calendar")
        message.send()
    except OSError as exc:  # smtplib's errors are OSErrors, and so is a file the storage cannot read
        # Not claimable again before the back-off has passed: neither the task's retry nor the sweep may hurry it.
        not_before = timezone.now() + datetime.timedelta(seconds=mail_backoff(mail.attempts))
        OutgoingMail.objects.filter(pk=mail_id).update(
            claimed_at=not_before - MAIL_LEASE, last_error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        return False
    sent_at = timezone.now()
    OutgoingMail.objects.filter(pk=mail_id).update(sent_at=sent_at, claimed_at=None, last_error="")
    if mail.kind == OutgoingMail.Kind.KALLELSE and mail.meeting_id:
        # The kallelse counts as sent when it has reached someone, not when it was ordered. Conditional, so that a
        # justering committed while this e-mail was on its way leaves the frozen row as it is (no IntegrityError).
        Meeting.objects.filter(pk=mail.meeting_id).exclude(status__in=Meeting.FROZEN_STATUSES).update(
            kallelse_sent_at=sent_at
        )
    return True


# The kinds that call someone to a meeting: pointless, and misleading, once the meeting's record is frozen.
CALLING = {OutgoingMail.Kind.KALLELSE, OutgoingMail.Kind.CALL_IN}
# The kinds that ask someone to justera: only while they have a signature to give.
ASKING_TO_SIGN = {OutgoingMail.Kind.TO_SIGN, OutgoingMail.Kind.REMINDER}


def why_not_due(mail):
    """Why the e-mail should no longer go (a translated reason), or "" if it should. Checked when it is sent."""
    frozen = Meeting.objects.filter(pk=mail.meeting_id, status__in=Meeting.FROZEN_STATUSES)
    if mail.kind in CALLING and mail.meeting_id and frozen.exists():
        return _("Sammanträdet var redan justerat när e-postmeddelandet skulle skickas.")
    if mail.kind in ASKING_TO_SIGN and mail.meeting_id:
        waiting = Signature.objects.filter(
            revision__meeting_id=mail.meeting_id, status=Signature.Status.PENDING, person__email__iexact=mail.recipient
        ).exclude(revision__meeting__status__in=Meeting.FROZEN_STATUSES)
        if not waiting.exists():
            return _("Mottagaren hade inget kvar att justera när e-postmeddelandet skulle skickas.")
    return ""


@shared_task(name="meetings.tasks.deliver_mail", bind=True, max_retries=len(MAIL_RETRY_BACKOFF))
def mail_deliver(self, mail_ids):
    """Send the given outbox rows; retry only the ones that failed. Returns how many are sent (or were already)."""
    failed = [mail_id for mail_id in mail_ids if not deliver(mail_id)]
    retries = self.request.retries
    if failed and not self.request.is_eager and retries < len(MAIL_RETRY_BACKOFF):
        raise self.retry(args=[failed], countdown=MAIL_RETRY_BACKOFF[retries])
    return len(mail_ids) - len(failed)  # what still fails stays unsent, with its error, for the sweep
