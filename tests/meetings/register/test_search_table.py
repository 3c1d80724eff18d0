"""The analyser's query table through the register, on SQLite (FTS5) and on PostgreSQL (tsvector) alike: both give
exactly the hits the analyser says; counts are true, a stop word alone says so, a network covers its federations."""

import datetime

import pytest

from federations.models import Body, Federation
from meetings.models import RegisterTerm
from meetings.register import analysis, upkeep
from tests.meetings.register.test_analysis import TABLE, TEXTS
from tests.meetings.register.test_register import frozen_meeting, headings


@pytest.fixture
def corpus(cast):
    # Headings only carry the words: the decision and the § text say the same neutral thing for every row.
    rows = [(text, "Enligt förslaget.", "bifall", "acklamation") for text in TEXTS]
    frozen_meeting(cast, date=datetime.date(2024, 3, 1), decisions=rows)
    return TEXTS


@pytest.mark.parametrize(("query", "found", "missed"), TABLE)
def test_the_query_table_gives_the_analysers_hits_on_this_database(client_for, corpus, query, found, missed):
    response = client_for(None).get("/beslut/", {"q": query})
    hits = set(headings(response))
    assert hits == {text for text in corpus if analysis.matches(query, text)}
    assert set(found) <= hits and not hits & set(missed)
    assert response.context["count"] == len(hits)


@pytest.mark.parametrize(("query", "found", "missed"), TABLE)
def test_the_query_table_gives_the_same_hits_when_the_date_index_is_walked(
    client_for, corpus, monkeypatch, query, found, missed
):
    """Every word taken as common: the page is read newest first, each row tested on its own (on SQLite a lookup of
    the row in the FTS5 table rather than the list of every match), and finds what the word index finds."""
    expected = {text for text in corpus if analysis.matches(query, text)}
    monkeypatch.setattr("meetings.register.search.COUNT_CAP", 0)
    monkeypatch.setattr("meetings.register.search.PROBE_LIMIT", 0)
    response = client_for(None).get("/beslut/", {"q": query})
    assert set(headings(response)) == expected
    monkeypatch.setattr("meetings.register.search.WALK_WINDOW", 1)  # and past the walk's window, the word index
    assert set(headings(client_for(None).get("/beslut/", {"q": query}))) == expected


def test_a_compound_is_marked_in_the_snippet(client_for, corpus):
    html = client_for(None).get("/beslut/", {"q": "samråd"}).content.decode()
    assert "<mark>Medlemssamråd</mark>" in html


def test_a_stop_word_alone_gets_a_message_not_zero_hits(client_for, corpus):
    response = client_for(None).get("/beslut/", {"q": "att"})
    assert response.context["only_stop_words"] and response.context["suggestion"] is None
    assert "för vanliga för att söka på" in response.content.decode()


def test_a_typo_gets_a_suggestion_on_this_database_from_what_the_user_may_see(client_for, cast, corpus):
    assert client_for(None).get("/beslut/", {"q": "kartlägning"}).context["suggestion"] == "kartläggning"
    frozen_meeting(
        cast,
        date=datetime.date(2023, 4, 1),
        public=False,
        decisions=[("Sekretessbelagd upphandling", "Styrelsen beslutar att avbryta.", "bifall", "acklamation")],
    )
    assert client_for(None).get("/beslut/", {"q": "upphandlingg"}).context["suggestion"] is None
    assert client_for("member").get("/beslut/", {"q": "upphandlingg"}).context["suggestion"] == "upphandling"


def test_the_count_is_exact_below_the_cap_and_over_it_only_when_seen(client_for, cast, monkeypatch):
    frozen_meeting(
        cast,
        date=datetime.date(2024, 3, 1),
        decisions=[(f"Insats {i}", "Styrelsen beviljar.", "bifall", "acklamation") for i in range(3)],
    )
    assert RegisterTerm.objects.get(term="insats").entries == 3  # indexing keeps the term counts
    monkeypatch.setattr("meetings.register.search.COUNT_CAP", 3)
    response = client_for(None).get("/beslut/", {"q": "insats"})
    assert response.context["count"] == 3 and not response.context["capped"]
    monkeypatch.setattr("meetings.register.search.COUNT_CAP", 2)
    response = client_for(None).get("/beslut/", {"q": "insats"})  # commoner than the cap: newest first, and the
    assert response.context["count"] == 3 and len(headings(response)) == 3  # first page holding them all counts them
    assert not response.context["capped"]
    RegisterTerm.objects.filter(term="insats").update(entries=1)  # counts that fall short
    response = client_for(None).get("/beslut/", {"q": "insats"})
    assert response.context["count"] == 3 and response.context["capped"]  # over 2: three rows were read
    assert client_for(None).get("/beslut/", {"q": "insatsnonsens"}).context["count"] == 0


def test_the_network_filter_covers_its_federations_and_its_own_bodies(client_for, cast):
    sister = Federation.objects.create(
        name="Samordningsförbundet Syd", short_name="Syd", slug="syd", network=cast.network
    )
    bodies = {
        "Förbundets beslut": cast.board,
        "Systerförbundets beslut": Body.objects.create(federation=sister, name="Styrelse", slug="s", kind="styrelse"),
        "Nätverkets beslut": Body.objects.create(network=cast.network, name="Nätverksråd", slug="r", kind="styrelse"),
        "Annat beslut": cast.other_board,
    }
    for day, (heading, body) in enumerate(bodies.items(), start=1):
        decisions = [(heading, "Styrelsen beslutar.", "bifall", "acklamation")]
        frozen_meeting(cast, date=datetime.date(2024, 3, 10 - day), body=body, decisions=decisions)
    assert headings(client_for(None).get("/beslut/", {"forbund": "testlan"})) == [
        "Förbundets beslut",
        "Systerförbundets beslut",
        "Nätverkets beslut",
    ]
    assert headings(client_for(None).get("/beslut/", {"forbund": "test"})) == ["Förbundets beslut"]
    assert headings(client_for(None).get("/beslut/", {"forbund": "testlan", "q": "beslutar"})) == [
        "Förbundets beslut",
        "Systerförbundets beslut",
        "Nätverkets beslut",
    ]


