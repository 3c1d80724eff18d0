"""The notice board: what a notice shows, and a pinned query count at two sizes."""

import datetime

import pytest
from django.test import Client

from meetings.anslag.services import personal_data_review
from meetings.justering import services as justering
from meetings.models import Anslag, SignedDocument
from tests.conftest import on_the_tests_day
from tests.meetings.factories import ready_to_send, sign_all

pytestmark = on_the_tests_day


def posted_protocol(cast, capture, day):
    """A protocol justerat today (its anslag goes up), with its PDF rendered and sealed by the task that the last
    signature queues, reviewed for publication."""
    meeting = ready_to_send(cast, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=day))
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with capture(execute=True):
        sign_all(cast, meeting)
    assert SignedDocument.objects.get(meeting=meeting).status == SignedDocument.Status.DONE
    meeting.refresh_from_db()
    personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    return meeting


def test_a_notice_shows_when_it_went_up_and_the_last_day_to_appeal(cast, django_capture_on_commit_callbacks):
    meeting = posted_protocol(cast, django_capture_on_commit_callbacks, 0)
    anslag = Anslag.objects.get(meeting=meeting)
    html = Client().get("/anslagstavla/").content.decode()
    assert f'<td class="date">{anslag.posted_on:%Y-%m-%d}</td>' in html
    assert f'<td class="date">{anslag.appeal_until:%Y-%m-%d}</td>' in html


@pytest.mark.parametrize("size", [1, 6])
def test_the_notice_board_runs_a_fixed_number_of_queries(
    cast, django_assert_num_queries, django_capture_on_commit_callbacks, size
):
    for day in range(size):
        posted_protocol(cast, django_capture_on_commit_callbacks, 7 * day)
    # the public has no session or user; notices with meetings, bodies and owners; their numbered items; their
    # finished documents
    with django_assert_num_queries(3):
        html = Client().get("/anslagstavla/").content.decode()
    assert html.count("/protokoll.pdf") == size
