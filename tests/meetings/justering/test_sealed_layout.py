"""A sealed protocol's pages, its PDF and its extracts lay its typed texts out as its sealed PDF prints them.

Decisions sealed before indentation was kept (5d8feed) were printed as HTML lays text out: a line's leading spaces
dropped. The layout was once chosen by a clock (the commit's time), wrong for an installation that deployed it later,
and the extract of a § justerad at the meeting could print otherwise than the whole protocol sealed after it. Now the
layout is a fact stored with the record (Meeting.typed_layout) when it is first sealed, and everything reads it. The
record itself (the decision's text, the revision's snapshot and hash) is never touched."""

import contextlib
import datetime
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from django.conf import settings as django_settings

from meetings.drafting import services
from meetings.justering import extracts, protocol, tasks
from meetings.justering import services as justering
from meetings.models import Meeting, SignedDocument
from meetings.printing import typed_text
from meetings.printing.typed_text import flat_typed_text
from tests.meetings.factories import plan_meeting, ready_to_send, sign_all
from tests.meetings.justering.test_indentation import left_edges

DECISION = "Styrelsen beslutar\n        att godkänna budgeten,\nsamt att notera."
TYPED = 'lang="sv">Styrelsen beslutar<br>        att godkänna budgeten,<br>samt att notera.</p>'
# The old clock's two sides (it said 2026-12-07 04:37:58 UTC): the layout no longer depends on either.
BEFORE = datetime.datetime(2026, 9, 14, 10, 0, tzinfo=datetime.UTC)
AFTER = datetime.datetime(2026, 12, 8, 10, 0, tzinfo=datetime.UTC)
FLAT = Meeting.TypedLayout.FLAT


def sealing_flat():
    """Seal as the portal did before indentation was kept (as migration 0033 records such a record)."""
    return mock.patch.object(typed_text, "CURRENT_LAYOUT", FLAT)


def with_indented_decision(cast):
    """A protocol with an indented line in § 3's decision (sent to the registrator as an extract)."""
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    decision = item.decisions.get()
    services.decision_save(
        actor=None,
        item=item,
        decision=decision,
        text=DECISION,
        version=decision.version,
        recipient_emails=["registrator@testby.se"],
    )
    return meeting


def render(document):
    assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "done"
    document.refresh_from_db()
    return document


def sealed(cast, when, layout=contextlib.nullcontext):
    """The protocol justerat at `when`, its PDF rendered then, sealed as `layout` has it."""
    with time_machine.travel(when, tick=True), layout():
        meeting = with_indented_decision(cast)
        justering.protocol_send_for_justering(actor=None, meeting=meeting)
        with mock.patch.object(tasks.render_signed_pdf, "delay"):
            sign_all(cast, meeting)
        document = render(SignedDocument.objects.get(meeting=meeting))
    meeting.refresh_from_db()
    return meeting, document


def printed(document):
    return left_edges(Path(document.file.path).read_bytes(), "Styrelsen beslutar", "att godkänna", "samt att")


def flat(edges):
    return edges["att godkänna"] == edges["Styrelsen beslutar"] == edges["samt att"]


def indented(edges):
    return edges["Styrelsen beslutar"] + 10 < edges["att godkänna"] and edges["Styrelsen beslutar"] == edges["samt att"]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pages(client_for, meeting):
    client = client_for("secretary")
    urls = (f"/moten/{meeting.pk}/", f"/moten/{meeting.pk}/justering/", f"/moten/{meeting.pk}/forhandsgranska/")
    return {url: client.get(url).content.decode() for url in urls}


def assert_pages_flat(client_for, meeting, *, printed_on_justering_page=True):
    for url, page in pages(client_for, meeting).items():
        if url.endswith("/justering/") and not printed_on_justering_page:
            continue
        assert f'<p class="typed-text flat" {TYPED}' in page, url
        assert '<p class="typed-text" lang="sv">' not in page, url


