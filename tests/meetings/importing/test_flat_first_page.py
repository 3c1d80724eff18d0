"""A first page flattened to one run, as a sharing site's transcript gives it: its page number written "1(112)" before
the first label, no title naming it a protokoll, substitutes written "tjgör för", a double given name broken at the
line's end. Each document is made up for its rule (issue 27)."""

from meetings.importing import parse_text
from meetings.importing.cleanup import normalise

MEMBERS = (
    "Beslutande Åsa Lind (S), ordf Per Ek (M) Olle Berg (V) Karin Holm (S) Nils Åberg (C) tjgör för Eva Sand (C), "
    "12-20 Mona Lund (S) tjgör för Kurt Moberg (S) Lars Ahl (L) tjgör för Inga- Lis Strand (L) Ersättare Anna Björk "
    "(S), 12-16 Emil Nord (M) Utses att justera Per Ek"
)


def test_a_page_number_in_brackets_before_the_first_label_is_no_title():
    for page in ("1(112) ", "1 (112) ", "Sida 1 av 4 ", "1/4 "):
        result = parse_text(page + "Plats och tid Stadshuset, måndagen den 17 juni 2019 kl 18.00 " + MEMBERS)
        assert result["chair"] == "Åsa Lind", page
        assert {"Åsa Lind", "Per Ek", "Anna Björk"} <= {a["name"] for a in result["attendance"]}, page


def test_a_header_that_names_who_decided_is_a_protokolls_though_no_title_says_so():
    result = parse_text("1(9) Plats och tid Stadshuset, måndagen den 17 juni 2019 kl 18.00 " + MEMBERS)
    assert result["kind"] == "protokoll"
    assert parse_text("1 (4) Paragrafer 12-20 Plats och tid Stadshuset, 17 juni 2019 " + MEMBERS)["kind"] == "protokoll"


def test_notes_that_name_no_deciding_members_stay_notes():
    result = parse_text(
        "Minnesanteckningar\nNätverksträff 17 juni 2019\nNärvarande: Åsa Lind, Per Ek\n\n1. Inledning\n\n"
        "Beslutande organ för frågan är styrelsen.\n"
    )
    assert result["kind"] == "minnesanteckningar"


def test_tjgor_for_names_the_member_served_for():
    result = parse_text("Plats och tid Stadshuset, måndagen den 17 juni 2019 kl 18.00 " + MEMBERS)
    rows = {a["name"]: a for a in result["attendance"]}
    assert rows["Nils Åberg"]["serving_for"] == "Eva Sand"
    assert rows["Nils Åberg"]["role"] == "tjänstgörande ersättare"
    assert rows["Mona Lund"]["serving_for"] == "Kurt Moberg"
    assert not rows["Mona Lund"]["organisation"] or "tjg" not in rows["Mona Lund"]["organisation"]


def test_a_double_given_name_broken_at_the_lines_end_is_one_name():
    result = parse_text("Plats och tid Stadshuset, måndagen den 17 juni 2019 kl 18.00 " + MEMBERS)
    assert {a["name"]: a for a in result["attendance"]}["Lars Ahl"]["serving_for"] == "Inga-Lis Strand"


def test_a_broken_compound_that_is_no_given_name_stays_apart():
    long = "Ärendet gäller Kultur- Fritid Nämnden och samverkan med Vård- och omsorgsnämnden i hela kommunen " * 2
    lines, _warnings = normalise(long)
    assert "Kultur- Fritid Nämnden" in lines[0]
    assert "Vård- och omsorgsnämnden" in lines[0]


FIRST_PAGE = (
    "PROTOKOLL 1(12)\nTid: Kl 13:00-16:40\nPlats: Rådhuset\nLedamöter: Se närvarolista Övriga: Kalle Ström, "
    "kommunchef, Siv Dahl, kommunsekreterare Justeringsdag: Paragrafer: 1-9 Justerare: Eva Ek Ola Björk "
    "Siv Dahl Tore Lind Eva Ek Ola Björk kommunsekreterare ordförande justerare justerare ANSLAGSBEVIS Justeringen "
    "har tillkännagivits via anslag\n\n§ 1 Budget\n\nFullmäktige fastställer budgeten.\n"
)


def test_signatures_captioned_after_their_names_name_chair_secretary_and_justerare():
    result = parse_text(FIRST_PAGE)
    assert result["secretary"] == "Siv Dahl"
    assert result["chair"] == "Tore Lind"
    assert result["adjusters"] == ["Eva Ek", "Ola Björk"]


def test_a_list_kept_elsewhere_gives_way_to_the_next_label_and_a_justering_date_ends_it():
    rows = {a["name"]: a for a in parse_text(FIRST_PAGE)["attendance"]}
    assert rows["Kalle Ström"]["role"] == "kommunchef"
    assert rows["Siv Dahl"]["role"] == "kommunsekreterare"


