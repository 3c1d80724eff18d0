"""Page heads and item numbers a flattened transcript keeps in its own ways (issue 27, session of 7 December,
afternoon: built on unseen8, measured on unseen9). Each case in a small document made for its test."""

from meetings.importing import parse_text
from meetings.importing.services.minutes import item_heading

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


def test_a_page_that_opens_with_the_date_label_its_page_and_a_bodys_number_opens_that_item():
    """ "Sammanträdesdatum s. 3 (9) TN 15 Dnr TN Information …": the label every page repeats, the page of how many,
    the body's short name and the item's number (its "§" lost), an empty case number with its register, then the
    heading; the excerpt ends in that item. The same label on the first page is the meeting's date's."""
    minutes = parse_text(
        "Sammanträdesdatum s. 1 (9)\nPlats Stadshuset Tid Tisdagen den 3 mars 2015, kl 13.00\n"
        "Utses att justera Per Ek\n\n"
        "Sammanträdesdatum s. 2 (9)\nBeslutande Maja Lind (S) Per Ek (M) Ida Falk (C) ordförande ledamot ledamot\n\n"
        "Sammanträdesdatum s. 3 (9) TN 15 Dnr TN Information Förvaltningschefen informerar om läget i verksamheten.\n"
    )
    assert titles(minutes) == [("15", "Information")]


def test_a_page_item_whose_number_was_read_before_from_the_contents_is_not_read_twice():
    minutes = parse_text(
        "Ekby kommun sammanträdesprotokoll Sida 1\nBeslutande Maja Lind (S), ordförande Per Ek (M)\n"
        "Utses att justera Per Ek\n\nEkby kommun sammanträdesprotokoll Sida 2 ÄRENDELISTA\n"
        "71 Rapport från verksamheten 3\n72 Ekonomisk rapport 4\n73 Inköpsrutin för förrådsvaror 5\n\n"
        "Ekby kommun sammanträdesprotokoll Sida 3 71 Rapport från verksamheten - Uppföljning av brukartimmar "
        "Förvaltningschefen redogör för uppföljningen av brukartimmar under våren.\n"
    )
    assert sum(title.startswith("Rapport från verksamheten") for _number, title in titles(minutes)) == 1


PARTS = (
    "Styrelsemöte 2009-09-15\nNärvarande: Ulla Berg, ordförande, Bo Ek, vice ordförande\n\n"
    "§1 Val av justerare\n\nTill justerare valdes Bo Ek.\n\n§2 Beslutspunkter\n\n3.1 Ett annat nummer\n\n"
    "2.1 Arbetsordning 2010\n\nStyrelsen har fått ett förslag till arbetsordning.\n\nStyrelsen beslutade att\n\n"
    "- godkänna arbetsordningen för 2010\n\n2.2 Tertialbokslut augusti\n\nStyrelsen beslutade att\n\n"
    "- godkänna tertialbokslutet\n\n§3 VD informerar\n\nVD informerade om läget.\n"
)


def test_the_numbered_parts_of_a_paragraph_are_items_with_their_own_decisions():
    """ "2.1 Arbetsordning 2010" under "§2 Beslutspunkter": a part of the §, numbered after it, with a decision of its
    own; "3.1" under § 2 is no part of it."""
    minutes = parse_text(PARTS)
    assert titles(minutes) == [
        ("1", "Val av justerare"),
        ("2", "Beslutspunkter"),
        ("2.1", "Arbetsordning 2010"),
        ("2.2", "Tertialbokslut augusti"),
        ("3", "VD informerar"),
    ]
    decided = {item["title"]: [d["text"] for d in item["decisions"]] for item in minutes["items"]}
    assert "arbetsordningen" in " ".join(decided["Arbetsordning 2010"])
    assert "tertialbokslutet" in " ".join(decided["Tertialbokslut augusti"])


def test_a_part_keeps_its_number_in_the_heading_it_is_saved_with():
    minutes = parse_text(PARTS)
    assert [item_heading(item) for item in minutes["items"]][2:4] == [
        "2.1 Arbetsordning 2010",
        "2.2 Tertialbokslut augusti",
    ]
    assert item_heading(minutes["items"][0]) == "Val av justerare"


