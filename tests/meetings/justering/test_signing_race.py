"""Signers on a bad day, in real threads, each with its own PostgreSQL connection, on the meeting's row lock: the
last two signers sign in the same second; the last signer signs while the secretary takes the protocol back."""

import datetime
from functools import partial
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from finsam.models import AuditEntry
from meetings.justering import services as justering
from meetings.justering import tasks
from meetings.models import Anslag, Meeting, Signature, SignedDocument
from tests.conftest import at_once, on_the_tests_day, skip_unless
from tests.meetings.factories import ready_to_send

pytestmark = [on_the_tests_day, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 8


def _sign(cast, key, meeting):
    return partial(justering.protocol_sign, actor=cast.user(key), meeting=meeting, revision_number=1, method="password")


def _sent(cast, round_number, *signed):
    meeting = ready_to_send(cast, date=datetime.date(2026, 3, 1) - datetime.timedelta(weeks=round_number))
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    for key in signed:
        _sign(cast, key, meeting)()
    return meeting


def test_the_last_two_signers_in_the_same_second_are_both_recorded_and_the_record_is_justerat_once(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    for round_number in range(ROUNDS):
        meeting = _sent(cast, round_number, "secretary")
        with mock.patch.object(tasks.render_signed_pdf, "delay_on_commit") as queued:
            errors = at_once(_sign(cast, "chair", meeting), _sign(cast, "member", meeting))
        assert not errors, errors
        meeting.refresh_from_db()
        assert meeting.status == Meeting.Status.JUSTERAT
        assert set(Signature.objects.filter(revision__meeting=meeting).values_list("status", flat=True)) == {"signed"}
        assert SignedDocument.objects.filter(meeting=meeting).count() == 1 and queued.call_count == 1
        assert Anslag.objects.filter(meeting=meeting).count() == 1
        justerat = AuditEntry.objects.filter(action="meetings.minutes.justerat", object_id=str(meeting.pk))
        assert justerat.count() == 1


def test_the_last_signature_and_the_secretary_taking_it_back_at_once_leave_one_coherent_record(cast):
    """Which one wins is the scheduler's; the other is refused, and the record is whole either way."""
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    for round_number in range(ROUNDS):
        meeting = _sent(cast, round_number, "secretary", "member")
        with mock.patch.object(tasks.render_signed_pdf, "delay_on_commit"):
            errors = at_once(
                _sign(cast, "chair", meeting),
                partial(justering.protocol_reopen, actor=cast.user("secretary"), meeting=meeting),
            )
        assert len(errors) == 1 and isinstance(errors[0], ValidationError), errors
        meeting.refresh_from_db()
        statuses = set(Signature.objects.filter(revision__meeting=meeting).values_list("status", flat=True))
        if meeting.status == Meeting.Status.JUSTERAT:
            assert statuses == {"signed"} and SignedDocument.objects.filter(meeting=meeting).exists()
        else:
            assert meeting.status == Meeting.Status.DRAFT and statuses == {"void"}
            assert not SignedDocument.objects.filter(meeting=meeting).exists()
