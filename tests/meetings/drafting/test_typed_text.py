"""Typed text: control characters have no place in names and one-line fields (forms, services, the admin alike); a
too-long § says so; a request too large for the server gets a short answer from htmx and the editor, never a page."""

import pytest
from django.core.exceptions import ValidationError

from federations import services as federation_services
from finsam.validators import validate_one_line
from meetings.drafting import services
from meetings.drafting.forms import ITEM_TEXT_MAX_LENGTH
from tests.meetings.factories import plan_meeting

HEADER_INJECTION = "Eva Evil\r\nBcc: alla@example.se"


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


@pytest.mark.parametrize("typed", [HEADER_INJECTION, "Eva\tEvil", "Eva\x00", "Eva\x1b[31m", "Eva\u2028Evil", "Eva\x85"])
def test_a_one_line_field_refuses_control_characters(typed):
    with pytest.raises(ValidationError, match="styrtecken"):
        validate_one_line(typed)


def test_a_one_line_field_takes_any_name_without_them():
    validate_one_line("Åsa Öberg-Ängström (S), förbundschef – Mälardalen ✓")


def test_the_services_refuse_a_name_or_title_with_a_line_break(cast, meeting):
    with pytest.raises(ValidationError, match="styrtecken"):
        federation_services.person_save(actor=None, name=HEADER_INJECTION)
    with pytest.raises(ValidationError, match="styrtecken"):
        services.attendance_save(actor=None, meeting=meeting, name=HEADER_INJECTION)
    with pytest.raises(ValidationError, match="styrtecken"):
        services.meeting_update(actor=None, meeting=meeting, place="Stadshuset\r\nX-Header: 1")
    with pytest.raises(ValidationError, match="styrtecken"):
        services.item_add(actor=None, meeting=meeting, heading="Rubrik\nmed radbrytning")
    item = meeting.items.first()
    with pytest.raises(ValidationError, match="styrtecken"):
        services.item_save_text(actor=None, item_id=item.pk, heading="Rub\r\nrik", text="", base_version=1)
    with pytest.raises(ValidationError, match="styrtecken"):
        services.assignment_create(actor=None, item=item, what="Följa upp", owner_name=HEADER_INJECTION)
    assert not meeting.attendances.filter(name__contains="Evil").exists()


def test_the_attendance_form_says_why_a_name_is_refused(client_for, meeting):
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/narvaro/", {"name": HEADER_INJECTION, "role": "ledamot", "status": "narvarande"}
    )
    assert response.status_code == 200 and "styrtecken" in response.content.decode()
    assert not meeting.attendances.filter(name__startswith="Eva Evil").exists()


def _autosave(client, meeting, text, **headers):
    item = meeting.items.first()
    return client.post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/text/",
        {"heading": item.heading, "text": text, "version": item.version},
        headers=headers,
    )


def test_a_too_long_paragraph_says_it_is_too_long(client_for, meeting):
    response = _autosave(client_for("secretary"), meeting, "å" * (ITEM_TEXT_MAX_LENGTH + 100_000))
    assert response.status_code == 400
    assert response.json()["error"] == f"Texten är för lång: högst {ITEM_TEXT_MAX_LENGTH} tecken."


def test_a_request_over_the_servers_limit_gets_a_short_answer_never_a_page(client_for, meeting):
    client = client_for("secretary")
    huge = "x" * 6_000_000
    from_the_editor = _autosave(client, meeting, huge, X_REQUESTED_WITH="fetch")
    assert from_the_editor.status_code == 400 and "för stort: högst 5 MB" in from_the_editor.json()["error"]
    from_htmx = _autosave(client, meeting, huge, HX_REQUEST="true")
    fragment = from_htmx.content.decode()
    assert from_htmx.status_code == 400 and len(fragment) < 300 and "<html" not in fragment.lower()
    assert "för stort" in fragment
    from_a_form = _autosave(client, meeting, huge)
    assert from_a_form.status_code == 400 and "<html" in from_a_form.content.decode().lower()


def test_an_empty_heading_in_the_autosave_says_which_field(client_for, meeting):
    """The text under the editor said only "Detta fält måste fyllas i.", as if the text were refused."""
    item = meeting.items.first()
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/text/", {"heading": "", "text": "<p>Text</p>", "version": 1}
    )
    assert response.status_code == 400 and response.json()["error"] == "Ärendet behöver en rubrik."


@pytest.mark.parametrize("typed", ["Dnr 2026/12-4", "dnr: 2026/12-4", "DNR. 2026/12-4", "2026/12-4"])
def test_a_case_number_typed_with_dnr_is_printed_with_one(client_for, meeting, typed):
    client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/", {"heading": "Budget", "kind": "beslut", "case_number": typed}
    )
    assert meeting.items.get(heading="Budget").case_number == "2026/12-4"