CONTENTS_HEADER = (
    "Kommunstyrelsens utskott\nPlats och tid Stadshuset kl 9:00-12:00\nBeslutande: Eva Lund (S), ordförande "
    "Bo Sten (M)\nUtses att justera Bo Sten\n\n"
)


def test_contents_without_pages_are_parted_by_their_sentence_case_past_column_heads_names_and_places():
    """ "Innehållsförteckning Sid nr 141 Gatubelysning …": the column heads and the first § number before the
    headings, no pages after them ("Budget 2013" is no heading of page 13); each heading in sentence case, a name
    ("Maj-Britt Tönners") or a place ("centrala Mora") inside one going on with it."""
    minutes = parse_text(
        CONTENTS_HEADER + "Innehållsförteckning Sid nr 141 Gatubelysning i Ekby Information om jämställdhetsarbetet "
        'Budget 2013 för kansliet Motion från Maj-Britt Tönners (C) om "cykelvägar" Motion från Ulf Berg (S) om '
        "torget i centrala Mora Kommunens skattesats\n"
    )
    assert [title for _number, title in titles(minutes)] == [
        "Gatubelysning i Ekby",
        "Information om jämställdhetsarbetet",
        "Budget 2013 för kansliet",
        'Motion från Maj-Britt Tönners (C) om "cykelvägar"',
        "Motion från Ulf Berg (S) om torget i centrala Mora",
        "Kommunens skattesats",
    ]


def test_contents_whose_entries_open_with_a_case_number_keep_a_heading_of_two_lines_whole():
    minutes = parse_text(
        CONTENTS_HEADER + "Ärendelista 26 Dnr 2017/00065 Godkännande av dagordning Dnr 2017/00086 Kommunstyrelsens "
        "budget Kostnadsökningar och äskanden Dnr 2017/00087 Investeringsplan Kommunstyrelsen Dnr 2017/00129 "
        "Verksamhetsplan för folkhälsoarbete\n"
    )
    assert [title for _number, title in titles(minutes)] == [
        "Godkännande av dagordning",
        "Kommunstyrelsens budget Kostnadsökningar och äskanden",
        "Investeringsplan Kommunstyrelsen",
        "Verksamhetsplan för folkhälsoarbete",
    ]


def test_a_justerare_field_that_ran_on_into_the_lists_after_it_gives_way_to_who_signs():
    """ "Utses att justera Karin Rydell (M) Ulf Matsson (L), Emilie Jansson (S) Elise Teinler, nämndsekreterare …":
    the field's value ran on into the members and officials after it; the one who signs as "Justerande" is the
    justerare, and the others named there were present, with their titles."""
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL\nPlats och tid Förvaltningshuset, kl 13.00\nBeslutande\n"
        "Utses att justera Karin Rydell (M) Ulf Matsson (L), Emilie Jansson (S) Elise Teinler, nämndsekreterare "
        "Gunnel Pettersson, förvaltningschef Björn Dahl, verksamhetschef\nJusteringens plats och tid Kommunkontoret\n"
        "Sekreterare Elise Teinler\nOrdförande Karin Rydell\nJusterande Emilie Jansson\n\n"
        "§ 33 Föredragningslistan\nNämnden godkänner föredragningslistan.\n"
    )
    assert minutes["adjusters"] == ["Emilie Jansson"]
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert {"Ulf Matsson", "Gunnel Pettersson", "Björn Dahl"} <= set(roles)
    # with the titles the list gives them
    assert (roles["Gunnel Pettersson"], roles["Björn Dahl"]) == ("förvaltningschef", "verksamhetschef")


