"""A search with nothing to search for: not the whole register, as if every decision matched it."""

import pytest

from tests.meetings.register.test_register import headings


@pytest.mark.parametrize("query", ["%", "b", "😀", "§ 5", '""', "– ;"])
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
