"""A secretary imports a real protocol in the browser, sees it parsed beside the text, and saves it."""

from playwright.sync_api import expect

from demo import SEEDS
from meetings.models import Meeting

from .conftest import assert_accessible, sign_in

SEED = next(SEEDS.glob("004_*.txt"))


def test_import_review_and_save(page, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/moten/")
    page.get_by_role("link", name="Importera protokoll").click()
    assert_accessible(page)
    page.get_by_label("Protokoll eller minnesanteckningar").set_input_files(str(SEED))
    page.get_by_role("button", name="Ladda upp och tolka").click()
    expect(page.get_by_text("§ 3 AMIF projektansökan - Information")).to_be_visible()
    expect(page.get_by_text("Ingrid Jerneborg Glimne, 1:e vice ordförande, § 1-4 – närvarande")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Organ").select_option(label="Styrelse, Test")
    page.get_by_role("button", name="Spara som möte").click()
    expect(page.get_by_text("Mötet är importerat.")).to_be_visible()
    meeting = Meeting.objects.get()
    assert meeting.imported and meeting.signed_on_paper and meeting.items.count() == 8