def test_the_officials_label_inside_a_flattened_list_starts_their_list_with_their_titles():
    """ "… Tony Lind (MP) Tjänstemän Robert Sten, förvaltningschef …": the officials' label run into the list of
    substitutes before it; "GIS-/kartingenjör" (a word's part left out) parts no cells of a row."""
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL Tekniska nämnden\nPlats och tid Stadshuset, kl 13.00-15.00\n"
        "Beslutande Bo Petersson (S), ordförande Eje Björk (S) Jan Ström (M)\n"
        "Ej tjänstgörande ersättare Björn Kärr (S) Bengt Axelsson (C) Tony Lind (MP) Tjänstemän Robert Sten, "
        "förvaltningschef Anna Alm, controller Erik Glans, GIS-/kartingenjör Karin Falk, "
        "bygglovhandläggare/-inspektör\n"
        "Utses att justera Jan Ström\n\n§ 1 Budget\nNämnden godkänner budgeten.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Tony Lind"] == "ej tjänstgörande ersättare"
    assert (roles["Robert Sten"], roles["Anna Alm"]) == ("förvaltningschef", "controller")
    assert (roles["Erik Glans"], roles["Karin Falk"]) == ("GIS-/kartingenjör", "bygglovhandläggare/-inspektör")


def test_an_extracts_letterhead_with_a_paragraph_and_its_page_of_how_many_is_no_item():
    minutes = parse_text(
        "EKBY KOMMUN PROTOKOLL\n§ 9 269(319) PROTOKOLL FRÅN SAMMANTRÄDE MED KOMMUNSTYRELSEN\n\n"
        "Plats och tid: Rådhuset, kl 13.00\nNärvarande:\nLedamöter Eva Berg (S), ordförande Karl Ek (M)\n"
        "Tjänstemän Bengt Malm, kommundirektör\n\n§ 9 Budget 2013\nKommunstyrelsen godkänner budgeten.\n"
    )
    assert titles(minutes) == [("9", "Budget 2013")]
    assert {entry["name"] for entry in minutes["attendance"]} >= {"Eva Berg", "Karl Ek", "Bengt Malm"}


def test_a_label_word_as_a_title_in_a_list_with_its_comma_and_workplace_after_it_is_no_label():
    """ "Kent Holm, Controller, BUF Lisa Lund, Sekreterare, BUF Nils Falk, Förvaltningschef, BUF": "Sekreterare" is
    Lisa Lund's title here, not the secretary's signature field that would cut the list."""
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL 1 (17)\nTid och plats kl 13.00 Skolans konferensrum Beslutande Ledamöter Eva Berg (C), "
        "Ordförande Karl Ek (S) Övriga deltagare Kent Holm, Controller, BUF Lisa Lund, Sekreterare, BUF Nils Falk, "
        "Förvaltningschef, BUF Eva Olsson, Facklig företrädare, Kommunal Justeringens tid och plats Skolan\n\n"
        "§ 1 Mötesplan\nNämnden fastställer mötesplanen.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert {"Lisa Lund", "Nils Falk", "Eva Olsson"} <= set(roles)
    assert roles["Lisa Lund"].lower() == "sekreterare"


def test_a_date_written_day_month_year_with_points_is_the_meetings():
    """ "Sammanträdesdatum 26.3.2015", as Finland's Swedish minutes write it, before a later "daterad 12/12 2014"."""
    minutes = parse_text(
        "PROTOKOLL\nNummer Sammanträdesdatum\n9 26.3.2015\nNärvarande\nCamilla Gunell, ordförande\n\n"
        "Nr 12 Kollektivtrafikutredningen\nRapporten, daterad 12/12 2014, antecknas till kännedom.\n"
    )
    assert minutes["date"] == "2015-03-26"


def test_an_agenda_over_the_first_paragraph_names_the_items_an_excerpt_cut_off():
    """A web page lists the meeting's agenda, a heading a line (a group's heading, a case's number, what a heading
    answers, a lettered point and the attachments among them), then "§1" opens with the agenda's first heading; the
    excerpt ends in § 1. The agenda's other headings are the meeting's items, marked as found only there."""
    minutes = parse_text(
        "Hem > Ekby kommun > Socialnämnden > Sammanträde 2011-11-24\n\nSammanträde 2011-11-24\n\nPlats\n\n"
        "Stora konferensen\n\nSammanträdets öppnande\n\nVal av justerare\n\nRemissärenden\n\n"
        "Program för kvalitetsutveckling\n\nSvar på remiss från kommunstyrelsen\nDnr 1.6-0463/2011\n\n"
        "Övriga beslutsärenden\n\nMånadsrapport för oktober 2011\n\na) Anmälan av protokollsjustering\n\n"
        "Övriga frågor\n\nBilagor till protokoll\nNärvaro.pdf (118 kb)\n\n"
        "§1 Sammanträdets öppnande\n\nOrdföranden Anna König (M) öppnade sammanträdet.\n"
    )
    assert [title for _number, title in titles(minutes)] == [
        "Sammanträdets öppnande",
        "Val av justerare",
        "Program för kvalitetsutveckling",
        "Månadsrapport för oktober 2011",
        "Övriga frågor",
    ]
    marked = {m["index"] for m in minutes["unsure"] if m["reason"] == "item_only_in_contents"}
    assert marked == {1, 2, 3, 4}


