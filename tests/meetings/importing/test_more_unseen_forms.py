"""How exported minutes open their pages and items when the "§" is lost (issue 27, session of 6 December, third),
each in a small document made for its test; the rules were built on the held-out sets dev, test, fresh, batch2 and
unseen and measured on a set collected after them (docs/importing-corpus.md)."""

from meetings.importing import parse_text

HEADER = (
    "Protokoll\nMiljönämnden\n\nSammanträdesdatum 2012-02-14\n"
    "Beslutande Anna Berg (S), ordförande Nils Ek (M) Karin Sundin (C)\n"
    "Sekreterare Olle Falk\n\n"
)


def titles(minutes):
    return [(item["number"], item["title"]) for item in minutes["items"]]


def test_numbered_lines_that_run_on_into_their_decisions_are_items():
    minutes = parse_text(
        HEADER + "12 Val av justerare Miljönämnden beslutar utse Nils Ek att justera protokollet.\n"
        "13 Dagordning Miljönämnden beslutar godkänna den utsända dagordningen.\n"
        "14 Tillsynsplan Nämnden fastställde planen.\n"
    )
    assert titles(minutes)[:2] == [("12", "Val av justerare"), ("13", "Dagordning")]


def test_a_number_at_a_lines_start_without_a_decision_is_no_item():
    minutes = parse_text(HEADER + "§ 1 Information\n12 personer deltog i mötet och fick information.\n")
    assert titles(minutes) == [("1", "Information")]


def test_each_page_opening_with_the_letterhead_opens_an_item():
    minutes = parse_text(
        "Kommunstyrelsen SAMMANTRÄDESPROTOKOLL Blad 1 (3)\n"
        "Beslutande Anna Berg (S), ordförande Nils Ek (M)\nSekreterare Olle Falk\nParagrafer 4-5\n\n"
        "Kommunstyrelsen Godkännande av föredragningslistan Föredragningslistan godkänns.\n\n"
        "Kommunstyrelsen 5 Dnr 2008/12 Information om bredband Chefen informerar om utbyggnaden.\n"
    )
    assert titles(minutes) == [(None, "Godkännande av föredragningslistan"), ("5", "Information om bredband")]
    assert minutes["date"] is None or minutes["items"][0]["title"] != "SAMMANTRÄDESPROTOKOLL"


def test_a_letterhead_with_the_date_and_the_page_before_the_number():
    minutes = parse_text(
        "Kommunfullmäktige 2017-10-23 1\nPlats och tid Skolan, kl. 18:30\n"
        "Beslutande Enligt bilagd förteckning.\nSekreterare Olle Falk\n"
        "fl Kommunfullmäktige 2017-10-23 2 132 Återredovisning av bolagen Bolagen redovisar sitt arbete.\n"
        "O Kommunfullmäktige 2017-10-23 3 133 Delårsrapport 2017 Kommunfullmäktiges beslut Rapporten godkänns.\n"
    )
    assert titles(minutes) == [("132", "Återredovisning av bolagen"), ("133", "Delårsrapport 2017")]


def test_a_letterhead_once_is_no_page_mark():
    minutes = parse_text(
        HEADER + "§ 1 Information\nMiljönämnden Information om tillsynen lämnades av chefen.\n"
        "§ 2 Ekonomi\nRapporten läggs till handlingarna.\n"
    )
    assert titles(minutes) == [("1", "Information"), ("2", "Ekonomi")]


def test_a_case_number_lost_after_dnr_leaves_the_heading():
    minutes = parse_text(HEADER + "§ 116 Dnr Ej verkställda beslut\nRapporten läggs till handlingarna.\n")
    assert titles(minutes) == [("116", "Ej verkställda beslut")]


def test_a_short_mark_and_a_number_the_header_lists_as_justerade_paragrafer():
    minutes = parse_text(
        "Protokoll\nFörbundsfullmäktige\n\n"
        "Plats och tid Brandstationen, den 14 januari 2015 Justerade paragrafer 1-12\n"
        "Sekreterare Olle Falk\n\n"
        "Ff 1 Anteckning om ordförande Det antecknas till protokollet att den äldsta ledamoten är ordförande.\n"
    )
    assert titles(minutes)[0] == ("1", "Anteckning om ordförande")