def test_captions_fewer_than_the_names_before_them_pair_with_no_one():
    from meetings.importing.parser.signature_rows import captioned_names

    assert captioned_names("Eva Ek Ola Björk Siv Dahl ordförande") is None
    assert captioned_names("Mötet leddes av ordförande och sekreterare") is None
    assert captioned_names("Eva Ek Ola Björk sekreterare ordförande") == (
        0,
        [("Eva Ek", "sekreterare"), ("Ola Björk", "ordförande")],
    )


NOTICE_PAGE = (
    "1 (25)\nPlats och tid Rådhuset, onsdagen den 17 december 2014 kl 17:30\nBeslutande Se bilagda sammanträdeslista\n"
    "Övriga Karin Holm, sekreterare\nUtses att justera Lars Berg (C) och Anna Wik (SD)\n"
    "Sekreterare Karin Holm\nOrdförande Anders Nettel Lars Berg Anna Wik\n"
    "ANSLAG/BEVIS Protokollet är justerat. Nämnd Kommunfullmäktige Datum då anslaget sätts upp\n\n"
    "§ 85 Sammanträdets kungörande\n\nSammanträdet har kungjorts.\n"
)


def test_a_chairs_signature_followed_by_the_justerares_whose_label_was_lost():
    result = parse_text(NOTICE_PAGE)
    assert result["chair"] == "Anders Nettel"
    assert result["adjusters"] == ["Lars Berg", "Anna Wik"]


def test_a_list_of_officers_after_the_chairs_label_is_not_the_chair():
    result = parse_text(
        "PROTOKOLL Kommunstyrelsens utskott\nOrdförande Janette Olsson (s) Vice ordförande Inger Johnsson (c) "
        "Jan Rohlén (s)\n\n§ 1 Budget\n\nUtskottet godkänner budgeten.\n"
    )
    assert result["chair"] != "Janette Olsson Vice ordförande"
    assert "Janette Olsson Vice ordförande" not in {a["name"] for a in result["attendance"]}


def test_the_notices_cell_names_the_body_where_title_and_header_do_not():
    assert parse_text(NOTICE_PAGE)["body"] == "Kommunfullmäktige"


def test_a_signers_name_with_a_word_of_the_cell_before_it_is_the_name_the_lists_know():
    result = parse_text(
        "Kommunstyrelsen\nPlats och tid Kommunhuset i Ekby, den 3 mars 2014 kl 9\n"
        "Övriga närvarande Kommunchef Göran Claes, kanslichef Christian Björk, VA-chef Bengt Lind\n"
        "Utses att justera Anna Wik (M)\nUnderskrifter Sekreterare Kommunhuset i Ekby Christian Björk Ordförande "
        "Magnus Berg\n\n§ 1 Budget\n\nStyrelsen godkänner budgeten.\n"
    )
    assert result["secretary"] == "Christian Björk"


def test_a_list_of_officials_that_opens_with_a_capitalised_title_writes_each_title_before_its_name():
    result = parse_text(
        "Kommunstyrelsen 2014-03-03\nÖvriga närvarande Kommunchef Göran Claes, kanslichef Christian Björk, "
        "Samhällsbyggnadschef Jörgen Prahl, VA-chef Bengt Lind\n\n§ 1 Budget\n\nStyrelsen godkänner budgeten.\n"
    )
    roles = {a["name"]: a["role"] for a in result["attendance"]}
    assert roles == {
        "Göran Claes": "Kommunchef",
        "Christian Björk": "kanslichef",
        "Jörgen Prahl": "Samhällsbyggnadschef",
        "Bengt Lind": "VA-chef",
    }


def test_a_list_that_ends_with_a_title_writes_each_title_after_its_name():
    result = parse_text(
        "Kommunstyrelsen 2014-03-03\nÖvriga närvarande Tjänsteman Maria Hed, kommunsekreterare Peter Carl, "
        "kommunchef Conny Ek, näringslivschef\n\n§ 1 Budget\n\nStyrelsen godkänner budgeten.\n"
    )
    roles = {a["name"]: a["role"] for a in result["attendance"]}
    assert roles["Maria Hed"] == "kommunsekreterare"
    assert roles["Conny Ek"] == "näringslivschef"


def test_the_meetings_secretary_written_after_a_post_written_before_the_name():
    result = parse_text(
        "Kyrkorådet 2015-09-07\nÖvriga Kanslichef Karin Wid (sekreterare), biträdande kyrkoherde Lena Walder, "
        "fastighetschef Christer Nord\n\n§ 1 Budget\n\nKyrkorådet godkänner budgeten.\n"
    )
    roles = {a["name"]: a["role"] for a in result["attendance"]}
    assert roles["Karin Wid"] == "sekreterare"
    assert roles["Lena Walder"] == "biträdande kyrkoherde"


