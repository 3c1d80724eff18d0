"""Minutes published as a web page's list (issue 27, session of 6 December evening): a bullet before each "§" heading,
and the chair named between commas in the opening sentence. Each case in a small document made for its test; built
on unseen4, measured on unseen5 (docs/importing-corpus.md)."""

from meetings.importing import parse_text

WEB_PAGE = (
    "Hoppa över navigering\n • Ordföranden, Elin Ryd Wikström (M), hälsar välkommen och öppnar mötet.\n\n"
    " • § 41\n\n  Val av justerare\n\n • Till justerare utses Karl Ek.\n\n • § 42\n\n  Regional strategi\n\n"
    " • Göran Holm föredrar punkten. Samverkansrådet tar informationen till protokollet.\n"
)


def test_a_bullet_before_a_paragraph_heading_is_no_part_of_it():
    minutes = parse_text(WEB_PAGE)
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("41", "Val av justerare"),
        ("42", "Regional strategi"),
    ]


def test_the_chair_named_between_commas_in_the_opening_sentence():
    assert parse_text(WEB_PAGE)["chair"] == "Elin Ryd Wikström"


def test_a_bullet_before_a_decision_point_stays():
    minutes = parse_text(
        "Protokoll Styrelsen 2015-03-02\nNärvarande: Anna Berg, ordförande\n\n§ 5 Budget\nStyrelsen beslutar:\n"
        "• att godkänna budgeten\n• att uppdra åt förbundschefen att redovisa utfallet\n"
    )
    assert "• att uppdra" in minutes["items"][0]["decisions"][0]["text"]
