"""The whole path in a real browser: send for justering, comment and send back, revise, sign, the PDF appears."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings.drafting import services
from meetings.models import Meeting, SignedDocument

from ..meetings.factories import plan_meeting
from .conftest import assert_accessible, sign_in


@pytest.fixture
def meeting(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = plan_meeting(cast, date=timezone.localdate() - datetime.timedelta(days=1))  # the browser's clock is real
    meeting.justerare.add(cast.member)
    item = meeting.items.get(number=3)
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Dagordningen godkändes.</p>", base_version=1
    )
    services.decision_save(actor=None, item=item, text="Styrelsen beslutar att godkänna dagordningen.")
    return meeting


def test_send_comment_send_back_revise_sign_and_get_the_pdf(new_page, cast, meeting):
    secretary, member, chair = new_page(), new_page(), new_page()
    sign_in(secretary, "secretary@example.se", cast.password)
    secretary.goto(f"/moten/{meeting.pk}/justering/")
    assert_accessible(secretary)
    secretary.get_by_role("button", name="Skicka på justering").click()
    expect(secretary.get_by_text("Revision 1 är skickad på justering.")).to_be_visible()

    sign_in(member, "member@example.se", cast.password)
    expect(member.get_by_role("link", name="Att justera senast")).to_be_visible()
    member.get_by_role("link", name="Att justera senast").click()
    assert_accessible(member)
    member.get_by_label("Kommentar till § 3").fill("Skriv ut vem som föreslog ändringen.")
    member.locator("#c" + str(meeting.items.get(number=3).pk)).get_by_role("button", name="Spara kommentaren").click()
    expect(member.get_by_text("Kommentaren är sparad.")).to_be_visible()
    member.get_by_label("Skicka tillbaka till sekreteraren – motivering").fill("Komplettera § 3.")
    member.get_by_role("button", name="Skicka tillbaka").click()
    expect(member.get_by_text("Protokollet är skickat tillbaka till sekreteraren.")).to_be_visible()

    secretary.goto(f"/moten/{meeting.pk}/")
    box = secretary.locator("section.item:has(h3 .para:text-is('§ 3')) [data-body]")
    box.click()
    secretary.keyboard.press("End")
    secretary.keyboard.type(" Ordföranden föreslog ändringen.")
    expect(secretary.locator("section.item:has(h3 .para:text-is('§ 3')) [data-status]")).to_contain_text(
        "Sparat", timeout=10_000
    )
    secretary.goto(f"/moten/{meeting.pk}/justering/")
    expect(secretary.get_by_text("Skriv ut vem som föreslog ändringen.")).to_be_visible()
    secretary.get_by_role("button", name="Skicka på justering").click()
    expect(secretary.get_by_text("Revision 2 är skickad på justering.")).to_be_visible()

    for page, email in ((member, "member@example.se"), (chair, "chair@example.se"), (secretary, None)):
        if email and page is chair:
            sign_in(page, email, cast.password)
        page.goto(f"/moten/{meeting.pk}/justering/")
        page.get_by_role("link", name="Justera protokollet").click()
        if "reauthenticate" in page.url:
            page.get_by_label("Lösenord").fill(cast.password)
            page.get_by_role("button", name="Verifiera").click()
        expect(page.get_by_text("revision 2")).to_be_visible()
        page.get_by_role("button", name="Jag justerar protokollet").click()
        expect(page.get_by_text("Du har justerat protokollet.")).to_be_visible()

    expect(secretary.get_by_role("link", name="Ladda ned det justerade protokollet (PDF)")).to_be_visible(
        timeout=20_000
    )
    assert_accessible(secretary)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    document = SignedDocument.objects.get(meeting=meeting)
    assert document.revision.number == 2 and document.status == "done"


def test_the_notice_board_and_verification_pages_are_accessible(page, db):
    page.goto("/anslagstavla/")
    expect(page.get_by_role("heading", name="Anslagstavla")).to_be_visible()
    assert_accessible(page)
    page.goto("/verifiera/")
    page.get_by_label("…eller SHA-256").fill("0" * 64)
    page.get_by_role("button", name="Verifiera").click()
    expect(page.get_by_text("Ingen justerad PDF med den kontrollsumman finns i portalen.")).to_be_visible()
    assert_accessible(page)


def test_a_comment_left_empty_by_the_keyboard_puts_the_focus_on_why(page, cast, meeting):
    """A signer who sent an empty comment from § 3 came back scrolled to § 3, the focus nowhere and the refusal out of
    sight at the top of the page: a keyboard user saw nothing happen and a screen reader said nothing."""
    from meetings.justering import services as justering

    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_in(page, "member@example.se", cast.password)
    page.goto(f"/moten/{meeting.pk}/justering/")
    page.get_by_label("Kommentar till § 3").focus()
    page.keyboard.press("Tab")  # to its button
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    focused = page.evaluate("document.activeElement.textContent")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused == "Skriv en kommentar." and outline == "solid"
    assert_accessible(page)
