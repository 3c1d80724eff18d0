"""The review page marks what the parser is unsure of: a badge "Osäker" with the reason in words beside the value,
described to the field it concerns, and a summary at the top linking to each marked value."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.models import PendingImport

# The chair is found only in a sentence, an attendee's given name is unknown, the first item is numbered without §;
# the secretary signs, the date is in its field: those are sure.
UNSURE = (
    "Samordningsförbundet Norra Västmanland\n\nProtokoll styrelsen\n\nDatum: 2021-06-02\n\n"
    "Närvarande: Anna Berg, Xyzzy Lund, ledamot\n\n"
    "12 Mötets öppnande\nOrdförande Anna Berg öppnade mötet.\n13 Val av justerare\nKarin Ek utses att justera.\n\n"
    "Sekreterare\n\nErik Lund\n"
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def review_page(client, text):
    response = client.post("/moten/importera/", {"files": [SimpleUploadedFile("protokoll.txt", text.encode())]})
    review = response["Location"]
    return review, client.get(review).content.decode()


def summary_links(html):
    section = re.search(r'<section class="card import-unsure".*?</section>', html, re.S)
    return re.findall(r'<a href="#([^"]+)">', section.group(0)) if section else []


def test_an_unsure_field_has_the_marker_and_its_reason_and_a_sure_one_has_none(client_for, cast):
    _review, html = review_page(client_for("secretary"), UNSURE)
    chair = re.search(r'<dd id="parsed-chair" tabindex="-1">(.*?)</dd>', html, re.S).group(1)
    assert "Anna Berg" in chair and 'id="parsed-chair-unsure"' in chair
    assert '<span class="badge warn">Osäker</span>' in chair and "hittad bara i en mening" in chair
    secretary = re.search(r'<dd id="parsed-secretary" tabindex="-1">(.*?)</dd>', html, re.S).group(1)
    assert "Erik Lund" in secretary and "Osäker" not in secretary
    assert 'id="parsed-date-unsure"' not in html and 'aria-describedby="parsed-date-unsure"' not in html


def test_an_unsure_attendee_is_described_by_the_marker_and_a_sure_one_is_not(client_for, cast):
    _review, html = review_page(client_for("secretary"), UNSURE)
    fieldsets = dict(
        re.findall(r'<fieldset class="attendee-match" id="attendee-(\d+)"[^>]*?aria-describedby="([^"]+)"', html)
    )
    legends = re.findall(r"<legend>([^<]+)</legend>", html)
    unsure = legends.index("Xyzzy Lund")
    assert fieldsets[str(unsure)] == f"attendee-{unsure}-facts attendee-{unsure}-unsure"
    assert f'id="attendee-{unsure}-unsure"' in html and "förnamnet är inte ett känt förnamn" in html
    assert fieldsets[str(legends.index("Anna Berg"))].split() == [f"attendee-{legends.index('Anna Berg')}-facts"]


def test_the_summary_links_to_every_marked_value_and_each_target_exists(client_for, cast):
    _review, html = review_page(client_for("secretary"), UNSURE)
    assert "Kontrollera särskilt" in html
    links = summary_links(html)
    assert "parsed-chair" in links and "item-0" in links and "parsed-secretary" not in links
    for anchor in links:
        assert len(re.findall(rf'\bid="{anchor}"', html)) == 1, anchor
        assert re.search(rf'id="{anchor}"[^>]*tabindex="-1"', html), anchor  # the link moves the focus there


def test_a_date_the_parser_is_unsure_of_describes_the_date_field(client_for, cast):
    text = "Protokoll styrelsen 2021-06-02\nUtskick 2021-05-20\n\n§ 1 Öppnande\n\nMötet öppnades.\n"
    _review, html = review_page(client_for("secretary"), text)
    assert 'id="parsed-date-unsure"' in html and "sidhuvudet har flera datum" in html
    date_input = re.search(r'<input[^>]*name="date"[^>]*>', html).group(0)
    assert 'aria-describedby="parsed-date-unsure"' in date_input


def test_a_page_parsed_before_the_marks_and_a_sure_parse_show_no_summary(client_for, cast):
    client = client_for("secretary")
    review, _html = review_page(client, UNSURE)
    pending = PendingImport.objects.get()
    pending.parsed = {key: value for key, value in pending.parsed.items() if key != "unsure"}
    pending.save(update_fields=["parsed"])
    html = client.get(review).content.decode()
    assert "Kontrollera särskilt" not in html and "Osäker" not in html
    pending.parsed["unsure"] = [
        {"field": "attendance", "index": 99, "reason": "list_cut"},
        {"field": "x", "reason": "y"},
    ]
    pending.save(update_fields=["parsed"])
    assert "Kontrollera särskilt" not in client.get(review).content.decode()  # a row no longer there is left out


def test_the_marks_are_translated(client_for, cast):
    client = client_for("secretary")
    review, _html = review_page(client, UNSURE)
    client.post("/i18n/setlang/", {"language": "en", "next": review})  # the portal's own language switch
    html = client.get(review).content.decode()
    assert "Check in particular" in html and '<span class="badge warn">Uncertain</span>' in html
    assert "found only in a sentence" in html


def test_the_parsers_remarks_are_shown_in_the_readers_language(client_for, cast):
    client = client_for("secretary")
    review, html = review_page(
        client, "Protokoll styrelsen\n\nNärvarande: Anna Berg, Karl Ek\n\n§ 1 Information\nText.\n"
    )
    assert "Inget mötesdatum hittades." in html and "Ingen sekreterare hittades." in html
    client.post("/i18n/setlang/", {"language": "en", "next": review})
    html = client.get(review).content.decode()
    assert "No meeting date was found." in html and "No secretary was found." in html
    assert "Inget mötesdatum" not in html