def test_with_no_list_the_justerare_a_sentence_names_with_their_roles_were_there_and_the_chair_chaired():
    minutes = parse_text(
        "Hem > Ekby Fastigheter > Sammanträde 2009-09-15\n\nSammanträde 2009-09-15\n\n"
        "§1 Val av justeringsmän\n\nTill justeringsmän valdes ordförande Ulf Fridh och vice ordförande "
        "Bo Andersson.\n\n"
        "§2 Arbetsordning\n\nStyrelsen beslutade att godkänna arbetsordningen.\n"
    )
    assert minutes["adjusters"] == ["Ulf Fridh", "Bo Andersson"]
    assert minutes["chair"] == "Ulf Fridh"
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles == {"Ulf Fridh": "ordförande", "Bo Andersson": "vice ordförande"}


FLATTENED_PAGES = (
    "SAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2015-03-10\nBeslutande Johan Abel (M), ordförande Ida Ek (S)\n"
    "Utses att justera Ida Ek\nANSLAG/BEVIS Beslutande organ Kultur- och fritidsutskottet\n"
    "Sammanträdesdatum Sida\n"
    "§ 26 Handlingar att anmäla Tidskriften Framsidan nr 1/15 med en artikel om biblioteket och dess arbete under "
    "året som gått, anmäls till utskottet.\n\nSammanträdesdatum Sida\n"
    "§ 27 KS 2015/157 Information: Ansökningar om externa medel till museet 2015 Kultur- och fritidsutskottets beslut "
    "Kultur- och fritidsutskottet noterar informationen.\n"
)


def test_a_flattened_pages_heading_is_its_own_not_a_header_line_fields_away_above_it():
    assert titles(parse_text(FLATTENED_PAGES)) == [
        ("26", "Handlingar att anmäla"),
        ("27", "Information: Ansökningar om externa medel till museet 2015"),
    ]


def test_a_decision_after_its_bodys_label_is_the_decision_without_the_label():
    """ "Kultur- och fritidsutskottets beslut Kultur- och fritidsutskottet noterar …": a body named with a shared part
    ("Kultur- och"), its label before its decision."""
    item = parse_text(FLATTENED_PAGES)["items"][1]
    assert [d["text"] for d in item["decisions"]] == ["Kultur- och fritidsutskottet noterar informationen."]


def test_a_heading_run_on_into_its_decision_parts_where_the_decision_opens():
    """ "Föredragningslistan Godkändes upprättad föredragningslista.": the sentence opens with its verb;
    "Fastställande av dagordning att fastställa dagordningen": the decision is an "att" clause, and is the
    decision though no verb says so. "Uppdrag att utreda skolskjutsarna" is a heading."""
    minutes = parse_text(
        "Protokoll Direktionen 2015-01-30\nNärvarande: Anna Berg, ordförande\nKarl Ek\n\n"
        "§ 1 Föredragningslistan Godkändes upprättad föredragningslista.\n"
        "§ 2 Fastställande av dagordning att fastställa dagordningen\n"
        "§ 3 Uppdrag att utreda skolskjutsarna\nDirektionen diskuterar frågan.\n"
    )
    assert titles(minutes) == [
        ("1", "Föredragningslistan"),
        ("2", "Fastställande av dagordning"),
        ("3", "Uppdrag att utreda skolskjutsarna"),
    ]
    decided = [[d["text"] for d in item["decisions"]] for item in minutes["items"]]
    assert decided[:2] == [["Godkändes upprättad föredragningslista."], ["att fastställa dagordningen"]]


