"""Constructs of Swedish protocols, one at a time, written for these tests: what each must parse to."""

import pytest

from meetings.importing import parse_text
from meetings.importing.parser.patterns import plausible_name


def people(result):
    return {a["name"]: a for a in result["attendance"]}


def item(result, number):
    return next(i for i in result["items"] if i["number"] == number)


FLATTENED = (
    "Sammanträdesdatum 2010-11-18 Plats och tid Kommunhuset, kl 08.30-12.00 Beslutande Anna Berg, ordförande, "
    "Testby kommun Per Holm, tjänstgörande ersättare, Landstinget Västmanland Eva Ek, ledamot, Försäkringskassan "
    "Övriga deltagande Ola Strand, samordnare Utses att justera Per Holm Underskrifter Sekreterare... Ola Strand "
    "Ordförande... Anna Berg Justerande... Per Holm ANSLAG/BEVIS Protokollet är justerat. Datum för anslags "
    "uppsättande 2010-12-02\n\n§ 1 Dagordning\n\nDagordningen fastställs.\n"
)


def test_a_header_table_flattened_into_one_line_is_split_on_its_labels():
    result = parse_text(FLATTENED)
    rows = people(result)
    assert result["date"] == "2010-11-18"  # the meeting's date, not the anslag's
    assert rows["Anna Berg"]["role"] == "ordförande" and rows["Anna Berg"]["organisation"] == "Testby kommun"
    assert rows["Per Holm"]["role"] == "tjänstgörande ersättare"
    assert rows["Per Holm"]["organisation"] == "Landstinget Västmanland"
    assert rows["Eva Ek"]["organisation"] == "Försäkringskassan"
    assert rows["Ola Strand"]["role"] == "samordnare"
    assert (result["chair"], result["secretary"], result["adjusters"]) == ("Anna Berg", "Ola Strand", ["Per Holm"])
    assert item(result, "1")["decisions"][0]["text"] == "Dagordningen fastställs."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Beslutande Kia Hjelte (M) §§ 31-34 Isak Nobuoka (MP) tj ers.",
            [("Kia Hjelte", "ledamot", "31-34", "M"), ("Isak Nobuoka", "tjänstgörande ersättare", None, "MP")],
        ),
        (
            "Beslutande Bo Nilsson, Älvsbyn, (s, ordförande Maj-Britt Ek, Piteå, (s Eva Lind, Luleå (mp, tjg ers",
            [
                ("Bo Nilsson", "ordförande", None, "S"),
                ("Maj-Britt Ek", "ledamot", None, "S"),
                ("Eva Lind", "tjänstgörande ersättare", None, "MP"),
            ],
        ),
        (
            "Övriga deltagande Eva Nilsson, Överkalix, (s, ers, t o m 15 Karl Berg, kansliet, from 16",
            [("Eva Nilsson", "ersättare", "-15", "S"), ("Karl Berg", None, "16-", None)],
        ),
        (
            "Närvarande: Anna Ek (ordförande), Pieter Bo, Iris Lund Henrik Malm Lindberg och Sara Tal.",
            [
                ("Anna Ek", "ordförande", None, None),
                ("Pieter Bo", None, None, None),
                ("Iris Lund", None, None, None),
                ("Henrik Malm Lindberg", None, None, None),
                ("Sara Tal", None, None, None),
            ],
        ),
    ],
)
def test_run_on_attendance_lines(line, expected):
    result = parse_text(f"Protokoll 2020-01-01\n\n{line}\n\n§ 1 Öppnande\n\nMötet öppnas.\n")
    found = [(a["name"], a["role"], a["paragraphs"], a.get("party")) for a in result["attendance"]]
    assert found == expected


