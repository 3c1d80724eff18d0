"""Attendance lists a transcript ran into the page's first line (issue 27, fourth session of 6 December): the label
"Deltagare" or "Deltagande ledamöter" inside the line opens the list. Each case in a small document made for its
test; built on the held-out sets, measured on unseen4 (docs/importing-corpus.md)."""

from meetings.importing import parse_text

ITEMS = "\n§ 1 Information\nStyrelsen noterar informationen.\n"


def present(minutes):
    return [a["name"] for a in minutes["attendance"] if a["status"] == "närvarande"]


def test_deltagare_inside_the_first_line_opens_the_list():
    minutes = parse_text(
        "Protokoll vid Sjövårdsförbundets styrelsesammanträde På Länsstyrelsen i Växby\n\nTranskript\n\n"
        "1 Nr 2/2009 Protokoll vid Sjövårdsförbundets styrelsesammanträde På Länsstyrelsen i Växby "
        "Deltagare: Lars Bäck, Kjell Alm, Ingemar Berg, Tomas Karlsson, Elisabet Lund, Magnus Bye, Björn Diek, "
        "Hans Karlsson (suppl), Jonas Dahl (suppl)\n\n2 § 1 Information\nStyrelsen noterar informationen.\n"
    )
    assert present(minutes) == [
        "Lars Bäck",
        "Kjell Alm",
        "Ingemar Berg",
        "Tomas Karlsson",
        "Elisabet Lund",
        "Magnus Bye",
        "Björn Diek",
        "Hans Karlsson",
        "Jonas Dahl",
    ]


def test_deltagande_ledamoter_are_members():
    minutes = parse_text(
        "Protokoll fört vid sammanträde med styrelsen för Stiftelsen för Skoglig Forskning den 4 juni 2003\n\n"
        "1 Protokoll fört vid sammanträde med styrelsen för Stiftelsen för Skoglig Forskning den 4 juni 2003 Mötet "
        "hölls på kansliet, Kungsbron 1, Stockholm Deltagande ledamöter Laila Frid, ordförande Per Ander Harry Frank "
        "Christer Karlsson Gudmund Larsson Karin Markides Birgit Norinder Eva Olsson" + ITEMS
    )
    assert present(minutes)[:3] == ["Laila Frid", "Per Ander", "Harry Frank"]
    assert minutes["chair"] == "Laila Frid"


def test_deltagare_in_a_sentence_is_no_label():
    minutes = parse_text(
        "Protokoll Styrelsen 2009-10-22\nNärvarande Lars Bäck, Kjell Alm\n§ 1 Projektet\nProjektet har haft många "
        "deltagare under året och rapporten visar att Deltagare i projektet Anna Berg och andra har fått arbete.\n"
    )
    assert present(minutes) == ["Lars Bäck", "Kjell Alm"]


def test_academic_titles_after_names_are_their_roles():
    minutes = parse_text(
        "NORRDALS UNIVERSITET PROTOKOLL 1(4)\nSammanträdesdag 2012-03-06\n"
        "Övriga närvarande Eva Jonsson Professor Helena Nyström Universitetslektor Patrik Parola Doktorand\n"
        "§ 1 Dagordning\nDagordningen godkänns.\n"
    )
    roles = {a["name"]: a["role"] for a in minutes["attendance"]}
    assert roles == {"Eva Jonsson": "professor", "Helena Nyström": "universitetslektor", "Patrik Parola": "doktorand"}


def test_narvarande_ersattare_are_substitutes_and_one_who_serves_is_serving():
    minutes = parse_text(
        "Protokoll Direktionen 2015-05-28\nNärvarande:\nAnna Berg (S), Växby kommun, ordförande\n"
        "Nils Ek (M), Norrby kommun\nNärvarande ersättare:\nOlle Falk (KD), Växby kommun\n"
        "Karin Lund (C), Norrby kommun, ersättare för Lars Holm (C)\nNärvarande tjänstemän:\n"
        "Eva Strand, brandchef\n§ 1 Dagordning\nDagordningen godkänns.\n"
    )
    roles = {a["name"]: a["role"] for a in minutes["attendance"]}
    assert roles["Olle Falk"] == "ersättare"
    assert roles["Karin Lund"] == "tjänstgörande ersättare"
    assert roles["Eva Strand"] == "brandchef"


def test_the_ordinal_1_a_of_a_vice_chair_is_no_paragraph_number():
    minutes = parse_text(
        "Protokoll Miljönämnden 2012-08-21\nBeslutande Birger Larsson (fp), 1:a vice ordförande\n"
        "Anita Kradjian (s), 2:a vice ordförande\nArne Jönsson (s)\n§ 1 Info\nNoteras.\n"
    )
    roles = {a["name"]: a["role"] for a in minutes["attendance"]}
    assert roles == {
        "Birger Larsson": "1:e vice ordförande",
        "Anita Kradjian": "2:e vice ordförande",
        "Arne Jönsson": "ledamot",
    }