def test_a_title_that_is_the_bodys_name_marks_a_page_whose_item_has_its_number():
    minutes = parse_text(
        "Valnämnden\nSammanträdesdatum 2013-12-06\nSekreterare Olle Falk Paragraf 9-34\nOrdförande Anna Berg\n\n"
        "Valnämnden Vn 9 Förtidsröstning vid 2014 års val Nämnden beslutar att anordna förtidsröstning.\n"
    )
    assert titles(minutes) == [("9", "Förtidsröstning vid 2014 års val")]


def test_a_municipality_named_only_as_the_meetings_place_owns_the_minutes():
    minutes = parse_text(
        "Sammanträdesprotokoll\nKommunstyrelsens arbetsutskott\n\n"
        "Plats och tid Sammanträdesrum Kongsvinger, Esplanaden 5, Arvika, kl. 08.30-09.20\n"
        "Beslutande Anna Berg (S), ordförande Nils Ek (M)\nSekreterare Olle Falk\n\n"
        "§ 1 Information\nUtskottet tar del av informationen.\n"
    )
    assert minutes["organisation"] == "Arvika kommun"
    assert "organisation" in {mark["field"] for mark in minutes["unsure"]}


def test_a_place_that_is_no_municipality_names_no_owner():
    minutes = parse_text(
        "Sammanträdesprotokoll\nStyrelsen\n\nPlats och tid Konferensrummet, Storgatan 4, Lessebo-Hovmantorp, kl. 9\n"
        "Beslutande Anna Berg (S), ordförande Nils Ek (M)\nSekreterare Olle Falk\n\n§ 1 Information\nNoteras.\n"
    )
    assert minutes["organisation"] is None


def decision_texts(minutes):
    return [[decision["text"] for decision in item["decisions"]] for item in minutes["items"]]


def test_the_story_after_a_deciding_sentence_is_no_part_of_the_decision():
    minutes = parse_text(
        HEADER + "§ 1 Ekonomisk rapport\nKommunstyrelsen godkänner rapporten. Ekonomichefen presenterar en prognos "
        "över kommunens ekonomi per den 30 september och visar ett underskott för året.\n"
        "§ 2 Delårsrapport\nKommunfullmäktiges beslut Delårsrapporten godkänns. Beskrivning av ärendet Delårsbokslutet "
        "är upprättat per den 31 juli och visar ett positivt resultat för perioden.\n"
    )
    assert decision_texts(minutes) == [["Kommunstyrelsen godkänner rapporten."], ["Delårsrapporten godkänns."]]


def test_a_report_run_into_the_decision_leaves_the_decision_from_the_body_on():
    minutes = parse_text(
        HEADER + "§ 3 Ekonomirapport\nÅsa Berg redogör för ekonomirapporten per samt för den ekonomiska utvärderingen "
        "för Bygg- och miljönämnden beslutar att anteckna rapporterna till protokollet.\n"
    )
    assert decision_texts(minutes) == [["Bygg- och miljönämnden beslutar att anteckna rapporterna till protokollet."]]


def test_a_heading_run_into_a_decision_whose_deciding_body_was_left_out():
    minutes = parse_text(
        HEADER + "§ 35 Protokollsjustering beslutar a t t utse Anna Berg att jämte ordföranden justera protokollet.\n"
        "§ 36 Delegation\nDnr 14VN5 beslutar i enlighet med ordförandens förslag att godkänna delegationen.\n"
        "§ 37 Val av justerare Styrelsen beslutar att utse Nils Ek.\n"
    )
    assert titles(minutes) == [("35", "Protokollsjustering"), ("36", "Delegation"), ("37", "Val av justerare")]
    assert decision_texts(minutes)[:2] == [
        ["beslutar att utse Anna Berg att jämte ordföranden justera protokollet."],
        ["beslutar i enlighet med ordförandens förslag att godkänna delegationen."],
    ]


