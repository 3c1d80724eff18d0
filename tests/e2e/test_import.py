"""A secretary imports a real protocol in the browser, sees it parsed beside the text, and saves it; of several
uploads, one can be discarded and the others wait."""

from playwright.sync_api import expect

from demo import SEEDS
from meetings.models import Meeting, PendingImport

from .conftest import assert_accessible, sign_in

SEED = next(SEEDS.glob("004_*.txt"))
NOTES = next(SEEDS.glob("002_*.txt"))


def test_import_review_and_save(page, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/moten/")
    page.get_by_role("link", name="Importera protokoll").click()
    assert_accessible(page)
    page.get_by_label("Protokoll eller minnesanteckningar").set_input_files(str(SEED))
    page.get_by_role("button", name="Ladda upp och tolka").click()
    expect(page.get_by_text("§ 3 AMIF projektansökan - Information")).to_be_visible()
    expect(page.get_by_text("1:e vice ordförande · § 1-4 · närvarande")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Organ").select_option(label="Styrelse, Test")
    page.get_by_role("button", name="Spara som möte").click()
    expect(page.get_by_text("Mötet är importerat.")).to_be_visible()
    meeting = Meeting.objects.get()
    # It lands as a draft to review; filing it as justerat on paper is a separate, explicit step.
    assert meeting.imported and meeting.status == Meeting.Status.DRAFT and meeting.items.count() == 8
    assert not PendingImport.objects.exists()
    assert_accessible(page)
    page.get_by_role("button", name="Lägg till handlingarna").click()
    expect(page.get_by_text("Protokollet är lagt till handlingarna.")).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT and meeting.signed_on_paper


def test_several_uploads_wait_and_one_is_discarded(page, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/moten/importera/")
    page.get_by_label("Protokoll eller minnesanteckningar").set_input_files([str(SEED), str(NOTES)])
    page.get_by_role("button", name="Ladda upp och tolka").click()
    expect(page.get_by_text("2 dokument väntar på granskning.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=f"Ta bort {NOTES.name}").click()
    expect(page.get_by_text(f"Importen av {NOTES.name} är borttagen.")).to_be_visible()
    page.get_by_role("link", name=SEED.name).click()
    expect(page.get_by_text("§ 3 AMIF projektansökan - Information")).to_be_visible()
    assert list(PendingImport.objects.values_list("original_name", flat=True)) == [SEED.name]
