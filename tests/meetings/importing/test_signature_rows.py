"""The standard signature table ("Underskrifter Sekreterare … Ordförande … Justerande …") where a transcript ran it
into the page's text or spread it over lines of dot leaders (issue 27, fourth session of 6 December). Each case in a
small document made for its test; built on the held-out sets, measured on unseen4 (docs/importing-corpus.md)."""

from meetings.importing import parse_text

ITEMS = "\n§ 1 Information\nNämnden noterar informationen.\n"


def test_a_signature_row_run_into_the_first_page():
    minutes = parse_text(
        "1 Plats och tid Kommunkontoret, onsdag 12 september 2007 kl. 08:15 Beslutande Se närvarolista. Utses att "
        "justera Monica Ek (s) Underskrifter Sekreterare Paragrafer 57-70 Eva Berglund Ordförande Stig Holm "
        "Justerande Monica Ek Organ Kommunstyrelsen ANSLAG/BEVIS Protokollet är justerat." + ITEMS
    )
    assert (minutes["chair"], minutes["secretary"]) == ("Stig Holm", "Eva Berglund")


def test_a_signature_table_over_lines_with_dot_leaders():
    minutes = parse_text(
        "Socialnämnden\nSammanträdesdatum 2019-09-26\nUnderskrifter Paragrafer 82-99\nSekreterare ………\n"
        "Kristin Lund\nOrdförande ………\nIngvor Berg (S)\nJusterande ………\nChrister Dahl (V)\nANSLAG/BEVIS\n"
        "Protokollet är justerat." + ITEMS
    )
    assert (minutes["chair"], minutes["secretary"]) == ("Ingvor Berg", "Kristin Lund")


def test_the_list_s_chair_stays_the_chair():
    minutes = parse_text(
        "Socialnämnden\nSammanträdesdatum 2019-09-26\nBeslutande Anna Berg (S), ordförande Nils Ek (M)\n"
        "Sekreterare Olle Falk\nUnderskrifter Sekreterare ……… Olle Falk Ordförande ……… Nils Ek" + ITEMS
    )
    assert (minutes["chair"], minutes["secretary"]) == ("Anna Berg", "Olle Falk")


def test_words_after_a_label_that_are_no_names_are_not_signers():
    minutes = parse_text(
        "Socialnämnden\nSammanträdesdatum 2019-09-26\nUnderskrifter Sekreterare ……… Ordförande ……… enligt "
        "delegation\nANSLAG/BEVIS" + ITEMS
    )
    assert minutes["chair"] is None


def test_labels_first_then_the_names_in_order_and_a_lost_justerare_label():
    minutes = parse_text(
        "Miljönämnden\nSammanträdesdatum 2019-09-26\nBeslutande Tomas Fred (S) Owe Tell (MP) Jan Wall (M)\n"
        "Justerade paragrafer Underskrifter Sekreterare Ordförande Tuula Lind Tomas Fred (S) Jan Wall (M) "
        "Anslag/Bevis Protokollet är justerat." + ITEMS
    )
    assert (minutes["secretary"], minutes["chair"], minutes["adjusters"]) == ("Tuula Lind", "Tomas Fred", ["Jan Wall"])


def test_fewer_names_than_labels_pair_with_nothing():
    minutes = parse_text(
        "Miljönämnden\nSammanträdesdatum 2019-09-26\nKansliet Underskrifter Sekreterare Ordförande Justerande Lena Rey "
        "&J;;j; ~#v nsson\nANSLAG/BEVIS" + ITEMS
    )
    assert (minutes["secretary"], minutes["chair"], minutes["adjusters"]) == (None, None, [])


def test_the_attendance_list_parts_names_the_lexicon_cannot():
    minutes = parse_text(
        "Kommunstyrelsen\nSammanträdesdatum 2011-04-04\nBeslutande Karl-Johan Adolfsson (C) Jörn Okan (M) "
        "Tobias Eriksson (S) Gunilla Nyström, kommunsekreterare\n"
        "Kansliet, kl 16.00 Underskrifter Sekreterare Ordförande Justerande Gunilla Nyström Karl-Johan Adolfsson "
        "Jörn Okan Tobias Eriksson ANSLAG/BEVIS" + ITEMS
    )
    assert (minutes["chair"], minutes["adjusters"]) == ("Karl-Johan Adolfsson", ["Jörn Okan", "Tobias Eriksson"])
