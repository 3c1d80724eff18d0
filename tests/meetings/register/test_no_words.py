"""A search with nothing to search for: not the whole register, as if every decision matched it; nor a suggestion
that is no better."""

import datetime

import pytest

from meetings.register import selectors
from tests.meetings.register.test_register import frozen_meeting, headings


@pytest.mark.parametrize("query", ["%", "b", "😀", "§", '""', "– ;"])
def test_a_search_without_a_word_says_so_and_lists_nothing(client_for, history, query):
    client = client_for(None)
    response = client.get("/beslut/", {"q": query})
    html = response.content.decode()
    assert headings(response) == [] and response.context["no_words"]
    assert "Sökningen har inget ord att söka på." in html
    assert "träffar" not in html and "Inga beslut matchar sökningen." not in html
    export = client.get("/beslut/export.csv", {"q": query})
    assert b"".join(export.streaming_content).decode("utf-8-sig").strip().count("\n") == 0  # the header row only


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_is_the_whole_register(client_for, history, query):
    response = client_for(None).get("/beslut/", {"q": query})
    assert len(headings(response)) == 3 and not response.context["no_words"]


def test_a_word_beside_a_sign_is_searched(client_for, history):
    assert headings(client_for(None).get("/beslut/", {"q": "% budget"})) == ["Budget 2023–2025"]


def test_a_number_that_finds_nothing_is_offered_no_other_number(client_for, cast):
    """An amount is no typo: "Menade du 100000?" for 1200000 offered another sum of money as the one meant."""
    frozen_meeting(
        cast,
        date=datetime.date(2024, 3, 1),
        decisions=[("Bidrag", "Styrelsen beviljar 100000 kronor.", "bifall", "acklamation")],
    )
    response = client_for(None).get("/beslut/", {"q": "1200000"})
    assert response.context["rows"] == [] and response.context["suggestion"] is None
    assert client_for(None).get("/beslut/", {"q": "kronorr"}).context["suggestion"] == "kronor"


def test_an_amount_in_millions_that_finds_nothing_is_offered_no_word(client_for, cast):
    """ "1,2 miljoner" is the amount 1200000: "Menade du miljon?" offered the unit as the thing searched for."""
    frozen_meeting(
        cast,
        date=datetime.date(2024, 3, 1),
        decisions=[("Ram", "Styrelsen avsätter en miljon kronor.", "bifall", "acklamation")],
    )
    response = client_for(None).get("/beslut/", {"q": "1,2 miljoner"})
    assert response.context["rows"] == [] and response.context["suggestion"] is None


def test_a_count_in_the_thousands_is_written_the_swedish_way(client_for, history, monkeypatch):
    """Not "1203 träffar" beside "Över 5 000 träffar": the count is grouped as every other number of the register."""
    read = selectors.register_page

    def counted(*args, **kwargs):
        found = read(*args, **kwargs)
        found.count, found.cap = 1203, 5000  # exact: under the cap
        return found

    monkeypatch.setattr(selectors, "register_page", counted)
    html = client_for(None).get("/beslut/").content.decode()
    assert "1\xa0203 träffar." in html and "1203" not in html
