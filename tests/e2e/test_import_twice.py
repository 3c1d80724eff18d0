"""A secretary bringing the archive in: the same minutes from a second file are not saved as a second meeting
without her saying so, and a review saved in one tab is not saved again from another."""

from playwright.sync_api import expect

from demo import SEEDS
from meetings.models import Meeting, PendingImport

from .conftest import assert_accessible, sign_in

SEED = next(SEEDS.glob("004_*.txt"))


def upload(page, path):
    page.goto("/moten/importera/")
    page.get_by_label("Protokoll eller minnesanteckningar").set_input_files(str(path))
    page.get_by_role("button", name="Ladda upp och tolka").click()
    expect(page.get_by_text("§ 3 AMIF projektansökan - Information")).to_be_visible()
    page.get_by_label("Organ:", exact=True).select_option(label="Styrelse, Test")


def test_the_same_minutes_twice_and_two_tabs(page, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    sign_in(page, "secretary@example.se", cast.password)
    upload(page, SEED)
    second_tab = page.context.new_page()
    second_tab.goto(page.url)
    page.get_by_role("button", name="Spara som möte").click()
    expect(page.get_by_text("Mötet är importerat.")).to_be_visible()
    first = Meeting.objects.get()

    # The tab left open saves too: it is led to the meeting, and nothing more is saved.
    second_tab.get_by_label("Organ:", exact=True).select_option(label="Styrelse, Test")
    second_tab.get_by_role("button", name="Spara som möte").click()
    expect(second_tab.get_by_text("Importen är redan sparad som möte; här är mötet.")).to_be_visible()
    assert second_tab.url.endswith(f"/moten/{first.pk}/") and Meeting.objects.count() == 1

    # The same minutes again, as another file (a scan's text, a copy saved again): the meeting of that day is named.
    again = tmp_path / "protokoll-igen.txt"
    again.write_text(SEED.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    upload(page, again)
    page.get_by_role("button", name="Spara som möte").click()
    expect(page.get_by_role("alert").filter(has_text="Mötet är inte sparat")).to_be_visible()
    notice = page.locator("#same-day")
    expect(notice.get_by_text("Styrelse har redan ett möte 2016-02-04:")).to_be_visible()
    expect(notice.get_by_role("link")).to_have_attribute("href", f"/moten/{first.pk}/")
    assert Meeting.objects.count() == 1 and PendingImport.objects.count() == 1
    assert_accessible(page)

    # It is the same meeting: the secretary removes the import instead (had it been another, she would tick the box).
    box = page.get_by_label("Det här är ett annat möte än det som redan finns den dagen")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    box.uncheck()
    page.get_by_role("button", name="Ta bort", exact=True).click()
    expect(page.get_by_text("Importen av protokoll-igen.txt är borttagen.")).to_be_visible()
    assert Meeting.objects.count() == 1 and not PendingImport.objects.exists()
