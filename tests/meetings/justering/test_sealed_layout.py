"""A sealed protocol's pages show its typed texts as its sealed PDF prints them.

Decisions sealed before indentation was kept (5d8feed) were printed as HTML lays text out: a line's leading spaces
dropped. The pages then kept them (pre-wrap), so what the signers read there was not what the sealed PDF says. The
record itself (the decision's text, the revision's snapshot and hash) is never touched: the layout is chosen by when
the record was sealed."""

import datetime
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from django.conf import settings as django_settings
from django.utils import timezone

from meetings.drafting import services
from meetings.justering import extracts, protocol, tasks
from meetings.justering import services as justering
from meetings.models import SignedDocument
from meetings.printing.typed_text import TYPED_INDENT_SINCE, flat_typed_text
from tests.meetings.factories import ready_to_send, sign_all
from tests.meetings.justering.test_indentation import left_edges

DECISION = "Styrelsen beslutar\n        att godkänna budgeten,\nsamt att notera."
TYPED = 'lang="sv">Styrelsen beslutar<br>        att godkänna budgeten,<br>samt att notera.</p>'
BEFORE = datetime.datetime(2026, 9, 14, 10, 0, tzinfo=datetime.UTC)  # the tests' day, months before 5d8feed
AFTER = datetime.datetime(2026, 12, 8, 10, 0, tzinfo=datetime.UTC)


def sealed(cast, when):
    """A protocol with an indented line in § 3's decision (sent to the registrator as an extract), justerat at `when`,
    its PDF rendered then."""
    with time_machine.travel(when, tick=True):
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
        justering.protocol_send_for_justering(actor=None, meeting=meeting)
        with mock.patch.object(tasks.render_signed_pdf, "delay"):
            sign_all(cast, meeting)
        document = SignedDocument.objects.get(meeting=meeting)
        assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "done"
    meeting.refresh_from_db()
    document.refresh_from_db()
    return meeting, document


def printed(document):
    return left_edges(Path(document.file.path).read_bytes(), "Styrelsen beslutar", "att godkänna", "samt att")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pages(client_for, meeting):
    client = client_for("secretary")
    urls = (f"/moten/{meeting.pk}/", f"/moten/{meeting.pk}/justering/", f"/moten/{meeting.pk}/forhandsgranska/")
    return {url: client.get(url).content.decode() for url in urls}


def test_a_protocol_sealed_before_indentation_was_kept_shows_its_decisions_as_its_pdf_prints_them(client_for, cast):
    meeting, document = sealed(cast, BEFORE)
    edges = printed(document)
    assert edges["att godkänna"] == edges["Styrelsen beslutar"] == edges["samt att"]  # as it was printed then
    for url, page in pages(client_for, meeting).items():
        assert f'<p class="typed-text flat" {TYPED}' in page, url
        assert '<p class="typed-text" lang="sv">' not in page, url


def test_an_extract_of_it_rendered_now_prints_as_the_protocol_did(cast):
    """A PDF of a record sealed long ago made now (the task tried again, an extract) prints as the sealed one did."""
    meeting, document = sealed(cast, BEFORE)
    (extract,) = extracts.render_extracts(document, []).values()
    edges = left_edges(extract, "Styrelsen beslutar", "att godkänna")
    assert edges["att godkänna"] == edges["Styrelsen beslutar"]


def test_a_protocol_sealed_since_shows_and_prints_the_indent(client_for, cast):
    meeting, document = sealed(cast, AFTER)
    edges = printed(document)
    assert edges["Styrelsen beslutar"] + 10 < edges["att godkänna"]
    assert edges["Styrelsen beslutar"] == edges["samt att"]
    for url, page in pages(client_for, meeting).items():
        assert f'<p class="typed-text" {TYPED}' in page, url
        assert "typed-text flat" not in page, url


def test_the_sealed_record_is_left_as_it_was(cast):
    """The layout is chosen when shown or printed: the text keeps its spaces, the snapshot its hash."""
    meeting, document = sealed(cast, BEFORE)
    revision = document.revision
    assert meeting.items.get(number=3).decisions.get().text == DECISION
    assert revision.snapshot["items"][2]["decisions"][0]["text"] == DECISION
    assert protocol.digest(revision.snapshot) == revision.sha256


def test_flat_means_sealed_before_indentation_was_kept():
    assert flat_typed_text(TYPED_INDENT_SINCE - datetime.timedelta(seconds=1))
    assert not flat_typed_text(TYPED_INDENT_SINCE)
    assert not flat_typed_text(timezone.now()) and not flat_typed_text(None)  # not sealed: laid out as today


def test_both_style_sheets_lay_a_flat_typed_text_out_as_html_does():
    for sheet in ("portal.css", "protocol-print.css"):
        css = (Path(django_settings.BASE_DIR) / "static" / "css" / sheet).read_text()
        assert ".typed-text.flat { white-space: normal; }" in css, sheet
