"""Late e-mail checks the state it lands in: queued while the broker was down and delivered after justering, a
kallelse or an "att justera" is withdrawn with its reason, not sent, and the frozen meeting is not written to. On
PostgreSQL the trigger that refuses `kallelse_sent_at` on a frozen meeting is the real one."""

from unittest import mock

import pytest
from django.core.mail import EmailMessage
from django.db import IntegrityError, connection, transaction

from meetings import tasks as sweeping
from meetings.drafting import services as drafting
from meetings.justering import services as justering
from meetings.models import Meeting, OutgoingMail
from meetings.outbox import tasks
from tests.conftest import skip_unless
from tests.meetings.factories import ready_to_send, sign_all


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FINSAM_SWEEP_AFTER_SECONDS = 0


@pytest.fixture
def broker_down():
    """The delivery task never leaves after commit: the e-mail waits in the outbox for the sweep."""
    with mock.patch.object(tasks.mail_deliver, "delay_on_commit"):
        yield


def _justera(meeting):
    """The protocol becomes justerat (the trigger lets a meeting that is not yet frozen change its status)."""
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)


def test_a_kallelse_that_lands_after_justering_is_withdrawn_and_the_record_untouched(
    cast, broker_down, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = ready_to_send(cast)
    with django_capture_on_commit_callbacks(execute=True):
        drafting.kallelse_send(actor=cast.user("secretary"), meeting=meeting)
    _justera(meeting)
    assert sweeping.sweep()["mail"] == 3  # the broker is back: the sweep finds the kallelse
    assert not mailoutbox
    rows = OutgoingMail.objects.filter(kind=OutgoingMail.Kind.KALLELSE)
    assert all(row.withdrawn_at and "redan justerat" in row.withdrawn_reason and not row.sent_at for row in rows)
    assert Meeting.objects.get(pk=meeting.pk).kallelse_sent_at is None
    assert sweeping.sweep()["mail"] == 0  # withdrawn for good, not tried again


def test_a_kallelse_that_lands_before_justering_is_sent_and_recorded(cast, broker_down, mailoutbox):
    meeting = ready_to_send(cast)
    drafting.kallelse_send(actor=cast.user("secretary"), meeting=meeting)
    assert sweeping.sweep()["mail"] == 3 and len(mailoutbox) == 3
    assert Meeting.objects.get(pk=meeting.pk).kallelse_sent_at is not None


def test_a_justering_committed_while_the_kallelse_is_on_its_way_is_not_written_to(cast, broker_down, mailoutbox):
    meeting = ready_to_send(cast)
    drafting.kallelse_send(actor=cast.user("secretary"), meeting=meeting)
    send = EmailMessage.send

    def justerat_meanwhile(message, *args, **kwargs):
        _justera(meeting)
        return send(message, *args, **kwargs)

    with mock.patch.object(EmailMessage, "send", justerat_meanwhile):
        row = OutgoingMail.objects.filter(kind=OutgoingMail.Kind.KALLELSE).first()
        assert tasks.deliver(row.pk)  # no IntegrityError from the trigger
    assert len(mailoutbox) == 1 and OutgoingMail.objects.get(pk=row.pk).sent_at is not None
    assert Meeting.objects.get(pk=meeting.pk).kallelse_sent_at is None


def test_att_justera_is_not_sent_once_the_protocol_is_justerat(
    cast, broker_down, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        sign_all(cast, meeting)
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.JUSTERAT
    assert sweeping.sweep()["mail"] == 3
    assert not [m for m in mailoutbox if m.subject.startswith("Att justera")]
    rows = OutgoingMail.objects.filter(kind=OutgoingMail.Kind.TO_SIGN)
    assert rows.count() == 3 and all("inget kvar att justera" in row.withdrawn_reason for row in rows)


def test_att_justera_goes_only_to_who_still_has_to_sign(cast, broker_down, mailoutbox):
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)
    justering.protocol_sign(actor=cast.user("chair"), meeting=meeting, revision_number=1, method="password")
    sweeping.sweep()
    assert sorted(m.to[0] for m in mailoutbox) == ["member@example.se", "secretary@example.se"]
    assert OutgoingMail.objects.get(recipient="chair@example.se").withdrawn_at is not None


@pytest.mark.postgres
def test_the_trigger_still_refuses_kallelse_sent_at_on_a_frozen_meeting(cast):
    """What the tests above steer around is real: the frozen row refuses the flag."""
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    meeting = ready_to_send(cast)
    _justera(meeting)
    with pytest.raises(IntegrityError, match="justerat"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE meetings_meeting SET kallelse_sent_at = now() WHERE id = %s", [meeting.pk])
