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