def test_the_paragraphs_a_flattened_page_holds_before_its_header_are_no_items_number():
    """ "1-12 Tjänsteställe, handläggare … Tid: kl Plats: … NÄRVARANDE Ledamöter …": the page's §§ (1-12) open the
    flattened first page; its labels still part its lists."""
    minutes = parse_text(
        "1-12 Tjänsteställe, handläggare Landstingets kansli Gun-Marie Sjö HSN1 1(17) Tid: 2015-01-14 kl 09.15 "
        "Plats: Landstingets kansli Härnösand NÄRVARANDE Ledamöter Ewa Back (S) Annicka Bur (V) Andreas Sjö (S) "
        "Karin Nord (S) Tjänstgörande ersättare Birgitta Liiv (V)\n\nInför sammanträdet presenterade ledamöterna "
        "sig.\n"
    )
    present = {entry["name"] for entry in minutes["attendance"]}
    assert {"Ewa Back", "Annicka Bur", "Andreas Sjö", "Karin Nord", "Birgitta Liiv"} <= present


def test_a_column_of_paragraphs_over_rows_with_their_text_gives_each_row_its_paragraph():
    """ "§" alone, then "23 Fastställande av föredragningslista Ordföranden öppnade …": a table's § column flattened;
    a table of contents' short rows under such a column are no items."""
    minutes = parse_text(
        HEADER + "SAMMANTRÄDESPROTOKOLL\n§\n23 Fastställande av föredragningslista Ordföranden öppnade mötet och "
        "föreslog föredragningslista. En övrig fråga anmäldes om bruket. Föredragningslistan fastställdes.\n"
        "24 Val av justerare Till justerare valdes Per Ek. Tid och plats för justering bestämdes till fredag kl 13 på "
        "förvaltningens kontor.\n\n§ 25 Föregående protokoll\n\nProtokollet lades till handlingarna.\n"
    )
    assert titles(minutes) == [
        ("23", "Fastställande av föredragningslista"),
        ("24", "Val av justerare"),
        ("25", "Föregående protokoll"),
    ]


def test_a_letterheads_page_mark_and_the_notice_after_it_open_no_item():
    result = parse_text(
        "SAMMANTRÄDESPROTOKOLL Sid 86 (101)\nPlats och tid Förvaltningsbyggnaden, onsdagen den 19 februari 2014\n"
        "Beslutande Tommy Nyd (s), ordförande Birgitta Lars (s)\n"
        "Övriga deltagande Lennart Jon, kommunchef Ann Karl, kommunsekreterare\nUtses att justera Birgitta Lars\n\n"
        "SAMMANTRÄDESPROTOKOLL Sid 87 (101) Organ BEVIS Justeringen har tillkännagivits genom anslag\n\n"
        "SAMMANTRÄDESPROTOKOLL Sid 88 (101) § 40 Besök av LKAB\n\nStyrelsen tackar för besöket.\n"
    )
    assert {"Lennart Jon", "Ann Karl"} <= {a["name"] for a in result["attendance"]}
    assert [item["title"] for item in result["items"]] == ["Besök av LKAB"]


def test_a_pages_letterhead_then_a_number_the_header_lists_opens_that_item():
    result = parse_text(
        "Ekonomiutskottet SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Sida 1\nPlats och tid Kommunhuset, kl 13\n"
        "Beslutande Karl Krus (S), ordf. Christer Laur (C)\nUtses att justera Christer Laur\nParagrafer 7-16\n\n"
        "2 EKBY KOMMUN Ekonomiutskottet SAMMANTRÄDESPROTOKOLL Sammanträdesdatum 7 Dnr Igångsättningstillstånd "
        "investeringar 2010 Sammanfattning Kommunfullmäktige har beslutat att utskottet ska fatta beslut.\n"
    )
    assert [(item["number"], item["title"]) for item in result["items"]][:1] == [
        ("7", "Igångsättningstillstånd investeringar 2010")
    ]


