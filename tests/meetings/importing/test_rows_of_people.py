"""People in a flattened row whose titles and organisations are capitalised as a table's cells: a list that opens
with a title writes each title before its name ("Skolchef Birgitte Dahlin Förvaltningschef Henrik Andersson …");
after a name the title is that name's ("Elisabeth Mattsson (FP) Kommunordförande Ing-Britt Runger Chef …"); a column
of titles is no one's name ("Enhetschef Hälsoskydd"); a body after a name is where the person comes from ("Uno
Tjernström Omsorgsnämnden"), and the next name after "för NN" is the next person's. Each document is made up for its
rule (issue 27)."""

from meetings.importing import parse_text

from .test_constructs import people

HEADER = (
    "SAMMANTRÄDESPROTOKOLL\nKulturnämnden\nSammanträdesdatum 2012-09-17\n"
    "Plats och tid: Stadshuset, måndagen den 17 september 2012\n"
    "Beslutande: Sara Lindgren (S), ordförande Olle Berg (M) Nils Ek (C)\n"
)
ITEMS = "Utses att justera: Olle Berg\n\n§ 41 Budgetuppföljning\nBeslut\nNämnden beslutar att godkänna uppföljningen.\n"


def test_a_row_that_opens_with_a_title_gives_each_title_to_the_name_after_it():
    result = parse_text(
        HEADER + "Övriga närvarande: Kulturchef Vendela Roos Förvaltningschef Tor Magnusson Nämndsekreterare "
        "Ylva Sjöberg Lars Falk (S), ersättare\n" + ITEMS
    )
    found = people(result)
    assert found["Vendela Roos"]["role"].casefold() == "kulturchef"
    assert found["Tor Magnusson"]["role"].casefold() == "förvaltningschef"
    assert found["Ylva Sjöberg"]["role"].casefold() == "nämndsekreterare"
    assert found["Lars Falk"]["role"] == "ersättare"
    # the secretary is the one the title names, not the name before it
    assert result["secretary"] == "Ylva Sjöberg"


def test_after_a_name_a_capitalised_title_is_that_names_and_so_along_the_row():
    result = parse_text(
        HEADER + "Övriga närvarande: Tor Magnusson, förvaltningschef Vendela Roos (FP) Kulturchef Ylva Sjöberg "
        "Nämndsekreterare Hugo Ahl Controller\n" + ITEMS
    )
    found = people(result)
    assert found["Vendela Roos"]["role"].casefold() == "kulturchef"
    assert found["Ylva Sjöberg"]["role"].casefold() == "nämndsekreterare"
    assert found["Hugo Ahl"]["role"].casefold() == "controller"


def test_a_column_of_titles_after_the_names_is_no_ones_name():
    result = parse_text(
        HEADER + "Övriga närvarande: Vendela Roos Tor Magnusson Ylva Sjöberg Kulturchef Enhetschef Bibliotek "
        "Enhetschef Fritid Nämndsekreterare\n" + ITEMS
    )
    names = set(people(result))
    assert {"Vendela Roos", "Tor Magnusson", "Ylva Sjöberg"} <= names
    assert not {name for name in names if "Enhetschef" in name or "Bibliotek" in name or "Fritid" in name}


def test_a_body_after_a_name_is_where_the_person_comes_from_and_the_next_name_starts_the_next_person():
    result = parse_text(
        "Protokoll Kommunala pensionärsrådet\nSammanträdesdatum 2016-03-08\n"
        "Beslutande Karl Wester PRO, Ordförande Lisa Holm Socialnämnden Maja Ek Kommunstyrelsen Anders Blom "
        "Tekniska nämnden Eva Sund SPF, ers SPF för Ruth Lagerqvist Tage Nordin SKPF\n" + ITEMS
    )
    found = people(result)
    assert found["Lisa Holm"]["organisation"] == "Socialnämnden"
    assert found["Maja Ek"]["organisation"] == "Kommunstyrelsen"
    assert found["Anders Blom"]["organisation"] == "Tekniska nämnden"
    assert found["Eva Sund"]["serving_for"] == "Ruth Lagerqvist"
    assert found["Tage Nordin"]["organisation"] == "SKPF"


def test_a_rows_party_in_lower_case_and_its_presence_mark_after_the_role_are_no_organisation():
    result = parse_text(
        "Barn- och skolnämnden\nSammanträdesdatum 2006-05-02\n\nNÄRVAROLISTA\n\nLEDAMÖTER\n"
        "Vera Holm, ordf m x\nKlas Ridder, v ordf s x\nIngela Storm s x\n" + ITEMS
    )
    found = people(result)
    assert (found["Vera Holm"]["role"], found["Vera Holm"]["organisation"]) == ("ordförande", None)
    assert (found["Klas Ridder"]["role"], found["Klas Ridder"]["party"]) == ("vice ordförande", "S")
    assert (found["Ingela Storm"]["organisation"], found["Ingela Storm"]["party"]) == (None, "S")
    assert result["chair"] == "Vera Holm"


def test_a_list_of_the_absent_of_a_group_ends_the_list_before_and_a_list_from_the_office_ends_it():
    result = parse_text(
        "Protokoll Styrelsen\nSammanträdesdatum 2013-03-05\n"
        "Närvarande ledamöter Laila Fors Per Dahl Harry Lund, 10-12, Birgit Nord Frånvarande ledamöter Helena Palm "
        "Hans Wulff Deltagare från kansliet Staffan Norberg, VD Björn Brand, vice VD\n" + ITEMS
    )
    found = people(result)
    absent = {name for name, person in found.items() if person["status"] == "frånvarande"}
    assert absent == {"Helena Palm", "Hans Wulff"}
    assert found["Harry Lund"]["status"] == found["Staffan Norberg"]["status"] == "närvarande"
    assert found["Björn Brand"]["role"] == "vice VD"


def test_members_said_to_be_absent_in_the_text_are_absent_though_the_roll_lists_them():
    result = parse_text(
        "Protokoll Kommunfullmäktige\nSammanträdesdatum 2008-04-21\n"
        "Ledamöter Karin Ahl (S), Per Berg (M), Eva Cronholm (C), Ola Dahl (V)\n\n"
        "§ 1 Upprop\nVid uppropet var samtliga ordinarie ledamöter närvarande förutom Per Berg och Ola Dahl.\n\n"
        "§ 2 Budget\nKarin Ahl (S) var frånvarande under ärendet. Fullmäktige beslutar att godkänna budgeten.\n"
    )
    found = people(result)
    assert found["Per Berg"]["status"] == found["Ola Dahl"]["status"] == "frånvarande"
    assert found["Eva Cronholm"]["status"] == "närvarande"
    assert found["Karin Ahl"]["status"] == "närvarande"  # absent for one item only: present at the meeting


def test_ej_tjanstgorande_alone_is_the_label_of_the_substitutes_who_did_not_serve():
    result = parse_text(
        "Protokoll Kommunala pensionärsrådet\nSammanträdesdatum 2014-04-10\n"
        "Beslutande Karl Wester PRO, Ordförande Lisa Holm Socialnämnden\n"
        "Ej tjänstgörande Rolf Lind PRO Edit Palm Tekniska nämnden\n" + ITEMS
    )
    found = people(result)
    assert found["Rolf Lind"]["role"] == found["Edit Palm"]["role"] == "ej tjänstgörande ersättare"
    assert (found["Edit Palm"]["status"], found["Edit Palm"]["organisation"]) == ("närvarande", "Tekniska nämnden")
