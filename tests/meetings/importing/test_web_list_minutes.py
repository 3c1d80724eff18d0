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


def test_numbered_headings_a_web_page_set_as_bulleted_points_are_items():
    minutes = parse_text(
        "Fiskevårdsföreningen\n\nSTYRELSEPROTOKOLL\n\nDatum: Tisdagen den 27 juni 2017 Tid: 18:00 Plats: Gården\n\n"
        "Dagordning\n\n•\t1\tMötets öppnande\n\nOrdförande Börje Ek öppnar mötet\n\n"
        "• 2 Val av justerare (ordf. + ledamot)\n\nBörje Ek och Jörgen Sand väljs som justerare\n\n"
        "• 3 Godkännande av dagordning\n\nDagordningen godkännes av mötet\n\n• 4 Fiskutsättning\n\n"
        "Styrelsen beslutar att sätta ut gös i Rångsjön.\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Mötets öppnande",
        "Val av justerare (ordf. + ledamot)",
        "Godkännande av dagordning",
        "Fiskutsättning",
    ]
    assert minutes["adjusters"] == ["Börje Ek", "Jörgen Sand"]


LONG_POINT = "Kassören redogör för läget i föreningens ekonomi och för vad som hänt sedan förra mötet. " * 8


def test_numbered_headings_with_a_long_text_between_them_are_items_not_a_sites_page_numbers():
    minutes = parse_text(
        "STYRELSEPROTOKOLL\n\nDatum: 27 juni 2017\n\n1 Mötets öppnande\n\nOrdförande Börje Ek öppnar mötet.\n\n"
        f"2 Ekonomi\n{LONG_POINT}\n\n3 Fiskutsättning\n{LONG_POINT}\n\n4 Övriga frågor\nInga.\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Mötets öppnande",
        "Ekonomi",
        "Fiskutsättning",
        "Övriga frågor",
    ]


def test_a_sites_page_numbers_before_the_same_head_on_each_page_are_no_items():
    minutes = parse_text(
        f"1 Kommunstyrelsen\n\nDatum: 27 juni 2017\n\n§ 5 Ekonomi\n\n{LONG_POINT}\n\n"
        f"2 Kommunstyrelsen\n\n{LONG_POINT}\n\n3 Kommunstyrelsen\n\n§ 6 Budget\n\n{LONG_POINT}\n"
    )
    assert [item["title"] for item in minutes["items"]] == ["Ekonomi", "Budget"]


def test_staff_representatives_are_a_list_and_a_paragraph_added_between_two_keeps_its_letter():
    minutes = parse_text(
        "Sammanträdesprotokoll Reko AB. Sammanträdesdatum 2021-09-24.\n\nLedamöter:\n\n• Ulf Sjö, ordförande\n"
        "• Mats Bäck\n\nPersonalrepresentanter:\n\n• Jörgen Una, Kommunal\n• Lars Löf, Vision\n\nÖvriga:\n\n"
        "• Anna Wik, VD\n\n§ 27 Sammanträdets öppnande\n\nOrdföranden förklarar mötet öppnat.\n\n"
        "§ 27A Val av protokollsjusterare\n\nAtt jämte ordföranden justera dagens protokoll föreslås Mats Bäck.\n"
    )
    rows = {a["name"]: a for a in minutes["attendance"]}
    assert rows["Jörgen Una"]["role"] == "personalrepresentant"
    assert rows["Lars Löf"]["organisation"] == "Vision"
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("27", "Sammanträdets öppnande"),
        ("27A", "Val av protokollsjusterare"),
    ]


def test_a_sites_menu_names_no_owner_and_a_meeting_in_capitals_names_its_body():
    minutes = parse_text(
        "Startsidan\nOm oss\nProtokoll\nBli medlem\n\nSBR - ORDINARIE VU-SAMMANTRÄDE\n\nOrt: Stockholm\n"
        "Datum: 2005-09-27\n\nNärvarande:\nJanne Wis, ordförande\nCecilia Une, sekreterare\n\n"
        "§ 1 Ordförande hälsar välkommen\n\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["organisation"] != "Startsidan"
    assert minutes["body"] == "VU"


def test_a_list_of_a_name_a_line_goes_on_over_blank_lines():
    minutes = parse_text(
        "Protokoll styrelsemöte 06/2019\n\nGolfklubben 7 maj 2019\n\nNärvarande:\n\nKjell Sven, ordförande\n\n"
        "Jessika Hall, vice ordförande\n\nRoland Setter\n\nGöran Johansson\n\nAnnika Andersson, kansli\n\n"
        "Mia Enmark, sekreterare\n\n§ 1 Mötets öppnande\n\nOrdförande hälsar alla välkomna.\n"
    )
    names = [a["name"] for a in minutes["attendance"]]
    assert names == ["Kjell Sven", "Jessika Hall", "Roland Setter", "Göran Johansson", "Annika Andersson", "Mia Enmark"]
    assert minutes["secretary"] == "Mia Enmark"