def test_a_number_after_the_letterhead_that_the_header_does_not_list_is_no_item():
    result = parse_text(
        "Ekonomiutskottet SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Sida 1\nPlats och tid Kommunhuset, kl 13\n"
        "Beslutande Karl Krus (S), ordf. Christer Laur (C)\nParagrafer 7-16\n\n"
        "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL Sammanträdesdatum 25 Ledamöter deltog i mötet.\n\n"
        "§ 7 Budget\n\nUtskottet godkänner budgeten.\n"
    )
    assert [item["title"] for item in result["items"]] == ["Budget"]


def test_the_pages_number_between_the_letterhead_and_the_items():
    result = parse_text(
        "PROTOKOLL 1 (42) Kommunstyrelsen\nPlats och tid Sammanträdesrummet, kl 9\n"
        "Beslutande Bert Öl (S), ordförande Ann Ås (S)\nJusterare Ann Ås\nParagrafer 1-37\n\n"
        "2 EKBY KOMMUN PROTOKOLL 2 1 Dnr Motion om strategi för dialog (20/12) Ledamoten Maria Wik föreslår i en "
        "motion att en strategi tas fram.\n"
    )
    assert [(item["number"], item["title"]) for item in result["items"]][:1] == [
        ("1", "Motion om strategi för dialog (20/12)")
    ]


def test_an_item_numbered_by_its_meeting_after_the_bodys_mark():
    result = parse_text(
        "Sammanträdesprotokoll för Kommunstyrelsens arbetsutskott\nNärvarande Onsdagen den 12 november 2014\n"
        "Utses att justera, 9:2 Ann Furu (S)\nSekreterare Fredrik Zet\n\nAU 9:1 Upprop, fastställande av dagordning "
        "Arbetsutskottets beslut Dagordningen fastställs med ändring enligt nedan. Ärende Till sammanträdet har "
        "utsänts kallelse med förslag till dagordning.\n\nAU 9:2 Val av justerare\n\nAnn Furu utses.\n"
    )
    items = [(item["number"], item["title"]) for item in result["items"]]
    assert items == [("9:1", "Upprop, fastställande av dagordning"), ("9:2", "Val av justerare")]
    assert [d["text"] for d in result["items"][0]["decisions"]] == ["Dagordningen fastställs med ändring enligt nedan."]


def test_a_clock_time_opening_a_line_is_no_items_number():
    result = parse_text(
        "Protokoll Kommunstyrelsen 2014-11-12\nNärvarande: Eva Ek, Per Berg\n\n§ 1 Dagordning\n\nProgrammet:\n"
        "Kl 13:00 Mötet öppnas\n13:15 Besök av förvaltningen\n"
    )
    assert [item["title"] for item in result["items"]] == ["Dagordning"]


PAGED = (
    "PROTOKOLL 1 (22)\nFritidsnämnden\nPlats och tid Stadshuset kl 13.00\nBeslutande Eva Dahl, ordförande (S) "
    "Isak Berg (MP) Per Ek (S) Lova Tor (V)\nUtses att justera\n\n"
    "2 SKELLEFTEÅ KOMMUN PROTOKOLL 2 46 Dnr KN Val av justerare och eventuell tjänstgöring Isak Berg (MP) valdes "
    "till att, jämte ordförande, justera dagens protokoll. Frånvarande ordinarie ledamot och dennes ersättare: Nils "
    "Sand (S) var frånvarande och för honom tjänstgjorde Lova Tor (V).\n"
)


def test_a_pages_number_twice_then_another_number_opens_the_item_whose_sign_was_lost():
    result = parse_text(PAGED)
    assert [(item["number"], item["title"]) for item in result["items"]] == [
        ("46", "Val av justerare och eventuell tjänstgöring")
    ]


def test_the_justerare_are_those_the_choosing_sentence_names_with_the_chair_who_was_there():
    result = parse_text(PAGED)
    assert result["adjusters"] == ["Isak Berg", "Eva Dahl"]  # not Lova Tor, who served for an absent member
    absent_chair = PAGED.replace("Eva Dahl, ordförande (S)", "Eva Dahl (S)").replace(
        "Utses att justera", "Frånvarande Nils Sand, ordförande (S)\nUtses att justera"
    )
    assert "Nils Sand" not in parse_text(absent_chair)["adjusters"]
