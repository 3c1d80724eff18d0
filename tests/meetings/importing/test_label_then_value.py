"""A protocol whose first page gives each label on a line and its value on a line of its own below (as a document
site's text gives a PDF's table), and a title that names the body in lower case. Made up for the rules (issue 27)."""

from meetings.importing import parse_text

FIRST_PAGE = """Sammanträdesprotokoll för {body} 2021

Datum och tid: 2021-12-06 kl. 17:00

Plats Stadshuset, plan 4

Utses att justera Anders Tor (M)

Sekreterare: {range}

Anna Vester

Ordförande:

Camilla Ek (C)

Justerare:

Anders Tor (M)

Närvarolista

Ledamöter

Camilla Ek (C), ordförande Anders Tor (M), ledamot
"""


def test_the_paragraphs_beside_the_secretarys_label_are_no_name_and_the_name_below_is_the_secretarys():
    for paragraphs in ("§ 54 - 60", "§§ 54-60", "Paragrafer 54-60", ""):
        result = parse_text(FIRST_PAGE.format(body="tekniska nämnden", range=paragraphs))
        assert result["secretary"] == "Anna Vester", paragraphs
        assert result["chair"] == "Camilla Ek"


def test_a_body_in_lower_case_after_the_titles_for_is_the_body():
    for body, expected in (
        ("miljö- och hälsoskyddsnämnden", "Miljö- och hälsoskyddsnämnden"),
        ("kommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskott"),
        ("tekniska nämnden", "Tekniska nämnden"),
        ("socialnämnden", "Socialnämnden"),
    ):
        assert parse_text(FIRST_PAGE.format(body=body, range=""))["body"] == expected


STACKED = """LULEÅ KOMMUN
SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen
2016-11-07
Plats och tid
Kommunstyrelsens sammanträdesrum, kl. 13:15-14:30
Beslutande
Enligt närvarolista
Justerare
Anette Ask (KD)
Tid och plats för justering
Kansliet 2016-11-08 16:00
Justerade paragrafer
252-273
Sekreterare
Sofia Ris
Ordförande
Yvonne Stål (S)
Justerare
Anette Ask (KD)
"""


def test_each_label_over_its_value_without_a_blank_line_between():
    result = parse_text(STACKED)
    assert result["adjusters"] == ["Anette Ask"]
    assert result["chair"] == "Yvonne Stål"
    assert result["secretary"] == "Sofia Ris"
    rows = {a["name"]: a for a in result["attendance"]}
    assert rows["Anette Ask"]["role"] != "ledamot"  # the justerare under her label, not a member of "Beslutande"


def test_the_secretary_who_signs_was_there_though_no_list_names_them():
    result = parse_text(
        "LULEÅ KOMMUN SAMMANTRÄDESPROTOKOLL 1 (50)\nPlats och tid Stadshuset kl 13.15\n"
        "Beslutande Enligt bifogad närvarolista\nJusterare Inger B Lars (S) och Sana Sul (M)\nSekreterare Gun Lund\n"
        "Ordförande Maja Lind\nJusterare Inger B Lars Sana Sul BEVIS/ANSLAG Kommunfullmäktiges protokoll är "
        "justerat.\n\n§ 235 Detaljplan\n\nFullmäktige antar planen.\n"
    )
    rows = {a["name"]: a for a in result["attendance"]}
    assert rows["Gun Lund"]["role"] == "sekreterare"
    assert result["adjusters"] == ["Inger B Lars", "Sana Sul"]  # a middle initial in the signer's cell
    assert result["body"] == "Kommunfullmäktige"  # the notice after the signatures names it


def test_a_body_whose_first_part_is_written_without_a_space_before_och():
    for title in ("Kultur-och fritidsnämndens protokoll", "Protokoll Kultur-och fritidsnämnden"):
        result = parse_text(
            f"{title}\n\nPlats och tid Kommunhuset kl 13\nBeslutande Mehmet Cok, ordförande (MP) Pia Lund (L)\n\n"
            "§ 1 Val av justerare\n\nPia Lund utses.\n"
        )
        assert result["body"] == "Kultur-och fritidsnämnden", title
