"""An imported record of a meeting long past is history: sent for online justering, it would be posted on the notice
board on the day it was justerat, with an appeal period from then (a record of 2016 'appealable until' next month).
The secretary files it as justerat on paper, or sees that and chooses it."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from meetings.justering import services as justering
from meetings.models import Anslag, Meeting
from tests.conftest import TESTS_DAY, on_the_tests_day
from tests.meetings.factories import ready_to_send, sign_all

pytestmark = on_the_tests_day
TODAY = TESTS_DAY.date()


def imported(cast, date):
    meeting = ready_to_send(cast, date=date)
    Meeting.objects.filter(pk=meeting.pk).update(imported=True, status=Meeting.Status.DRAFT)
    meeting.refresh_from_db()
    return meeting


@pytest.fixture
def of_2016(cast):
    return imported(cast, datetime.date(2016, 2, 4))


def test_an_imported_record_of_2016_is_not_sent_for_justering_unasked(of_2016):
    with pytest.raises(ValidationError, match="importerat från ett sammanträde den 4 februari 2016"):
        justering.protocol_send_for_justering(actor=None, meeting=of_2016)
    of_2016.refresh_from_db()
    assert of_2016.status == Meeting.Status.DRAFT and not of_2016.revisions.exists()


def test_the_page_says_what_sending_it_means_and_refuses_without_the_secretarys_choice(client_for, of_2016):
    client = client_for("secretary")
    page = client.get(f"/moten/{of_2016.pk}/justering/").content.decode()
    assert 'name="late" value="1" required' in page
    assert "anslaget sätts upp när det är justerat och överklagandetiden räknas från den dagen" in page
    page = client.post(f"/moten/{of_2016.pk}/justering/skicka/", follow=True).content.decode()
    assert "lägg det till handlingarna i stället" in page
    assert not of_2016.revisions.exists()


def test_chosen_it_is_justerat_now_and_posted_from_its_justering(client_for, cast, of_2016):
    client_for("secretary").post(f"/moten/{of_2016.pk}/justering/skicka/", {"late": "1"})
    revision = justering.current_revision(of_2016)
    assert revision is not None and revision.deadline == TODAY + datetime.timedelta(days=14)
    sign_all(cast, of_2016)
    assert Anslag.objects.get(meeting=of_2016).posted_on == TODAY


def test_a_recent_import_is_sent_as_any_protocol(cast):
    recent = imported(cast, TODAY - datetime.timedelta(days=10))
    assert justering.protocol_send_for_justering(actor=None, meeting=recent).number == 1


def test_its_paragraphs_are_not_justerade_immediately_years_later(of_2016):
    of_2016.items.filter(number=3).update(immediate_justering=True)
    with pytest.raises(ValidationError, match="Omedelbar justering sker vid sammanträdet"):
        justering.extract_send_for_justering(actor=None, meeting=of_2016)