def test_letters_set_apart_are_one_word_and_abbreviations_stay():
    minutes = parse_text(
        HEADER + "§ 1 Information\nM i l j ö n ä m n d e n beslutar a t t notera informationen t o m maj.\n"
    )
    assert decision_texts(minutes) == [["Miljönämnden beslutar att notera informationen t o m maj."]]


def test_a_column_of_titles_after_the_names_goes_to_the_last_rows():
    minutes = parse_text(
        HEADER.replace("Sekreterare Olle Falk\n", "")
        + "Tjänstemän Mona Boström Anette Henriksson Rune Lejon landstingsdirektör ekonomidirektör "
        "kanslidirektör, sekreterare 1 (16)\n\n§ 1 Information\nNoteras.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Mona Boström"] == "landstingsdirektör"
    assert roles["Rune Lejon"] == "kanslidirektör, sekreterare"
    assert minutes["secretary"] == "Rune Lejon"


def test_a_labelled_column_of_capitalised_titles_and_titles_of_several_words():
    from meetings.importing.columns import title_column

    assert title_column("Jan Friman Kent Gullberg Funktion Kommundirektör Samhällsbyggnadschef") == (
        "Jan Friman Kent Gullberg",
        ["kommundirektör", "samhällsbyggnadschef"],
    )
    assert title_column("Ulf Olsson (S) Tom Ek (M) ordförande förste vice ordförande")[1] == [
        "ordförande",
        "förste vice ordförande",
    ]
    assert title_column("Svante Ek Marie Ingvarsson kommunchef tf marknadsförings- och informationschef")[1] == [
        "kommunchef",
        "tf marknadsförings- och informationschef",
    ]
    assert title_column("Anna Berg ekonomichef") == ("Anna Berg ekonomichef", [])
    assert title_column("Anna Berg, Nils Ek och Karin Sundin") == ("Anna Berg, Nils Ek och Karin Sundin", [])


def test_a_field_over_each_page_gives_its_date_where_one_page_has_it():
    minutes = parse_text(
        "Sammanträdesdatum Kommunstyrelsen\n\nSammanträdesdatum Kommunstyrelsen 2015-02-10\n\n"
        "Beslutande Anna Berg (S), ordförande Nils Ek (M)\nSekreterare Olle Falk\n\n§ 1 Information\nNoteras.\n"
    )
    assert minutes["date"] == "2015-02-10"


def test_a_date_a_list_took_from_the_flattened_header_is_the_meetings():
    minutes = parse_text(
        "Sammanträdesprotokoll för Kommunstyrelsens arbetsutskott\nTid\nPlats\n"
        "Närvarande Onsdagen den 12 november 2014, kl Largen, Alceahuset, Åkersberga Enligt bifogad närvarolista\n"
        "Sekreterare Olle Falk\n\n§ 1 Information\nUtskottet beslutar att lägga informationen till handlingarna "
        "den 30 november 2014.\n"
    )
    assert minutes["date"] == "2014-11-12"


def test_a_list_after_a_table_of_contents_that_opened_as_items_is_the_attendance():
    minutes = parse_text(
        "KOMMUNEN SAMMANTRÄDESPROTOKOLL\n§ 61 Vindkraft, information.\n§ 62 Biogas 63 Gruppbostad\n"
        "Kommunstyrelsen\nPlats och tid Medborgarhuset, klockan\n"
        "Beslutande Gottfrid Jonsson (S) ordförande Anders Häggkvist (C) Maj-Lis Larsson (S)\n"
        "Sekreterare Olle Falk\n"
    )
    names = [entry["name"] for entry in minutes["attendance"]]
    assert names[:3] == ["Gottfrid Jonsson", "Anders Häggkvist", "Maj-Lis Larsson"]


def test_a_header_run_after_a_year_meeting_and_page_mark():
    minutes = parse_text(
        "Sammanträdesprotokoll\n\n2008:16:2 Plats och tid Bohusrummet, Beslutande Anders Holmensköld (m) ordförande "
        "Miguel Odhner (s) Maria Abrahamson (m) Övriga deltagare Kenth Johansson Kommunchef Sarah Hansson "
        "Nämndsekreterare\n\n§ 1 Information\nNoteras.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Anders Holmensköld"] == "ordförande"
    assert roles["Kenth Johansson"] == "kommunchef" and roles["Sarah Hansson"] == "nämndsekreterare"