def test_name_place_lists_give_each_person_their_place():
    result = parse_text(
        "Minnesanteckningar 2012-06-12\n\nNärvarande Ingemar Nyman, Bjurholm Dagmar Schröder, Bjurholm Åsa Ågren "
        "Wikström, Vännäs Lisa Andersson Lindberg, Umeåregionens kansli Maria Lund, Umeåregionens kansli\n\n"
        "1. Mötet öppnas\n\nMötet öppnades.\n"
    )
    assert [(a["name"], a["organisation"]) for a in result["attendance"]] == [
        ("Ingemar Nyman", "Bjurholm"),
        ("Dagmar Schröder", "Bjurholm"),
        ("Åsa Ågren Wikström", "Vännäs"),
        ("Lisa Andersson Lindberg", "Umeåregionens kansli"),
        ("Maria Lund", "Umeåregionens kansli"),
    ]


def test_a_narvaro_table_with_x_marks_and_anmalt_forhinder():
    result = parse_text(
        "Protokoll 2002-01-26\n\nLedamöter Närvarande\nHanna Roberts X, mötesordförande § 94 - § 106\n"
        "David Langlet anmält förhinder\nTina Lundh X\nSuppleanter\nCarina Gröschner X\n\n§ 94 Mötet öppnas\n\nHej.\n"
    )
    rows = people(result)
    assert rows["Hanna Roberts"]["role"] == "mötesordförande" and rows["Hanna Roberts"]["paragraphs"] == "94-106"
    assert rows["David Langlet"]["status"] == "anmält förhinder" and rows["David Langlet"]["role"] == "ledamot"
    assert rows["Carina Gröschner"]["role"] == "suppleant"
    assert result["chair"] == "Hanna Roberts"


def test_absences_and_substitutes_said_in_the_text():
    result = parse_text(
        "Protokoll 2001-11-09\n\nNärvarande\nJohan Jonsson, ordförande\nStefan Sjögren\nMonica Forsell, sekreterare"
        "\n\n§1 Sammanträdet öppnas\nAnita Berg, Madelaine Ahl och Thomas Gustafsson har anmält förhinder. "
        "Stefan är suppleant och ersätter Erik Degerman. Monica Forsell ersätter Myrna Bilger som sekreterare.\n"
    )
    rows = people(result)
    assert [n for n, a in rows.items() if a["status"] == "anmält förhinder"] == [
        "Anita Berg",
        "Madelaine Ahl",
        "Thomas Gustafsson",
    ]
    assert rows["Stefan Sjögren"]["serving_for"] == "Erik Degerman" and rows["Stefan Sjögren"]["role"] == "suppleant"
    assert "serving_for" not in rows["Monica Forsell"]  # she stands in as secretary, not for a ledamot


def test_signature_blocks_with_dot_leaders_and_jamte_ordforanden():
    result = parse_text(
        "Kommunfullmäktige 2002-12-02\n\nUtses att justera Annette Tagesson (m) och Jan Emanuel Johansson (s)\n\n"
        "Underskrift Sekreterare .............. Paragrafer 266-284\nChristina Nilsson\n\n"
        "Ordförande ..............\nKurt Pettersson\n\n"
        "Justerande ..............\nAnnette Tagesson Jan Emanuel Johansson\n\n"
        "KF § 266\n\nVal av justeringsmän\n\nBeslut\n\nKommunfullmäktige beslutar:\n\n"
        "att utse Annette Tagesson (m) och Jan Emanuel Johansson (s) att jämte ordföranden justera protokollet,\n\n"
        "Bakgrund\n\nDet antecknas att sammanträdet kungjorts.\n"
    )
    assert result["secretary"] == "Christina Nilsson" and result["chair"] == "Kurt Pettersson"
    assert result["adjusters"] == ["Annette Tagesson", "Jan Emanuel Johansson", "Kurt Pettersson"]
    decision = item(result, "266")["decisions"][0]["text"]
    assert decision.startswith("Kommunfullmäktige beslutar:\natt utse") and "antecknas" not in decision


