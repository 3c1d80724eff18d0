"""A part of a page that htmx polls and swaps whole (hx-swap="outerHTML") is a new element after every swap. A live
region put into the page anew is not announced by screen readers, so the region must be the element around the part,
which stays: then "PDF:en skapas …" turning into "Ladda ned det justerade protokollet" is read out."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
POLLED_ROOT = re.compile(r"\A(?:\{%[^%]*%\}|\{#.*?#\}|\s)*(<[a-z]+\b[^>]*hx-trigger=\"every[^>]*>)", re.DOTALL)
LIVE = re.compile(r"\b(aria-live|role=\"(?:status|log|alert)\")")


def polled_parts():
    for path in sorted(TEMPLATES.rglob("_*.html")):
        text = path.read_text(encoding="utf-8")
        if 'hx-trigger="every' in text:
            yield path, text


def test_every_polled_part_is_found():
    names = {path.name for path, _ in polled_parts()}
    assert {"_document.html", "_export_progress.html", "_batch_documents.html"} <= names


def test_no_polled_part_is_its_own_live_region():
    found = []
    for path, text in polled_parts():
        root = POLLED_ROOT.search(text)
        assert root, f"{path.name}: the polled element should open the fragment"
        if LIVE.search(root.group(1)):
            found.append(path.name)
    assert not found, found


def test_every_page_that_shows_a_polled_part_has_a_live_region_around_it_or_beside_it():
    for part, _ in polled_parts():
        name = part.relative_to(TEMPLATES).as_posix()
        includers = [p for p in TEMPLATES.rglob("*.html") if f'{{% include "{name}"' in p.read_text(encoding="utf-8")]
        assert includers, name
        for page in includers:
            text = page.read_text(encoding="utf-8")
            wrapped = f'<div role="status" aria-live="polite">{{% include "{name}" %}}</div>'
            around = wrapped in text
            beside = 'aria-live="polite"' in text.split(f'{{% include "{name}"')[0]  # a region of the page's own
            assert around or beside, f"{page.name} shows {name} with no live region that outlasts its swaps"
