"""The Atom feeds parse back as Atom with the public notices and decisions only; the iCalendar feed lists a body's
called and public meetings and no internal ones."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.utils import timezone

from federations.models import Project
from meetings.drafting import services
from meetings.models import Meeting
from tests.conftest import frozen_record_triggers_off, on_the_tests_day
from tests.meetings.factories import plan_meeting

pytestmark = on_the_tests_day

ATOM = "{http://www.w3.org/2005/Atom}"


def atom(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{required}") or "").strip(), required
    assert len({entry.findtext(f"{ATOM}id") for entry in entries}) == len(entries)
    return entries


@pytest.mark.django_db
def test_the_notice_board_feed_lists_every_posted_notice_and_links_only_published_pdfs(world, cast):
    for url in ("/anslagstavla/atom/", f"/forbund/{cast.federation.slug}/anslagstavla/atom/"):
        entries = atom(url)
        assert len(entries) == 2  # the reviewed protocol and the one justerat but not yet reviewed: both posted
        links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
        assert any(link.endswith(f"/moten/{world['public'].pk}/protokoll.pdf") for link in links)
        assert not any(f"/moten/{world['unreviewed'].pk}/" in link for link in links)
    assert atom(f"/forbund/{cast.other_federation.slug}/anslagstavla/atom/") == []


@pytest.mark.django_db
def test_the_decision_feeds_hold_public_decisions_only(world, cast):
    project = Project.objects.create(name="MIA", slug="mia", kind="forberedande", owner=cast.federation)
    # Tag the justerat decision with the project: part of the record now, so the test switches its guard off.
    with frozen_record_triggers_off():
        world["public"].items.get(number=3).decisions.get().projects.add(project)
    for url in (
        f"/forbund/{cast.federation.slug}/beslut/atom/",
        f"/forbund/{cast.federation.slug}/organ/{cast.board.slug}/beslut/atom/",
    ):
        entries = atom(url)
        assert [e.findtext(f"{ATOM}title") for e in entries] == ["§ 3 " + world["public"].items.get(number=3).heading]
        assert "Styrelsen beslutar att godkänna." in entries[0].findtext(f"{ATOM}summary")
    assert atom(f"/projekt/{project.slug}/beslut/atom/") != []
    assert Client().get("/projekt/finns-inte/beslut/atom/").status_code == 404


@pytest.mark.django_db
def test_the_calendar_lists_called_and_public_meetings_only(world, cast, django_capture_on_commit_callbacks):
    called = plan_meeting(cast, date=timezone.localdate() + datetime.timedelta(days=14), place="Stadshuset, Testby")
    with django_capture_on_commit_callbacks(execute=True):  # the outbox sends the kallelse after commit
        services.kallelse_send(actor=cast.user("secretary"), meeting=called)
    response = Client().get(f"/forbund/{cast.federation.slug}/organ/{cast.board.slug}/kalender.ics")
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    uids = {line.removeprefix("UID:") for line in text.split("\r\n") if line.startswith("UID:")}
    assert f"meeting-{called.pk}@finsamportalen" in uids
    assert f"meeting-{world['draft'].pk}@finsamportalen" not in uids  # planned, no kallelse: internal
    assert "LOCATION:Stadshuset\\, Testby" in text
    assert Meeting.objects.get(pk=called.pk).kallelse_sent_at is not None