@pytest.mark.parametrize(
    ("lines", "number", "title"),
    [
        ("KF § 267 Dnr KS 02-820 107\n\nBildning av en bolagskoncern", "267", "Bildning av en bolagskoncern"),
        ("§ 63/20 Fastställande av dagordning", "63", "Fastställande av dagordning"),
        ("§63 Anmälan av motioner", "63", "Anmälan av motioner"),
        ("§ 31\n\nÄndring av dagordning", "31", "Ändring av dagordning"),
    ],
)
def test_paragraph_headings(lines, number, title):
    result = parse_text(f"Protokoll 2020-08-18\n\n{lines}\n\nText.\n")
    assert (result["items"][0]["number"], result["items"][0]["title"]) == (number, title)


def test_numbered_points_of_a_flattened_page_and_a_rising_run_of_a_section_word():
    result = parse_text(
        "Protokoll 2004-06-03 Närvarande: Kjell Aldsten, Jan Ek Frånvarande: Ola Broberg, Mötesprotokoll 17. Mötets "
        "öppnande Ordförande Kjell Aldsten öppnade mötet och hälsade alla välkomna, särskilt de nya ledamöterna i "
        "utskottet. Beslut: Mötet förklarades öppnat. 18. Förslag till dagordning Föreslagen och utskickad "
        "dagordning med tillhörande handlingar gicks igenom utan några tillägg. Beslut: Dagordningen godkändes. "
        "19. Val av justeringsperson Beslut: Jan Ek valdes att jämte ordförande signera dagens protokoll, som "
        "skickas ut till alla ledamöter.\n"
    )
    assert [(i["number"], i["title"]) for i in result["items"]] == [
        ("17", "Mötets öppnande"),
        ("18", "Förslag till dagordning"),
        ("19", "Val av justeringsperson"),
    ]
    assert item(result, "18")["decisions"][0]["text"] == "Dagordningen godkändes."
    assert result["chair"] == "Kjell Aldsten" and result["adjusters"] == ["Jan Ek", "Kjell Aldsten"]
    assert [a["name"] for a in result["attendance"] if a["status"] == "frånvarande"] == ["Ola Broberg"]

    pages = parse_text(
        "Styrelsen 2010-11-18\n\n2010-11-18 2 Nvsf 88 Dagordning Ordförande hälsar välkommen och öppnar mötet. "
        "Dagordningen fastställs med tilläggsärenden.\n2010-11-18 3 Nvsf 89 Föregående protokoll Protokollen "
        "noteras och läggs till handlingarna.\n"
    )
    assert [(i["number"], i["title"]) for i in pages["items"]] == [("88", "Dagordning"), ("89", "Föregående protokoll")]


def test_decisions_votes_reservations_jav_and_immediate_justering():
    result = parse_text(
        "Protokoll 2021-03-01\n\nBeslutande\nAnna Berg (S), ordförande\nPer Holm (M)\nEva Ek (C)\n\n"
        "Sekreterare Paragrafer 1-2\n\nOla Strand § 2 Omedelbart justerad\n\n"
        "§ 1 Budget 2022\n\nEva Ek (C) anmäler jäv och deltar inte i handläggningen.\n\nBeslut\n\n"
        "Styrelsen beslutar:\n\n- att fastställa budgeten\n\n- att ge förbundschefen i uppdrag att följa upp den\n\n"
        "Omröstning\n\nOmröstning begärs. 7 röstade ja, 4 röstade nej och 2 avstod. Per Holm (M) reserverar sig "
        "mot beslutet.\n\n§ 2 Lokaler\n\nStyrelsen beslutar att hyra lokalen. Paragrafen förklaras omedelbart "
        "justerad.\n"
    )
    budget, lokaler = item(result, "1"), item(result, "2")
    assert budget["recused"] == ["Eva Ek"]
    assert budget["decisions"][0]["text"].startswith("Styrelsen beslutar:\n- att fastställa budgeten")
    vote = next(d for d in budget["decisions"] if d["votes"])
    assert vote["votes"] == {"ja": 7, "nej": 4, "avstår": 2} and vote["method"] == "omröstning"
    assert vote["reservations"] == ["Per Holm"]
    assert lokaler["immediate"] and not budget["immediate"]
    assert result["secretary"] == "Ola Strand"


