"""Forms of minutes the importer was not first built on (issue 27), each in a small document made for its test: the
rules these test were written from the corpus's odd or even half (docs/importing-corpus.md says which)."""

from meetings.importing import parse_text
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
    assert people["Dan Holm"]["role"] == "ersättare"
    assert people["Fia Moberg"]["role"].lower() == "kommundirektör"
    assert minutes["body"] == "Kommunfullmäktige"  # the empty date field's next cell
