"""HTML to PDF/A in the portal's print look: WeasyPrint with our stylesheet, touching no network and no database."""

import functools
import mimetypes
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


# PDF/A-3b with a tagged structure: the same options for the layout and for the writing.
PDF_OPTIONS = {"pdf_variant": "pdf/a-3b", "pdf_tags": True}


def render_document(html):
    """WeasyPrint's layout of HTML in the portal's print look (our stylesheet, our static files only): the pages,
    not yet written. `write_document` writes them; `write_pdf` does both."""
    from weasyprint import CSS, HTML

    fetcher = _fetcher_class()
    stylesheet = CSS(filename=finders.find(STYLESHEET), url_fetcher=fetcher())
    return HTML(string=html, base_url="static:/", url_fetcher=fetcher()).render(stylesheets=[stylesheet], **PDF_OPTIONS)


def write_document(document):
    """The laid-out pages of `render_document` as PDF/A bytes."""
    return document.write_pdf(**PDF_OPTIONS)


def write_pdf(html):
    """HTML of the portal's print look as PDF/A bytes: laid out once, written once."""
    return write_document(render_document(html))


def render_one_page(text="Finsamportalen"):
    """A one-page document: the yardstick the benchmark compares a full protocol with."""
    return write_pdf(f"<html lang='sv'><body><h1>{text}</h1><p>Provsida.</p></body></html>")