def test_labels_that_end_in_a_semicolon_and_two_columns_labels_before_their_names():
    minutes = parse_text(
        "Protokoll\nLärkontorets nämnd\n\nPlats och tid; Sal A, klockan 10:00\n"
        "Beslutande: Ej beslutande: Stefan Bäckström, ordf (C) Matts Persson (C) Eva Billing (C)\n"
        "Övriga deltagare: rektor Bitte Åström, enhetschef Marina Nord-Öberg\n"
        "Underskrift; Anja Leinonen\n\n§ 1 Information\nNoteras.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Stefan Bäckström"] == "ordförande" and roles["Matts Persson"] == "ledamot"
    assert roles["Bitte Åström"] == "rektor" and roles["Marina Nord-Öberg"] == "enhetschef"


def test_a_voting_list_with_party_letters_first_and_presence_marks():
    minutes = parse_text(
        HEADER + "§ 1 Information\nNoteras.\n"
        "2 NÄRVARO- OCH VOTERINGSLISTA KOMMUNFULLMÄKTIGE JA NEJ LEDAMÖTER S Kristina Zakrisson I S Kenneth Stålnacke I "
        "S Siv Gunillasson - C Gunnar Selberg I C Jan-Åke Tiensuu I C Annica Henelund I C Rune Lans I "
        "M Karin Uusitalo I\n"
    )
    status = {entry["name"]: entry["status"] for entry in minutes["attendance"]}
    assert status["Kristina Zakrisson"] == "närvarande" and status["Gunnar Selberg"] == "närvarande"
    assert status["Siv Gunillasson"] == "frånvarande"


def test_an_arendelista_run_together_with_its_numbers_names_the_items():
    minutes = parse_text(
        "Protokoll\nSocialnämnden\n\nSammanträdesdatum 2020-06-10\nBeslutande Anna Berg (S), ordförande Nils Ek (M)\n"
        "Sekreterare Olle Falk\n\nÄrendelista 63. Fastställande av dagordning Redovisning av delegationsbeslut "
        "Ekonomisk uppföljning per april 66 67 Översyn av hemtjänsten\n\nDagordningen fastställs.\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Fastställande av dagordning",
        "Redovisning av delegationsbeslut",
        "Ekonomisk uppföljning per april",
        "Översyn av hemtjänsten",
    ]


def test_numbered_lines_the_header_lists_are_items_under_a_paragraph_that_holds_them():
    minutes = parse_text(
        "Protokoll\nDirektionen\n\nUtsedd att justera Lutz Rininsland Paragrafer 74-76\n"
        "Beslutande Maud Bengtsson (S) ordförande Kenneth Borgmalm (S)\n\n"
        "§ 3 Ärenden\n74 Ordföranden har ordet\n75 Backspegeln\n76 Sammanträdestider 2019\n"
    )
    assert titles(minutes)[1:] == [
        ("74", "Ordföranden har ordet"),
        ("75", "Backspegeln"),
        ("76", "Sammanträdestider 2019"),
    ]


def test_points_one_a_line_without_blank_lines_are_the_items():
    minutes = parse_text(
        "Minnesanteckningar\nFolkhälsorådet\n2015-01-14\nNärvarande\nAnna Berg, (S), ordförande\nNils Ek, (M)\n"
        "1. Mötets öppnande\nOrdföranden öppnade mötet.\n2. Tidigare minnesanteckningar\nLades till handlingarna.\n"
        "3. Nya sammanträdestider\nBeslutas att fastställa tiderna.\n"
    )
    assert titles(minutes) == [
        ("1", "Mötets öppnande"),
        ("2", "Tidigare minnesanteckningar"),
        ("3", "Nya sammanträdestider"),
    ]


