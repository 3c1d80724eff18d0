"""A world with one public protocol (justerat, reviewed, sealed, with a named vote), one justerat but unreviewed
protocol, and one draft: the open-data tests check the first appears and the others never do."""

import datetime

import pytest
from django.core.cache import cache

from meetings.anslag import services as anslag
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import Attendance, Meeting
from tests.meetings.factories import plan_meeting, ready_to_send


@pytest.fixture(autouse=True)
def open_data_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = "https://portal.example"
    settings.FINSAM_API_RATE_LIMIT = 0
    cache.clear()


def justera(cast, meeting, capture):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with capture(execute=True):
        for key in ("chair", "member", "secretary"):
            justering.protocol_sign(actor=cast.user(key), meeting=meeting, revision_number=1, method="password")
    meeting.refresh_from_db()
    return meeting


def public_protocol(cast, capture, date):
    meeting = ready_to_send(cast, date=date)
    decision = meeting.items.get(number=3).decisions.get()
    voters = Attendance.objects.filter(meeting=meeting, role__in=["ordforande", "ledamot"])
    services.votes_set(actor=None, decision=decision, choices={a.pk: "ja" for a in voters})
    justera(cast, meeting, capture)
    anslag.personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def world(cast, django_capture_on_commit_callbacks):
    public = public_protocol(cast, django_capture_on_commit_callbacks, datetime.date(2026, 3, 1))
    unreviewed = ready_to_send(cast, date=datetime.date(2026, 4, 1), title="Ogranskat sammanträde")
    justera(cast, unreviewed, django_capture_on_commit_callbacks)
    draft = plan_meeting(cast, date=datetime.date(2026, 5, 1), title="Utkastsammanträde")
    assert public.is_public and unreviewed.status == Meeting.Status.JUSTERAT and not unreviewed.is_public
    return {"public": public, "unreviewed": unreviewed, "draft": draft}
