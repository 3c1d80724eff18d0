"""Signature blocks a flattened transcript keeps in its own ways (issue 27, session of 7 December, evening: built on
unseen9, measured on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text

CONTENTS = "Ekby kommun\nSAMMANTRÄDESPROTOKOLL\n\n11 Delegationsärenden\n12 Anmälningsärenden\n13 Feriepraktik 2015\n\n"


def test_the_chairs_label_with_the_chairs_name_under_the_secretarys_name_is_the_next_signature():
    """ "Sekreterare" / "Paragrafer Erika Rönn" / "Ordförande Karin Berg (S)": the chair signs under her own label,
    not as the secretary's title."""
    minutes = parse_text(
        CONTENTS + "Plats och tid Kommunhuset, kl 16:00-17:15\nBeslutande Se bilaga\n"
        "Utses att justera Dan Gran (MP) och Stig Dahl (KD)\nPlats och tid för justering Kommunhuset, kl\n"
        "Sekreterare\nParagrafer Erika Rönn\nOrdförande Karin Berg (S)\nJusterare Dan Gran (MP) Stig Dahl (KD)\n"
    )
    assert minutes["secretary"] == "Erika Rönn"
    assert minutes["chair"] == "Karin Berg"


def test_a_header_flattened_to_its_labels_then_every_value_on_the_last_labels_line():
    """ "Utses att justera / Justeringens plats och tid / Underskrifter / Sekreterare / Ordförande", then "Justerare"
    with the values of all of them in order: the justerare chosen, the place and time, a name for each signature."""
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL Kommunfullmäktige (37)\nPlats och tid Stadshuset, kl 18:00\n"
        "Beslutande Se bifogad deltagarförteckning\nÖvriga deltagare Kommunsekreterare Linn Erl\n"
        "Utses att justera\nJusteringens plats och tid\nUnderskrifter\nSekreterare\n"
        "Ordförande\nJusterare Göran Kihl (kd) och Lars Nyberg (s) Stadshuset den 25 juni klockan 11:00 Linn Erl "
        "Jane Lund (c) Göran Kihl (kd) Lars Nyberg (s)\n\n§ 1 Val av justerare\n\nGöran Kihl och Lars Nyberg.\n"
    )
    assert minutes["chair"] == "Jane Lund"
    assert minutes["secretary"] == "Linn Erl"
    assert minutes["adjusters"] == ["Göran Kihl", "Lars Nyberg"]


def test_values_that_do_not_pair_with_the_labels_read_no_justerare():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL Kommunfullmäktige\nPlats och tid Stadshuset, kl 18:00\n"
        "Utses att justera\nJusteringens plats och tid\nSekreterare\nOrdförande\n"
        "Justerare Göran Kihl (kd) Stadshuset den 25 juni Se nedan\n\n§ 1 Val av justerare\n\nBeslut fattades.\n"
    )
    assert minutes["chair"] is None


def test_protokolljusterare_inside_a_run_on_list_names_those_chosen_and_the_notices_organ_is_no_name():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL\nPlats och tid Stadshuset, Ekby, måndagen den 30 maj 2011\n"
        "Övriga deltagare Kommunchef Carolina Lejon Kanslichef Therese Jig Ulf Wall, konsult Pro V Ab Gert Woll, "
        "revisor Regionförbundet Stadsarkitekt Bo Klar Protokolljusterare Magnus Gust och "
        "Kjell Bylund\nOrdförande ( 104) Protokolljusterare ANSLAGSBEVIS (justeringen har tillkännagivits genom "
        "anslag) Organ Ekby kommunfullmäktige\n\n§ 104 Motion om cykelvägar\n\nMotionen avslås.\n"
    )
    assert minutes["adjusters"] == ["Magnus Gust", "Kjell Bylund"]


def test_signers_with_their_roles_after_their_names_and_a_comma():
    """ "Underskrifter: Cecilia Sted, Sekreterare Klas Nord, Ordförande Boel Holm, Justerare Paula Ör, Justerare":
    the role after each name, as a title; no label opens a line there."""
    minutes = parse_text(
        "PROTOKOLL från Kommunfullmäktige 2012-06-18\nPlats och tid: Medborgarhuset, klockan 15:00-20:00. "
        "Närvarande ledamöter: Klas Nord (FP), ordförande Peter Korn (M) Boel Holm (C) Paula Ör (S) Jan Skog (M) "
        "Ewa Johan (M)\nUtses att justera: Boel Holm och Paula Ör\nUnderskrifter: Cecilia Sted, Sekreterare Klas "
        "Nord, Ordförande Boel Holm, Justerare Paula Ör, Justerare ANSLAG/BEVIS Protokollet är justerat. Justeringen "
        "har tillkännagivits genom anslag\n\n§ 90 Motion\n\nMotionen avslås.\n"
    )
    assert minutes["secretary"] == "Cecilia Sted"
    assert minutes["chair"] == "Klas Nord"


def test_the_names_of_a_signature_table_after_a_cell_of_the_field_above():
    """ "Sekreterare / Ordförande , kl 13.30, Kommunförvaltningen Michael Lund Birgitta Jöns Olof Röst": the
    justering's time and place before the names; the third, chosen to justera, signs as justerare (its label lost)."""
    minutes = parse_text(
        "Kommunstyrelsen. Sammanträdesprotokoll 2014-11-10\nPlats och tid Kommunhuset, Ekby, kl 13.30\n"
        "Beslutande Birgitta Jöns (S), ordförande Olof Röst (M) Fredrik Jöns (C)\n\nUtses att justera\n"
        "Justeringens tid och plats Olof Röst (M) Justerade paragrafer\nSekreterare\n"
        "Ordförande , kl 13.30, Kommunförvaltningen Michael Lund Birgitta Jöns Olof Röst\n\n"
        "§ 157 Information\n\nInformationen noteras.\n"
    )
    assert minutes["secretary"] == "Michael Lund"
    assert minutes["adjusters"] == ["Olof Röst"]