@pytest.mark.parametrize(
    "counted, votes",
    [
        ("Omröstning: 3 ja, 1 nej, 0 avstår.", {"ja": 3, "nej": 1, "avstår": 0}),
        ("Omröstningen utföll med 7 ja-röster mot 4 nej-röster.", {"ja": 7, "nej": 4, "avstår": 0}),
        ("Votering. Ja: 6, Nej: 5, Avstår: 2.", {"ja": 6, "nej": 5, "avstår": 2}),
        ("Med 5 Ja-röster mot 2 Nej-röster och 1 som avstod bifölls förslaget.", {"ja": 5, "nej": 2, "avstår": 1}),
    ],
)
def test_a_vote_written_as_a_tally_keeps_its_counts(counted, votes):
    """ "3 ja, 1 nej, 0 avstår" was read as "0 avstår" alone: ja 0, nej 0 in the review and in the saved draft."""
    result = parse_text(
        "Protokoll 2024-05-02\n\nBeslutande\nAnna Berg (S), ordförande\nPer Holm (M)\n\n"
        f"§ 5 Ansökan om medel\n\nStyrelsen beslutar att avslå ansökan.\n\n{counted}\n"
    )
    assert [d["votes"] for d in item(result, "5")["decisions"] if d["votes"]] == [votes]


def test_abstentions_alone_are_no_vote():
    result = parse_text(
        "Protokoll 2024-05-02\n\nBeslutande\nAnna Berg (S), ordförande\nPer Holm (M)\n\n"
        "§ 5 Ansökan om medel\n\nStyrelsen beslutar att bevilja ansökan. 2 ledamöter avstår från att delta.\n"
    )
    assert not any(d["votes"] for d in item(result, "5")["decisions"])


def test_web_page_chrome_and_page_footers_are_neither_attendees_nor_items():
    result = parse_text(
        "Din position: Hem > Tyresö kommun > Kommunfullmäktige > Sammanträde 2011-06-16\n\n• No results found\n\n"
        "N/A\n\nProtected\n\nCopied!\n\nFull text\n\n(1)\n\nSammanträde 2011-06-16\n\n§63 Anmälan av motioner\n\n"
        "Sidan 1 av 3\n\nKommunfullmäktiges beslut\n\n- Motionerna lämnas över till kommunstyrelsen.\n\n___________\n"
    )
    assert (result["organisation"], result["body"]) == ("Tyresö kommun", "Kommunfullmäktige")
    assert [i["title"] for i in result["items"]] == ["Anmälan av motioner"]
    assert result["items"][0]["decisions"][0]["text"] == "- Motionerna lämnas över till kommunstyrelsen."
    assert result["attendance"] == []


@pytest.mark.parametrize(
    ("header", "organisation", "body"),
    [
        ("KOMMUNFÖRBUNDET NORRBOTTEN SAMMANTRÄDESPROTOKOLL Styrelsen", "Kommunförbundet Norrbotten", "Styrelsen"),
        ("Protokoll 1 (6) Teknikutskottet\n\nLANDSTINGET I VÄRMLAND", "Landstinget I Värmland", "Teknikutskottet"),
        ("Möte med sektionens styrelse den 26-27 januari 2002", None, "sektionens styrelse"),
        ("VU-sammanträde 2004-06-03 Vätternvårdsförbundet", "Vätternvårdsförbundet", "VU"),
    ],
)
def test_organisation_and_body(header, organisation, body):
    result = parse_text(f"{header}\n\n§ 1 Öppnande\n\nMötet öppnas den 3 juni 2004.\n")
    assert (result["organisation"], result["body"]) == (organisation, body)