def test_the_paragraphs_a_member_was_there_for_do_not_cut_a_flattened_list():
    result = parse_text(
        "SAMMANTRÄDESPROTOKOLL Sid 86 (101) Plats och tid Förvaltningsbyggnaden, onsdagen den 19 februari 2014, kl "
        "Beslutande Tommy Nyd (s), ordförande Birgitta Lars (s) Roland Axel (s), kl , 40, 45 Maria Åhl (s) Tomas "
        "Junk (s) Stig Erk (v) Jeanette Wäpp (v), kl , 40 Fredric Olof (skp) Gun Isax (skp), tjg ers. kl , 46 "
        "Övriga deltagande Lennart Jon, kommunchef Ann Karl, kommunsekreterare Utses att justera Stig Erk\n\n"
        "§ 40 Besök\n\nStyrelsen tackar för besöket.\n"
    )
    names = {a["name"] for a in result["attendance"]}
    assert {"Maria Åhl", "Tomas Junk", "Gun Isax", "Lennart Jon", "Ann Karl"} <= names
    assert result["adjusters"] == ["Stig Erk"]


def test_signatures_drawn_with_equals_signs_and_the_notice_run_on_after_the_justerare():
    result = parse_text(
        "Kommunfullmäktige (38)\nPlats och tid Stadshuset, Ekby, kl. 13:00-17:45\nBeslutande\n"
        "Övriga deltagare Enligt separat närvaroförteckning Kommunsekreterare Matti Ols\n"
        "Tid och plats för justering Kommunstyrelsens kansli 30 mars 2007\nSekreterare\nParagrafer = Matti Ols\n"
        "Ordförande = Tom Sund (s)\nJusterare = Thor Ljung (s) Leif Vest (c) BEVIS Justeringen har tillkännagivits "
        "genom anslag Instans Kommunfullmäktige\n\n§ 17 Delgivningar\n\nFullmäktige lägger delgivningarna till "
        "handlingarna.\n"
    )
    assert result["chair"] == "Tom Sund"
    assert result["adjusters"] == ["Thor Ljung", "Leif Vest"]
    assert {a["name"]: a["role"] for a in result["attendance"]}["Matti Ols"] == "Kommunsekreterare"


def test_a_list_said_to_be_kept_elsewhere_is_still_read_from_the_lines_below():
    result = parse_text(
        "Protokoll Kommunstyrelsen 2014-03-03\nBeslutande: Enligt bifogad närvarolista\nEva Ek (S), ordförande\n"
        "Per Berg (M)\n\n§ 1 Budget\n\nStyrelsen godkänner budgeten.\n"
    )
    assert {"Eva Ek", "Per Berg"} <= {a["name"] for a in result["attendance"]}


def test_a_list_whose_label_follows_the_place_and_time_on_their_line():
    result = parse_text(
        "Allmänna utskottet\n\nPlats och tid Kommunförvaltningen, 2017-11-27, kl 0900 – 17.10 Beslutande Jan Lars, "
        "S\n\n"
        "Laila Mäk, S, §§ 126-141, 149 Ulrica Hamm, S Johan Lant, S\n\nCarolina Suik, V Hans-Erik Fors, V\n\n"
        "Utses att justera Ulrica Hamm, S\n\n§ 126 Budget\n\nUtskottet godkänner budgeten.\n"
    )
    assert {"Jan Lars", "Laila Mäk", "Ulrica Hamm", "Johan Lant", "Carolina Suik", "Hans-Erik Fors"} <= {
        a["name"] for a in result["attendance"]
    }
    assert result["place"].startswith("Kommunförvaltningen")
    assert result["date"] == "2017-11-27"


def test_the_paragraph_a_member_stayed_to_or_came_from_is_no_items_number():
    result = parse_text(
        "PROTOKOLL 1 (22)\nKulturnämnden\nPlats och tid Stadshuset kl 13.00\nBeslutande Daniel Sjö, ordförande (S) "
        "Klara Lund (S) Vasilis Pap (S) Jasmine Rav (S) t o m 69 Barbro Vik (MP) Tjänstgör för Jasmine Rav (S) fr o m "
        "70 Ulrica Berg (M) Ann-Christine Falk (C) Olav Erik (KD) Ersättare Anna Ulf (S) Tjänstemän Ida Mark, "
        "controller Anette Bur, nämndsekreterare\n\n§ 54 Val av justerare\n\nVasilis Pap utses.\n"
    )
    rows = {a["name"]: a for a in result["attendance"]}
    assert {"Ulrica Berg", "Olav Erik", "Anna Ulf", "Ida Mark", "Anette Bur"} <= set(rows)
    assert rows["Barbro Vik"]["serving_for"] == "Jasmine Rav"
    assert [item["title"] for item in result["items"]] == ["Val av justerare"]