def test_settling_the_register_keeps_every_hit(client_for, corpus):
    """The nightly upkeep (SQLite: the word index merged into one segment; PostgreSQL: vacuum and statistics)
    changes no answer."""
    before = {query: set(headings(client_for(None).get("/beslut/", {"q": query}))) for query, *_ in TABLE}
    assert upkeep.settle()
    assert before == {query: set(headings(client_for(None).get("/beslut/", {"q": query}))) for query, *_ in TABLE}


def eight_decisions_in_pages_of_three(cast, monkeypatch, cap):
    """Four meetings on two dates with two decisions each, the register paged by three, the count cap at `cap`."""
    monkeypatch.setattr("meetings.register.search.COUNT_CAP", cap)
    for index in range(4):
        decisions = [
            (f"Ärende {index} {n}", "Styrelsen beslutar att bifalla.", "bifall", "acklamation") for n in (1, 2)
        ]
        frozen_meeting(cast, date=datetime.date(2024, 3, 1 + index % 2), decisions=decisions)
    monkeypatch.setattr("meetings.register.views.PAGE_SIZE", 3)


@pytest.mark.parametrize("cap", [1000, 2])  # matches sorted here, or the date index walked
@pytest.mark.parametrize("query", ["", "beslutar", "ärende"])
def test_the_next_page_link_pages_by_key_and_shows_what_the_offset_shows(client_for, cast, monkeypatch, query, cap):
    eight_decisions_in_pages_of_three(cast, monkeypatch, cap)
    client = client_for(None)
    by_offset, by_key, after = [], [], None
    for page in (1, 2, 3):
        by_offset += headings(client.get("/beslut/", {"q": query, "sida": page}))
        response = client.get("/beslut/", {"q": query, "sida": page, **({"efter": after} if after else {})})
        by_key += headings(response)
        after = response.context["last_id"]
        if page < 3:
            assert f"efter={after}" in response.content.decode()
    assert by_key == by_offset and len(by_key) == 8 and len(set(by_key)) == 8


@pytest.mark.parametrize("cap", [1000, 2])  # matches sorted here, or the date index walked
@pytest.mark.parametrize("query", ["", "beslutar", "ärende"])
def test_the_last_page_and_the_previous_page_links_read_backwards(client_for, cast, monkeypatch, query, cap):
    eight_decisions_in_pages_of_three(cast, monkeypatch, cap)
    client = client_for(None)
    everything = []
    for page in (1, 2, 3):
        everything += headings(client.get("/beslut/", {"q": query, "sida": page}))
    response = client.get("/beslut/", {"q": query, "sista": 1})
    assert headings(response) == everything[-3:] and not response.context["has_next"]
    assert "Sista sidan" in response.content.decode()
    seen = headings(response)
    while response.context["has_previous"]:
        response = client.get("/beslut/", {"q": query, "fore": response.context["first_id"]})
        seen = headings(response) + seen
        assert response.context["has_next"]
    assert seen == everything and len(seen) == 8


def test_a_phrase_keeps_its_word_order_on_this_database(client_for, cast):
    rows = [(heading, "Enligt förslaget.", "bifall", "acklamation") for heading in ("Budget 2027", "2027 års budget")]
    rows.append(("Budgeten för 2027 antas", "Enligt förslaget.", "bifall", "acklamation"))
    frozen_meeting(cast, date=datetime.date(2024, 3, 1), decisions=rows)
    client = client_for(None)
    assert headings(client.get("/beslut/", {"q": '"budget 2027"'})) == ["Budget 2027", "Budgeten för 2027 antas"]
    assert headings(client.get("/beslut/", {"q": '"2027 budget"'})) == []
    assert sorted(headings(client.get("/beslut/", {"q": "2027 budget"}))) == sorted(h for h, *_ in rows)
    for query in ('"budget 2027"', '"2027 budget"'):
        expected = {h for h, *_ in rows if analysis.matches(query, h)}
        assert set(headings(client.get("/beslut/", {"q": query}))) == expected


@pytest.mark.parametrize("cap", [1000, 2])  # matches sorted here, or the date index walked
@pytest.mark.parametrize("query", ["", "beslutar"])
def test_a_page_number_typed_past_the_limit_shows_the_deepest_typed_page_and_says_so(
    client_for, cast, monkeypatch, query, cap
):
    """A number typed into the address is an offset, whose cost grows with it: it goes TYPED_PAGE_LIMIT pages deep,
    the links (by key) as deep as the register does."""
    eight_decisions_in_pages_of_three(cast, monkeypatch, cap)
    monkeypatch.setattr("meetings.register.search.TYPED_PAGE_LIMIT", 2)
    client = client_for(None)
    second = client.get("/beslut/", {"q": query, "sida": 2})
    assert not second.context["typed_too_deep"] and "går till sida" not in second.content.decode()
    deep = client.get("/beslut/", {"q": query, "sida": 19200})
    html = deep.content.decode()
    assert headings(deep) == headings(second) and deep.context["page"] == 2
    assert "Ett sidnummer i adressen går till sida 2 som längst, och sida 2 visas." in html
    # The next page link carries the key: page 3 by key is no typed page, and no notice.
    third = client.get("/beslut/", {"q": query, "sida": 3, "efter": second.context["last_id"]})
    assert third.context["page"] == 3 and not third.context["typed_too_deep"] and len(headings(third)) == 2
