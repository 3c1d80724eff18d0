"""Every list page of the API answers in a constant number of queries: pinned at two data sizes."""

import datetime

import pytest
from django.test import Client

from federations.models import Body, Mandate, Person
from meetings.models import Meeting
from tests.conftest import on_the_tests_day
from tests.meetings.opendata.conftest import quick_public_record

pytestmark = on_the_tests_day


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.FINSAM_API_RATE_LIMIT = 0


def grow(cast, count):
    for number in range(count):
        quick_public_record(
            cast, datetime.date(2025, 1, 1) + datetime.timedelta(days=7 * number + Meeting.objects.count())
        )
        person = Person.objects.create(name=f"Person {Person.objects.count()}", email="hemlig@example.se")
        Mandate.objects.create(person=person, body=cast.board, role="ledamot", start=datetime.date(2023, 1, 1))
        group = Body.objects.create(
            federation=cast.federation, name=f"Grupp {person.pk}", slug=f"grupp-{person.pk}", kind="beredningsgrupp"
        )
        Mandate.objects.create(person=person, body=group, role="ledamot", start=datetime.date(2023, 1, 1))


# list: the queries of one page
PAGES = {
    # the federation; the ids of its public meetings from the cursor on; the page's meetings with body, anslag,
    # whether appealed and the sealed document; their §§ joined to their decisions (outcome and text)
    "meeting": 4,
    # the federation; the ids of its public meetings from the cursor on; the §§ with their meeting's times;
    # decisions; votes with the voter and whether the voter is in the public register
    "agendaitem": 5,
    # the federation; the ids of its sealed documents from the cursor on; the page's documents with meeting and
    # body
    "file": 3,
    # the federation; the people holding mandates; their mandates with the organisation
    "person": 3,
    # the federation; the mandates with the organisation
    "membership": 2,
    # the federation; the bodies with federation and network; the member organisations after them (while the
    # page has room); the bodies' mandates' ids
    "organization": 4,
}


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_a_list_page_costs_the_same_queries_at_two_sizes(db, cast, kind, django_assert_num_queries):
    url = f"/api/oparl/v1/body/{cast.federation.slug}/{kind}/"
    for size in (2, 6):
        grow(cast, size)
        with django_assert_num_queries(PAGES[kind]):
            response = Client().get(url)
        assert response.status_code == 200
        assert len(response.json()["data"]) >= size


def test_the_body_list_costs_two_queries(db, cast, django_assert_num_queries):
    # the federations; their current memberships with the organisation
    with django_assert_num_queries(2):
        assert len(Client().get("/api/oparl/v1/body/").json()["data"]) == 2
