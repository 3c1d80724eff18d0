"""Each public page that has feeds names them in its head, so that a feed reader finds them (Atom autodiscovery),
and links them where a person sees them; each of those addresses answers an Atom feed."""

from html.parser import HTMLParser

import pytest
from django.test import Client

from federations.models import Project

ATOM = "application/atom+xml"


class FeedReader(HTMLParser):
    """The feeds a page names: <link rel="alternate" type="application/atom+xml"> in its head, and links of that
    type in its body (with their text)."""

    def __init__(self):
        super().__init__()
        self.in_head, self.head, self.body, self._link = False, [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "link" and self.in_head and attrs.get("rel") == "alternate" and attrs.get("type") == ATOM:
            assert attrs.get("title"), attrs
            self.head.append(attrs["href"])
        elif tag == "a" and not self.in_head and attrs.get("type") == ATOM:
            self._link = {"href": attrs["href"], "text": ""}
            self.body.append(self._link)

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif tag == "a":
            self._link = None


def feeds_of(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    reader = FeedReader()
    reader.feed(response.content.decode())
    return reader


def assert_atom(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(ATOM), (url, response["Content-Type"])
    assert b"<feed" in response.content


# Each page and the feeds it must offer, for the cast's federation "test", its board "styrelse" and a project "mia".
PAGES = {
    "/anslagstavla/": ["/anslagstavla/atom/"],
    "/forbund/test/": [
        "/forbund/test/anslagstavla/atom/",
        "/forbund/test/beslut/atom/",
        "/forbund/test/organ/styrelse/beslut/atom/",  # a body has no page of its own: its feed is here
    ],
    "/projekt/mia/": ["/projekt/mia/beslut/atom/"],
    "/beslut/?forbund=test": ["/forbund/test/beslut/atom/"],
    "/beslut/?projekt=mia": ["/projekt/mia/beslut/atom/"],
}


@pytest.fixture
def world(cast):
    assert (cast.federation.slug, cast.board.slug) == ("test", "styrelse")
    Project.objects.create(name="MIA", slug="mia", kind="forberedande", owner=cast.federation)


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "expected"), PAGES.items(), ids=list(PAGES))
def test_a_page_names_its_feeds_in_its_head_and_links_them_visibly(world, path, expected):
    reader = feeds_of(path)
    assert reader.head == expected
    assert [link["href"] for link in reader.body] == expected
    assert all(link["text"].strip() for link in reader.body)
    for url in expected:
        assert_atom(url)


@pytest.mark.django_db
def test_the_whole_register_offers_no_feed_it_does_not_have(world):
    """No feed holds every decision: the register names one once it is narrowed to a federation or a project."""
    reader = feeds_of("/beslut/")
    assert reader.head == [] and reader.body == []
