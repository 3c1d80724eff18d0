"""Items a table of contents names whose headings the text does not have (an excerpt cut before them, numbers the
flattening lost): added with their numbers and marked for the review (issue 27, session of 6 December evening).
Each case in a small document made for its test; built on unseen4, measured on unseen5 (docs/importing-corpus.md)."""

from django.utils import translation

from meetings.importing import parse_text, review

HEADER = (
    "Sammanträdesprotokoll OMSORGSSTYRELSEN 2014-06-10\nBeslutande Anna Berg (S), ordförande\nKarl Ek (M)\n"
    "Utses att justera Karl Ek\n\n"
)
CUT_AFTER_THE_FIRST = (
    HEADER + "ÄRENDELISTA 71 Rapport från verksamheten 3 72 Digital teknik för styrelsens kallelse 4 73 Ekonomisk "
    "rapport 5 74 Inköpsrutin för förrådsvaror 6\n\n"
    "§ 71 Rapport från verksamheten\nOmsorgsstyrelsen tar informationen till protokollet.\n"
)


def titles(minutes):
    return [(item["number"], item["title"]) for item in minutes["items"]]


def test_the_items_of_the_contents_past_the_excerpts_end_are_added_in_order():
    assert titles(parse_text(CUT_AFTER_THE_FIRST)) == [
        ("71", "Rapport från verksamheten"),
        ("72", "Digital teknik för styrelsens kallelse"),
        ("73", "Ekonomisk rapport"),
        ("74", "Inköpsrutin för förrådsvaror"),
    ]


def test_an_item_found_only_in_the_contents_is_marked_and_the_reason_has_words_in_both_languages():
    minutes = parse_text(CUT_AFTER_THE_FIRST)
    marked = {m["index"] for m in minutes["unsure"] if m["reason"] == "item_only_in_contents"}
    assert marked == {1, 2, 3}
    with translation.override("en"):
        assert str(review.REASONS["item_only_in_contents"]).startswith("the item is only in the table of contents")


def test_a_contents_whose_items_all_have_their_text_adds_nothing():
    minutes = parse_text(
        HEADER + "INNEHÅLLSFÖRTECKNING 1 Mötets öppnande 2 2 Val av justerare 2 3 Budget 2015 3\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnar mötet.\n§ 2 Val av justerare\nKarl Ek utses att justera.\n"
        "§ 3 Budget 2015\nStyrelsen godkänner budgeten.\n"
    )
    assert titles(minutes) == [("1", "Mötets öppnande"), ("2", "Val av justerare"), ("3", "Budget 2015")]


def test_the_last_entry_stops_where_the_next_page_starts():
    minutes = parse_text(
        HEADER + "Förteckning över valnämndens ärenden 29 Röstmottagning på vårdinrättningar 30 Hantering av "
        "valsedlar 31 Information och diskussion 32 Övriga frågor 2 Ekby kommun Anslagsbevis Valnämnden har "
        "sammanträtt\n\n§ 29 Röstmottagning på vårdinrättningar\nValnämnden beslutar att godkänna förslaget.\n"
    )
    assert titles(minutes)[-1] == ("32", "Övriga frågor")


def test_the_contents_lines_are_no_text_of_the_first_item():
    minutes = parse_text(CUT_AFTER_THE_FIRST)
    assert "ÄRENDELISTA" not in minutes["items"][0]["text"]
    assert not any("ÄRENDELISTA" in warning for warning in minutes["warnings"])


def test_headings_with_dot_leaders_and_pages_over_a_block_are_a_contents_though_no_word_names_it():
    result = parse_text(
        "Regionfullmäktiges protokoll\nSammanträdet den 24 november 2014\n\n"
        "Sammanträdet öppnas...\n3 Upprop... 3 Val av två justerare...\n4 Val av presidium...\n"
        "5 Information från presidiet... 5 Debattregler... 6\n\n"
        "71 Sammanträdet öppnas\nÅldersordföranden öppnar sammanträdet.\n\n"
        "72 Upprop\nUpprop förrättas.\n\n73 Val av två justerare\nTill justerare väljs Anna Ek och Per Lund.\n\n"
        "74 Val av presidium\nTill ordförande väljs Eva Berg.\n\n"
        "75 Information från presidiet\nPresidiet informerar.\n\n"
        "76 Debattregler\nFullmäktige antar debattreglerna.\n"
    )
    assert [item["title"] for item in result["items"]] == [
        "Sammanträdet öppnas",
        "Upprop",
        "Val av två justerare",
        "Val av presidium",
        "Information från presidiet",
        "Debattregler",
    ]
    assert "Fullmäktige antar debattreglerna." in result["items"][-1]["text"]


def test_a_name_after_a_preposition_or_a_genitive_goes_on_with_the_heading_of_contents_run_together():
    minutes = parse_text(
        HEADER + "Ärendelista Yttrande till Länsstyrelsen om vindkraft Medlemskap i Sveriges Ekokommuner "
        "Kommunens Kulturplan Övriga frågor... 9\n\n"
        "1 Yttrande till Länsstyrelsen om vindkraft\nStyrelsen yttrar sig enligt förslaget.\n\n"
        "2 Medlemskap i Sveriges Ekokommuner\nStyrelsen ansöker om medlemskap.\n\n"
        "3 Kommunens Kulturplan\nStyrelsen tar del av planen.\n\n4 Övriga frågor\nInga övriga frågor.\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Yttrande till Länsstyrelsen om vindkraft",
        "Medlemskap i Sveriges Ekokommuner",
        "Kommunens Kulturplan",
        "Övriga frågor",
    ]
