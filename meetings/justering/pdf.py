"""Render a protocol to PDF: a pure function of its snapshot, under Swedish, printed by meetings.printing."""

from django.template.loader import render_to_string
from django.utils import translation

from meetings.justering.protocol import print_context
from meetings.printing.pdf import write_pdf


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
    typed_layout=None,
):
    """The HTML that `render_protocol` prints. An `extract` with a `source_url` is a protokollsutdrag of a justerat
    protocol (the link leads to the whole); without one it is the extract of §§ justerade at the meeting.
    `typed_layout`: the layout the record was sealed with (meetings.printing.typed_text: an old one prints flat)."""
    with translation.override("sv"):
        meeting = snapshot["meeting"]
        printed = print_context(snapshot, typed_layout=typed_layout)
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
