"""The meeting permission rules for the fixed cast (README: who may see and do what)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from federations.models import Body
from meetings.anslag import services as anslag
from meetings.justering import services as justering
from meetings.models import Meeting
from meetings.permissions import READ, SIGN, WRITE, can_correct, can_edit, check_meeting, visible_meetings
from tests.conftest import on_the_tests_day
from tests.meetings.factories import justera, ready_to_send, sign_all

pytestmark = on_the_tests_day


@pytest.fixture
def meeting(cast):
    meeting = Meeting.objects.create(body=cast.board, date=datetime.date(2026, 3, 1), record_kind="protokoll")
    meeting.chair = cast.chair
    meeting.secretary = cast.secretary
    meeting.save()
    return meeting


def outcome(cast, key, meeting, need):
    user = cast.user(key) if key else None
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    try:
        check_meeting(user, meeting, need)
        return "ok"
    except Http404:
        return 404
    except PermissionDenied:
        return 403


@pytest.mark.parametrize(
    ("key", "read", "sign", "write"),
    [
        (None, 404, 404, 404),
        ("outsider", 404, 404, 404),
        ("member", "ok", 403, 403),
        ("substitute", "ok", 403, 403),
        ("chair", "ok", "ok", 403),
        ("secretary", "ok", "ok", "ok"),
        ("admin", "ok", 403, "ok"),
        ("coordinator", "ok", 403, 403),  # sees the whole regional network, drafts included; writes nothing
    ],
)
def test_a_draft_is_seen_by_its_body_its_staff_and_the_network_coordinator(cast, meeting, key, read, sign, write):
    assert [outcome(cast, key, meeting, need) for need in (READ, SIGN, WRITE)] == [read, sign, write]


def test_a_justerare_of_the_meeting_may_sign(cast, meeting):
    meeting.justerare.add(cast.member)
    assert outcome(cast, "member", meeting, SIGN) == "ok"


def test_a_reviewed_justerat_protocol_is_public(cast):
    meeting = justera(cast, ready_to_send(cast))
    anslag.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    meeting.refresh_from_db()  # the service reviews its own locked copy of the row
    assert outcome(cast, None, meeting, READ) == "ok"
    assert outcome(cast, "outsider", meeting, WRITE) == 404
    assert list(visible_meetings(cast.user("outsider"))) == [meeting]


def test_a_justerat_but_unreviewed_protocol_is_not_public(cast):
    meeting = justera(cast, ready_to_send(cast))
    assert meeting.status == Meeting.Status.JUSTERAT
    assert outcome(cast, None, meeting, READ) == 404


def test_a_network_coordinator_writes_the_network_bodies_records(cast):
    network_body = Body.objects.create(network=cast.network, name="Presidienätverket", slug="presidier", kind="natverk")
    meeting = Meeting.objects.create(
        body=network_body, date=datetime.date(2026, 3, 1), record_kind="minnesanteckningar"
    )
    assert outcome(cast, "coordinator", meeting, WRITE) == "ok"
    assert outcome(cast, "member", meeting, READ) == 404


def test_visible_meetings_lists_a_members_drafts_but_not_a_foreign_one(cast, meeting):
    foreign = Meeting.objects.create(body=cast.other_board, date=datetime.date(2026, 3, 1), record_kind="protokoll")
    assert list(visible_meetings(cast.user("member"))) == [meeting]
    assert list(visible_meetings(cast.user("outsider"))) == [foreign]


def edit_and_correct(user, meeting):
    meeting.refresh_from_db()
    return can_edit(user, meeting), can_correct(user, meeting)


def test_the_secretary_edits_a_draft_not_a_record_out_for_justering_and_corrects_a_justerat_one(cast):
    secretary = cast.user("secretary")
    meeting = ready_to_send(cast)
    assert edit_and_correct(secretary, meeting) == (True, False)
    justering.protocol_send_for_justering(actor=secretary, meeting=meeting)
    assert edit_and_correct(secretary, meeting) == (False, False)
    sign_all(cast, meeting)
    assert edit_and_correct(secretary, meeting) == (False, True)


def test_a_signer_without_the_write_right_neither_edits_nor_corrects(cast):
    chair = cast.user("chair")
    meeting = ready_to_send(cast)
    assert edit_and_correct(chair, meeting) == (False, False)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    assert edit_and_correct(chair, meeting) == (False, False)
