"""The start page: what waits for the user, their meetings, in a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from meetings.drafting import services
from meetings.models import Meeting
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting


@on_the_tests_day
@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize(("key", "queries"), [("member", 9), ("secretary", 11)])
def test_the_start_page_runs_a_fixed_number_of_queries(client_for, cast, django_assert_num_queries, size, key, queries):
    from meetings.justering import services as justering

    for i in range(size):
        meeting = plan_meeting(cast, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=7 * i))
        meeting.justerare.add(cast.member)
        item = meeting.items.get(number=3)
        decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att godkänna.")
        services.assignment_create(actor=None, item=item, decision=decision, what="Utreda.", owner=cast.member)
        if i % 2:
            justering.protocol_send_for_justering(actor=None, meeting=meeting)
    client = client_for(key)
    # session, user, person, staff roles, mandates (roles); signatures waiting with their meetings; förhinder
    # without an ersättare and drafts to write (a secretary's only); upcoming and recent meetings; open assignments
    # with their meetings
    with django_assert_num_queries(queries):
        assert client.get("/").status_code == 200


def test_the_start_page_lists_the_users_own_meetings_by_date_and_no_one_elses(client_for, cast):

    today = timezone.localdate()
    other = plan_meeting(cast, body=cast.other_board, date=today - datetime.timedelta(days=3))
    Meeting.objects.filter(pk=other.pk).update(
        status=Meeting.Status.JUSTERAT, reviewed_at=timezone.now(), chair=cast.outsider, secretary=cast.outsider
    )
    for days in (30, -10, 5, -40):
        plan_meeting(cast, date=today + datetime.timedelta(days=days))
    for key in ("member", "secretary"):
        response = client_for(key).get("/")
        shown = response.context["meetings"]
        assert other not in shown, key
        assert [m.date for m in shown] == sorted(today + datetime.timedelta(days=d) for d in (30, -10, 5, -40)), key
