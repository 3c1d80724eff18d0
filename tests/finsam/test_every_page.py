"""Every page the demo links to, and every form on them, answers without a server error, for every demo persona.

A crawler, not a list: a page someone adds later is covered the day a link to it appears. Links of the same
shape (the same path with other ids, the same query keys) are followed a few times, not all of them. Each kind
of form is then sent with what a careless hand or a hostile one might put in it.
"""

import io
import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

LINK = re.compile(r'href="(/[^"#]*)"')
NOT_FOLLOWED = ("/static/", "/media/", "/accounts/logout/", "/i18n/")
PER_SHAPE = 3
PERSONAS = [
    None,
    "sekreterare@demo.finsam.se",
    "ordforande@demo.finsam.se",
    "justerare@demo.finsam.se",
    "ledamot@demo.finsam.se",
    "samordnare@demo.finsam.se",
    "admin@demo.finsam.se",
]
# Empty, far too long, negative, beyond any integer column, not a digit to int(), markup, an impossible date, a NUL
# character (PostgreSQL cannot store one).
JUNK = [
    "",
    "x" * 6000,
    "-1",
    "99999999999999999999",
    "²",
    "<script>alert(1)</script>",
    "2026-02-30",
    "25:99",
    "NUL\x00",
]


def shape(url):
    parts = urlsplit(url)
    return re.sub(r"\d+", "#", parts.path), tuple(sorted(key for key, _ in parse_qsl(parts.query)))


class FormReader(HTMLParser):
    """The forms of a page: how and where they are sent, and the names of their fields."""

    def __init__(self):
        super().__init__()
        self.forms, self._current = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self._current = {"method": method, "action": attrs.get("action") or "", "fields": []}
            self.forms.append(self._current)
        elif tag in ("input", "select", "textarea") and self._current is not None and self._fillable(attrs):
            self._current["fields"].append(attrs["name"])

    @staticmethod
    def _fillable(attrs):
        return attrs.get("name") not in (None, "csrfmiddlewaretoken") and attrs.get("type") != "file"

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def crawl(client, start="/"):
    """Follow links breadth first; return {url: what went wrong}, how many pages were read, and their forms."""
    queue, seen, shapes, failures, forms = deque([start]), set(), Counter(), {}, {}
    while queue:
        url = queue.popleft()
        if url in seen or url.startswith(NOT_FOLLOWED) or shapes[shape(url)] >= PER_SHAPE:
            continue
        seen.add(url)
        shapes[shape(url)] += 1
        try:
            response = client.get(url)
        except Exception as exc:  # noqa: BLE001 - the test reports every failure at once
            failures[url] = repr(exc)
            continue
        if response.status_code >= 500:
            failures[url] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            html = response.content.decode()
            queue.extend(link.replace("&amp;", "&") for link in LINK.findall(html))
            reader = FormReader()
            reader.feed(html)
            for form in reader.forms:
                action = urljoin(url, form["action"].replace("&amp;", "&"))
                key = (form["method"], shape(action)[0])
                forms.setdefault(key, (form["method"], action, sorted(set(form["fields"]))))
    return failures, len(seen), forms


def client_as(email):
    client = Client(raise_request_exception=True)
    if email:
        client.force_login(get_user_model().objects.get(email=email))
    return client


@pytest.mark.django_db
def test_no_page_the_demo_links_to_fails_for_any_persona():
    call_command("load_demo", stdout=io.StringIO())
    failures, pages = {}, Counter()
    for email in PERSONAS:
        client = client_as(email)
        for start in ["/", "/admin/"] if email == "admin@demo.finsam.se" else ["/"]:
            found, read, _ = crawl(client, start)
            failures.update({(email, url): what for url, what in found.items()})
            pages[email] += read
    assert min(pages.values()) > 20, pages
    assert failures == {}


@pytest.mark.django_db
@pytest.mark.parametrize("email", [None, "sekreterare@demo.finsam.se", "justerare@demo.finsam.se"])
def test_no_form_fails_on_junk(email):
    call_command("load_demo", stdout=io.StringIO())
    client = client_as(email)
    _, _, forms = crawl(client)
    failures = {}
    for method, action, fields in forms.values():
        if action.startswith(NOT_FOLLOWED):
            continue
        send = client.post if method == "post" else client.get
        for junk in JUNK:
            try:
                response = send(action, dict.fromkeys(fields, junk))
            except Exception as exc:  # noqa: BLE001
                failures[(action, junk[:10])] = repr(exc)
                continue
            if response.status_code >= 500:
                failures[(action, junk[:10])] = response.status_code
    assert len(forms) >= (10 if email == "sekreterare@demo.finsam.se" else 1)
    assert failures == {}
