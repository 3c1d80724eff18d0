"""Render a protocol to PDF: a pure function of its snapshot, under Swedish, touching no network and no database."""

import functools
import mimetypes
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from meetings.justering.protocol import print_context

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


def write_pdf(html):
    """HTML of the portal's print look (our stylesheet, our static files only) as PDF/A bytes."""
    from weasyprint import CSS, HTML

    fetcher = _fetcher_class()
    stylesheet = CSS(filename=finders.find(STYLESHEET), url_fetcher=fetcher())
    return HTML(string=html, base_url="static:/", url_fetcher=fetcher()).write_pdf(
        stylesheets=[stylesheet], pdf_variant="pdf/a-3b", pdf_tags=True
    )


def render_protocol(snapshot, **options):
    """The justerat protocol as PDF bytes. `signatures` are dicts: name, role, method, signed_at (UTC ISO).
    A `draft` is the record as it stands, marked UTKAST on every page, without signatures, anslag or verifikat."""
    return write_pdf(render_protocol_html(snapshot, **options))


def render_protocol_html(
    snapshot,
    *,
    revision_number=None,
    sha256="",
    signatures=(),
    notice=None,
    title=None,
    extract=False,
    draft=False,
    source_url="",
):
    """The HTML that `render_protocol` prints. An `extract` with a `source_url` is a protokollsutdrag of a justerat
    protocol (the link leads to the whole); without one it is the extract of §§ justerade at the meeting."""
    with translation.override("sv"):
        meeting = snapshot["meeting"]
        printed = print_context(snapshot)
        context = {
            **printed,
            "print": printed,
            "title": title or f"{'Protokollsutdrag' if extract else 'Protokoll'} {meeting['body']} {meeting['date']}",
            "extract": extract,
            "revision_number": revision_number,
            "sha256": sha256,
            "signatures": signatures,
            "notice": notice,
            "draft": draft,
            "source_url": source_url,
        }
        return render_to_string("meetings/pdf/protocol.html", context)


def render_one_page(text="Finsamportalen"):
    """A one-page document: the yardstick the benchmark compares a full protocol with."""
    return write_pdf(f"<html lang='sv'><body><h1>{text}</h1><p>Provsida.</p></body></html>")