def test_page_marks_sid_n_are_no_items_and_utsedd_att_justera_is_the_label():
    minutes = parse_text(
        "Sid 1 Plats Sal 438, Vänersborg Tid Tisdag 16 oktober 2018, kl 08.30 Beslutande Enligt närvarolista, sid 2 "
        "Ersättare Enligt närvarolista, sid 2 Utsedd att justera Lutz Rininsland Paragrafer 74-85 Underskrifter "
        "Sekreterare... Marit Hansson Ordförande... Maud Bengtsson\n"
        "Sid 2 Närvarolista Beslutande Maud Bengtsson (S) ordförande Kenneth Borgmalm (S) Lutz Rininsland (V)\n"
        "Sid 3 Ärenden\n74 Ordföranden har ordet\n75 Backspegeln\n"
    )
    assert minutes["date"] == "2018-10-16"
    assert (minutes["secretary"], minutes["chair"]) == ("Marit Hansson", "Maud Bengtsson")
    assert minutes["adjusters"] == ["Lutz Rininsland"]
    assert [item["number"] for item in minutes["items"]] == ["74", "75"]


def test_a_line_that_opens_with_beslutas_is_the_decision_after_a_line_without_a_stop():
    minutes = parse_text(
        HEADER + "§ 3 Nya sammanträdestider\nFörslag på nya tider 16 april kl 08.30 samt 10 december kl 08.30\n"
        "Beslutas att godkänna de nya tiderna.\n"
    )
    assert decision_texts(minutes) == [["Beslutas att godkänna de nya tiderna."]]


def test_a_reserve_justerare_and_another_bodys_chair_do_not_justera():
    minutes = parse_text(
        "Protokoll\nStyrelsen\n\nDatum 2013-09-25\nBeslutande Mats Ek (M), ordförande Dan Skantz (S)\n"
        "Tjänstemän Inge Holm Rune Lejon landstingsfullmäktiges ordförande landstingsdirektör\n\n"
        "§ 1 Val av justerare\nTill att jämte ordföranden justera dagens protokoll utses Dan Skantz (S) och ersättare "
        "Rune Lejon. Justering äger rum den 26 september. Inledning: Inge Holm presenterar verksamheten.\n"
    )
    assert minutes["adjusters"] == ["Dan Skantz", "Mats Ek"]


def test_a_body_named_in_the_genitive_in_lower_case_and_a_regions_meeting_town_owns_nothing():
    minutes = parse_text(
        "PROTOKOLL\nProtokoll från regionstyrelsens sammanträde\nPlats: Rum 114, Rådhus Skåne, Kristianstad\n"
        "Beslutande Henrik Fritzon (S), ordförande Carl Johan Sonesson (M)\n\n§ 67 Justering\nNoteras.\n"
    )
    assert minutes["body"] == "Regionstyrelsen"
    assert minutes["organisation"] is None


def test_who_serves_for_whom_said_in_a_sentence_or_after_an_organisations_letters():
    minutes = parse_text(
        "Protokoll\nKulturberedningen\n\nDatum 2014-02-14\n"
        "Närvarande Göran Giselsson (S), ordförande Jessica Linde (S) Britta Rydberg PRO Lars Ek (M)\n\n"
        "§ 1 Mötets öppnande\nSpeciellt välkommen till Jessica Linde som vid dagens möte ersätter Helen Hägglund. "
        "Britta Rydberg PRO ersätter Hasse Johansson.\n"
    )
    serving = {entry["name"]: entry.get("serving_for") for entry in minutes["attendance"] if entry.get("serving_for")}
    assert serving == {"Jessica Linde": "Helen Hägglund", "Britta Rydberg": "Hasse Johansson"}


def test_a_flattened_header_whose_hour_was_lost_and_a_role_before_a_run_of_names():
    minutes = parse_text(
        "Protokoll\nBygg- och miljönämnden\n\nPlats och tid\nBeslutande\nÖvriga deltagande\n"
        "Utses att justera Rådhusgatan 2, Emmaboda, måndagen den 15 mars 2010, kl Per Adolfsson, ordförande "
        "Kristina Ideström Bo Eddie Rossbol Jan Peterson Lise Kroer Bo Sunesson Pelle Hellgren\n\n§ 1 Info\nNoteras.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Per Adolfsson"] == "ordförande"
    assert {"Kristina Ideström", "Jan Peterson", "Pelle Hellgren"} <= set(roles)
    assert minutes["date"] == "2010-03-15"
