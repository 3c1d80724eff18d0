"""The outbox: each recipient's e-mail is delivered and recorded on its own; a retry mails only who lacks it."""

import datetime
import smtplib
from unittest import mock

import pytest
from celery.exceptions import Retry
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from meetings import tasks as sweeping
from meetings.drafting import services as drafting
from meetings.models import OutgoingMail
from meetings.outbox import tasks
from meetings.outbox.services import mail_queue
from tests.meetings.factories import ready_to_send

ADDRESSES = ["a@example.se", "b@example.se", "c@example.se"]


@pytest.fixture
def smtp_refusing(settings):
    """An SMTP server that refuses b@example.se until `.refused` is emptied."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    refused = {"b@example.se"}
    deliver = EmailBackend.send_messages

    def send_messages(backend, messages):
        for message in messages:
            if set(message.to) & refused:
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"mailbox unavailable")})
        return deliver(backend, messages)

    with mock.patch.object(EmailBackend, "send_messages", send_messages):
        yield refused


def _queue():
    return [row.pk for row in mail_queue(kind="reminder", recipients=ADDRESSES, subject="Ämne", body="Text")]


def test_a_failing_recipient_does_not_make_the_others_get_it_twice(db, smtp_refusing, mailoutbox):
    ids = _queue()
    assert tasks.mail_deliver.apply(args=[ids]).get() == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.se", "c@example.se"]
    failed = OutgoingMail.objects.get(recipient="b@example.se")
    assert failed.sent_at is None and "SMTPRecipientsRefused" in failed.last_error

    smtp_refusing.clear()  # the server takes it now; the whole batch is delivered again
    tasks.mail_deliver.apply(args=[ids])  # at once: b waits out its back-off (the sweep must not hurry it either)
    assert sorted(m.to[0] for m in mailoutbox) == ["a@example.se", "c@example.se"]
    later = timezone.now() + datetime.timedelta(seconds=tasks.mail_backoff(1) + 1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert tasks.mail_deliver.apply(args=[ids]).get() == 3
    assert sorted(m.to[0] for m in mailoutbox) == ADDRESSES  # b once more, a and c not again
    assert list(OutgoingMail.objects.order_by("recipient").values_list("attempts", flat=True)) == [1, 2, 1]


def test_the_retry_carries_only_the_rows_that_failed(db, smtp_refusing, mailoutbox):
    ids = _queue()
    tasks.mail_deliver.push_request(retries=0, is_eager=False)  # as in a worker
    try:
        with (
            mock.patch.object(tasks.mail_deliver, "retry", side_effect=Retry("scheduled")) as retry,
            pytest.raises(Retry),
        ):
            tasks.mail_deliver.run(ids)
    finally:
        tasks.mail_deliver.pop_request()
    failed = OutgoingMail.objects.get(recipient="b@example.se").pk
    assert retry.call_args.kwargs == {"args": [[failed]], "countdown": tasks.MAIL_RETRY_BACKOFF[0]}


def test_the_sweep_sends_what_is_left_unsent(db, settings, smtp_refusing, mailoutbox):
    settings.FINSAM_SWEEP_AFTER_SECONDS = 0
    _queue()  # the task after commit never ran (the broker was down)
    smtp_refusing.clear()
    assert sweeping.sweep() == {"documents": 0, "mail": 3, "imports": 0}
    assert sorted(m.to[0] for m in mailoutbox) == ADDRESSES
    assert sweeping.sweep() == {"documents": 0, "mail": 0, "imports": 0}


def test_a_kallelse_counts_as_sent_only_once_it_has_gone_out(cast, mailoutbox, django_capture_on_commit_callbacks):
    meeting = ready_to_send(cast)
    # Queued, not yet delivered.
    with mock.patch.object(tasks.mail_deliver, "delay"), django_capture_on_commit_callbacks(execute=True):
        drafting.kallelse_send(actor=None, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.kallelse_sent_at is None and not mailoutbox
    rows = OutgoingMail.objects.filter(meeting=meeting)
    assert rows.count() == 3 and all(row.attachment_name.endswith(".ics") for row in rows)
    tasks.mail_deliver.apply(args=[[row.pk for row in rows]])
    meeting.refresh_from_db()
    assert meeting.kallelse_sent_at is not None and len(mailoutbox) == 3
