"""Page heads and item numbers a flattened transcript keeps in its own ways (issue 27, session of 7 December,
afternoon: built on unseen8, measured on unseen9). Each case in a small document made for its test."""

from meetings.importing import parse_text

HEADER = (
    "Tillgänglighetsrådet\nPlats och tid: Stadshuset, kl 17:00-19:00\n"
    "Beslutande: Maja Lind (S), ordförande Per Ek (M) Ida Falk (C)\nUtses att justera: Per Ek\n\n"
)


def titles(minutes):
    return [(item["number"], item["title"]) for item in minutes["items"]]


def test_a_page_head_that_kept_only_the_number_of_pages_is_no_heading():
    """ "2 Tillgänglighetsrådet (9) TR 1 Mötets öppnande Ordföranden hälsar …": the page's own number lost, "(9)"
    the pages in all; the heading is the item's, not the page head over it, even when its text is a sentence."""
    minutes = parse_text(
        HEADER + "2 Tillgänglighetsrådet (9) TR 1 Mötets öppnande Ordföranden hälsar alla välkomna och förklarar mötet "
        "öppnat för dagen.\n\n3 Tillgänglighetsrådet (9) TR 2 Val av justerare Till justerare valdes Per Ek enligt "
        "förslaget från ordföranden.\n"
    )
    assert titles(minutes) == [("1", "Mötets öppnande"), ("2", "Val av justerare")]
    # the head again over the second page is no text of the first item
    assert minutes["items"][0]["text"].count("Tillgänglighetsrådet (9)") <= 1
    assert not minutes["items"][0]["text"].rstrip().endswith("(9)")
