"""The importer on the three real seeds, field by field. Pure parsing: no database."""

import re

import pytest

from demo import SEEDS
from meetings.importing import parse_file


def parse(name):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse_file(path.read_bytes(), path.name)


def people(result):
    return [(a["name"], a["status"], a["role"], a["organisation"], a["paragraphs"]) for a in result["attendance"]]


def test_seed_004_header():
    result = parse("004")
    assert result["kind"] == "protokoll"
    assert (
        result["title"] == "Protokoll fört vid planeringsdag med arbetsutskottet - Samordningsförbundet RAR i Sörmland"
    )
    assert (result["date"], result["start_time"], result["end_time"]) == ("2016-02-04", "09:00", "15:00")
    assert result["place"] == "Hotell Malmköping"
    assert result["organisation"] == "Samordningsförbundet RAR i Sörmland"
    assert result["body"] == "Arbetsutskottet"


def test_seed_004_attendance_with_roles_organisations_and_partial_presence():
    assert people(parse("004")) == [
        ("Marie Svensson", "närvarande", "ordförande", None, None),
        ("Ingrid Jerneborg Glimne", "närvarande", "1:e vice ordförande", None, "1-4"),
        ("Britta Bergström", "närvarande", "2:e vice ordförande", None, None),
        ("Anna-Lena Karlsson", "närvarande", None, "Försäkringskassan", None),
        ("Katarina Enkvist Bohlin", "närvarande", None, "Arbetsförmedlingen", None),
        ("Ola Wiktorson", "närvarande", "förbundschef", None, None),
        ("Ann Lundqvist", "närvarande", "sekreterare", None, None),  # "Sekreterare: Ann Lundqvist": she was there
    ]


def test_seed_004_items_decisions_and_assignments():
    result = parse("004")
    assert [(i["number"], i["title"]) for i in result["items"]] == [
        ("1", "Inledning"),
        ("2", "Psykisk ohälsa, KUR - Information"),
        ("3", "AMIF projektansökan - Information"),
        ("4", "Vad vill RAR med medlemskapet i Nationella Nätverket för Samordningsförbund (NNS)"),
        ("5", "Implementering, hur ska vi förhålla oss?"),
        ("6", "Roller och förväntningar"),
        ("7", "Övrigt"),
        ("8", "Avslutning"),
    ]
    decided = {i["number"]: i for i in result["items"] if i["decisions"]}
    assert sorted(decided) == ["3", "5"]
    assert decided["3"]["decisions"][0]["text"].startswith("Arbetsutskottet beslutade att ge Ola Wiktorson i uppdrag")
    assert "kartläggning" in decided["3"]["decisions"][0]["text"]
    assert decided["3"]["decisions"][0]["outcome"] == "uppdrag"
    assert decided["3"]["assignments"] == [
        {
            "who": "Ola Wiktorson",
            "what": "i dialog med Försäkringskassan utarbeta förslag till en fördjupad kartläggning och analys "
            "avseende sjukpenningtalet i Sörmlands kommuner",
        }
    ]
    assert decided["5"]["assignments"][0]["who"] == "Ola Wiktorson"
    assert decided["5"]["assignments"][0]["what"].startswith("formulera förslag till tydlig vägledning")


def test_seed_004_secretary_and_justerare_and_paper_signature():
    result = parse("004")
    assert result["secretary"] == "Ann Lundqvist"
    assert result["adjusters"] == ["Marie Svensson", "Britta Bergström"]
    assert result["signed_on_paper"] is True


def test_seed_004_footnotes_are_kept_in_the_items_text():
    items = {i["number"]: i for i in parse("004")["items"]}
    assert "Incheckning – Var och en får ordet" in items["1"]["text"]  # moved to the § with its marker
    assert '"incheckningsrunda" gjordes' in items["1"]["text"]
    assert "SKL = Sveriges kommuner och landsting" in items["7"]["text"]
    assert "därefter mötet" in items["8"]["text"]  # the word broken by the PDF export is joined


def test_seed_002_attendance_and_the_studio_ludum_vote():
    result = parse("002")
    assert result["kind"] == "minnesanteckningar"
    present = [a["name"] for a in result["attendance"] if a["status"] == "närvarande"]
    absent = [a["name"] for a in result["attendance"] if a["status"] == "frånvarande"]
    assert len(present) == 21 and present[0] == "Annika Bengtzing" and present[-1] == "Lena Lindahl"
    assert absent == [
        "Eva Bremer",
        "Annika Sundin Gustafson",
        "Sofia Palcic",
        "Ida Wiik",
        "Susanne Olsson",
        "Jessica Bergman",
        "Elin Sahlberg",
    ]
    items = {i["number"]: i for i in result["items"]}
    assert [i["number"] for i in result["items"]] == [str(n) for n in range(1, 13)]
    assert items["7"]["title"] == "Ansökan Studio Ludum Skövde"
    vote = items["7"]["decisions"][0]
    assert vote["votes"] == {"ja": 4, "nej": 9, "avstår": 7}
    assert vote["outcome"] == "avslag"
    assert [i for i in result["items"] if i["decisions"]] == [items["7"]]  # reports of the board's decisions are text


def test_seed_002_next_meeting():
    assert parse("002")["next_meeting"]["text"] == "28 februari kl 9:00–12:00"


def test_seed_000_grouped_attendance_per_federation():
    rows = people(parse("000"))
    assert rows[:3] == [
        ("Lotta Lindblad Söderman", "närvarande", "ordförande", "Roslagen", None),
        ("Eva Strand", "närvarande", "vice ordförande", "Roslagen", None),
        ("Sophia Dahlgren", "närvarande", "förbundschef", "Roslagen", None),
    ]
    assert ("Helena Haapala", "närvarande", "tf förbundschef", "Sthlm stad", None) in rows
    assert ("Annica Falk", "närvarande", "projektchef MIA", "Östra Södertörn", None) in rows
    assert len(rows) == 17


def test_seed_000_unnumbered_headings_become_items():
    result = parse("000")
    titles = [i["title"] for i in result["items"]]
    assert titles[0] == "Information från Samordningsförbundet Roslagen"
    assert "ESF-projektet MIA" in titles
    assert titles[-1] == "Nästa samråd"
    assert result["next_meeting"]["text"] == "Samordningsförbundet Värna den 2 april kl 16.00-18.00."
    assert result["date"] is None and "Inget mötesdatum hittades." in result["warnings"]


# Words that are placed in a field rather than kept: labels, and abbreviations normalised to full role names.
PLACED = {"närvarande", "frånvarande", "beslut", "sekreterare", "justeras", "justerat", "vid", "protokollet", "datum"}
PLACED |= {"plats", "kl", "ordf", "v", "fc", "förbundssekreterare", "ordförande", "vice"}


def strings(value):
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [str(value)] if value is not None else []


@pytest.mark.parametrize("name", ["000", "002", "004"])
def test_nothing_in_the_document_is_lost(name):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    output_words = set(re.findall(r"[^\W\d_]+", " ".join(strings(parse(name))).lower()))
    source = re.sub(r"(\w)-\n\s*(\w)", r"\1\2", path.read_text()).translate(str.maketrans("", "", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    missing = {w for w in re.findall(r"[^\W\d_]+", source.lower()) if w not in output_words and w not in PLACED}
    assert not missing
