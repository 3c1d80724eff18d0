"""Officials listed title first without commas (issue 27, session of 7 December, evening: built on unseen9, measured
on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text


def roles(minutes):
    return {entry["name"]: entry["role"] for entry in minutes["attendance"]}


def test_a_list_that_opens_with_a_title_gives_each_title_to_the_name_after_it():
    minutes = parse_text(
        "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL Kommunfullmäktige\nPlats och tid Stadshuset, kl 18.00\n"
        "Beslutande Förteckning enligt bilaga\nÖvriga deltagande Kommunchef Ingemar Karl Kommunsekreterare Astrid "
        "Edström\nUtses att justera Nils Lack (S)\n\n§ 1 Val av justerare\n\nNils Lack utses.\n"
    )
    assert roles(minutes)["Ingemar Karl"].lower() == "kommunchef"
    assert roles(minutes)["Astrid Edström"].lower() == "kommunsekreterare"


def test_names_with_their_titles_after_them_keep_them():
    minutes = parse_text(
        "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL Kommunfullmäktige\nPlats och tid Stadshuset, kl 18.00\n"
        "Beslutande Förteckning enligt bilaga\nÖvriga deltagande Ingemar Karl kommunchef Astrid Edström "
        "kommunsekreterare\nUtses att justera Nils Lack (S)\n\n§ 1 Val av justerare\n\nNils Lack utses.\n"
    )
    assert roles(minutes)["Ingemar Karl"].lower() == "kommunchef"
    assert roles(minutes)["Astrid Edström"].lower() == "kommunsekreterare"


def test_a_rows_role_before_its_party_is_no_label_and_an_ordinal_opens_a_title():
    """ "Beslutande Marie Säll Ordförande (S) Gertrud Ivar 1:e vice ordf (C) Per-Ola Matt Ledamot (S)": name, role
    and party a row; "Ordförande (S)" is the row's role, not the signature's label."""
    minutes = parse_text(
        "Sida 1(65) Plats och tid Rådhussalen, kl. 17:00 Beslutande Marie Säll Ordförande (S) Gertrud Ivar 1:e vice "
        "ordf (C) Iréne Ahl 2:e vice ordf (M) Per-Ola Matt Ledamot (S) Annika West Ledamot (S)\n\n"
        "§ 1 Val av justerare\n\nPer-Ola Matt utses.\n"
    )
    assert minutes["chair"] == "Marie Säll"
    assert roles(minutes) == {
        "Marie Säll": "ordförande",
        "Gertrud Ivar": "1:e vice ordförande",
        "Iréne Ahl": "2:e vice ordförande",
        "Per-Ola Matt": "ledamot",
        "Annika West": "ledamot",
    }


def test_an_organisations_kind_in_lower_case_after_a_title_and_the_paragraphs_one_was_there_for():
    """ "Linda Gård, enhetschef kommunalförbundet Vafab, paragraf 20": the title, the organisation (its kind
    written in lower case), and the paragraph; "paragraf" is no organisation."""
    minutes = parse_text(
        "Kommunstyrelsen\nPlats och tid Rådhuset, kl 13.00\nBeslutande Ingvar Smed (M), ordförande Ulrika Orn (S)\n"
        "Övriga deltagare Linda Gård, enhetschef kommunalförbundet Vafab, paragraf 20 Camilla Wes, paragraf 20\n\n"
        "§ 20 Avfallsplan\n\nInformationen noteras.\n"
    )
    found = {entry["name"]: entry for entry in minutes["attendance"]}
    assert (found["Linda Gård"]["role"], found["Linda Gård"]["organisation"]) == (
        "enhetschef",
        "kommunalförbundet Vafab",
    )
    assert found["Camilla Wes"]["organisation"] is None


def test_officials_after_the_members_joined_by_samt_write_each_title_before_its_name():
    from meetings.importing.run_on import parse_run_on

    entries = parse_run_on(
        "Birgitta West (S) ej 13, Niklas Norl (S) och Maria Blom (L) samt sekreterare Patrik Skan, socialchef Lillemor "
        "Quist, controller Ann-Sofie Erk 13-16, alkoholhandläggare Åsa Nils och områdeschef Marie Lind",
        status="närvarande",
        role="ersättare",
    )
    assert [(e["name"], e["role"]) for e in entries] == [
        ("Birgitta West", "ersättare"),
        ("Niklas Norl", "ersättare"),
        ("Maria Blom", "ersättare"),
        ("Patrik Skan", "sekreterare"),
        ("Lillemor Quist", "socialchef"),
        ("Ann-Sofie Erk", "controller"),
        ("Åsa Nils", "alkoholhandläggare"),
        ("Marie Lind", "områdeschef"),
    ]
    assert entries[5]["paragraphs"] == "13-16"  # the name's, not the one before it


def test_a_number_after_an_organisations_name_is_no_persons_paragraphs():
    from meetings.importing.run_on import parse_run_on

    entries = parse_run_on("Eva Ek, ordförande Piteå Hockey 12, Per Berg", status="närvarande", role=None)
    assert [e["name"] for e in entries] == ["Eva Ek", "Per Berg"]
