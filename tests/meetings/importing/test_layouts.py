"""Layouts the seeds do not show, written for these tests; dates and times; file formats; bad input."""

import io
import json

import pytest

from meetings.importing import UnreadableDocument, parse_file, parse_text
from meetings.importing.dates import find_date, find_times
from meetings.importing.schema import Attendee, Decision, Item, ParsedMinutes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Datum: 2016-02-04", "2016-02-04"),
        ("2 juni 2021", "2021-06-02"),
        ("den 13 april 2012", "2012-04-13"),
        ("Fredagen den 13 april 2012", "2012-04-13"),
        ("Sammanträde 210521", "2021-05-21"),
        ("mötet 21/5 2021", "2021-05-21"),
        ("ingen dag alls", None),
    ],
)
def test_swedish_dates(text, expected):
    day = find_date(text)
    assert (day.isoformat() if day else None) == expected


def test_a_date_without_a_year_takes_the_year_from_context():
    import datetime

    assert find_date("21/5", default_year=2020) == datetime.date(2020, 5, 21)
    assert find_date("Nästa möte 28 februari", after=datetime.date(2023, 1, 20)) == datetime.date(2023, 2, 28)
    assert find_date("den 10 januari", after=datetime.date(2022, 12, 21)) == datetime.date(2023, 1, 10)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("kl 9-15", "09:00", "15:00"),
        ("kl. 13.00-15.30", "13:00", "15:30"),
        ("16.00-18.00", "16:00", "18:00"),
        ("kl 9:00–12:00", "09:00", "12:00"),
        ("5-6 april 2016", None, None),
    ],
)
def test_times(text, start, end):
    found = find_times(text)
    assert tuple(t.strftime("%H:%M") if t else None for t in found) == (start, end)


PROTOCOL = """Protokoll

Styrelsen, Samordningsförbundet Testbygden

Datum: den 13 april 2012
Tid: kl. 13.00-15.30
Plats: Kommunhuset, Testby

Beslutande
Karin Berg (S), ordförande, Testby kommun
Per Holm, 1:e v ordf, Region Test
Anna Ek, ledamot, Försäkringskassan tjg § 36-40

Ersättare
Lena Dahl, ers, Testby kommun

Övriga deltagande
Ola Strand, förbundschef
Tina Song (Arbetsförmedlingen) §§ 36-38

Anmält förhinder: Bo Lind, Erik Nyström

Utses att justera: Per Holm

§ 36 Val av justerare

Per Holm utses att justera protokollet.

§37
Budget 2013

Beslut: Styrelsen beslutar att fastställa budget för 2013.

§ 38 Ansökan om medel

Styrelsen beslutade att återremittera ärendet till förbundschefen.

Vid protokollet

Ola Strand
"""


def test_a_formal_protocol_with_beslutande_ersattare_and_ovriga():
    result = parse_text(PROTOCOL)
    assert result["kind"] == "protokoll"
    assert (result["date"], result["start_time"], result["end_time"]) == ("2012-04-13", "13:00", "15:30")
    assert result["place"] == "Kommunhuset, Testby"
    rows = {a["name"]: a for a in result["attendance"]}
    assert rows["Karin Berg"]["role"] == "ordförande" and rows["Karin Berg"]["organisation"] == "Testby kommun"
    assert rows["Per Holm"]["role"] == "1:e vice ordförande"
    assert rows["Anna Ek"]["paragraphs"] == "36-40"
    assert rows["Lena Dahl"]["role"] == "ersättare"
    assert rows["Tina Song"]["organisation"] == "Arbetsförmedlingen" and rows["Tina Song"]["paragraphs"] == "36-38"
    assert rows["Bo Lind"]["status"] == "anmält förhinder" and rows["Erik Nyström"]["status"] == "anmält förhinder"
    assert result["adjusters"] == ["Per Holm"]
    assert result["secretary"] == "Ola Strand"
    items = {i["number"]: i for i in result["items"]}
    assert items["37"]["title"] == "Budget 2013"
    assert items["37"]["decisions"][0]["outcome"] == "bifall"
    assert items["38"]["decisions"][0]["outcome"] == "återremiss"


