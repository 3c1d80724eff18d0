"""A närvarolista whose column "Närvaro" is answered Ja or Nej (issue 27, session of 7 December, evening: built on
unseen9, measured on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text

HEADER = "SAMMANTRÄDESPROTOKOLL Kommunfullmäktige\nPlats och tid Stadshuset, Ekby, kl 18.30\n\n"


def statuses(minutes):
    return {entry["name"]: entry["status"] for entry in minutes["attendance"]}


def test_nej_in_the_presence_column_is_an_absence_ja_a_presence():
    minutes = parse_text(
        HEADER + "NÄRVAROLISTA för Ekby kommunfullmäktige Ordinarie ledamöter Parti Närvaro Micael Glen (m) Ja "
        "Helen Nilsson (s) Nej Leif Carl (m) Ja Eva Berg (s) Ja Ylva Sand (m) Nej\n\n§ 1 Upprop\n\nUpprop hölls.\n"
    )
    found = statuses(minutes)
    assert [name for name, status in found.items() if not status.startswith("närvar")] == ["Helen Nilsson", "Ylva Sand"]
    assert {"Micael Glen", "Leif Carl", "Eva Berg"} <= {n for n, s in found.items() if s.startswith("närvar")}


def test_a_votes_ja_and_nej_are_no_absences():
    minutes = parse_text(
        HEADER + "Beslutande Micael Glen (m) Helen Nilsson (s) Leif Carl (m)\n\n§ 1 Motion\n\nOmröstning: Micael Glen "
        "(m) Ja Helen Nilsson (s) Nej Leif Carl (m) Ja Eva Berg (s) Ja\n"
    )
    assert all(status.startswith("närvar") for status in statuses(minutes).values())


def test_a_fullmaktiges_roll_call_in_prose_names_who_was_away_and_who_served_for_whom():
    """ "Den 24 april Protokollet …" over each page (its year only the second time), then "Närvarande vid uppropet:
    ordföranden … samt övriga ledamöter utom A, B och C. Som ersättare för de frånvarande ledamöterna inträder: D för
    A, E för B …"."""
    minutes = parse_text(
        "Den 24 april Protokollet föres av undertecknad kommunfullmäktiges sekreterare.\n\n"
        "Den 24 april 1997. Protokollet föres av undertecknad kommunfullmäktiges sekreterare.\n\n"
        "1 Den 24 april 1997 Närvarande vid uppropet: ordföranden, förste och andre vice ordförandena samt övriga "
        "ledamöter utom Birgitta Nils, Per-Olof Petters, John- Jacob Engel och Karin Elg. Som ersättare för de "
        "frånvarande ledamöterna inträder: Sten Svens för Birgitta Nils, Katarina Pers för Per-Olof Petters, Gunnar "
        "Henning för John- Jacob Engel.\n"
    )
    assert minutes["date"] == "1997-04-24"
    found = {entry["name"]: entry for entry in minutes["attendance"]}
    assert [n for n, e in found.items() if not e["status"].startswith("närvar")] == [
        "Birgitta Nils", "Per-Olof Petters", "John-Jacob Engel", "Karin Elg",
    ]  # fmt: skip
    assert found["Gunnar Henning"]["serving_for"] == "John-Jacob Engel"
    assert found["Sten Svens"]["role"].endswith("ersättare")


BOARD_PAGE = (
    "Hem > Stockholms stad > AB Ekbostäder > Sammanträde 2006-12-19\n\nSammanträde 2006-12-19\n\nDatum\nKlockan\n"
    "09.00\nPlats\nKontoret\n\n2 Fastställande av dagordning\n\n3 Fyllnadsval styrelsen, anmälan\n\n"
    "Mötesinformation\n\nJusteras:\nKristina Alv Teres Lind\n\nNärvarande:\n\nOrdföranden Kristina Alv (m)\n\n"
    "Vice ordföranden Teres Lind (s)\n\nLedamöterna\nAnn Mari Eng (v)\nUlf Frid (fp)\n\nSuppleanterna\n"
    "Anders Brob (kd)\n\nPersonalrepresentanten\nCurt Öhr\n\nErsättare\nKjell Sav\n"
)


def test_a_list_written_a_name_a_line_under_group_headings_in_the_definite_form():
    rows = {a["name"]: a["role"] for a in parse_text(BOARD_PAGE)["attendance"]}
    assert {name: rows.get(name) for name in ("Ann Mari Eng", "Ulf Frid", "Anders Brob", "Curt Öhr")} == {
        "Ann Mari Eng": "ledamot",
        "Ulf Frid": "ledamot",
        "Anders Brob": "suppleant",
        "Curt Öhr": "personalrepresentant",
    }
    assert "Teres Lind" in rows


def test_a_category_heading_gives_no_role_over_names_with_their_own():
    minutes = parse_text(
        "Protokoll fört vid sammanträde med styrelsen 2000-02-18\n\nNärvarande:\n\nRektor\n\nPer Erik, ledamot\n\n"
        "Företrädare för de studerande\n\nFredrik Mån, ledamot\n\nÖvriga\n\nSven Nils, förvaltningschef\n\n"
        "§ 1 Budget\n\nStyrelsen godkänner budgeten.\n"
    )
    rows = {a["name"]: a["role"] for a in minutes["attendance"]}
    assert rows["Per Erik"] == "ledamot"
    assert rows["Fredrik Mån"] == "ledamot"


def test_a_list_that_goes_on_on_the_next_page_after_its_letterhead():
    minutes = parse_text(
        "KOMMUNFULLMÄKTIGE\nTid och plats\nBeslutande Tisdag 27 januari 2015 kl. 18:00 Skolans matsal, Ekby Eva Gust "
        "(S), Ordförande Inga Keck (C), 1:e vice ordförande Övriga ledamöter redovisas på sidan 2.\n"
        "Justerare Ingemar Hans, Inger Lar\n\n"
        "EKBY KOMMUN sid 2 Ann Järå (S) Åke Gust (S) Mikael Bred (S) Yvonne Brob (S)\n"
        "Dag Nyst (C) Håkan Högl (SD) Inger Lar (FP) övriga deltagare Thomas Stjern, Kommunchef Ann Edberg, "
        "sekreterare\n\n§ 1 Val av justerare\n\nIngemar Hans och Inger Lar utses.\n"
    )
    names = {a["name"] for a in minutes["attendance"]}
    assert {"Ann Järå", "Yvonne Brob", "Dag Nyst", "Inger Lar", "Thomas Stjern", "Ann Edberg"} <= names
    assert minutes["secretary"] == "Ann Edberg"