def test_a_protocol_sealed_flat_shows_prints_and_extracts_flat_whenever_it_was_sealed(client_for, cast):
    """An installation that deployed indentation after the commit's time sealed flat records after that time."""
    meeting, document = sealed(cast, AFTER, sealing_flat)
    assert meeting.typed_layout == FLAT
    assert flat(printed(document))  # as it was printed then
    assert_pages_flat(client_for, meeting)
    (extract,) = extracts.render_extracts(document, []).values()  # a PDF of it made now: an extract, a retry
    assert flat(left_edges(extract, "Styrelsen beslutar", "att godkänna", "samt att"))


def test_a_protocol_sealed_now_shows_and_prints_the_indent_whatever_the_clock_says(client_for, cast):
    meeting, document = sealed(cast, BEFORE)
    assert meeting.typed_layout == Meeting.TypedLayout.INDENTED
    assert indented(printed(document))
    (extract,) = extracts.render_extracts(document, []).values()
    assert indented(left_edges(extract, "Styrelsen beslutar", "att godkänna", "samt att"))
    for url, page in pages(client_for, meeting).items():
        assert f'<p class="typed-text" {TYPED}' in page, url
        assert "typed-text flat" not in page, url


def test_the_protocol_prints_as_the_extract_justerad_at_the_meeting_did(client_for, cast):
    """§ 3 justerad at the meeting and sealed flat, the rest of the protocol justerat later: the whole protocol, its
    extract and its pages all lay § 3's decision out as that first sealed PDF did."""
    with time_machine.travel(BEFORE, tick=True), sealing_flat():
        meeting = with_indented_decision(cast)
        services.item_update_details(actor=None, item=meeting.items.get(number=3), immediate_justering=True)
        extract = justering.extract_send_for_justering(actor=None, meeting=meeting)
        with mock.patch.object(tasks.render_signed_pdf, "delay"):
            sign_all(cast, meeting, revision_number=extract.number)
        omedelbar = render(SignedDocument.objects.get(revision=extract))
    assert flat(printed(omedelbar))
    meeting.refresh_from_db()
    # Still being written (the justering page has no whole protocol yet): read as it will be sealed.
    assert_pages_flat(client_for, meeting, printed_on_justering_page=False)
    with time_machine.travel(AFTER, tick=True):
        full = justering.protocol_send_for_justering(actor=None, meeting=meeting)
        with mock.patch.object(tasks.render_signed_pdf, "delay"):
            sign_all(cast, meeting, revision_number=full.number)
        document = render(SignedDocument.objects.get(revision=full))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT and meeting.typed_layout == FLAT
    assert flat(printed(document))
    (sent,) = extracts.render_extracts(document, []).values()
    assert flat(left_edges(sent, "Styrelsen beslutar", "att godkänna", "samt att"))
    assert_pages_flat(client_for, meeting)


def test_a_record_is_given_its_layout_when_it_is_sealed_or_filed(cast):
    draft = with_indented_decision(cast)
    assert draft.typed_layout is None  # laid out as today's portal does until then
    meeting, _document = sealed(cast, AFTER)
    assert meeting.typed_layout == Meeting.TypedLayout.INDENTED
    notes = plan_meeting(cast, record_kind="minnesanteckningar")
    justering.notes_approve(actor=None, meeting=notes)
    notes.refresh_from_db()
    assert notes.typed_layout == Meeting.TypedLayout.INDENTED


def test_the_sealed_record_is_left_as_it_was(cast):
    """The layout is chosen when shown or printed: the text keeps its spaces, the snapshot its hash."""
    meeting, document = sealed(cast, BEFORE, sealing_flat)
    revision = document.revision
    assert meeting.items.get(number=3).decisions.get().text == DECISION
    assert revision.snapshot["items"][2]["decisions"][0]["text"] == DECISION
    assert protocol.digest(revision.snapshot) == revision.sha256


def test_flat_means_sealed_with_the_old_layout():
    assert flat_typed_text(FLAT)
    assert not flat_typed_text(Meeting.TypedLayout.INDENTED)
    assert not flat_typed_text(None)  # not sealed: laid out as today


def test_both_style_sheets_lay_a_flat_typed_text_out_as_html_does():
    for sheet in ("portal.css", "protocol-print.css"):
        css = (Path(django_settings.BASE_DIR) / "static" / "css" / sheet).read_text()
        assert ".typed-text.flat { white-space: normal; }" in css, sheet