def test_organisation_slash_name_slash_role_and_many_per_line():
    text = (
        "Minnesanteckningar 2021-06-02\n\n"
        "Närvarande:\nTestby kommun/Karin Berg/ordförande\nFörsäkringskassan/Per Holm/ledamot\n\n"
        "Frånvarande: A Ek, B Dahl, C Lind\n\n"
        "1. Välkommen\n\n"
        "Hej."
    )
    result = parse_text(text)
    rows = [(a["name"], a["organisation"], a["role"], a["status"]) for a in result["attendance"]]
    assert rows[:2] == [
        ("Karin Berg", "Testby kommun", "ordförande", "närvarande"),
        ("Per Holm", "Försäkringskassan", "ledamot", "närvarande"),
    ]
    assert [r[0] for r in rows[2:]] == ["A Ek", "B Dahl", "C Lind"]


def test_digital_presence_adjungerande_and_ej_narvarande():
    text = (
        "Protokoll 2021-06-02\n\n"
        "Digitalt närvarande: Karin Berg\n\n"
        "Adjungerande: Per Holm\n\n"
        "Ej närvarande: Anna Ek\n\n"
        "§ 1 Öppnande\n\n"
        "Text."
    )
    rows = {a["name"]: a for a in parse_text(text)["attendance"]}
    assert rows["Karin Berg"]["status"] == "närvarande"
    assert rows["Per Holm"]["role"] == "adjungerad"
    assert rows["Anna Ek"]["status"] == "frånvarande"


def test_dash_numbered_and_bare_numbered_items_and_an_assignment():
    text = (
        "Minnesanteckningar 2021-06-02\n\n"
        "- 1. Välkommen\n\n"
        "Hej.\n\n"
        "2 Ekonomi\n\n"
        "Mötet beslutade att ge Lena Dahl i uppdrag att ta fram en budget.\n"
    )
    result = parse_text(text)
    assert [(i["number"], i["title"]) for i in result["items"]] == [("1", "Välkommen"), ("2", "Ekonomi")]
    assert result["items"][1]["assignments"] == [{"who": "Lena Dahl", "what": "ta fram en budget"}]


def test_noise_is_cleaned_but_no_text_is_lost():
    text = (
        "Protokoll 2016-02-04\n\n"
        "§ 1 **Öppnande**\n\n"
        "Ordföranden öppnade mö-\ntet.\n\n"
        "Sida 1 av 2\n\n"
        "§ 2 Övrigt\n\n"
        "Inget.\n"
    )
    result = parse_text(text)
    assert result["items"][0]["title"] == "Öppnande"
    assert result["items"][0]["text"] == "Ordföranden öppnade mötet."
    assert "Sida" not in str(result)


def test_text_before_the_first_item_stays_with_a_warning():
    result = parse_text("Protokoll 2016-02-04\n\nEn inledande rad som inte är ett fält.\n\n§ 1 Öppnande\n\nText.")
    assert "En inledande rad som inte är ett fält." in result["items"][0]["text"]
    assert any("Text före första ärendet" in w for w in result["warnings"])


def test_windows_1252_text_is_read():
    data = "Protokoll 2016-02-04\n\n§ 1 Öppnande\n\nÅsa hälsade välkommen.".encode("cp1252")
    assert parse_file(data, "gammal.txt")["items"][0]["text"] == "Åsa hälsade välkommen."


