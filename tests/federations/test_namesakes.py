"""Two people of one federation with the same name: every picker says what tells them apart (their seat, body and
member organisation, their e-mail address); before, the secretary chose between two identical "Anna Svensson"."""

import datetime

import pytest

from federations.models import Mandate, Person
from tests.meetings.factories import ready_to_send

SINCE = datetime.date(2025, 1, 1)


@pytest.fixture
def two_annas(cast):
    kommun = Person.objects.create(name="Anna Svensson", email="anna.svensson@testby.se")
    Mandate.objects.create(
        person=kommun, body=cast.board, role=Mandate.Role.MEMBER, organisation=cast.kommun, start=SINCE
    )
    fk = Person.objects.create(name="Anna Svensson", email="anna.svensson@fk.se")
    Mandate.objects.create(
        person=fk, body=cast.board, role=Mandate.Role.SUBSTITUTE, organisation=cast.fk, start=SINCE, substitute_order=1
    )
    return kommun, fk


KOMMUN_ANNA = "Anna Svensson – ledamot, Styrelse (Testby kommun); anna.svensson@testby.se"
FK_ANNA = "Anna Svensson – ersättare, Styrelse (Försäkringskassan); anna.svensson@fk.se"


def test_every_picker_of_a_meeting_tells_the_namesakes_apart(client_for, cast, two_annas):
    meeting = ready_to_send(cast)
    meeting.attendances.create(person=two_annas[0], name="Anna Svensson", role="ledamot", status="narvarande")
    client = client_for("secretary")
    decision = meeting.items.get(number=3).decisions.get()
    for url in (
        f"/moten/{meeting.pk}/andra/",  # chair, secretary and justerare
        f"/moten/{meeting.pk}/narvaro/",  # who attends
        f"/moten/{meeting.pk}/paragrafer/{decision.item_id}/beslut/{decision.pk}/",  # who gets the extract
    ):
        page = client.get(url).content.decode()
        assert KOMMUN_ANNA in page, url
        assert FK_ANNA in page or "andra/" in url, url  # the justerare: those at the meeting and the board's members
    assert "Maja Ledamot –" not in page  # a name nobody shares is shown as before


def test_the_register_tells_the_namesakes_apart_when_a_mandate_is_added(client_for, two_annas):
    page = client_for("secretary").get("/forbund/test/uppdrag/nytt/").content.decode()
    assert KOMMUN_ANNA in page and FK_ANNA in page