RUNNING_HEADER = (
    "TESTBY KOMMUN Sammanträdesprotokoll Kommunstyrelsen\n\n"
    "TESTBY KOMMUN Sammanträdesprotokoll Kommunstyrelsen 2019-03-12\n\n"
    "2 TESTBY KOMMUN Sammanträdesprotokoll Kommunstyrelsen (12) 41 NY TAXA FÖR BYGGLOV Dnr: KS Förvaltningen har "
    "tagit fram ett förslag till ny taxa för bygglov som bygger på den modell som Sveriges Kommuner och Regioner "
    "rekommenderar. Kommunstyrelsen beslutar att anta taxan.\n"
)


def test_a_flattened_page_loses_its_running_header_and_its_number_heads_an_item():
    result = parse_text(RUNNING_HEADER)
    assert result["date"] == "2019-03-12"  # the title line again, with the date: header, not an item
    assert [(i["number"], i["title"]) for i in result["items"]] == [("41", "NY TAXA FÖR BYGGLOV")]
    assert (result["organisation"], result["body"]) == ("Testby kommun", "Kommunstyrelsen")


SIGNATURE_LABELS_FIRST = (
    "Protokoll\n\nSammanträdesdatum 2018-02-07\n\nUtses att justera\n\nUnderskrifter\n\nSekreterare\n\nOrdförande\n\n"
    "Justerande Johanna Lind Per Erik Strand (s) Karin Ek (m)\n\n§ 1 Dagordning\n\nDagordningen fastställs.\n"
)
SIGNATURE_LABELS_ON_ONE_LINE = (
    "Protokoll\n\nDatum 2018-02-07\n\n§ 1 Dagordning\n\nDagordningen fastställs.\n\n"
    "Ordförande Justerare Sekreterare\n\nSara Holm Ahmed Nilsson Karl-Johan Berg\n"
)


def test_signature_labels_first_and_names_after_pair_in_order():
    result = parse_text(SIGNATURE_LABELS_FIRST)
    assert (result["secretary"], result["chair"], result["adjusters"]) == (
        "Johanna Lind",
        "Per Erik Strand",
        ["Karin Ek"],
    )
    result = parse_text(SIGNATURE_LABELS_ON_ONE_LINE)
    assert (result["chair"], result["adjusters"], result["secretary"]) == (
        "Sara Holm",
        ["Ahmed Nilsson"],
        "Karl-Johan Berg",
    )


def test_words_run_into_a_name_are_taken_off_at_its_given_name_and_a_municipality_is_an_organisation():
    result = parse_text(
        "Protokoll\n\nDatum 2018-02-07\n\nLedamöter Eva Holm (s), Kiruna Jan Berg (m), Gällivare Anna Lund (c)\n\n"
        "§ 1 Dagordning\n\nDagordningen fastställs.\n"
    )
    rows = people(result)
    assert set(rows) == {"Eva Holm", "Jan Berg", "Anna Lund"}
    assert (rows["Eva Holm"]["organisation"], rows["Jan Berg"]["organisation"]) == ("Kiruna", "Gällivare")


def test_vote_columns_are_not_people():
    result = parse_text(
        "Protokoll\n\nDatum 2018-02-07\n\nNärvarande Ja Nej\nEva Holm X\nJan Berg X\n\n§ 1 Val\n\nValet förrättades.\n"
    )
    assert set(people(result)) == {"Eva Holm", "Jan Berg"}
    assert not plausible_name("Ja Nej") and plausible_name("Eva Holm")


def test_items_numbered_in_a_run_without_a_section_mark_are_items():
    result = parse_text(
        "Protokoll\n\nDatum 2018-02-07\n\n382 Mötets öppnande\n383 Fastställande av dagordning\n"
        "384 Ekonomisk uppföljning\n\nUppföljningen noteras.\n"
    )
    assert [(i["number"], i["title"]) for i in result["items"]] == [
        ("382", "Mötets öppnande"),
        ("383", "Fastställande av dagordning"),
        ("384", "Ekonomisk uppföljning"),
    ]