def test_a_word_document_is_read():
    import docx

    document = docx.Document()
    for line in ["Protokoll", "Datum: 2021-06-02", "Närvarande: Karin Berg, ordf", "§ 1 Öppnande", "Mötet öppnades."]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    result = parse_file(buffer.getvalue(), "protokoll.docx")
    assert result["date"] == "2021-06-02"
    assert result["attendance"][0]["name"] == "Karin Berg"
    assert result["items"][0]["text"] == "Mötet öppnades."


def test_a_pdf_with_a_text_layer_is_read():
    from weasyprint import HTML

    pdf = HTML(string="<p>Protokoll</p><p>Datum: 2021-06-02</p><p>§ 1 Öppnande</p><p>Mötet öppnades.</p>").write_pdf()
    result = parse_file(pdf, "protokoll.pdf")
    assert result["date"] == "2021-06-02"
    assert result["items"][0]["title"] == "Öppnande"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "tom.txt", "empty"),
        (b"   \n\n  ", "blank.txt", "empty"),
        (b"\x00\x01\x02\x03binary\x00" * 10, "bild.txt", "binary"),
        (b"x" * (20 * 1024 * 1024 + 1), "stor.txt", "too_large"),
        (b"hej hopp", "fil.odt", "unsupported_type"),
        (b"not a pdf", "fil.pdf", "unreadable"),
        (b"PK\x03\x04 broken", "fil.docx", "unreadable"),
        (b"bara lite text utan struktur alls", "fri.txt", "no_structure"),
    ],
)
def test_bad_input_gets_a_clear_reason(data, name, code):
    with pytest.raises(UnreadableDocument) as error:
        parse_file(data, name)
    assert error.value.code == code
    assert error.value.message


def test_a_pdf_without_text_is_refused():
    from weasyprint import HTML

    pdf = HTML(string="<div style='height:5cm'></div>").write_pdf()
    with pytest.raises(UnreadableDocument) as error:
        parse_file(pdf, "inskannad.pdf")
    assert error.value.code == "no_text_layer"


def test_the_result_has_exactly_the_keys_of_the_typed_schema():
    """The typed result is a plain dict at run time: the JSON keys the corpus scorer reads stay as they were."""
    result = parse_text(PROTOCOL)
    assert set(result) == set(ParsedMinutes.__required_keys__)
    assert {"date", "kind", "organisation", "body", "attendance", "adjusters", "items"} <= set(result)
    decided = next(item for item in result["items"] if item["decisions"])
    assert set(decided) == set(Item.__required_keys__)
    assert set(decided["decisions"][0]) == set(Decision.__required_keys__)
    for attendee in result["attendance"]:
        assert Attendee.__required_keys__ <= set(attendee) <= Attendee.__required_keys__ | Attendee.__optional_keys__
    assert json.loads(json.dumps(result)) == result


# Wrapped lines put back together by the text as well as by the width (issue 27). A line's box: it starts at 0, the
# page's text runs to 500 (the first line), a letter is 5 wide; "head" is where the line's first word ends.
def text_line(text, row, x1=None, head=None):
    x1 = 5 * len(text) if x1 is None else x1
    head = 5 * len(text.split()[0]) if head is None else head
    return {"text": text, "top": 12 * row, "bottom": 12 * row + 10, "x0": 0, "x1": x1, "head": head}


FULL_WIDTH = "Protokoll fört vid styrelsens sammanträde i kommunhuset, där alla ledamöter var kallade i god tid."