ASSOCIATION = (
    "Protokoll för styrelsemöte måndag 4 juli 2011 i Bygdegården.\nNärvarande: Marie Persson, Britt-Inger Holm, "
    "Johnny Söder och Stig Anders.\n§ 1/ Mötet öppnades.\n§ 2/ Dagordningen fastställdes.\n"
    "§ 3/ Mötet avslutades.\n{signatures}"
)


def test_each_signers_label_under_the_name():
    """ "Stig Anders" / "Sekreterare", then "Marie Persson  Britt-Inger Holm" / "Ordförande  Justerare"."""
    minutes = parse_text(
        ASSOCIATION.format(
            signatures="Stig Anders\nSekreterare\nMarie Persson  Britt-Inger Holm\nOrdförande   Justerare\n"
        )
    )
    assert (minutes["secretary"], minutes["chair"], minutes["adjusters"]) == (
        "Stig Anders",
        "Marie Persson",
        ["Britt-Inger Holm"],
    )


def test_a_label_over_a_name_and_a_name_under_it_is_not_read_as_the_name_above():
    """ "Sekreterare" between "Stig Anders" and "Marie Persson": the label over the name after it (the usual layout)
    when the line below names as many as the label does."""
    minutes = parse_text(ASSOCIATION.format(signatures="Sekreterare\nMarie Persson\nOrdförande\nStig Anders\n"))
    assert minutes["secretary"] == "Marie Persson"


def test_captions_after_the_names_on_a_first_page_run_into_one_line():
    minutes = parse_text(
        "Landstingsfullmäktiges protokoll Sammanträdet den 24 och 25 november Inga Gust, sekreterare Justerat den 2 "
        "december 2014 Kenneth Back Elisabeth Lind, Ingela Uv Nordell, justerare Anders Jos, justerare Bevis "
        "Justeringen har tillkännagivits genom anslag\n\n97 Sammanträdet öppnas\n\nSammanträdet öppnas kl 10.\n"
    )
    assert minutes["secretary"] == "Inga Gust"
    assert minutes["adjusters"] == ["Ingela Uv Nordell", "Anders Jos"]


def test_a_list_with_a_chairs_caption_is_no_signature():
    minutes = parse_text(
        "Protokoll\nBeslutande: Anna Berg (S), ordförande Per Ek (M), vice ordförande Ida Falk (C)\n"
        "Justeringen sker 2 december\n\n§ 1 Val av justerare\n\nPer Ek utses.\n"
    )
    assert minutes["secretary"] is None


def test_each_signers_caption_on_the_line_under_the_name():
    result = parse_text(
        "Kommunfullmäktiges protokoll 2015-09-17\nPlats och tid\nFolkets Hus den 17 september 2015, kl 18.00\n"
        "Utses att justera\nThomas Dahl, MP och Tord Jem, M.\nUnderskrifter\nAnna Back\nSekreterare\nKjell Svant\n"
        "Ordförande\nThomas Dahl\nJusterande\nTord Jem\nJusterande\nJusteringen har tillkännagivits genom anslag\n\n"
        "§ 146\nDnr 8-2015\nMeddelanden om nya ledamöter\n\nAvsägelsen godkänns.\n"
    )
    assert (result["secretary"], result["chair"]) == ("Anna Back", "Kjell Svant")
    assert result["items"][0]["title"] == "Meddelanden om nya ledamöter"


def test_a_caption_under_a_line_that_is_no_name_is_no_signature():
    result = parse_text(
        "Protokoll Kommunstyrelsen 2015-09-17\nUnderskrifter\nSe sidan 2\nOrdförande\nKjell Svant\n\n"
        "§ 1 Budget\n\nStyrelsen godkänner budgeten.\n"
    )
    assert result["chair"] == "Kjell Svant"


def test_justerare_chosen_verb_first_each_with_a_title_before_the_name():
    result = parse_text(
        "Sammanträde 2013-04-09\n\nPlats\nHemmahamnen\n\n§1 Anmälan om protokolljustering\n\nAnmäldes justerat "
        "protokoll.\n\n§2 Val av justeringsmän\n\nUtsågs ordföranden Jonas Nils (M) att jämte tjänstgörande "
        "suppleanten Lars-Erik Back (V) justera dagens protokoll.\n"
    )
    assert result["adjusters"] == ["Jonas Nils", "Lars-Erik Back"]


def test_the_signatures_under_a_later_pages_letterhead():
    result = parse_text(
        "PROTOKOLL\nSammanträdesdatum Kommunstyrelsen\nTid Tisdagen den 1 september 2015 kl. 8:00\n"
        "Beslutande Johan Pers (S), ordförande Christina Fos (M)\n\n"
        "Kommunstyrelsen PROTOKOLL Sammanträdesdatum (2) Sekreterare Jonas Sverk\n\n"
        "185 Information Kommunstyrelsen tar del av informationen.\n"
    )
    assert result["secretary"] == "Jonas Sverk"


def test_a_first_pages_letterhead_before_its_place_and_time_stays():
    result = parse_text(
        "STORUMANS KOMMUN PROTOKOLL 1 (25) Plats och tid Dialogen, kommunhuset, Storuman 2012-09-26, kl 09.00\n"
        "Beslutande Allan Fors (S), ordförande\n\n§ 1 Budget\n\nNämnden godkänner budgeten.\n"
    )
    assert result["organisation"] == "Storumans kommun"
