"""Text the importer did not read into the meeting is listed on the review page, so that nothing is dropped unseen
(saving keeps only what was read, and the original file). Found on a real extract (Arboga kommun, Ks § 184) whose
whole background was dropped while the page said the text before the first item had been kept."""

import pytest
from django.core.files.base import ContentFile

from meetings.importing.review import LEFT_OUT_SHOWN, left_out
from meetings.models import PendingImport

TEXT = (
    "Protokoll\n\nDatum: 2021-06-02\n\n"
    "Bakgrunden till förslaget är frågan om utökning av förbundets arbetsuppgifter. Uppdraget omfattar både "
    "servering och försäljning av folköl.\n\n"
    "§ 1 Öppnande\n\nMötet öppnades av ordföranden.\n\nJusteras:\n"
)
PARSED = {
    "kind": "protokoll",
    "title": "Protokoll",
    "date": "2021-06-02",
    "attendance": [],
    "items": [{"number": "1", "title": "Öppnande", "text": "Mötet öppnades av ordföranden.", "decisions": []}],
    "warnings": [],
}


def test_sentences_not_in_the_parsed_meeting_are_left_out_and_labels_are_not():
    assert left_out(TEXT, PARSED) == [
        "Bakgrunden till förslaget är frågan om utökning av förbundets arbetsuppgifter.",
        "Uppdraget omfattar både servering och försäljning av folköl.",
    ]


def test_text_the_parser_names_in_a_warning_or_keeps_anywhere_is_not_listed():
    warned = PARSED | {
        "warnings": [
            "Sidhuvud eller sidfot togs bort: Bakgrunden till förslaget är frågan om "
            "utökning av förbundets arbetsuppgifter."
        ]
    }
    kept = PARSED | {
        "items": [
            PARSED["items"][0]
            | {"text": "Uppdraget omfattar både servering och försäljning av folköl. Mötet öppnades av ordföranden."}
        ]
    }
    assert left_out(TEXT, warned) == ["Uppdraget omfattar både servering och försäljning av folköl."]
    assert left_out(TEXT, kept) == ["Bakgrunden till förslaget är frågan om utökning av förbundets arbetsuppgifter."]


@pytest.mark.django_db
def test_the_review_page_lists_what_was_left_out(client_for, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    long_text = TEXT + "".join(f"Fristående mening nummer {n} om budgetarbetet.\n" for n in range(LEFT_OUT_SHOWN + 5))
    pending = PendingImport.objects.create(
        uploaded_by=cast.user("secretary"),
        federation=cast.federation,
        original=ContentFile(long_text.encode(), name="p.txt"),
        original_name="p.txt",
        text=long_text,
        parsed=PARSED,
    )
    html = client_for("secretary").get(f"/moten/importera/{pending.pk}/").content.decode()
    assert "57 stycken av texten kom inte med i tolkningen" in html
    assert "<li>Bakgrunden till förslaget är frågan om utökning av förbundets arbetsuppgifter.</li>" in html
    assert "och 7 stycken till." in html
    assert "Tolkningen har inga anmärkningar" not in html


@pytest.mark.django_db
def test_the_importers_fixed_words_are_shown_in_the_readers_language(client_for, cast, settings, tmp_path):
    """The kind, an attendee's status and a decision's outcome are stored in Swedish; the English page said
    "protokoll", "närvarande" and "Beslut: uppdrag" among English words."""
    settings.MEDIA_ROOT = tmp_path
    parsed = PARSED | {
        "attendance": [{"name": "Cecilia Ordförande", "status": "anmält förhinder", "role": "ordförande"}],
        "items": [PARSED["items"][0] | {"decisions": [{"text": "Beslutet.", "outcome": "bifall", "method": None}]}],
    }
    pending = PendingImport.objects.create(
        uploaded_by=cast.user("secretary"),
        federation=cast.federation,
        original=ContentFile(TEXT.encode(), name="p.txt"),
        original_name="p.txt",
        text=TEXT,
        parsed=parsed,
    )
    client = client_for("secretary")
    client.cookies["django_language"] = "en"
    html = client.get(f"/moten/importera/{pending.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<dd>minutes</dd>" in html and "ordförande · sent apologies" in html and ": approved" in html
    client.cookies["django_language"] = "sv"
    html = client.get(f"/moten/importera/{pending.pk}/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "<dd>protokoll</dd>" in html and "ordförande · anmält förhinder" in html and "Beslut: bifall" in html
