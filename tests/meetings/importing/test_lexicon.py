"""The importer's knowledge of Swedish names and public organisations."""

from meetings.importing import lexicon


def test_it_knows_the_290_municipalities_and_21_regions_once_each():
    assert len(set(lexicon.MUNICIPALITY_NAMES)) == len(lexicon.MUNICIPALITY_NAMES) == 290
    assert len(set(lexicon.REGION_NAMES)) == len(lexicon.REGION_NAMES) == 21


def test_it_tells_names_run_together_apart_by_their_given_names():
    assert lexicon.split_people("Monica Berg Ulrika J Strand Marie-Louise Holm (c) Per Olof Ek") == [
        "Monica Berg",
        "Ulrika J Strand",
        "Marie-Louise Holm",
        "Per Olof Ek",
    ]


def test_names_run_together_part_at_a_finnish_or_norwegian_given_name_too():
    assert lexicon.split_people("Ulf Dahl Tuija Berg Markku Lind Sverre Moum") == [
        "Ulf Dahl",
        "Tuija Berg",
        "Markku Lind",
        "Sverre Moum",
    ]


def test_a_neighbours_given_name_that_is_a_swedish_surname_ends_no_name():
    assert lexicon.split_people("Fredrik Lilja Agneta Persson") == ["Fredrik Lilja", "Agneta Persson"]
    assert lexicon.is_given_name("Tuija") and not lexicon.is_given_name("Lilja")


def test_it_names_municipalities_regions_and_agencies():
    text = "Eva Ek, Sala kommun, Region Västmanland, Försäkringskassan och Per Holm"
    assert lexicon.organisations_in(text) == ["Sala kommun", "Region Västmanland", "Försäkringskassan"]
    assert lexicon.is_organisation("Upplands Väsby") and not lexicon.is_organisation("Eva Ek")


def test_a_municipality_is_named_as_it_names_itself():
    assert lexicon.municipality_name("Haninge") == "Haninge kommun"
    assert lexicon.municipality_name("Östersund") == "Östersunds kommun"
    assert lexicon.municipality_name("Alingsås") == "Alingsås kommun"
    assert lexicon.municipality_name("Borås") == "Borås stad"
    assert lexicon.municipality_name("Stockholm") == "Stockholms stad"
