"""Forms of minutes the importer was not first built on (issue 27), each in a small document made for its test: the
rules these test were written from the corpus's odd or even half (docs/importing-corpus.md says which)."""

from meetings.importing import parse_text
from meetings.importing.cleanup import section_marks
from meetings.importing.parser.patterns import plausible_name
from meetings.importing.segments import describe, segment_people


def test_the_last_justerande_label_signs_for_every_name_left():
    minutes = parse_text(
        "Protokoll\nStyrelsen\n\nDatum 3 mars 2011\n"
        "Sekreterare\nOrdförande\nJusterande Lena Berg... Nils Ekholm... Karin Sundin.... Olle Falk\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["secretary"] == "Lena Berg"
    assert minutes["chair"] == "Nils Ekholm"
    assert minutes["adjusters"] == ["Karin Sundin", "Olle Falk"]


def test_a_list_without_commas_is_cut_at_given_names_and_keeps_each_organisation():
    assert segment_people("Mailis Cavalli-Björkman Fyrbodals kommunalförbund Annika Daisley Yvonne Samuelsson") == [
        ("Mailis Cavalli-Björkman", ["Fyrbodals", "kommunalförbund"]),
        ("Annika Daisley", []),
        ("Yvonne Samuelsson", []),
    ]
    minutes = parse_text(
        "Protokoll\nStyrelsen\n\nDatum 3 mars 2011\n"
        "Övriga deltagande Ingrid Holm Tranås kommun Per Strand Kalmar kommunalförbund Eva Lind\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    organisations = {entry["name"]: entry["organisation"] for entry in minutes["attendance"]}
    assert organisations == {"Ingrid Holm": "Tranås kommun", "Per Strand": "Kalmar kommunalförbund", "Eva Lind": None}


def test_words_after_a_name_say_party_presence_role_or_organisation():
    assert describe(["S", "1"]) == {"role": None, "organisation": None, "party": "S", "status": "närvarande"}
    assert describe(["C", "-"])["status"] == "frånvarande"
    assert describe(["nämndsekreterare,"])["role"] == "nämndsekreterare"
    assert describe(["Region", "Skåne"])["organisation"] == "Region Skåne"


def test_the_first_of_protokoll_and_anteckningar_says_the_kind():
    minutes = parse_text(
        "PROTOKOLL 1 (3) Sammanträdesdatum 2019-03-04\nNärvarolista Namn Parti Anteckningar/\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["kind"] == "protokoll"


def test_a_signature_row_with_its_labels_among_the_names():
    minutes = parse_text(
        "Protokoll\nArbetsutskottet 2019-03-04\n\n"
        "Sekreterare Rut Almgren Ordföranden Bengt Forsberg (S) Sara Lindqvist (M) BEVIS OM ANSLAG Justering har\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert (minutes["secretary"], minutes["chair"]) == ("Rut Almgren", "Bengt Forsberg")
    assert minutes["adjusters"] == ["Sara Lindqvist"]


def test_a_flattened_attendance_table_with_party_presence_and_the_role_of_the_row_before():
    minutes = parse_text(
        "Protokoll\nArbetsutskottet 2019-03-04\n\n"
        "Ledamöter (4) Bengt Forsberg S 1\n"
        "Ordförande Sara Lindqvist M 1 Olof Sandberg C - Vakant plats Jonas Ek L 1\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    people = {entry["name"]: entry for entry in minutes["attendance"]}
    assert set(people) == {"Bengt Forsberg", "Sara Lindqvist", "Olof Sandberg", "Jonas Ek"}
    assert people["Bengt Forsberg"]["role"] == "ordförande"
    assert people["Olof Sandberg"]["status"] == "frånvarande"
    assert people["Sara Lindqvist"]["party"] == "M"


def test_a_heading_run_on_into_its_decision_and_a_decision_without_its_subject():
    minutes = parse_text(
        "Protokoll\nStyrelsen 2011-03-03\n\n"
        "§ 1 Val av ordförande\nKarin Sundin öppnar mötet. beslutar att välja Olle Falk som ordförande för mötet.\n\n"
        "§ 2 Val av justerare Lena Berg och Nils Ekholm utses att justera protokollet\n"
    )
    first, second = minutes["items"]
    assert [d["text"] for d in first["decisions"]] == ["beslutar att välja Olle Falk som ordförande för mötet."]
    assert second["title"] == "Val av justerare"
    assert [d["text"] for d in second["decisions"]] == ["Lena Berg och Nils Ekholm utses att justera protokollet"]


def test_a_list_broken_by_a_page_goes_on_after_the_running_header():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL Sammanträdesdatum\n\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum Kommunfullmäktige\n"
        "Beslutande ledamöter Ada Berg (S) (ordförande) Bo Ek (S) (vice ordförande) "
        "Cia Falk (C) (2:e vice ordförande)\n"
        "Ej tjänstgörande ersättare Page 1 of 4\n\nSAMMANTRÄDESPROTOKOLL\n"
        "Sammanträdesdatum Dan Holm (SD) Eva Ljung (M) Övriga Fia Moberg (Kommundirektör) Gun Nord (Kommunsekreterare) "
        "Hans Ohlin (Näringslivschef) Protokollet innehåller paragraferna\n"
        "Ordförande Ada Berg (S)\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    people = {entry["name"]: entry for entry in minutes["attendance"]}
    assert set(people) == {"Ada Berg", "Bo Ek", "Cia Falk", "Dan Holm", "Eva Ljung", "Fia Moberg", "Gun Nord"} | {
        "Hans Ohlin"
    }
    assert [people[name]["role"] for name in ("Ada Berg", "Bo Ek", "Cia Falk")] == [
        "ordförande",
        "vice ordförande",
        "2:e vice ordförande",
    ]
    assert (people["Bo Ek"]["party"], people["Cia Falk"]["paragraphs"]) == ("S", None)
    assert people["Dan Holm"]["role"] == "ej tjänstgörande ersättare"
    assert people["Fia Moberg"]["role"].lower() == "kommundirektör"
    assert minutes["body"] == "Kommunfullmäktige"  # the empty date field's next cell


def test_a_flattened_header_with_labels_in_capitals_and_the_justerare_before_the_next_field():
    minutes = parse_text(
        "Protokoll\nSocialnämnden 2017-10-25\n\n"
        "Plats och tid Tyresö kommunhus kl 18:00-20:30 BESLUTANDE Ada Berg (L) Bo Ek (M) Cia Falk (S) Dan Holm (C) "
        "Eva Ljung (KD) ERSÄTTARE Fia Moberg (M) Gun Nord (S) Hans Ohlin (C)\n"
        "Utses att justera Cia Falk Justeringsdatum 25 oktober 2017 Paragraf 80\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Bo Ek"] == "ledamot" and roles["Gun Nord"] == "ersättare"
    assert minutes["adjusters"] == ["Cia Falk"]
    assert minutes["organisation"] == "Tyresö kommun"


def test_present_and_deciding_as_one_label_and_the_chair_who_opened():
    minutes = parse_text(
        "Mötesprotokoll\n\nStyrelsemöte\n\nPlats: Zoom\n\n"
        "Närvarade och beslutande: Ada Berg (Karlstads universitet), Bo Ek (Region Värmland)\n\n"
        "1. Mötets öppnandes av ordförande Ada Berg.\n2. Dagordningen godkändes\n"
    )
    organisations = {entry["name"]: entry["organisation"] for entry in minutes["attendance"]}
    assert organisations == {"Ada Berg": "Karlstads universitet", "Bo Ek": "Region Värmland"}
    assert minutes["chair"] == "Ada Berg"


def test_whose_utskott_and_a_heading_behind_another_bodys_number_with_names_inside():
    minutes = parse_text(
        "ÅMÅLS KOMMUN SAMMANTRÄDESPROTOKOLL 1 (9) Socialnämndens arbetsutskott 2001-02-05\n\n"
        "§ 4 AU 3 Dnr Regionförbundet Dalslands begäran om yttrande över en ny plan för kollektivtrafiken i "
        "Dalsland Regionförbundet har begärt att nämnden yttrar sig över planen före mars.\n"
    )
    assert minutes["body"] == "Socialnämndens arbetsutskott"
    assert minutes["items"][0]["title"].startswith("Regionförbundet Dalslands begäran om yttrande")


def test_a_double_given_name_whose_hyphen_was_lost_is_still_a_name():
    minutes = parse_text(
        "Protokoll\nKommunstyrelsens arbetsutskott 2000-01-17\n\n"
        "Beslutande JanAnders Palmqvist, s, ordförande, 1-12 Margareta Yngveson, s Göran T Andersson, v\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["chair"] == "JanAnders Palmqvist"


def test_a_two_column_pdf_is_read_down_each_column_not_across_the_page():
    import weasyprint

    from meetings.importing import parse_file

    def column(numbers):
        return "".join(
            f"<p>§ {n} Ärende nummer {n}</p><p>Styrelsen beslutar att godkänna förslaget i ärende {n} och lägga "
            "rapporten till handlingarna.</p>"
            for n in numbers
        )

    style = "@page { size: A4; margin: 15mm } body { font: 10pt sans-serif } td { width: 50%; vertical-align: top }"
    page = f"<style>{style}</style><p>Protokoll Styrelsen 2020-05-04</p><table><tr><td>{column(range(31, 35))}</td>"
    page += f"<td>{column(range(35, 39))}</td></tr></table>"
    minutes = parse_file(weasyprint.HTML(string=page).write_pdf(), "protokoll.pdf")
    assert [item["number"] for item in minutes["items"]] == [str(n) for n in range(31, 39)]
    assert all(item["decisions"] for item in minutes["items"])


def test_a_wrapped_pdf_line_ending_in_a_lone_dash_keeps_its_space():
    from meetings.importing.layout import lay_out

    def line(text, top, x1):
        return {"text": text, "top": top, "bottom": top + 10, "x0": 0, "x1": x1}

    text = lay_out([line("Janeth Lundberg S -", 0, 100), line("Övriga närvarande Eva Holm, för-", 12, 100)])
    text_broken = lay_out([line("Övriga närvarande Eva Holm, för-", 0, 100), line("valtningschef", 12, 60)])
    assert text == "Janeth Lundberg S - Övriga närvarande Eva Holm, för-"
    assert text_broken == "Övriga närvarande Eva Holm, för-valtningschef"  # a broken word stays one word


def test_first_and_second_vice_chairs_are_roles_not_the_chair():
    minutes = parse_text(
        "Protokoll\nStyrelsen\n\nDatum 3 mars 2011\n"
        "Ledamöter Karin Ek (s), ordförande Olle Falk (m), förste vice ordf. Anna Lund (c), andre vice ordförande "
        "Per Holm (v) Eva Strand (kd), 2:e vice ordf.\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Olle Falk"] == "1:e vice ordförande"
    assert roles["Anna Lund"] == "2:e vice ordförande"
    assert roles["Eva Strand"] == "2:e vice ordförande"
    assert minutes["chair"] == "Karin Ek"


def test_a_body_in_the_genitive_before_its_meeting_is_the_body():
    minutes = parse_text(
        "Protokoll fört vid Äldrenämndens sammanträde\nDatum 3 mars 2011\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["body"] == "Äldrenämnden"
    minutes = parse_text(
        "Protokoll\n\nTekniska utskottets möte den 3 mars 2011\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["body"] == "Tekniska utskottet"


def test_group_labels_inside_a_list_give_the_role_of_the_names_after_them():
    minutes = parse_text(
        "Protokoll\nStyrelsen\n\nDatum 3 mars 2011\n"
        "Närvarande\n(Ledamöter) Karin Ek (S), Olle Falk (M)\n(Ersättare) Anna Lund (C), Per Holm (V)\n\n"
        "Övriga närvarande Ledamöter: Eva Strand, Nils Berg Ersättare: Lisa Dahl\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles == {
        "Karin Ek": "ledamot",
        "Olle Falk": "ledamot",
        "Anna Lund": "ersättare",
        "Per Holm": "ersättare",
        "Eva Strand": "ledamot",
        "Nils Berg": "ledamot",
        "Lisa Dahl": "ersättare",
    }


def test_a_table_of_contents_names_the_items_when_no_paragraph_heads_them():
    body = (
        "\n\nMötets öppnande Ordföranden öppnade mötet.\n\nBudget för 2012 Förvaltningen redovisar förslaget. "
        "Äldrenämnden beslutar att godkänna budgeten.\n\nÖvriga frågor Inga frågor togs upp.\n"
    )
    flattened = parse_text(
        "Protokoll\nÄldrenämnden\n\nDatum 3 mars 2011\n\n"
        "Innehållsförteckning Mötets öppnande 2 Budget för 2012 3 Övriga frågor 4" + body
    )
    one_a_line = parse_text(
        "Protokoll\nÄldrenämnden\n\nDatum 3 mars 2011\n\n"
        "Innehållsförteckning\nMötets öppnande .... 2\nBudget för 2012 .... 3\nÖvriga frågor .... 4" + body
    )
    for minutes in (flattened, one_a_line):
        assert [item["title"] for item in minutes["items"]] == ["Mötets öppnande", "Budget för 2012", "Övriga frågor"]
        assert "godkänna budgeten" in minutes["items"][1]["decisions"][0]["text"]


def test_contents_on_a_flattened_page_without_page_numbers_still_name_the_items():
    minutes = parse_text(
        "Protokoll\nÄldrenämnden\n\nDatum 3 mars 2011\n\n"
        "3 3 (17) Innehållsförteckning Mötets öppnande Val av justerare ÄLN 2011/ Budget för vården ÄLN 2010/ "
        "Övriga frågor\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Mötets öppnande",
        "Val av justerare",
        "Budget för vården",
        "Övriga frågor",
    ]


def test_a_body_word_only_in_the_genitive_still_names_the_body():
    minutes = parse_text(
        "Protokoll\n\nDatum 3 mars 2011\n\n§ 1 Ändring i socialnämndens delegationsordning\n"
        "Ändringen godkänns.\n\n§ 2 Socialnämndens budget\nBudgeten godkänns.\n"
    )
    assert minutes["body"] == "Socialnämnden"


def test_with_no_attendance_list_who_spoke_in_the_debate_was_present():
    minutes = parse_text(
        "Protokoll\nKommunfullmäktige\n\nDatum 3 mars 2011\n\n§ 12 Budget 2012\n\n"
        "Yttranden\n\nVid kommunfullmäktiges behandling av ärendet yttrar sig\n\n"
        "Karin Ek (S), Olle Falk (M) och Anna Lund (C).\n\nKommunfullmäktige beslutar att godkänna budgeten.\n"
    )
    assert [(entry["name"], entry["status"]) for entry in minutes["attendance"]] == [
        ("Karin Ek", "närvarande"),
        ("Olle Falk", "närvarande"),
        ("Anna Lund", "närvarande"),
    ]


def test_items_numbered_from_two_get_back_the_opening_whose_number_was_lost():
    minutes = parse_text(
        "Minnesanteckningar\nRegionrådet\n\nDatum 3 mars 2011\n\n"
        "Mötet öppnas Ordföranden öppnade mötet. Dagordningen godkändes.\n\n"
        "2. Föregående möte\nAnteckningarna godkändes.\n\n3. Ekonomi\nRapporten lades till handlingarna.\n"
    )
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("1", "Mötet öppnas"),
        ("2", "Föregående möte"),
        ("3", "Ekonomi"),
    ]
    assert minutes["items"][0]["text"].startswith("Ordföranden öppnade mötet.")


def test_a_municipality_run_into_a_name_the_lexicon_does_not_know_is_the_previous_attendees():
    minutes = parse_text(
        "Protokoll\nFörbundsstyrelsen\n\nDatum 3 mars 2011\n\n"
        "Ledamöter Karin Ek (s), Tjörn Ylvali Berg (fp), Kungälv Olle Falk (m), Ale\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    organisations = {entry["name"]: entry["organisation"] for entry in minutes["attendance"]}
    assert organisations == {"Karin Ek": "Tjörn", "Ylvali Berg": "Kungälv", "Olle Falk": "Ale"}


def test_a_lower_case_word_after_a_role_goes_on_with_the_role_a_capitalised_one_is_an_organisation():
    minutes = parse_text(
        "Protokoll\nTeknikutskottet\n\nDatum 3 mars 2011\n\n"
        "Övriga närvarande Anna Lund, chef landstingsservice Per Holm, personalrepresentant Kommunalarbetareförbundet "
        "Eva Strand, sekreterare\n\n§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    said = {entry["name"]: (entry["role"], entry["organisation"]) for entry in minutes["attendance"]}
    assert said["Anna Lund"] == ("chef landstingsservice", None)
    assert said["Per Holm"] == ("personalrepresentant", "Kommunalarbetareförbundet")


def test_a_sentence_that_begins_with_innehall_is_no_table_of_contents():
    minutes = parse_text(
        "Minnesanteckningar\nStyrelsen\n\nDatum 3 mars 2011\n\n"
        "Innehåll i avtalet diskuterades Vidare Ekonomi Och Budget\n"
    )
    assert [item["title"] for item in minutes["items"]] == ["Inledning"]


def test_numbered_points_one_a_line_without_blank_lines_are_each_an_item():
    minutes = parse_text(
        "Minnesanteckningar\nStyrelsemöte\n\nDatum 3 mars 2011\n\n"
        "1. Mötet öppnades av ordförande Karin Ek.\n2. Dagordningen godkändes\n"
        "3. Föregående protokoll godkändes och lades till handlingarna.\n4. Ekonomi:\n"
        "Kostnaderna ökar med 7 %.\n5. Årsmötet\nÅrsmötet hålls den 25 april.\n"
    )
    assert [item["number"] for item in minutes["items"]] == ["1", "2", "3", "4", "5"]
    assert minutes["items"][3]["title"] == "Ekonomi"


def test_a_page_mark_whose_space_text_recognition_lost_is_still_a_page_mark():
    # Tesseract reads "1 (3)" as "1(3)": the page count the other pages' marks repeat says it is one.
    pages = (
        "1(3) Tid Tisdagen den 4 mars 2014 kl 9.00 Plats Kommunhuset Beslutande Ledamöter "
        "Tjänstgörande ersättare Övriga närvarande Karin Sundin (s), ordförande Olle Falk (m) Eva Lind (c) "
        "Per Strand (s) Justerare Olle Falk Underskrifter Sekreterare Ordförande Justerande "
        "Nils Ekholm Karin Sundin Olle Falk Paragrafer 1-2\n\n"
        "2 (3) ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag.\n\n"
        "3 (3) § 1 Mötets öppnande Ordföranden öppnade mötet.\n"
    )
    minutes = parse_text("SAMMANTRÄDESPROTOKOLL Styrelsen Sammanträdesdatum 2014-03-04\n\n" + pages)
    assert minutes["chair"] == "Karin Sundin"
    assert minutes["secretary"] == "Nils Ekholm"
    assert minutes["adjusters"] == ["Olle Falk"]
    assert minutes["attendance"]
    # the same marks with their space make the same protocol; a "1(3)" without other pages' marks is left alone
    heading = "SAMMANTRÄDESPROTOKOLL Styrelsen Sammanträdesdatum 2014-03-04\n\n"
    assert parse_text(heading + pages.replace("1(3)", "1 (3)")) == minutes
    assert section_marks(["1(3) inkomna skrivelser"]) == ["1(3) inkomna skrivelser"]


def test_a_doubled_page_mark_read_without_its_space_is_known_by_the_other_pages():
    # A sharing site's page number before the document's own mark: "1 1 (17)", read by OCR as "11 (17)".
    marks = ["11 (17) Plats och tid Stadshuset", "", "2 2 (17) BEVIS OM ANSLAGSDAG", "3 3 (17) Innehållsförteckning"]
    assert section_marks(marks) == ["Plats och tid Stadshuset", "", "BEVIS OM ANSLAGSDAG", "Innehållsförteckning"]
    # page 11 of 17 among pages written singly stays page 11
    single = ["11 (17) Plats", "12 (17) Bevis", "13 (17) Innehåll"]
    assert section_marks(single) == single


def test_lists_under_the_bodys_own_labels_and_headings_numbered_before_the_sign():
    # Labels with the body's name in the genitive, staff and union lists, "12 §" headings, the secretary in a sentence
    minutes = parse_text(
        "Direktionens protokoll 3 mars 2022\n\n"
        "Direktionens ledamöter\nEva Lind, ordförande (S)\nOlle Falk (M)\n\n"
        "Direktionens ersättare\nPer Strand (S) tjänstgörande\nKarin Berg (C)\n\n"
        "Tjänstepersoner\nNils Ekholm, förbundschef\n\n"
        "Fackliga organisationer\nLena Holm, Vision\n\n"
        "Justering och sekreterare\nAtt jämte ordförande Eva Lind justera protokollet valdes Olle Falk. "
        "Sekreterare är Nils Ekholm.\n\n"
        "12 § Sammanträdets öppnande\n\nOrdförande öppnade mötet.\n\n"
        "13 § Föregående protokoll\n\nProtokollet lades till handlingarna.\n"
    )
    assert minutes["body"] == "Direktionen"
    assert minutes["chair"] == "Eva Lind"
    assert minutes["secretary"] == "Nils Ekholm"
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Per Strand"] == "tjänstgörande ersättare" and roles["Karin Berg"] == "ersättare"
    assert roles["Nils Ekholm"] == "förbundschef"
    assert {entry["name"] for entry in minutes["attendance"]} >= {"Lena Holm", "Olle Falk"}
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("12", "Sammanträdets öppnande"),
        ("13", "Föregående protokoll"),
    ]


def test_a_flattened_signature_row_stops_at_the_first_word_no_name_has():
    # Labels first, then the names run on into the next block; "Reidun" is a given name the lexicon lacks
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL Socialnämnden\nPlats och tid Kommunhuset kl 15\nUnderskrifter\nSekreterare\n"
        "Ordförande\nJusterare Carina Eliasson Reidun Lorentzon Thomas Collberg ANSLAG/ BEVIS Justeringen har "
        "tillkännagivits genom anslag\n\n"
        "Sida ande Reidun Lorentzon (KD), ordförande Louise Marklund (M) Robert Bull (S)\n\n"
        "§ 68 Fastställande av dagordning\nNämnden fastställer dagordningen.\n"
    )
    assert minutes["secretary"] == "Carina Eliasson"
    assert minutes["chair"] == "Reidun Lorentzon"
    assert minutes["adjusters"] == ["Thomas Collberg"]
    # "ande" is "Beslutande" whose first word the transcript lost, under a page label left alone
    assert {"Louise Marklund", "Robert Bull"} <= {entry["name"] for entry in minutes["attendance"]}


def test_a_letterhead_is_no_persons_name():
    assert not plausible_name("TJÖRNS KOMMUN SAMMANTRÄDESPROTOKOLL Socialnämnden")
    assert not plausible_name("Kommunstyrelsens Sammanträdesprotokoll")
    assert plausible_name("Reidun Lorentzon") and plausible_name("ANNA-KARIN LUNDH")


def test_a_table_of_contents_with_dot_leaders_names_the_items_and_starts_none():
    minutes = parse_text(
        "Sammanträdesprotokoll Innehållsförteckning PROTOKOLL\n\n"
        "Protokoll från Tekniska utskottets sammanträde 2012-04-11 Innehållsförteckning\n\n"
        "Beslutande... 2\n\nBudgetuppföljning mars... 3\n\nVägunderhåll, information ... 5\n\n"
        "Delegationsbeslut ... 7\n\n"
        "Plats och tid Stadshuset, kl 09.00-12.00\n\nBeslutande Eva Lind (S), ordförande\n\nOlle Falk (M)\n\n"
        "Utses att justera Olle Falk\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Budgetuppföljning mars",
        "Vägunderhåll, information",
        "Delegationsbeslut",
    ]
    assert {entry["name"] for entry in minutes["attendance"]} == {"Eva Lind", "Olle Falk"}


def test_a_substitute_in_brackets_after_the_party_serves_for_the_member_named_there():
    minutes = parse_text(
        "PROTOKOLL 1(4)\nNämnden för arbetsmarknad och integration 2019-05-14\n\n"
        "Beslutande: Eva Lind (S) ordförande Olle Falk (M) (ers Karin Berg (M)) Per Strand (ers Nils Ekholm (S)) "
        "Lena Holm (C) Ersättare: Anna Borg (S) ersättare\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["body"] == "Nämnden för arbetsmarknad och integration"
    people = {entry["name"]: entry for entry in minutes["attendance"]}
    assert "Karin Berg" not in people and "Nils Ekholm" not in people  # whom they serve for was not there
    assert people["Olle Falk"]["serving_for"] == "Karin Berg"
    assert people["Per Strand"]["serving_for"] == "Nils Ekholm"
    assert people["Olle Falk"]["role"] == people["Per Strand"]["role"] == "tjänstgörande ersättare"
    assert people["Lena Holm"]["role"] == "ledamot" and not people["Lena Holm"].get("serving_for")


def test_inte_narvarande_after_a_name_marks_that_one_absent_not_the_next():
    minutes = parse_text(
        "Protokoll från sammanträde med landstingsstyrelsen\nTid Den 10 oktober 2005 kl 9\n"
        "Närvarande ledamöter Eva Lind (s) ordförande Olle Falk (m) Per Strand (s), inte närvarande "
        "Karin Berg (c) Nils Ekholm (kd), ej närvarande Lena Holm (s) tj ers för Nils Ekholm\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    status = {entry["name"]: entry["status"] for entry in minutes["attendance"]}
    assert status["Per Strand"] != "närvarande" and status["Nils Ekholm"] != "närvarande"
    assert status["Karin Berg"] == status["Lena Holm"] == status["Olle Falk"] == "närvarande"
    serving = {entry["name"]: entry.get("serving_for") for entry in minutes["attendance"]}
    assert serving["Lena Holm"] == "Nils Ekholm"


def test_the_title_again_with_its_date_is_the_header_and_tid_och_plats_a_field():
    minutes = parse_text(
        "Förbundsfullmäktige\n\n\nFörbundsfullmäktige 2016-02-03\n\n\n"
        "Tid och plats Onsdagen den 3 februari 2016 kl 9, Brandstationen\nBeslutande\n"
        "Ledamöter Eva Lind (S) Olle Falk (M) Ersättare för Karin Berg (M) Per Strand (S) Ersättare för "
        "Nils Ekholm (S) Lena Holm (C)\n\n"
        "§ 1 Val av justerare\nTill justerare valdes Lena Holm.\n"
    )
    assert minutes["date"] == "2016-02-03"
    assert [item["title"] for item in minutes["items"]] == ["Val av justerare"]
    serving = {entry["name"]: entry.get("serving_for") for entry in minutes["attendance"]}
    assert serving["Olle Falk"] == "Karin Berg" and serving["Per Strand"] == "Nils Ekholm"
    assert "Karin Berg" not in serving and not serving["Lena Holm"]


def test_slashed_page_marks_go_and_the_paragraphs_field_knows_headings_that_lost_their_sign():
    minutes = parse_text(
        "Protokoll\n\n"
        "1 1/9 Plats och tid Stadshuset kl 18 Paragrafer 4-6 Beslutande Se deltagarlista. "
        "Utses att justera Olle Falk (M) med Karin Berg (S) som ersättare. Underskrifter Sekreterare... Eva Lind\n\n"
        "2 2/9 Deltagarlista Beslutande Per Strand (S), Olle Falk (M) Nils Ekholm (C)\n\n"
        "3 3/9 BUN 4 Föredragningslista Beslut Nämnden godkänner föredragningslistan.\n\n"
        "4 4/9 BUN 5 Budget 2017 Beslut Nämnden antar budgeten.\n"
    )
    assert minutes["adjusters"] == ["Olle Falk"]
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("4", "Föredragningslista"),
        ("5", "Budget 2017"),
    ]
    assert {entry["name"] for entry in minutes["attendance"]} >= {"Per Strand", "Olle Falk", "Nils Ekholm"}
    # a number outside the listed paragraphs is text, not a heading
    assert not any(item["number"] == "17" for item in minutes["items"])


def test_a_word_after_the_last_signers_name_is_not_one_more_signer():
    minutes = parse_text(
        "Protokoll\nKommunstyrelsen 2015-03-02\nUnderskrifter\nSekreterare\nOrdförande\n"
        "Justerande Linda Mattila Kjell Hedvall (S) Pär Johnson (FP) Utdragsbestyrkande\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert (minutes["secretary"], minutes["chair"], minutes["adjusters"]) == (
        "Linda Mattila",
        "Kjell Hedvall",
        ["Pär Johnson"],
    )


def test_signers_of_unknown_given_names_are_paired_two_words_each_party_marks_aside():
    minutes = parse_text(
        "Protokoll\nLandstingsfullmäktige 2014-11-25\nSekreterare\nOrdförande\n"
        "Justerande Charlotte Funseth Monalisa Norrman (V) Reidun Winberg (S)\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert (minutes["secretary"], minutes["chair"], minutes["adjusters"]) == (
        "Charlotte Funseth",
        "Monalisa Norrman",
        ["Reidun Winberg"],
    )


def test_party_letters_before_each_name_and_a_serving_note_after_its_own_name():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL Barn- och utbildningsnämnden\n\nPlats och tid Kinna 15 december 2016 kl 13\n"
        "Beslutande L Sofia Berg, ordförande M Anders Lind (M) M Elise Holm L Egon Strand tjänstgör för "
        "Eva Falk (M) C Lena Ek KD Rune Borg S Urban Dahl tjänstgör för Yasin Nord (S)\n\n"
        "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n"
    )
    assert minutes["body"] == "Barn- och utbildningsnämnden"
    people = {entry["name"]: entry for entry in minutes["attendance"]}
    assert set(people) == {
        "Sofia Berg", "Anders Lind", "Elise Holm", "Egon Strand", "Lena Ek", "Rune Borg", "Urban Dahl"
    }  # fmt: skip
    assert people["Egon Strand"]["serving_for"] == "Eva Falk" and not people["Elise Holm"].get("serving_for")
    assert people["Urban Dahl"]["serving_for"] == "Yasin Nord"
    assert people["Sofia Berg"]["role"] == "ordförande"


def test_the_notice_of_posting_is_never_the_title_and_its_text_is_kept():
    minutes = parse_text(
        "Sida Sammanträdesdatum 2010-11-18 1\nPlats och tid Kommunhuset kl 9\n"
        "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag\n\n"
        "§ 88 Dagordning\nDagordningen fastställs.\n"
    )
    assert not minutes["title"].startswith("ANSLAG")
    assert any(warning.startswith("Text före första ärendet") for warning in minutes["warnings"])
    assert "Justeringen har tillkännagivits" in minutes["items"][0]["text"]


def test_justerare_chosen_in_a_sentence_and_headings_run_on_into_theirs():
    minutes = parse_text(
        "Protokoll\nDirektionen 2015-01-30\n\n"
        "Beslutande Ulf Olsson (S), ordförande Margareta Lövgren (M) Eva Lind (C)\n\n"
        "5 Val av mötesordförande Till mötesordförande utses Ulf Olsson (S).\n"
        "6 Fastställande av dagordning Dagordningen fastställs.\n"
        "7 Val av justerare Margareta Lövgren (M) utses att jämte ordförande justera dagens protokoll.\n"
        "8 Föregående protokoll Protokollet läggs till handlingarna.\n"
    )
    assert [item["number"] for item in minutes["items"]] == ["5", "6", "7", "8"]
    assert minutes["items"][2]["title"] == "Val av justerare"
    assert minutes["adjusters"] == ["Margareta Lövgren", "Ulf Olsson"]  # "jämte ordförande": the chair too
    # "9 röstade nej." after a heading is a sentence, not item 9
    voted = parse_text("Protokoll\nStyrelsen 2015-01-30\n\n§ 8 Budget\nOmröstning.\n\n9 röstade nej.\n")
    assert [item["number"] for item in voted["items"]] == ["8"]


def test_justerare_said_before_the_items():
    for sentence, expected in (
        ("Att jämte ordföranden justera dagens protokoll utsågs Mikael Wickberg (M) med Anja Liikaluoma (S) "
         "som ersättare.", ["Mikael Wickberg"]),
        ("Till justerare valdes Eva Lind och Per Strand.", ["Eva Lind", "Per Strand"]),
        ("Direktionen beslutar: Utse Kenneth Johansson att justera protokollet.", ["Kenneth Johansson"]),
    ):  # fmt: skip
        minutes = parse_text(f"Protokoll\nNämnden 2013-08-29\n\n{sentence}\n\n§ 1 Information\nNämnden informeras.\n")
        assert minutes["adjusters"][: len(expected)] == expected, sentence


def test_a_flattened_first_pages_number_before_its_header_and_a_reserve_in_the_justering_item():
    minutes = parse_text(
        "PROTOKOLL Sammanträdesdag 2013-08-29.\n\n"
        "1 Plats och tid Sessionssalen kl 17 Närvarande: Ordinarie ledamöter Alexis Holm (M), ordförande "
        "Eva Lind (S) Mikael Berg (M) Anja Strand (S) Karin Ek (C) Olle Falk (KD) Per Dahl (V) Lena Borg (MP)\n\n"
        "74 Upprop och val av justeringsmän och justering Att jämte ordföranden justera dagens protokoll utsågs "
        "Mikael Berg (M) med Anja Strand (S) som ersättare.\n"
        "75 Godkännande av föredragningslista Föredragningslistan godkänns.\n"
    )
    assert {"Alexis Holm", "Eva Lind", "Anja Strand", "Lena Borg"} <= {entry["name"] for entry in minutes["attendance"]}
    assert minutes["adjusters"] == ["Mikael Berg", "Alexis Holm"]  # the reserve is no justerare; the chair is one
    # "1 …", "74 …", "75 …" at the lines' starts are a page number and two items, not three page numbers
    assert [item["number"] for item in minutes["items"]] == ["74", "75"]


def test_a_row_ends_after_a_title_and_its_organisation_so_an_unlisted_given_name_starts_the_next():
    assert [name for name, _after in segment_people(
        "Alf Iwarson avdelningschef Gatuavdelningen Iqbal Musaji avdelningschef Upphandlingsavdelningen "
        "Margareta Nilsson enhetschef"
    )] == ["Alf Iwarson", "Iqbal Musaji", "Margareta Nilsson"]  # fmt: skip


def test_doubled_plain_page_numbers_go_and_a_singular_paragraf_is_no_part_of_the_secretary():
    lines = ["1 1 Kommunstyrelsens arbetsutskott Plats och tid Kommunhuset", "", "2 2 Övriga deltagare Lena Holm"]
    assert section_marks(lines) == [
        "Kommunstyrelsens arbetsutskott Plats och tid Kommunhuset",
        "",
        "Övriga deltagare Lena Holm",
    ]
    minutes = parse_text(
        "Protokoll\nKommunstyrelsens arbetsutskott 2011-03-02\n\nSekreterare.. Paragraf 6-16 Börje Olsson\n\n"
        "§ 6 Information\nArbetsutskottet informeras.\n"
    )
    assert minutes["secretary"] == "Börje Olsson"


def test_signature_labels_with_dots_and_the_paragraphs_cell_among_them():
    minutes = parse_text(
        "Protokoll\nMiljö- och byggnadsnämnden 2006-01-19\n\nUtses att justera Ivan Gunnarsson\nUnderskrifter\n"
        "Paragrafer 1-8\nSekreterare\nOrdförande\nJusterande.. Margareta Roos. Edgar Hofvergård. Ivan Gunnarsson "
        "ANSLAG/BEVIS Protokollet är justerat.\n\n§ 1 Information\nNämnden informeras.\n"
    )
    assert (minutes["secretary"], minutes["chair"], minutes["adjusters"]) == (
        "Margareta Roos",
        "Edgar Hofvergård",
        ["Ivan Gunnarsson"],
    )


def test_labels_glued_to_their_values_and_signers_with_their_roles_under_underskrifter():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL\nSÖDERHAMNS KOMMUN\n\nSammanträdesdatum2019-01-28\n"
        "Utses att justeraIsabel Hildén\nParagrafer12 – 22\nUnderskrifter_____________________\n"
        "Pär-Olof Stål, ordförande\n_____________________\nLaila Nabb, sekreterare\n_____________________\n"
        "Isabel Hildén, justerare\n\n§ 12 Information\nNämnden informeras.\n"
    )
    assert minutes["date"] == "2019-01-28"
    assert (minutes["chair"], minutes["secretary"], minutes["adjusters"]) == (
        "Pär-Olof Stål",
        "Laila Nabb",
        ["Isabel Hildén"],
    )


def test_item_numbers_whose_sign_was_lost_run_on_after_sentences_and_their_points_stay_inside():
    minutes = parse_text(
        "Protokoll\nLandstingsstyrelsen 2000-04-13\n\n"
        "Beslutande Per Öberg Mona Nyberg Thomas Hägg\n\n"
        "Jämtlands läns landsting Sammanträdesprotokoll 2 (15) 50 Fastställande av föredragningslista Preliminär "
        "föredragningslista har sänts ut till ledamöterna. Föredragningslistan fastställs. 51 Landstingsdirektörens "
        "rapport 1. Snabbrapport om det ekonomiska läget 2. Miljöcertifiering 3. Budgetpropositionen\n\n"
        "Sammanträdesprotokoll 3 (15) 52 Flytt av kontoret Styrelsen beslutar att godkänna flytten.\n"
    )
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("50", "Fastställande av föredragningslista"),
        ("51", "Landstingsdirektörens rapport"),  # "1. Snabbrapport …" and the points after it are its text
        ("52", "Flytt av kontoret"),
    ]
    assert "Miljöcertifiering" in minutes["items"][1]["text"]
    # one number after a sentence is no run: "… beslutet. 12 Ledamöter …" stays text
    single = parse_text("Protokoll\nStyrelsen 2000-04-13\n\nMötet hölls i salen. 12 Ledamöter deltog i mötet.\n")
    assert not any(item["number"] == "12" for item in single["items"])
    # a table of contents' page numbers after dot leaders are pages, not items
    contents = parse_text(
        "Protokoll\nNämnden 2018-10-24\n\nInnehållsförteckning Ändringar i ärendelistan... 2 Analys av betyg... "
        "3 Uppföljning av lokalprojekt... 4 Redovisning av delegationsbeslut... 5\n"
    )
    assert [item["number"] for item in contents["items"]] == [None, None, None, None]


def test_a_numbered_agenda_under_its_label_names_the_items_and_contents_go_on_past_a_line_end():
    minutes = parse_text(
        "UMEÅREGIONEN MINNESANTECKNINGAR 1(3) Regionrådet\nDag 2016-10-20\n\n"
        "Beslutande Ingemar Nyman, Bjurholms kommun Lars Bäckström, Robertsfors kommun\n\n"
        "UMEÅREGIONEN MINNESANTECKNINGAR 2(3) Dagordning\n1. Mötets öppnande\n2. Föregående minnesanteckningar\n"
        "3. Ekonomisk uppföljning\n4. Övriga frågor\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Mötets öppnande", "Föregående minnesanteckningar", "Ekonomisk uppföljning", "Övriga frågor"
    ]  # fmt: skip
    # the dot leaders end a line of the contents and the page number opens the next: the contents go on
    contents = parse_text(
        "Bildningsnämnden\nTid och plats Kommunhuset 2018-10-24\n\n"
        "Innehållsförteckning Ändringar i ärendelistan...\n2 Analys av betyg och resultat...\n"
        "3 Uppföljning av lokalprojekt... 8 Redovisning av delegationsärenden... 9\n"
    )
    assert [item["title"] for item in contents["items"]] == [
        "Ändringar i ärendelistan", "Analys av betyg och resultat", "Uppföljning av lokalprojekt",
        "Redovisning av delegationsärenden",
    ]  # fmt: skip


def test_a_one_page_transcripts_doubled_page_number_and_a_dated_line_before_any_list_are_header():
    minutes = parse_text(
        "REGIONUTVECKLING Kl\n\nREGIONUTVECKLING 2007-04-10-11 Kl 9.30\n\n"
        "1 1 VÄSTRA GÖTALANDSREGIONEN ANTECKNINGAR BEREDNINGSGRUPPEN FÖR REGIONUTVECKLING Plats: Hotell Stenungsbaden, "
        "Stenungsund NÄRVARANDE Jan-Erik Wallin (Skaraborg), 1:e vice ordförande Åke Jönsson (Skaraborg) Ulf Eriksson "
        "(Skaraborg) Jan Hallberg (Göteborgsregionen)\nSekreterare Thomas Forslin\n"
    )
    assert minutes["date"] == "2007-04-10"
    assert minutes["secretary"] == "Thomas Forslin"
    assert {"Jan-Erik Wallin", "Åke Jönsson", "Jan Hallberg"} <= {entry["name"] for entry in minutes["attendance"]}


def test_a_page_number_before_a_header_of_labels_first_then_values():
    minutes = parse_text(
        "Protokoll Regionförbundets Primärkommunala nämnd\n\n"
        "34 Organ: Plats och tid: Beslutande: Regionförbundet, Nygatan 34, Kalmar Torsdagen den 11 september 2008 "
        "kl 10 Roland Åkesson, ordf Lisbeth Lennartsson Ann-Marie Fagerström, Ewa Engdahl Övriga deltagare: "
        "Cecilia Nilsson Eva-Marie Hansson Utses att justera: Ewa Engdahl\n"
    )
    assert {"Roland Åkesson", "Lisbeth Lennartsson", "Cecilia Nilsson"} <= {p["name"] for p in minutes["attendance"]}


def test_signature_rows_flattened_with_a_value_shifted_to_the_next_label():
    minutes = parse_text(
        "Kommunstyrelsens arbetsutskott\nPlats och tid Kommunhuset 2011-03-02 8:15\n"
        "Beslutande Roger Hansson Kerstin Gadde Ingrid Cassel Hans Pernervik\n"
        "Utses att justera\n"
        "Justeringens plats och tid Ingrid Cassel och Hans Pernervik Kommunstyrelseförvaltningen, Henån måndag "
        "7 mars 2011 kl.16:00\n"
        "Sekreterare.. Paragraf 6-16 Börje Olsson\nOrdförande\n"
        "Justerare Roger Hansson 6-13 Ingrid Cassel 6-13 Hans Pernervik BEVIS Justeringen har tillkännagivits\n"
    )
    # the justerare moved into the next row's value; the paragraphs signed for stand between the signers' names
    assert minutes["adjusters"][:2] == ["Ingrid Cassel", "Hans Pernervik"]
    assert minutes["secretary"] == "Börje Olsson"
    # "Ordförande" under the secretary's name is the next signature's label, not the secretary's title
    assert minutes["chair"] == "Roger Hansson"


def test_a_decision_that_announces_what_follows_keeps_it_across_the_next_pages_letterhead():
    minutes = parse_text(
        "PROTOKOLL 1(3) Nämnden för folkhälsa\nDatum 2017-03-14\n\n"
        "Beslutande: Maria Frisk (KD) ordförande Helena Stålhammar (C)\n\n"
        "§ 19 Fastställande av dagordning\nDagordningen fastställs med följande tillägg:\n\n"
        "PROTOKOLL 2(3) - Skrivelse angående läkemedel\n\n"
        "§ 20 Fastställande av dagordning i utskottet\nUtskottet fastställer dagordningen med följande ändring. "
        "Punkt 9 utgår.\n\n"
        "PROTOKOLL 3(3) § 21 Anmälan av informationshandlingar\nInformationshandlingar läggs till handlingarna.\n"
    )
    decided = {item["number"]: [d["text"] for d in item["decisions"]] for item in minutes["items"]}
    assert decided["19"] == ["Dagordningen fastställs med följande tillägg: - Skrivelse angående läkemedel"]
    assert decided["20"] == ["Utskottet fastställer dagordningen med följande ändring. Punkt 9 utgår."]
    assert [item["number"] for item in minutes["items"]] == ["19", "20", "21"]


def test_two_column_labels_then_their_names_a_title_after_a_name_and_one_person_listed_twice():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL\nOmsorgsnämnden 2015-06-23\n\n"
        "Ledamöter Thomas Rasmusson (s) ordförande Meta Jarl (s) Karin Axelsson (m) Egon Svensson tjänstgör för "
        "Anita Peterson (v)\n"
        "Ersättare Tjänstemän Annette Badics (s) Conny Bengtsson (s) Hans J Werner (fp) Annika Andersson "
        "omsorgschef, Lotta Tyrberg MAS, Maria Elfblad verksamhetschef\n"
        "Övriga närvarande Egon Svensson ersättare\n\n"
        "§ 47 Information\nNämnden informeras.\n"
    )
    people = {entry["name"]: entry for entry in minutes["attendance"]}
    # the names with party marks are the first label's (Ersättare), the ones after them the second's (Tjänstemän)
    assert [people[n]["role"] for n in ("Annette Badics", "Conny Bengtsson", "Hans J Werner")] == ["ersättare"] * 3
    assert people["Annika Andersson"]["role"] == "omsorgschef"
    assert people["Maria Elfblad"]["role"] == "verksamhetschef"
    assert "Lotta Tyrberg" in people
    # listed among the members (serving) and again among the others: one attendee, who keeps whom they served for
    assert [entry["name"] for entry in minutes["attendance"]].count("Egon Svensson") == 1
    assert people["Egon Svensson"]["serving_for"] == "Anita Peterson"


def test_a_later_pages_letterhead_goes_after_its_items_are_cut_and_a_place_after_the_shifted_justerare():
    minutes = parse_text(
        "PROTOKOLL 1(6) Nämnd för arbetsmarknad\nDatum 2016-10-20\n\n"
        "Beslutande Malin Wengholm (M) Maria Hörnsten (S) Torbjörn Eriksson (KD)\n\n"
        "PROTOKOLL 2(6) 107 Fastställande av dagordningen Dagordningen fastställs med tillägg av en fråga om bidrag "
        "till konsthallen och ett yrkande om etableringsarbete. 108 Aktuell information Arne Andersen lämnar "
        "information om avtalet.\n\nPROTOKOLL 3(6) 109 Budget Nämnden godkänner budgeten.\n"
    )
    assert [item["number"] for item in minutes["items"]] == ["107", "108", "109"]
    shifted = parse_text(
        "Tekniska nämnden\nPlats och tid Stadshuset 2010-01-12\nBeslutande Hans Lobell (M) Cecilia Hettström (S)\n"
        "Utses att justera\nJusteringens plats och tid Cecilia Hettström Tekniska nämndens kansli, kl 16:00\n"
    )
    assert shifted["adjusters"] == ["Cecilia Hettström"]  # "Tekniska nämndens kansli" is the place


def test_a_capitalised_title_after_a_name_is_no_part_of_the_name():
    minutes = parse_text(
        "Protokoll\nTekniska nämnden 2010-01-12\n\n"
        "Övriga närvarande Anders Ledskog Teknisk chef, Carl Johan Tykesson chef för administrationen\n\n"
        "§ 1 Information\nNämnden informeras.\n"
    )
    people = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert people == {"Anders Ledskog": "Teknisk chef", "Carl Johan Tykesson": "chef för administrationen"}


def test_the_bodys_adjective_place_and_time_run_into_the_list_and_signer_labels_before_their_names():
    minutes = parse_text(
        "Regionala utvecklingsnämnden\nTid 2016-05-11 10:00-14:00\n\n"
        "Plats och tid:\nBeslutande: Net City, Örebro Torsdag den 1 juni 09:00 12:00 Mårten Blomquist (s), ordförande "
        "Irén Lejegren (v), 1:e vice ordf Annica Eriksson (s) Sören Larsson (s)\n\n"
        "Underskrift Sekreterare Ordförande Justerare Iréne Persson Mårten Blomquist Sören Larsson\n\n"
        "§ 33 Delårsbokslut\nUtvecklingsnämnden godkänner delårsbokslutet.\n"
    )
    assert minutes["body"] == "Regionala utvecklingsnämnden"  # not "Utvecklingsnämnden"
    # the empty "Plats och tid"'s value ran into the list: the list starts after its last time
    assert [entry["name"] for entry in minutes["attendance"]][:4] == [
        "Mårten Blomquist", "Irén Lejegren", "Annica Eriksson", "Sören Larsson"
    ]  # fmt: skip
    assert minutes["attendance"][0]["role"] == "ordförande"
    assert (minutes["secretary"], minutes["chair"]) == ("Iréne Persson", "Mårten Blomquist")
    assert minutes["adjusters"][0] == "Sören Larsson"


def test_headings_over_their_margin_paragraph_signs_and_a_short_name_in_capitals_for_the_sign():
    minutes = parse_text(
        "Protokoll fört vid sammanträde med styrelsen 2000-02-18.\n\n"
        "Närvarande: Sture Hägglund, vice ordförande\n\n"
        "Sammanträdet öppnas\n\n§ 1 Dagens ordförande är styrelsens vice ordförande Sture Hägglund i ordförandens "
        "frånvaro.\n\nFöregående mötes protokoll\n\n§ 2 Protokoll från föregående sammanträde anmäls och läggs till "
        "handlingarna.\n"
    )
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("1", "Sammanträdet öppnas"), ("2", "Föregående mötes protokoll")
    ]  # fmt: skip
    assert minutes["items"][1]["decisions"][0]["text"].startswith("Protokoll från föregående sammanträde")
    letters = parse_text(
        "HÖGSBY KOMMUN SAMMANTRÄDESPROTOKOLL\nPersonalutskott 2012-05-10\n\n"
        "Beslutande Carl-Axel Blom Ingbritt Loberg\n\n"
        "HÖGSBY KOMMUN SAMMANTRÄDESPROTOKOLL PU 29 DNR: KPU Föregående mötesprotokoll Genomgång gjordes av "
        "föregående protokoll och det lades till handlingarna.\n\n"
        "HÖGSBY KOMMUN SAMMANTRÄDESPROTOKOLL PU 30 DNR: KPU Huvudöverenskommelse om lön Utskottet beslutar att "
        "godkänna överenskommelsen.\n"
    )
    assert [(item["number"], item["title"]) for item in letters["items"]] == [
        ("29", "Föregående mötesprotokoll"), ("30", "Huvudöverenskommelse om lön")
    ]  # fmt: skip
    agenda = parse_text(
        "SAMMANTRÄDESPROTOKOLL Styrelsen 2015-03-05\n\nBeslutande Britta Flinkfeldt Jansson (s) Lotta Åman (s)\n\n"
        "Styrelsen Utsänd föredragningslista\n1. Val av justerare\n2. Föredragningslista\n3. Årsredovisning 2014\n"
    )
    titles = ["Val av justerare", "Föredragningslista", "Årsredovisning 2014"]
    assert [item["title"] for item in agenda["items"]] == titles


def test_a_header_table_flattened_labels_first_gives_the_people_to_its_list_and_the_place_to_its_label():
    minutes = parse_text(
        "Kommunstyrelsens arbetsutskott 25 mars 2004\n"
        "Plats och tid för sammanträdet\nBeslutande\nÖvriga deltagare\nUtses att justera\n"
        "Justeringens plats och tid Bällstarummet, Kommunalhuset, Vallentuna torsdagen den 25 mars 2004 kl "
        "Sten-Åke Adlivankin (m), ordförande Gunnel Orselius-Dahl (fp), vice ordförande Hans Strandin (s) "
        "Jaana Tilles (s) Kommundirektör Kjell Johansson Kommunsekreterare Anna Lindholm\n"
        "Sekreterare Anna Lindholm\n\n§ 1 Kulturskolans avgifter\nArbetsutskottet godkänner avgifterna.\n"
    )
    people = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert {"Sten-Åke Adlivankin", "Gunnel Orselius-Dahl", "Hans Strandin", "Jaana Tilles"} <= set(people)
    assert people["Sten-Åke Adlivankin"] == "ordförande"
    assert minutes["place"].startswith("Bällstarummet")


def test_an_attendance_list_named_for_its_body_after_a_later_pages_mark_and_a_first_page_head_with_a_number():
    minutes = parse_text(
        "Landstingsfullmäktige\n\nProtokoll 1(51)\nTid och plats Östersund den 25 november 2014\n\n"
        "Protokoll 2(51) Närvaroförteckning landstingsfullmäktige Margareta Winberg (S) Bengt Bergqvist (S) "
        "Robert Uitto (S)\n\n§ 1 Val av justerare\nFullmäktige utser Robert Uitto att justera.\n"
    )
    assert [entry["name"] for entry in minutes["attendance"]] == [
        "Margareta Winberg",
        "Bengt Bergqvist",
        "Robert Uitto",
    ]
    head = parse_text(
        "11 Hultsfreds kommun SAMMANTRÄDESPROTOKOLL 1 (251) Sammanträdesdatum Miljö- och byggnadsnämnden 2006-01-19\n"
        "Beslutande Johan Svensson (m) Konny Bogren (s) Börje Karlsson (c)\n\n§ 1 Yttrande\nNämnden beslutar att "
        "yttra sig.\n"
    )
    assert [item["number"] for item in head["items"]] == ["1"]  # the first page's number heads no item
    assert len(head["attendance"]) == 3


def test_a_two_letter_mark_for_the_sign_with_older_numbers_after_it_and_a_case_number_before_the_title():
    minutes = parse_text(
        "Socialnämnden 2016-06-09\n\nBeslutande Annika Wibrell (S) Rickard Norberg (V)\n\n"
        "Sn 49 Sammanträdets öppnande, formalia. Ordförande Annika Wibrell öppnade sammanträdet.\n\n"
        "Socialnämnden Sn 50 Au 84 Sn 34 Au 57 Dnr 2016/ Budget och ekonomisk uppföljning Nämnden godkänner "
        "uppföljningen.\n"
    )
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("49", "Sammanträdets öppnande, formalia"),
        ("50", "Budget och ekonomisk uppföljning"),
    ]
    numbered = parse_text(
        "Tekniska nämnden 2010-01-12\n\nBeslutande Hans Lobell (M) Cecilia Hettström (S)\n\nTekniska nämnden\n\n"
        "TN 1 Sammanträdets öppnande Dagordningen godkännes i befintligt skick. Till justerare utses Cecilia "
        "Hettström.\n\nTekniska nämnden\n\nTN 2 09/TN 0044 Mål och resursplan 2010 Nämnden antar planen.\n"
    )
    assert [(item["number"], item["title"]) for item in numbered["items"]] == [
        ("1", "Sammanträdets öppnande"),  # "Tekniska nämnden" over the page is no heading of it
        ("2", "Mål och resursplan 2010"),
    ]


def test_labels_first_then_the_members_with_party_marks_and_the_others_after_them():
    minutes = parse_text(
        "PROTOKOLL Kulturberedningen\nTid Fredagen den 14 februari 2014\nPlats\nNärvarande ledamöter\n"
        "Övriga närvarande Sessionssalen, landstingets kansli, Växjö Göran Giselsson, ordförande (M) Michael Sjöö (S) "
        "Eva Johnsson (KD) Jessica Linde, kultursamordnare Emelie Johansson, kultursamordnare\n\n"
        "§ 1 Justering\nGöran Giselsson och Michael Sjöö justerar protokollet.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Michael Sjöö"] == "ledamot" and roles["Eva Johnsson"] == "ledamot"
    assert roles["Jessica Linde"] == "kultursamordnare"


def test_decisions_in_the_formulas_of_swedish_minutes_and_under_a_line_that_only_says_who_decides():
    minutes = parse_text(
        "Protokoll\nDirektionen 2023-01-18\n\n"
        "§ 1 Val av ordförande\nDIREKTIONEN BESLUTAR\n\natt utse Anders Persson till ordförande.\n\n"
        "§ 2 Föredragningslista\nFöreliggande förslag till föredragningslista godkändes.\n\n"
        "§ 3 Inkomna skrivelser\nFöljande skrivelser anmäls. Regionstyrelsen antecknar skrivelserna till "
        "protokollet.\n\n"
        "§ 4 Välkommen\nKommunalrådet hälsar välkommen. Styrelsen tar informationen till protokollet.\n"
    )
    decided = {item["number"]: [d["text"] for d in item["decisions"]] for item in minutes["items"]}
    assert decided == {
        "1": ["att utse Anders Persson till ordförande."],
        "2": ["Föreliggande förslag till föredragningslista godkändes."],
        "3": ["Regionstyrelsen antecknar skrivelserna till protokollet."],
        "4": ["Styrelsen tar informationen till protokollet."],
    }


def test_a_rows_role_put_first_on_the_next_line_ordinal_vice_chairs_and_a_role_column_after_the_names():
    minutes = parse_text(
        "Barn- och utbildningsnämnden SAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2020-06-09\nBeslutande\n"
        "Ledamöter Jannike Hillding, M,\n"
        "Ordförande Astrid Lönn Jern, C, 1:e vice ordförande Jenny Palin, S, 2:e vice ordförande Monica Dahlén, S\n"
        "Ersättare Anneli Håkansson, S\n\n§ 1 Information\nNämnden informeras.\n"
    )
    people = {entry["name"]: entry for entry in minutes["attendance"]}
    assert [people[n]["role"] for n in ("Jannike Hillding", "Astrid Lönn Jern", "Jenny Palin")] == [
        "ordförande", "1:e vice ordförande", "2:e vice ordförande"
    ]  # fmt: skip
    assert (people["Jannike Hillding"]["party"], people["Jannike Hillding"]["organisation"]) == ("M", None)
    assert minutes["chair"] == "Jannike Hillding"
    column = parse_text(
        "Protokoll\nTekniska nämnden 2013-08-29\n\n"
        "Närvarande: Ordinarie ledamöter Alexis Mouschopanis (M) Rose-Marie Liljenby Andersson (S) Jan Idehed (C) "
        "Mikael Wickberg (M) ordförande 1:e vice ordförande 2:e vice ordförande\n\n§ 74 Information\nNämnden "
        "informeras.\n"
    )
    roles = [(entry["name"], entry["role"]) for entry in column["attendance"]]
    assert roles == [
        ("Alexis Mouschopanis", "ordförande"),
        ("Rose-Marie Liljenby Andersson", "1:e vice ordförande"),
        ("Jan Idehed", "2:e vice ordförande"),
        ("Mikael Wickberg", "ledamot"),
    ]


def test_a_signers_cell_with_other_words_run_into_it_gives_only_the_people():
    for cell, secretary in (
        ("Linda Ringhage PROTOKOLL 1(6)", "Linda Ringhage"),
        ("Göran Rosander Justeringen", "Göran Rosander"),
        ("Hillevi Andersson Göran Giselsson", "Hillevi Andersson"),
        ("Pernilla de Vries", "Pernilla de Vries"),
        ("v.3", None),
    ):
        minutes = parse_text(f"Protokoll\nStyrelsen 2012-04-26\n\nSekreterare {cell}\n\n§ 1 Information\nText.\n")
        assert minutes["secretary"] == secretary, cell
    pair = parse_text("Protokoll\nNämnden 2003-05-13\n\nJusterare Thomas Strand Sune Johansson\n\n§ 1 Info\nText.\n")
    assert pair["adjusters"] == ["Thomas Strand", "Sune Johansson"]


def test_a_chair_written_after_the_name_outranks_the_role_the_lists_label_implies_but_not_one_written():
    minutes = parse_text(
        "Protokoll\nValnämnden 2014-03-12\n\n"
        "Tjänstgörande ersättare Anéa Elfving, ordf (S) Mirza Bahram, vice ordf (MP) Lars-Göran Ståhl (S)\n"
        "Ledamöter Kent Johansson, ordförande, Mimmi von Troil, 2:e vice ordförande\n\n§ 1 Information\nText.\n"
    )
    roles = {entry["name"]: entry["role"] for entry in minutes["attendance"]}
    assert roles["Anéa Elfving"] == "ordförande" and roles["Mirza Bahram"] == "vice ordförande"
    assert roles["Lars-Göran Ståhl"] == "tjänstgörande ersättare"
    assert roles["Kent Johansson"] == "ordförande"


def test_a_plain_for_between_two_names_says_whom_the_first_serves_for():
    plain = parse_text(
        "Protokoll\nLandstingsstyrelsen 2000-04-13\n\nBeslutande Per-Owe Öberg Maria Wiklund Mona Nyberg "
        "Jan-Olof Andersson för Kurt Edlund Bo Danielsson för MonaLisa Norrman\n\n§ 50 Information\nText.\n"
    )
    served = {entry["name"]: entry.get("serving_for") for entry in plain["attendance"]}
    assert served == {
        "Per-Owe Öberg": None, "Maria Wiklund": None, "Mona Nyberg": None,
        "Jan-Olof Andersson": "Kurt Edlund", "Bo Danielsson": "MonaLisa Norrman",
    }  # fmt: skip
    marked = parse_text(
        "Protokoll\nByggnadsnämnden 2018-10-24\n\nTjänstgörande ersättare Johnny Stücken (S) för Naim Berisha (S) "
        "Jan Berglöv (KD) för Karin Hilmér (C) Anna Berg (M), sekreterare för Region Kalmar\n\n§ 1 Info\nText.\n"
    )
    served = {entry["name"]: entry.get("serving_for") for entry in marked["attendance"]}
    assert served == {"Johnny Stücken": "Naim Berisha", "Jan Berglöv": "Karin Hilmér", "Anna Berg": None}


def test_organisations_named_by_their_place_and_a_municipalitys_letterhead_before_a_forbund_it_names():
    for head, organisation in (
        ("PROTOKOLL Regionförbundet i Kalmar län Styrelsen", "Regionförbundet i Kalmar län"),
        ("Södra Lapplands Gymnasieförbund VALDIREKTIONSMÖTE", "Södra Lapplands Gymnasieförbund"),
        (
            "PROTOKOLL fört vid sammanträde med styrelsen för Göta älvs vattenvårdsförbund",
            "Göta älvs vattenvårdsförbund",
        ),
        ("Protokoll Högskolan i Borås Styrelsen", "Högskolan i Borås"),
        ("Jämtlands läns landsting Sammanträdesprotokoll Landstingsstyrelsen", "Jämtlands läns landsting"),
        ("ARBOGA KOMMUN SAMMANTRÄDESPROTOKOLL Kommunstyrelsen Västra Mälardalens Myndighetsförbund", "Arboga kommun"),
    ):
        minutes = parse_text(f"{head}\nDatum 2013-03-08\n\n§ 1 Information\nText.\n")
        assert minutes["organisation"] == organisation, head


def test_choosing_and_taking_decisions_and_a_section_heading_in_capitals_that_ends_one():
    minutes = parse_text(
        "Protokoll\nStyrelsen 2000-02-18\n\n"
        "§ 3 Val av justerare\nYlva Svenberg väljs att tillsammans med ordförande justera dagens protokoll.\n\n"
        "§ 4 Val av protokolljusterare\nNämnden utser Marianne Andersson att justera protokollet.\n\n"
        "§ 5 Föregående protokoll\nFöregående protokollläggs till handlingarna.\n\n"
        "§ 6 Ekonomisk rapport\nLennart informerar om ekonomin. Beslut togs att Anders ska ta fram ett förslag till "
        "budget.\n\n"
        "§ 7 Val av justerare\nAtt jämte ordförande valdes Niklas Pettersson till att justera dagens protokoll. "
        "EKONOMI ÄRENDEN Ekonomisk genomgång av balans- och resultaträkning med projektredovisning för perioden.\n"
    )
    decided = {item["number"]: [d["text"] for d in item["decisions"]] for item in minutes["items"]}
    assert decided == {
        "3": ["Ylva Svenberg väljs att tillsammans med ordförande justera dagens protokoll."],
        "4": ["Nämnden utser Marianne Andersson att justera protokollet."],
        "5": ["Föregående protokollläggs till handlingarna."],
        "6": ["Beslut togs att Anders ska ta fram ett förslag till budget."],
        "7": ["Att jämte ordförande valdes Niklas Pettersson till att justera dagens protokoll."],
    }


def test_a_list_a_name_a_line_under_group_headings_and_the_chair_of_the_day_when_the_chair_is_away():
    minutes = parse_text(
        "Protokoll fört vid sammanträde med styrelsen för Högskolan.\n\nTid : Den 18 februari 2000 kl 10.00.\n\n"
        "Närvarande:\n\nOrdförande\n\nSture Hägglund, vice ordförande, ledamot\n\nRektor\n\nPer Eriksson, ledamot\n\n"
        "Företrädare för de studerande\n\nFredrik Månsson, ledamot\n\nJenny Jacobsson, ledamot\n\n"
        "Frånvarande:\n\nCristina Glad, ordförande, ledamot\n\n"
        "Sammanträdet öppnas\n\n§ 1 Dagens ordförande är styrelsens vice ordförande Sture Hägglund, eftersom "
        "ordförande Cristina Glad har anmält förhinder.\n"
    )
    present = [entry["name"] for entry in minutes["attendance"] if entry["status"] == "närvarande"]
    assert present == ["Sture Hägglund", "Per Eriksson", "Fredrik Månsson", "Jenny Jacobsson"]
    assert minutes["chair"] == "Sture Hägglund"  # not the ordförande listed among the absent


def test_a_heading_run_on_into_its_text_keeps_a_name_after_a_preposition():
    minutes = parse_text(
        "Protokoll\nStyrelsen 2012-04-26\n\n"
        "§ 5 Verksamhetsberättelse 2011 för Högskolan i Borås Styrelsen godkänner verksamhetsberättelsen och "
        "lägger den till handlingarna efter en kort genomgång av rektor.\n"
    )
    assert minutes["items"][0]["title"] == "Verksamhetsberättelse 2011 för Högskolan i Borås"


def test_a_list_in_rows_of_names_between_blank_lines_and_the_notices_dates_are_not_the_meetings():
    minutes = parse_text(
        "Protokoll Styrelsen\n\n12 Download (0)\n\n"
        "Organ: Regionförbundets styrelse Plats och tid: Regionförbundet i Kalmar län,\n\n"
        "Fredagen den 11 januari 2007, kl 10.00-13.00\n\nBeslutande: Leif Larsson ordförande\n\n"
        "Evy Annér Lennart Beijer Monica Bengtsson\n\nLeif Hammarqvist Karin Helmersson\n\n"
        "Helena Ervenius § 12-18 Utses att justera: Sven-Göthe Lidheim\n\n"
        "Datum för anslags uppsättande: 25 januari 2007\n\n"
        "§ 1 Val av mötesordförande\nStyrelsen väljer Leif Larsson.\n\n"
        "§ 2 D 2007/036-101 Budget 2007\nStyrelsen godkänner budgeten.\n"
    )
    names = [entry["name"] for entry in minutes["attendance"]]
    assert names[:6] == ["Leif Larsson", "Evy Annér", "Lennart Beijer", "Monica Bengtsson", "Leif Hammarqvist",
                         "Karin Helmersson"]  # fmt: skip
    assert minutes["adjusters"] == ["Sven-Göthe Lidheim"]
    assert minutes["date"] == "2007-01-11"  # not the notice's 25 januari
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("1", "Val av mötesordförande"), ("2", "Budget 2007")
    ]  # fmt: skip


def test_present_but_not_serving_substitutes_under_one_label_with_a_comma():
    minutes = parse_text(
        "PROTOKOLL\nKommunfullmäktige 2015-11-26\n\nNärvarande, ej tjänstgörande ersättare Anders Rapp "
        "Sten-Åke Berg Hans Hoffman (M) Karin Grahn (C)\n\n§ 1 Information\nText.\n"
    )
    assert {entry["name"]: entry["role"] for entry in minutes["attendance"]} == {
        "Anders Rapp": "ej tjänstgörande ersättare", "Sten-Åke Berg": "ej tjänstgörande ersättare",
        "Hans Hoffman": "ej tjänstgörande ersättare", "Karin Grahn": "ej tjänstgörande ersättare",
    }  # fmt: skip


def test_pages_that_open_with_a_number_and_a_heading_open_items_whose_sign_was_lost():
    minutes = parse_text(
        "1 Miljönämnden SAMMANTRÄDESPROTOKOLL 2004-08-26\n\n2 Beslutande Stig Granlund Maria Berg\n\n"
        "3 64 Fastställande av dagordning Dagordningen fastställs enligt förslag.\n\n"
        "4 65 Information Nämnden informeras om studiebesöket i Boliden.\n"
    )
    assert [(item["number"], item["title"]) for item in minutes["items"]] == [
        ("64", "Fastställande av dagordning"), ("65", "Information")
    ]  # fmt: skip
    single = parse_text("1 Nämnden PROTOKOLL 2004-08-26\n\n2 Beslutande Stig Granlund\n\n3 12 Ledamöter deltog.\n")
    assert not any(item["number"] == "12" for item in single["items"])  # one page so is no run


def test_which_members_after_the_label_and_municipalities_heading_their_delegations():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL Styrelsen 2015-03-05\n\n"
        "Beslutande kommunrepresentanter Britta Flinkfeldt Jansson, (s), Arjeplog Lotta Åman, (s), Arvidsjaur\n\n"
        "§ 1 Information\nText.\n"
    )
    assert {e["name"]: e["organisation"] for e in minutes["attendance"]} == {
        "Britta Flinkfeldt Jansson": "Arjeplog", "Lotta Åman": "Arvidsjaur"
    }  # fmt: skip
    grouped = parse_text(
        "Protokoll\nFörbundsfullmäktige 2015-01-07\n\n"
        "Ledamöter Göteborg Ingrid Andreae (S) Tord Karlsson (S) Ann Karlsson (V) Mölndal Ove Dröscher (S) "
        "Kenneth Wallin (M) Kungsbacka Per Ödman (M)\n"
        "Övriga närvarande Lars Klevensparr, förbundsdirektör\n\n§ 1 Information\nText.\n"
    )
    assert {e["name"]: e["organisation"] for e in grouped["attendance"]} == {
        "Ingrid Andreae": "Göteborg", "Tord Karlsson": "Göteborg", "Ann Karlsson": "Göteborg",
        "Ove Dröscher": "Mölndal", "Kenneth Wallin": "Mölndal", "Per Ödman": "Kungsbacka",
        "Lars Klevensparr": None,  # staff after the delegations belong to none of them
    }  # fmt: skip


def test_a_stretch_without_commas_holding_several_people_and_a_title_then_where_they_work():
    minutes = parse_text(
        "Protokoll\nTekniska nämnden 2013-08-29\n\n"
        "Övriga Alf Iwarson avdelningschef Gatuavdelningen Christer Norberg avdelningschef Upphandlingsavdelningen "
        "Margareta Nilsson enhetschef, Dzenan Ganic verksamhetsutvecklare, Arbetslivsförvaltningen\n\n"
        "§ 74 Information\nText.\n"
    )
    people = {entry["name"]: (entry["role"], entry["organisation"]) for entry in minutes["attendance"]}
    assert people["Alf Iwarson"] == ("avdelningschef", "Gatuavdelningen")
    assert people["Christer Norberg"] == ("avdelningschef", "Upphandlingsavdelningen")
    assert people["Margareta Nilsson"][0] == "enhetschef"
    assert "Dzenan Ganic" in people
