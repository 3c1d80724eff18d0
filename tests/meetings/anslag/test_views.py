"""The notice board: what a notice shows, and a pinned query count at two sizes."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from meetings.justering import services as justering
from meetings.models import Anslag, Meeting, SignedDocument
from tests.meetings.factories import ready_to_send, sign_all


def posted_protocol(cast, day):
    """A protocol justerat today (its anslag goes up), with a finished PDF, reviewed for publication."""
    meeting = ready_to_send(cast, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=day))
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    SignedDocument.objects.filter(meeting=meeting).update(status=SignedDocument.Status.DONE)
    Meeting.objects.filter(pk=meeting.pk).update(reviewed_at=timezone.now())
    return meeting


def test_a_notice_shows_when_it_went_up_and_the_last_day_to_appeal(cast):
    meeting = posted_protocol(cast, 0)
    anslag = Anslag.objects.get(meeting=meeting)
    html = Client().get("/anslagstavla/").content.decode()
    assert f'<td class="date">{anslag.posted_on:%Y-%m-%d}</td>' in html
    assert f'<td class="date">{anslag.appeal_until:%Y-%m-%d}</td>' in html


@pytest.mark.parametrize("size", [1, 6])
def test_the_notice_board_runs_a_fixed_number_of_queries(cast, django_assert_num_queries, size):
    for day in range(size):
        posted_protocol(cast, 7 * day)
    # the public has no session or user; notices with meetings, bodies and owners; their numbered items; their
    # finished documents
    with django_assert_num_queries(3):
        html = Client().get("/anslagstavla/").content.decode()
    assert html.count("/protokoll.pdf") == size
