"""Anmäl förhinder reaches the secretary (by e-mail and on the start page), the member's meeting page says it is
reported, and calling in an ersättare without an address says that nobody was told."""

import datetime

import pytest
from django.utils import timezone

from federations.models import Person
from meetings.drafting import services
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting


@pytest.fixture
def coming(cast):
    return plan_meeting(cast, date=timezone.localdate() + datetime.timedelta(days=7))


def report(client_for, meeting, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for("member").post(f"/moten/{meeting.pk}/anmal-forhinder/")
    return meeting.attendances.get(status="anmalt_forhinder")


def test_the_secretary_is_told_by_e_mail_and_on_the_start_page(
    client_for, cast, coming, mailoutbox, django_capture_on_commit_callbacks
):
    absent = report(client_for, coming, mailoutbox, django_capture_on_commit_callbacks)
    [mail] = mailoutbox
    assert mail.to == [cast.secretary.email] and "Maja Ledamot har anmält förhinder" in mail.body
    assert f"/moten/{coming.pk}/narvaro/" in mail.body
    start = client_for("secretary").get("/").content.decode()
    assert "Förhinder anmält: Maja Ledamot" in start and "kalla in en ersättare" in start

    substitute = coming.attendances.get(person=cast.substitute)
    services.substitute_call_in(actor=None, meeting=coming, substitute=substitute, absent=absent)
    assert "Förhinder anmält" not in client_for("secretary").get("/").content.decode()


def test_reporting_twice_tells_the_secretary_once(client_for, coming, mailoutbox, django_capture_on_commit_callbacks):
    report(client_for, coming, mailoutbox, django_capture_on_commit_callbacks)
    report(client_for, coming, mailoutbox, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 1


def test_the_members_meeting_page_says_it_is_reported_instead_of_offering_it_again(
    client_for, coming, mailoutbox, django_capture_on_commit_callbacks
):
    page = client_for("member").get(coming.get_absolute_url()).content.decode()
    assert "Anmäl förhinder" in page
    report(client_for, coming, mailoutbox, django_capture_on_commit_callbacks)
    page = client_for("member").get(coming.get_absolute_url()).content.decode()
    assert "Du har anmält förhinder" in page and "anmal-forhinder" not in page


def test_someone_not_called_is_not_offered_it(client_for, cast, coming):
    coming.attendances.filter(person=cast.member).delete()
    assert "anmal-forhinder" not in client_for("member").get(coming.get_absolute_url()).content.decode()


def test_calling_in_an_ersattare_without_an_address_says_nobody_was_told(
    client_for, cast, coming, mailoutbox, django_capture_on_commit_callbacks
):
    absent = report(client_for, coming, mailoutbox, django_capture_on_commit_callbacks)
    Person.objects.filter(pk=cast.substitute.pk).update(email="")
    substitute = coming.attendances.get(person=cast.substitute)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("secretary").post(
            f"/moten/{coming.pk}/narvaro/tjanstgor/", {"substitute": substitute.pk, "absent": absent.pk}, follow=True
        )
    html = response.content.decode()
    assert "tjänstgör för Maja Ledamot" in html
    assert "har ingen e-postadress i registret och har inte fått någon inkallelse" in html and not mailoutbox


def test_a_member_reports_absence_from_the_kallelse_link_and_the_ersattare_is_called_in(
    client_for, cast, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = plan_meeting(cast, date=timezone.localdate() + datetime.timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        services.kallelse_send(actor=cast.user("secretary"), meeting=meeting)
    link = f"/moten/{meeting.pk}/anmal-forhinder/"
    assert any(link in message.body for message in mailoutbox)
    member = client_for("member")
    assert "Anmäl förhinder" in member.get(link).content.decode()
    member.post(link)
    absent = meeting.attendances.get(person=cast.member)
    assert absent.status == "anmalt_forhinder"

    secretary = client_for("secretary")
    assert "Erik Ersättare" in secretary.get(f"/moten/{meeting.pk}/narvaro/").content.decode()
    substitute = meeting.attendances.get(person=cast.substitute)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        secretary.post(f"/moten/{meeting.pk}/narvaro/tjanstgor/", {"substitute": substitute.pk, "absent": absent.pk})
    substitute.refresh_from_db()
    assert substitute.serving_for == absent
    assert [m.to for m in mailoutbox] == [[cast.substitute.email]]
    assert "Maja Ledamot har förhinder" in mailoutbox[0].body


@on_the_tests_day
def test_someone_not_called_cannot_report_absence(client_for, cast):
    meeting = plan_meeting(cast)
    assert (
        "redan hållits"
        in client_for("member").post(f"/moten/{meeting.pk}/anmal-forhinder/", follow=True).content.decode()
    )  # the fixture's meeting was in March
    response = client_for("secretary").post(f"/moten/{meeting.pk}/anmal-forhinder/", follow=True)
    assert "inte kallad" in response.content.decode()
    assert client_for("outsider").get(f"/moten/{meeting.pk}/anmal-forhinder/").status_code == 404


def test_the_kallelse_link_after_the_meeting_says_it_was_held_and_offers_no_button(client_for, cast):
    held = plan_meeting(cast, date=timezone.localdate() - datetime.timedelta(days=1))
    page = client_for("member").get(f"/moten/{held.pk}/anmal-forhinder/").content.decode()
    assert "har redan hållits" in page and 'type="submit">Anmäl förhinder' not in page