def laid_out_under_a_full_line(*lines):
    """The lines' text laid out under a paragraph that runs to the margin (and a blank line): the lines only."""
    from meetings.importing.layout import lay_out

    text = lay_out([text_line(FULL_WIDTH, 0, 500), *lines])
    assert text.startswith(f"{FULL_WIDTH}\n\n")
    return text.split("\n")[2:]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Ordförande Erik Kvarndal och justerare Niklas", "Pettersson"),  # a name cut short
        ("framhåller vikten av att en permanent lagstiftning ger", "arbetsmarknadsmyndigheten möjlighet att delta"),
        ("63 BILDANDE AV", "SAMORDNINGSFÖRBUNDET VÄST"),  # a preposition cannot end a heading
        ("Närvarande: Eva Strand, Nina Jones, Karin Ek,", "Ingela Andersson"),  # a list whose separator is a comma
        ("Paragrafer 75-79,", "Underskrifter Sekreterare Anneli Drakenberg"),  # a comma goes on into a row's word
    ],
)
def test_a_line_broken_short_of_the_margin_is_joined_where_the_text_goes_on(before, after):
    from meetings.importing.wrapping import continues

    assert continues(before, after) is True
    # the line stops at 70 % of the width, short of any width rule, but the next line's first word is long: it
    # would not have fitted after it
    lines = [text_line(before, 3, 350), text_line(after, 4, head=160)]
    assert laid_out_under_a_full_line(*lines) == [f"{before} {after}"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Mötet förklarades öppnat och", "§ 2 Val av justerare"),  # a § heading
        ("Protokollet justeras av Eva Strand", "Justerare: Per Svensson"),  # a label
        ("Erik Kvarndal Niklas Pettersson", "Ordförande Justerare"),  # a row of role words
        ("Styrelsen beslutar att godkänna rapporten,", "att uppdra åt förbundschefen"),  # the next point
        ("Följande punkter togs upp och", "2. Ekonomisk rapport"),  # a numbered point
        ("Inför nästa möte:", "- en ny verksamhetsplan"),  # a list item
    ],
)
def test_a_line_is_not_joined_where_the_next_one_starts_a_new_element(before, after):
    from meetings.importing.wrapping import continues

    assert continues(before, after) is False
    # the next line's first word would not have fitted after the line: the geometry allows a wrap
    lines = [text_line(before, 3, 350), text_line(after, 4, head=160)]
    assert laid_out_under_a_full_line(*lines) == [before, after]


def test_a_full_line_is_not_joined_when_the_next_lines_first_word_would_have_fitted_after_it():
    """The author ended the line: a wrapping renderer would have put the word there."""
    before = "Beloppet från den preliminära budgeten står kvar tills vidare"
    assert laid_out_under_a_full_line(text_line(before, 3, 480), text_line("- Ann", 4)) == [before, "- Ann"]
    wrapped = laid_out_under_a_full_line(text_line(before, 3, 480), text_line("tillsvidareregeln", 4))
    assert wrapped == [f"{before} tillsvidareregeln"]


def test_a_page_of_short_lines_did_not_wrap_against_its_own_longest_line():
    """A signature page: the longest row is no margin, so the rows under it are not its continuation."""
    from meetings.importing.layout import lay_out

    rows = [text_line("Ordförande Justerare", 0), text_line("Erik Kvarndal Niklas Pettersson", 1)]
    rows[0]["x1"] = rows[1]["x1"]  # the two rows end together, far from the margin of a page 600 wide
    assert lay_out(rows, page_width=600) == "Ordförande Justerare\nErik Kvarndal Niklas Pettersson"


def test_lines_without_geometry_are_joined_by_the_text_alone():
    """Text recognition that gives lines but no boxes: only where the text says a line goes on."""
    from meetings.importing.wrapping import join_wrapped

    lines = [
        "§ 4 Information om verksam-",
        "heten och om ekonomin",
        "Närvarande: Eva Strand, Nina Jones,",
        "Karin Ek",
        "Eva Strand S x",
        "Nina Jones M x",
        "Hälso-",
        "och sjukvården",
        "",
        "Beslut",
        "att godkänna rapporten",
    ]
    assert join_wrapped(lines) == [
        "§ 4 Information om verksam-heten och om ekonomin",
        "Närvarande: Eva Strand, Nina Jones, Karin Ek",
        "Eva Strand S x",
        "Nina Jones M x",
        "Hälso- och sjukvården",
        "",
        "Beslut",
        "att godkänna rapporten",
    ]
