"""HTML to PDF/A in the portal's print look: WeasyPrint with our stylesheet, touching no network and no database."""

import contextlib
import functools
import gc
import mimetypes
import re
import threading
from pathlib import Path

from django.contrib.staticfiles import finders

STYLESHEET = "css/protocol-print.css"


def _static_only(url):
    """What `static:path` names among our own static files; every other URL is refused (no network, no file
    system)."""
    if not url.startswith("static:"):
        raise ValueError(f"Only our own static files may be used in a PDF, not {url!r}")
    path = finders.find(url.removeprefix("static:").lstrip("/"))
    if not path:
        raise ValueError(f"No such static file: {url!r}")
    return path


@functools.cache
def _fetcher_class():
    """WeasyPrint's URL fetcher serving only our static files. WeasyPrint (with pango and harfbuzz, some 30 MB) is
    loaded when a PDF is first rendered, not by every web process that loads the URLs."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = _static_only(url)
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return URLFetcherResponse(url, Path(path).read_bytes(), {"Content-Type": content_type})

    return StaticOnlyFetcher


_paused = {"renders": 0, "was_enabled": False}
_paused_lock = threading.Lock()


@contextlib.contextmanager
def garbage_collector_paused():
    """Python's cyclic garbage collector off while WeasyPrint lays out and writes a document.

    Layout builds a tree of very many small objects (boxes, styles, lines) that stay alive until the end, so the
    collector ran some 260 times during one 100-§ protocol, walking them again each time to free little. Paused,
    that protocol lays out in ~90 ms less (989 → 894 ms CPU; docs/pdf-speed.md) for ~6 MB more at its peak.
    Reference counting still frees what is not in a cycle, and the cycles left are collected as usual once the
    collector runs again. Renders in other threads share the pause: the first one in turns it off, the last one
    out turns it back on, and only if it was on before."""
    with _paused_lock:
        if _paused["renders"] == 0:
            _paused["was_enabled"] = gc.isenabled()
            gc.disable()
        _paused["renders"] += 1
    try:
        yield
    finally:
        with _paused_lock:
            _paused["renders"] -= 1
            if _paused["renders"] == 0 and _paused["was_enabled"]:
                gc.enable()


# PDF/A-3b with a tagged structure: the same options for the layout and for the writing.
PDF_OPTIONS = {"pdf_variant": "pdf/a-3b", "pdf_tags": True}


_per_thread = threading.local()


def _fonts_and_stylesheet():
    """This thread's WeasyPrint font configuration and our stylesheet parsed with it, made once rather than per
    document: a FontConfiguration (fontconfig's configuration and pango's font map, whose caches of faces and
    metrics then stay warm) costs some 3 ms and parsing the stylesheet some 7 ms. Per thread, because pango's font
    map is not thread-safe; parsed again when the stylesheet file changes."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    path = finders.find(STYLESHEET)
    key = (path, Path(path).stat().st_mtime_ns)
    cached = getattr(_per_thread, "print_look", None)
    if cached is None or cached[0] != key:
        font_config = FontConfiguration()
        stylesheet = CSS(filename=path, url_fetcher=_fetcher_class()(), font_config=font_config)
        cached = _per_thread.print_look = (key, font_config, stylesheet)
    return cached[1], cached[2]


LIST_START = re.compile(r"<ol\b[^>]*\sstart=\"(\d+)\"")


def _list_starts(html, font_config):
    """A numbered list that starts at 4 (`<ol start="4">`, as a browser numbers it on the justering page) starts at
    4 in print too: WeasyPrint reads no start attribute, and CSS cannot take a counter's value from one, so each
    start the document uses gets its rule."""
    from weasyprint import CSS

    starts = sorted({int(n) for n in LIST_START.findall(html)} - {1})
    if not starts:
        return []
    rules = "".join(f'ol[start="{n}"] {{ counter-reset: list-item {n - 1}; }}' for n in starts)
    return [CSS(string=rules, font_config=font_config)]


def render_document(html):
    """WeasyPrint's layout of HTML in the portal's print look (our stylesheet, our static files only): the pages,
    not yet written. `write_document` writes them; `write_pdf` does both."""
    from weasyprint import HTML

    with garbage_collector_paused():
        font_config, stylesheet = _fonts_and_stylesheet()
        document = HTML(string=html, base_url="static:/", url_fetcher=_fetcher_class()())
        stylesheets = [stylesheet, *_list_starts(html, font_config)]
        return document.render(stylesheets=stylesheets, font_config=font_config, **PDF_OPTIONS)


@functools.cache
def _page_references_kept():
    """pydyf's PDF with its list of page references built once per page count, not on every use.

    WeasyPrint's tagged PDF asks `pdf.page_references[n]` for each marked element (3,521 times for 100 §), and
    pydyf builds the whole tuple of every page's reference each time: 57 ms for a 56-page protocol, and it grows
    with pages × elements. The tuple is the same until a page is added, so it is kept per page count; the PDF's
    bytes are the same (tests/meetings/printing/test_speed.py). WeasyPrint makes its PDF with `pydyf.PDF()`, so
    the subclass is put there, for the process; pydyf is pinned in requirements.txt and the tests fail if
    WeasyPrint stops using it."""
    import pydyf

    original = pydyf.PDF

    class PDF(original):
        @property
        def page_references(self):
            count = len(self.pages["Kids"])
            kept = self.__dict__.get("_kept_page_references")
            if kept is None or kept[0] != count:
                kept = self.__dict__["_kept_page_references"] = (count, original.page_references.fget(self))
            return kept[1]

    pydyf.PDF = PDF
    return original


def write_document(document):
    """The laid-out pages of `render_document` as PDF/A bytes."""
    _page_references_kept()
    with garbage_collector_paused():
        return document.write_pdf(**PDF_OPTIONS)


def write_pdf(html):
    """HTML of the portal's print look as PDF/A bytes: laid out once, written once."""
    with garbage_collector_paused():
        return write_document(render_document(html))


def render_one_page(text="Finsamportalen"):
    """A one-page document: the yardstick the benchmark compares a full protocol with."""
    return write_pdf(f"<html lang='sv'><body><h1>{text}</h1><p>Provsida.</p></body></html>")
