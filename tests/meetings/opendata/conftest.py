"""A world with one public protocol (justerat, reviewed, sealed, with a named vote), one justerat but unreviewed
protocol, and one draft: the open-data tests check the first appears and the others never do."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from meetings.anslag import services as anslag
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import Anslag, Attendance, Decision, Meeting, ProtocolRevision, SignedDocument
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


def quick_public_record(cast, day):
    """A public record made quickly: drafted through the services, then marked justerat, reviewed, sealed and
    posted directly (rendering a real PDF per meeting would make this test slow, not truer)."""
    meeting = ready_to_send(cast, date=day)
    decision = meeting.items.get(number=3).decisions.get()
    # Every voter says nej: the board rejects (a bifall that every vote went against is refused).
    decision = services.decision_save(
        actor=None, item=decision.item, decision=decision, text=decision.text, outcome=Decision.Outcome.REJECTED
    )
    voters = Attendance.objects.filter(meeting=meeting, role__in=["ordforande", "ledamot"])
    services.votes_set(actor=None, decision=decision, choices={a.pk: "nej" for a in voters})
    now = timezone.now()
    revision = ProtocolRevision.objects.create(meeting=meeting, number=1, snapshot={}, sha256="a" * 64, deadline=day)
    SignedDocument.objects.create(
        meeting=meeting, revision=revision, status="done", sha256=f"{meeting.pk:064x}", finished=now
    )
    Anslag.objects.create(meeting=meeting, posted_on=day, appeal_until=day + datetime.timedelta(days=21))
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT, justerad_at=now, reviewed_at=now)
    return meeting
