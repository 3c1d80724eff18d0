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
