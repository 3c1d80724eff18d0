"""Every kind of page the demo links to passes axe at WCAG 2.1 AA, for the public, a secretary and a justerare, and
none scrolls sideways on a 390 px wide phone.

The pages are found by following links, one page of each shape (the same path with other ids, the same query
keys), so a page added later is checked the day a link to it appears.
"""

import io
import re
from collections import deque

import pytest
from django.core.management import call_command

from ..finsam.test_every_page import NOT_FOLLOWED, shape
from .conftest import assert_accessible, sign_in

# Files and feeds, not pages: a download, or an Atom feed the pages now link (its XML is for a feed reader).
DOWNLOAD = re.compile(r"(\.(csv|xlsx|pdf|ics)|/atom/)(\?|$)")
PHONE = {"width": 390, "height": 844}  # an iPhone 12-14 in portrait, CSS pixels


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())


# the protocols' own words on a page: a §'s text and heading, a decision, a search's snippet, a correction, the changes
# between two revisions the signers read
CONTENT = ".minutes-text, .typed-text, .snippet, .decision-text, .content-heading, .content-text, .changes"


def visit_every_shape(page, language="sv"):
    blocked = []  # the Content-Security-Policy allows no inline code: nothing on any page may need it
    page.on(
        "console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.set_viewport_size(PHONE)
    too_wide = []  # (url, width): a page a phone must scroll sideways to read
    queue, shapes, visited = deque(["/"]), set(), []
    while queue:
        url = queue.popleft()
        if shape(url) in shapes or url.startswith((*NOT_FOLLOWED, "/admin/")) or DOWNLOAD.search(url):
            continue
        shapes.add(shape(url))
        response = page.goto(url)
        assert response.status < 400, url
        # The page says which language it speaks, so a screen reader pronounces it right (WCAG 3.1.1), and the
        # protocols' own words (Swedish whatever the reader's language) say they are Swedish (WCAG 3.1.2).
        assert page.evaluate("document.documentElement.lang") == language, url
        unmarked = page.eval_on_selector_all(
            CONTENT,
            "found => found.filter(e => e.closest('[lang]').getAttribute('lang') !== 'sv').map(e => e.outerHTML)",
        )
        assert unmarked == [], f"{url}: {unmarked[:3]}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append((url, width))
        assert_accessible(page)
        visited.append(url)
        links = page.eval_on_selector_all("a[href^='/']", "links => links.map(a => a.getAttribute('href'))")
        queue.extend(link.split("#")[0] for link in links)
    assert blocked == []
    assert not too_wide, "\n".join(f"{url}: {width} px wide" for url, width in too_wide)
    return visited


@pytest.mark.parametrize("email", [None, "sekreterare@demo.finsam.se", "justerare@demo.finsam.se"])
def test_every_kind_of_page_is_accessible(page, demo, email):
    if email:
        sign_in(page, email, "finsam-demo-2026")
    visited = visit_every_shape(page)
    assert len(visited) > 25


@pytest.mark.parametrize("email", ["sekreterare@demo.finsam.se", "justerare@demo.finsam.se"])
def test_every_kind_of_page_is_accessible_in_english(page, demo, email):
    """English is one switch away: the same pages, in English, pass the same checks and say they are English."""
    sign_in(page, email, "finsam-demo-2026")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state("networkidle")
    visited = visit_every_shape(page, language="en")
    assert len(visited) > 25
