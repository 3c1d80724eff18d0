"""The secretary's history of a §: comparing two versions shows a paragraph moved in or out, as the signers' change
list does, and marks the §'s Swedish words as Swedish when the page is in English."""

import pytest

from meetings.drafting import services
from tests.meetings.factories import plan_meeting

FLUSH = "<p>Förslaget lyder:</p><p>Insatsen förlängs.</p>"
INDENTED = "<p>Förslaget lyder:</p><p>\tInsatsen förlängs.</p>"


@pytest.fixture
def item(cast):
    item = plan_meeting(cast).items.get(number=1)
    for version, text in enumerate((FLUSH, INDENTED), start=1):
        services.item_save_text(actor=None, item_id=item.pk, heading=item.heading, text=text, base_version=version)
    return item


def compared(client, item, language="sv"):
    client.cookies["django_language"] = language
    url = f"/moten/{item.meeting_id}/paragrafer/{item.pk}/historik/?a=2&b=3"
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_a_paragraph_only_moved_in_is_a_change_said_in_words(client_for, item):
    page = compared(client_for("secretary"), item)
    assert "Versionerna är lika." not in page
    assert (
        '<strong class="moved">Indraget är ändrat: ”<span lang="sv">Insatsen förlängs.</span>” står nu indraget 1 steg'
        " (förut utan indrag).</strong>"
    ) in page
    assert ' <span lang="sv">Förslaget lyder:</span>' in page  # the lines around it, unchanged
    assert "<ins>" not in page and "<del>" not in page  # not a line taken out and put back in


def test_in_english_the_swedish_text_of_the_diff_is_marked_swedish(client_for, item):
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Förslaget lyder:</p><p>Nytt.</p>", base_version=3
    )
    client = client_for("secretary")
    page = compared(client, item, "en")
    assert '<html lang="en"' in page
    assert (
        '<strong class="moved">Indentation changed: “<span lang="sv">Insatsen förlängs.</span>” is now indented 1 step'
        " (before: not indented).</strong>"
    ) in page
    later = client.get(f"/moten/{item.meeting_id}/paragrafer/{item.pk}/historik/?a=3&b=4").content.decode()
    assert '<del>-<span lang="sv">    Insatsen förlängs.</span></del>' in later
    assert '<ins>+<span lang="sv">Nytt.</span></ins>' in later
    assert ' <span lang="sv"># ' in later  # the heading, unchanged
