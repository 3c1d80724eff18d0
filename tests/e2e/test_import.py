"""A secretary imports a real protocol in the browser, sees it parsed beside the text, and saves it; of several
uploads, one can be discarded and the others wait."""

import datetime
import re

from playwright.sync_api import expect

from demo import SEEDS
from federations.models import Mandate, MemberOrganisation, Membership, Person
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
    page.get_by_label("Organ:", exact=True).select_option(label="Styrelse, Test")
    page.get_by_role("button", name="Spara som möte").click()
    expect(page.get_by_text("Mötet är importerat.")).to_be_visible()
    meeting = Meeting.objects.get()
    # It lands as a draft to review; filing it as justerat on paper is a separate, explicit step.
    assert meeting.imported and meeting.status == Meeting.Status.DRAFT and meeting.items.count() == 8
    assert not PendingImport.objects.exists()
    assert_accessible(page)
    page.get_by_label("Jag har granskat handlingen och vill lägga den till handlingarna.").check()
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
    expect(page.get_by_text("2 dokument väntar på granskning.")).to_be_visible()  # on the upload's own page
    expect(page.get_by_role("link", name=f"Granska {SEED.name}")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Brödsmulor").get_by_role("link", name="Importera").click()
    page.get_by_role("button", name=f"Ta bort {NOTES.name}").click()
    expect(page.get_by_text(f"Importen av {NOTES.name} är borttagen.")).to_be_visible()
    page.get_by_role("link", name=SEED.name).click()
    expect(page.get_by_text("§ 3 AMIF projektansökan - Information")).to_be_visible()
    assert list(PendingImport.objects.values_list("original_name", flat=True)) == [SEED.name]


CORPUS_DOCUMENT = "01_nvsam-styrelse-2010-11-18.txt"
PHONE = {"width": 390, "height": 844}


def test_a_corpus_protocol_is_matched_to_the_register_saved_and_filed(page, cast, settings, tmp_path, shared_corpus):
    """A real protocol (Norra Västmanland's board, 2010): warnings first, suggestions from the federation only; the
    secretary keeps the sure match, takes a close spelling, creates a person, saves the draft and files it."""
    settings.MEDIA_ROOT = tmp_path
    since = datetime.date(2008, 1, 1)
    norberg = MemberOrganisation.objects.create(name="Norbergs kommun", slug="norberg", kind="kommun")
    Membership.objects.create(federation=cast.federation, organisation=norberg, start=since)
    pratima = Person.objects.create(name="Pratima Åslund")
    Mandate.objects.create(person=pratima, body=cast.board, role="ordforande", start=since, organisation=norberg)
    henry = Person.objects.create(name="Henry Komulanen")  # the register's spelling differs by one letter
    Mandate.objects.create(person=henry, body=cast.board, role="ledamot", start=since, organisation=cast.fk)
    namesake = Person.objects.create(name="Kerstin Larsson")  # another federation's: never offered
    Mandate.objects.create(person=namesake, body=cast.other_board, role="ledamot", start=since)
    document = tmp_path / CORPUS_DOCUMENT
    document.write_text(
        (shared_corpus / CORPUS_DOCUMENT).read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8"
    )

    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/moten/importera/")
    page.get_by_label("Protokoll eller minnesanteckningar").set_input_files(str(document))
    page.get_by_role("button", name="Ladda upp och tolka").click()
    warnings = page.get_by_role("region", name="Att kontrollera")
    expect(warnings.get_by_text("Text före första ärendet")).to_be_visible()
    page.get_by_label("Organ:", exact=True).select_option(label="Styrelse, Test")
    page.get_by_role("button", name="Tolka om").click()
    expect(page.get_by_text("Detta fält måste fyllas i")).to_have_count(0)

    chair = page.get_by_role("group", name="Pratima Åslund")
    expect(chair.get_by_label("Pratima Åslund (samma namn och organisation, ledamot i organet)")).to_be_checked()
    close = page.get_by_role("group", name="Henry Komulainen")
    close.get_by_label("Henry Komulanen (liknande namn, samma organisation, ledamot i organet)").check()
    chair.get_by_label("Pratima Åslund (samma namn och organisation, ledamot i organet)").check()
    expect(page.get_by_role("group", name="Kerstin Larsson").get_by_label("Spara bara namnet")).to_be_checked()
    expect(page.get_by_text("Kerstin Larsson (samma namn")).to_have_count(0)
    new = page.get_by_role("group", name="Roger Ingvarsson")
    new.get_by_label("Skapa ny person").check()
    expect(new.get_by_label("Namn på ny person")).to_have_value("Roger Ingvarsson")
    assert_accessible(page)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)

    page.get_by_role("button", name="Spara som möte").click()
    expect(page.get_by_text("Mötet är importerat.")).to_be_visible()
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.DRAFT and meeting.chair == pratima
    linked = dict(meeting.attendances.filter(person__isnull=False).values_list("name", "person__name"))
    assert linked["Pratima Åslund"] == "Pratima Åslund" and linked["Henry Komulainen"] == "Henry Komulanen"
    assert linked["Roger Ingvarsson"] == "Roger Ingvarsson" and "Kerstin Larsson" not in linked
    assert list(meeting.justerare.all()) == [henry]
    page.get_by_label("Jag har granskat handlingen och vill lägga den till handlingarna.").check()
    page.get_by_role("button", name="Lägg till handlingarna").click()
    expect(page.get_by_text("Protokollet är lagt till handlingarna.")).to_be_visible()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT and meeting.paper_signers == "Pratima Åslund, Henry Komulanen"


UNSURE = (
    "Samordningsförbundet Norra Västmanland\n\nProtokoll styrelsen\n\nDatum: 2021-06-02\n\n"
    "Närvarande: Anna Berg, Xyzzy Lund, ledamot\n\n§ 1 Öppnande\n\nOrdförande Anna Berg öppnade mötet.\n\n"
    "Sekreterare\n\nErik Lund\n\nUtses att justera: Anna Berg\n"
)


def test_the_values_the_parser_is_unsure_of_are_announced_and_reached_from_the_summary(page, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = tmp_path / "osaker.txt"
    document.write_text(UNSURE, encoding="utf-8")
    sign_in(page, "secretary@example.se", cast.password)
    page.goto("/moten/importera/")
    page.get_by_label("Protokoll eller minnesanteckningar").set_input_files(str(document))
    page.get_by_role("button", name="Ladda upp och tolka").click()
    summary = page.get_by_role("region", name="Kontrollera särskilt")
    expect(summary).to_be_visible()
    # the attendee's group is described by its mark: a screen reader says "Osäker: …" on entering it
    expect(page.get_by_role("group", name="Xyzzy Lund")).to_have_accessible_description(
        re.compile(r"Osäker\W+förnamnet är inte ett känt förnamn")
    )
    expect(page.get_by_role("group", name="Anna Berg")).not_to_have_accessible_description(re.compile("Osäker"))
    # the summary's link is reached by the keyboard and moves the focus to the value it names
    link = summary.get_by_role("link", name="Ordförande")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#parsed-chair")).to_be_focused()
    expect(page.locator("#parsed-chair")).to_contain_text(re.compile(r"Osäker\W+hittad bara i en mening"))
    assert_accessible(page)
