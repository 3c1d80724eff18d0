"""Issue 15's measure: a secretary who has never seen the portal plans a board meeting, sends the kallelse, keeps
the minutes, chooses the justerare, sends the protocol for justering and gets it signed, with no admin and no
workaround; the sealed PDF, read back, says exactly what happened."""

import io
import re

from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings.models import Meeting, SignedDocument

from .conftest import assert_accessible, sign_in


def test_a_secretary_runs_a_whole_meeting_alone(new_page, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    secretary, member, chair = new_page(), new_page(), new_page()
    today = timezone.localdate()

    # Plan the meeting.
    sign_in(secretary, "secretary@example.se", cast.password)
    secretary.goto("/moten/")
    secretary.get_by_role("link", name="Planera ett möte").click()
    secretary.locator("#id_body").select_option(label="Styrelse, Test")
    secretary.locator("#id_date").fill(today.isoformat())
    secretary.locator("#id_start_time").fill("09:00")
    secretary.locator("#id_end_time").fill("11:00")
    secretary.locator("#id_place").fill("Stadshuset")
    secretary.locator("#id_chair").select_option(label="Cecilia Ordförande")
    secretary.locator("#id_secretary").select_option(label="Sara Sekreterare")
    secretary.get_by_role("button", name="Planera mötet").click()
    expect(secretary.get_by_text("Mötet är planerat.")).to_be_visible()
    meeting = Meeting.objects.get(body=cast.board, date=today)

    # Send the kallelse, after its preview.
    secretary.get_by_role("link", name="Skicka kallelse").click()
    assert_accessible(secretary)
    secretary.get_by_role("button", name="Skicka kallelse").click()
    expect(secretary.get_by_text(re.compile("Kallelsen skickas till"))).to_be_visible()

    # Choose the justerare.
    secretary.get_by_role("link", name="Ändra mötet").click()
    secretary.get_by_label("Maja Ledamot").check()
    secretary.get_by_role("button", name="Spara").click()
    meeting.refresh_from_db()
    assert list(meeting.justerare.values_list("name", flat=True)) == ["Maja Ledamot"]

    # Keep the minutes: two paragraphs in § 1, a decision in § 3.
    secretary.goto(f"/moten/{meeting.pk}/")
    first = secretary.locator("section.item:has(h3 .para:text-is('§ 1'))")
    first.locator("[data-body]").click()
    secretary.keyboard.type("Ordföranden öppnade mötet.")
    secretary.keyboard.press("Enter")
    secretary.keyboard.type("Närvaron fastställdes.")
    expect(first.locator("[data-status]")).to_contain_text("Sparat", timeout=10_000)
    third = secretary.locator("section.item:has(h3 .para:text-is('§ 3'))")
    third.locator("summary").click()
    third.get_by_role("link", name="Nytt beslut").click()
    secretary.locator("#id_text").fill("Styrelsen beslutar att godkänna dagordningen.")
    secretary.get_by_role("button", name="Spara beslutet").click()
    expect(secretary.get_by_text("Beslutet är sparat.")).to_be_visible()

    # Send it for justering.
    secretary.goto(f"/moten/{meeting.pk}/justering/")
    secretary.get_by_role("button", name="Skicka på justering").click()
    expect(secretary.get_by_text("Revision 1 är skickad på justering.")).to_be_visible()

    # The justerare, the chair and the secretary sign.
    sign_in(member, "member@example.se", cast.password)
    sign_in(chair, "chair@example.se", cast.password)
    for page in (member, chair, secretary):
        page.goto(f"/moten/{meeting.pk}/justering/")
        page.get_by_role("link", name="Justera protokollet").click()
        if "reauthenticate" in page.url:
            page.get_by_label("Lösenord").fill(cast.password)
            page.get_by_role("button", name="Verifiera").click()
        page.get_by_role("button", name="Jag justerar protokollet").click()
        expect(page.get_by_text("Du har justerat protokollet.")).to_be_visible()

    # The sealed PDF says what happened.
    expect(secretary.get_by_role("link", name="Ladda ned det justerade protokollet (PDF)")).to_be_visible(
        timeout=20_000
    )
    document = SignedDocument.objects.get(meeting=meeting, status="done")
    with document.file.open("rb") as handle:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    header = text.split("Paragrafer")[0]
    assert "Beslutande" in header and "Cecilia Ordförande" in header and "Maja Ledamot" in header
    assert re.search(r"Utses att justera\s+Maja Ledamot", header)
    assert "Stadshuset" in header and re.search(r"Paragrafer\s+§ 1–4", text)
    assert re.search(r"Ordföranden öppnade mötet\.\s*\n\s*Närvaron fastställdes\.", text)
    assert "Maja Ledamot utsågs att jämte ordföranden justera dagens protokoll." in text
    assert "Styrelsen beslutar att godkänna dagordningen." in text
    assert "Justerandes signatur" not in text
