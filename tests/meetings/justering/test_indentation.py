"""Indentation in a § and in a decision: typed or pasted, it is what the signers read on every page and in the PDF.

An indented point of a decision ("att 1. …" under "Styrelsen beslutar"), a quoted passage, read flush left
everywhere: leading spaces and tabs were collapsed by HTML, and a pasted margin was dropped with its style."""

import io

import pdfplumber

from meetings.drafting import services
from meetings.justering import pdf, protocol
from meetings.justering import services as justering
from meetings.sanitize import clean_html, trim_typed_text
from tests.meetings.factories import ready_to_send

DECISION = "Styrelsen beslutar\n\tatt godkänna budgeten,\n        att uppdra åt förbundschefen\nsamt att notera."


def test_leading_spaces_and_tabs_of_a_paragraph_become_its_indent_level():
    assert clean_html("<p>Styrelsen beslutar</p><p>\tatt godkänna</p><p>        att uppdra</p><p>  att två</p>") == (
        '<p>Styrelsen beslutar</p><p class="indent-1">att godkänna</p><p class="indent-2">att uppdra</p>'
        '<p class="indent-1">att två</p>'
    )
    assert clean_html("<p>&nbsp;&nbsp;&nbsp;&nbsp;Citat</p><p> ett mellanslag</p>") == (
        '<p class="indent-1">Citat</p><p>ett mellanslag</p>'
    )


def test_an_indent_is_a_level_from_a_short_list_never_a_style():
    assert clean_html('<p class="indent-2">a</p><p class="indent-2">\tb</p>') == (
        '<p class="indent-2">a</p><p class="indent-3">b</p>'
    )
    assert clean_html('<p class="indent-9 x" style="margin-left:900px">a</p><p>' + "\t" * 20 + "b</p>") == (
        '<p>a</p><p class="indent-6">b</p>'
    )
    assert clean_html('<li class="indent-1">a</li><td class="indent-1">b</td>') == "<li>a</li>b"


def test_typed_text_keeps_the_indent_of_its_first_line_and_loses_blank_lines_around_it():
    assert trim_typed_text("\r\n  \r\n\tatt godkänna  \r\n    att notera \r\n\r\n") == "\tatt godkänna\n    att notera"


def left_edges(data, *texts):
    """Where each line starting with one of `texts` begins on the page, in points."""
    edges = {}
    with pdfplumber.open(io.BytesIO(data)) as printed:
        for page in printed.pages:
            for line in page.extract_text_lines():
                for text in texts:
                    if line["text"].startswith(text):
                        edges[text] = line["x0"]
    return edges


def indented_meeting(cast):
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    services.item_save_text(
        actor=None,
        item_id=item.pk,
        heading=item.heading,
        text="<p>Förslaget lyder:</p><p>\tInsatsen förlängs.</p><p>\t\tMed ett år.</p>",
        base_version=item.version,
    )
    decision = item.decisions.get()
    services.decision_save(actor=None, item=item, decision=decision, text=DECISION, version=decision.version)
    return meeting


def test_the_pdf_prints_an_indented_line_indented(cast):
    meeting = indented_meeting(cast)
    data = pdf.render_protocol(protocol.snapshot(meeting), revision_number=1, sha256="0" * 64, signatures=[])
    edges = left_edges(
        data, "Förslaget", "Insatsen", "Med ett år", "Styrelsen beslutar", "att godkänna", "att uppdra", "samt att"
    )
    assert edges["Förslaget"] + 10 < edges["Insatsen"] < edges["Med ett år"] - 10
    assert edges["Styrelsen beslutar"] == edges["samt att"]
    assert edges["Styrelsen beslutar"] + 10 < edges["att godkänna"]
    assert edges["Styrelsen beslutar"] + 10 < edges["att uppdra"]


def test_the_pages_show_the_indent_the_pdf_prints(client_for, cast):
    meeting = indented_meeting(cast)
    for url in (f"/moten/{meeting.pk}/", f"/moten/{meeting.pk}/forhandsgranska/"):
        page = client_for("secretary").get(url).content.decode()
        assert '<p class="indent-1">Insatsen förlängs.</p><p class="indent-2">Med ett år.</p>' in page
        typed = '<p class="typed-text" lang="sv">Styrelsen beslutar<br>\tatt godkänna budgeten,<br>        att uppdra'
        assert typed in page


def test_a_revision_frozen_before_keeps_its_snapshot_and_hash(cast):
    """The sanitiser changes what is saved from now on, never a frozen revision: its text, snapshot and hash stay."""
    meeting = ready_to_send(cast)
    revision = justering.protocol_send_for_justering(actor=None, meeting=meeting)
    revision.refresh_from_db()
    assert protocol.digest(revision.snapshot) == revision.sha256
    assert protocol.digest(protocol.snapshot(meeting)) == revision.sha256


def test_the_signers_read_on_the_justering_page_that_a_point_moved_in(client_for, cast):
    """Revision 2 differs from revision 1 only in how far a point of § 3 is indented: its change list said 'Inga
    ändringar i texten.', and the signer was asked to sign a record they had not read as it stands."""
    meeting = indented_meeting(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    justering.protocol_reopen(actor=None, meeting=meeting)
    item = meeting.items.get(number=3)
    services.item_save_text(
        actor=None,
        item_id=item.pk,
        heading=item.heading,
        text="<p>Förslaget lyder:</p><p>\tInsatsen förlängs.</p><p>\t\t\tMed ett år.</p>",
        base_version=item.version,
    )
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    page = client_for("member").get(f"/moten/{meeting.pk}/justering/").content.decode()
    assert "Inga ändringar i texten." not in page
    assert "Indraget är ändrat: ”Med ett år.” står nu indraget 3 steg (förut indraget 2 steg)." in page
