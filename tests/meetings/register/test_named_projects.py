"""A search for a project's name offers the project's decisions: they are linked to it, seldom named in it."""

from tests.meetings.register.test_register import headings


def test_a_search_for_a_projects_name_links_to_its_decisions(client_for, history):
    client = client_for(None)
    response = client.get("/beslut/", {"q": "studio ludum"})
    assert response.context["named_projects"] == [("studio-ludum", "Studio Ludum Skövde")]
    assert '<a href="?projekt=studio-ludum">Studio Ludum Skövde</a>' in response.content.decode()
    assert "Ansökan Studio Ludum" in headings(client.get("/beslut/", {"projekt": "studio-ludum"}))
    dated = client.get("/beslut/", {"q": "studio ludum", "fran": "2019-01-01"}).content.decode()
    assert '<a href="?fran=2019-01-01&amp;projekt=studio-ludum">Studio Ludum Skövde</a>' in dated  # filters kept


def test_no_project_is_offered_for_other_words_or_once_the_project_is_chosen(client_for, history):
    client = client_for(None)
    for query in ({"q": "budget"}, {"q": "studio ludum", "projekt": "studio-ludum"}, {"q": "%"}, {}):
        response = client.get("/beslut/", query)
        assert response.context["named_projects"] == [] and "Beslut i projektet" not in response.content.decode()
