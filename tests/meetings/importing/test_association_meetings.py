"""An association's meeting of its members, which chooses its own chair and secretary (issue 27, session of 7
December, evening: built on unseen5's associations, measured on unseen10). Each case in a small document made for
its test."""

from meetings.importing import parse_text

ANNUAL = (
    "Årsmöte protokoll 2023\nÅRSMÖTESPROTOKOLL Datum: 2023-04-20\nPlats: Klubblokalen\n"
    "Närvarande: Roland Jid, Bertil Lang, Alf Norde, Pernilla Dan, Per Sjö, Björn Fäll, Björn Sjö\n"
    "1. Ordförande Bertil Lang hälsade de närvarande välkomna och förklarade årsmötet öppnat.\n"
    "2. Val av ordförande och sekreterare för årsmötet Till ordförande för årsmötet valdes Björn Sjö Till sekreterare\n"
    "för årsmötet valdes Pernilla Dan.\n3. Val av 2 justeringsmän. Till justeringsmän valdes Alf Norde och Per Sjö.\n"
    "4. Styrelsens verksamhetsberättelse godkändes.\n"
)


def test_the_chair_and_secretary_chosen_for_the_annual_meeting_are_its_own():
    minutes = parse_text(ANNUAL)
    assert minutes["chair"] == "Björn Sjö"  # not the association's chair, who opened it
    assert minutes["secretary"] == "Pernilla Dan"  # a sentence over two of the transcript's lines
    assert minutes["body"] == "Årsmötet"
    assert minutes["adjusters"] == ["Alf Norde", "Per Sjö"]


def test_a_congregations_meeting_is_the_body():
    minutes = parse_text(
        "Protokoll fört vid församlingsmöte 2018-02-18\nNärvarande: 34 medlemmar\n\n§ 1 Mötets öppnande\n\n"
        "Marco Hel öppnade mötet.\n\n§ 2 Val av sekreterare\n\nTill sekreterare valdes Maria Lind.\n"
    )
    assert minutes["body"] == "Församlingsmötet"
    assert minutes["secretary"] == "Maria Lind"


def test_an_association_named_by_its_kind_before_its_boards_meeting_owns_it():
    minutes = parse_text(
        "PROTOKOLL FÖRT VID FÖRENINGEN NORDENS STYRELSEMÖTE MÅNDAGEN DEN 16 SEPTEMBER 2008\n"
        "Närvarande ledamöter: Kristina Pers, ordförande Christina Eric, vice ordförande\n\n"
        "§ 1 Val av protokolljusterare\n\nChristina Eric utses.\n"
    )
    assert minutes["organisation"] == "Föreningen Norden"


def test_the_meetings_officers_named_before_the_verb_that_chose_them():
    minutes = parse_text(
        "Protokoll från styrelsemötet 4 september\n\nMötets öppnande Mötet förklarades öppnat. Val av mötesordförande "
        "Åsa Berg valdes enhälligt till mötesordförande. Val av mötessekreterare Olle Holm valdes enhälligt till "
        "sekreterare. Val av två mötesjusterare Ulla Ek och Per Lind valdes till justerare.\n"
    )
    assert minutes["chair"] == "Åsa Berg"
    assert minutes["secretary"] == "Olle Holm"


def test_a_chair_the_members_chose_for_the_board_is_not_the_meetings():
    minutes = parse_text(
        "Protokoll fört vid årsmöte 2023-03-01\n\n1. Mötets öppnande\n\nOrdförande Lars Ek öppnade mötet.\n\n"
        "2. Val av styrelse\n\nÅsa Berg valdes enhälligt till ordförande i föreningen för ett år.\n"
    )
    assert minutes["chair"] == "Lars Ek"


def test_an_association_named_by_its_place_and_its_kind_owns_the_board_meeting():
    for owner in ("Adelsö Hembygdslag", "Östby Vägsamfällighet", "Roxens Fiskevårdsområdesförening"):
        minutes = parse_text(
            f"Protokoll fört vid styrelsemöte för {owner} torsdagen den 26 februari 2015 kl 19 i Uppgården\n"
            "Närvarande: Lars Sked, Siri Lund\n\n1. Mötets öppnande\n\nOrdförande Lars Sked öppnade mötet.\n"
        )
        assert minutes["organisation"] == owner


def test_a_society_a_decision_mentions_is_not_the_owner():
    minutes = parse_text(
        "Protokoll Kommunstyrelsen 2015-02-26\nNärvarande: Lars Sked, Siri Lund\n\n§ 1 Bidrag\n\n"
        "Kommunstyrelsen beviljar Adelsö Hembygdslag ett bidrag om 5 000 kronor.\n"
    )
    assert minutes["organisation"] != "Adelsö Hembygdslag"


def test_a_page_number_before_the_title_of_a_board_meeting_run_on_into_its_roll():
    minutes = parse_text(
        "1 Protokoll från styrelsemöte nr. 1 Reykjavik, 7-9 februari 2009 Närvarande Annika Sill, ordförande Inger "
        "Strand, styrelsemedlem Claus Krog, styrelsemedlem Gunnel Öst, styrelsemedlem Set Lonn, sekreterare\n"
        "1. Godkännande av dagordning Styrelsen godkände dagordningen.\n"
    )
    roles = {a["name"]: a["role"] for a in minutes["attendance"]}
    assert roles == {
        "Annika Sill": "ordförande",
        "Inger Strand": "styrelsemedlem",
        "Claus Krog": "styrelsemedlem",
        "Gunnel Öst": "styrelsemedlem",
        "Set Lonn": "sekreterare",
    }
    assert minutes["chair"] == "Annika Sill"


def test_items_numbered_without_a_dot_a_few_lines_apart_are_no_page_numbers():
    minutes = parse_text(
        "Protokoll från styrelsemöte 2015-06-04\n\nNärvarande   Eva Lind\nPer Berg\n\n 1. Mötets öppnande\n\n"
        "Ordförande Eva Lind öppnade mötet.\n\n2 Val av kassör\n\nSom kassör omvaldes Per Berg.\n\n"
        "3 Val av firmatecknare\n\nEva Lind och Per Berg valdes att var för sig vara firmatecknare.\n\n"
        "4 Adjungerad styrelseledamot\n\nBo Ek valdes att vara adjungerad till styrelsen.\n"
    )
    assert [item["title"] for item in minutes["items"]] == [
        "Mötets öppnande",
        "Val av kassör",
        "Val av firmatecknare",
        "Adjungerad styrelseledamot",
    ]


def test_a_sharing_sites_page_numbers_before_long_pages_still_go():
    page = "Styrelsen diskuterade verksamheten och ekonomin under perioden. " * 12
    minutes = parse_text(
        "Protokoll styrelsen 2015-06-04\nNärvarande: Eva Lind, Per Berg\n\n§ 1 Ekonomi\n\n"
        + page
        + "\n\n2 "
        + page
        + "\n\n3 "
        + page
        + "\n\n§ 2 Verksamhet\n\nStyrelsen godkänner rapporten.\n"
    )
    assert [item["title"] for item in minutes["items"]] == ["Ekonomi", "Verksamhet"]


def test_a_boards_members_with_and_without_a_vote():
    minutes = parse_text(
        "Protokoll Scoutstyrelsen, 6-7 april 2019 Stockholm\nNärvarande med rösträtt Ulf Kling Gustaf Haag Hanna "
        "Nils Carin Steg\nNärvarande utan rösträtt Eva Lund\n\n30. Mötets öppnande Gustaf Haag "
        "förklarade mötet öppnat.\n"
    )
    rows = {a["name"]: (a["status"], a["role"]) for a in minutes["attendance"]}
    assert rows["Ulf Kling"] == ("närvarande", "ledamot")
    assert rows["Eva Lund"][0] == "närvarande" and rows["Eva Lund"][1] != "ledamot"


def test_a_chair_with_a_middle_initial_named_in_the_text():
    minutes = parse_text(
        "Protokoll Gemensamma nämnden 2019-05-03\n\n• Ordföranden, Mats E Nilsson (L), hälsar välkommen och öppnar "
        "mötet.\n\n§ 31\n\nVal av justerare och tid för justering\n\n• Mats E Nilsson tar upp föregående protokoll.\n"
    )
    assert minutes["chair"] == "Mats E Nilsson"


def test_a_web_pages_list_whose_every_point_is_numbered_one():
    minutes = parse_text(
        "Protokoll från årsstämma i Långvikens vägsamfällighet\n\nTid: Lördagen den 12 juli 2014, kl. 10.00\n\n"
        "1. Val av ordförande för stämman.\n\nLars Jaco valdes till ordförande.\n\n"
        "1. Val av sekreterare för stämman.\n\nGraham Ains valdes till sekreterare.\n\n"
        "1. Fråga om stämmans behöriga utlysande, godkännande av dagordning samt upprättande av närvarolista.\n\n"
        "Stämman förklarades vara behörigt utlyst.\n"
    )
    assert len(minutes["items"]) == 3
    assert minutes["items"][2]["title"].startswith("Fråga om stämmans behöriga utlysande")
    assert minutes["organisation"] == "Långvikens vägsamfällighet"


def test_points_with_their_text_whose_numbers_the_first_paragraph_goes_on_from_are_items():
    minutes = parse_text(
        "1 Protokoll fört vid styrelsemöte nr 5 onsdagen den 2 maj 2018 kl. 16 i Hembygdsmuseet 1 Mötets öppnande "
        "Föreningens ordförande Sven Hugo förklarade styrelsemötet öppnat. 2 Upprop Närvarande ledamöter: Sven Hugo, "
        "Ingemar Jans och Gunnar Winb. Anmält förhinder: Barbro Svärd. 3 Godkännande av dagordning Förslaget till "
        "dagordning godkändes med tillägg av en punkt. 4 Föregående mötes protokoll Inga frågor förekom. Protokollet "
        "lades till handlingarna. 5 Justering Att tillsammans med ordföranden justera protokollet valdes Gunnar Winb. "
        "Bordlagda ärenden (inga) 7 Beslut som presidiet fattat (inga) 8 Nya ärenden Styrelsen beslutade att köpa en "
        "ny skylt.\n"
    )
    numbers = [item["number"] for item in minutes["items"]]
    assert numbers[-5:] == ["3", "4", "5", "7", "8"]


def test_a_short_agenda_before_the_paragraphs_is_still_no_items():
    minutes = parse_text(
        "Protokoll styrelsen 2018-05-02\nNärvarande: Sven Hugo, Ingemar Jans\n\n1. Mötets öppnande\n2. Dagordning\n"
        "3. Ekonomi\n\n§ 1 Mötets öppnande\n\nOrdföranden öppnade mötet.\n\n§ 2 Dagordning\n\nDagordningen godkändes.\n"
    )
    assert [item["title"] for item in minutes["items"]] == ["Mötets öppnande", "Dagordning"]


MEMBERS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ\n\nÅrsmötesprotokoll\n\nPROTOKOLL fört vid årsmöte med SPF:s medlemmar onsdagen "
    "den 4 mars 2020, klockan 14:30.\n\nPlats: Folkets Hus\n\nNärvarande: 80 personer\n\n§ 1 Mötets öppnande\n\n"
    "Ordföranden förklarade årsmötet öppnat.\n\n§ 2 Val av årsmötets ordförande\n\nMötet föreslog sittande och "
    "Tore Berg valdes till ordförande för mötet.\n\n§ 3 Val av årsmötets sekreterare\n\nMötet föreslog sittande och "
    "Vivi Holm valdes till årsmötets sekreterare.\n\n§ 4 Val av 2 justeringsmän, tillika rösträknare\n\n"
    "Mötet föreslog Lena Ahl och Nils Åkesson, som valdes av mötet.\n"
)


def test_an_annual_meeting_of_an_associations_members_names_its_owner_body_and_officers():
    minutes = parse_text(MEMBERS)
    assert minutes["organisation"] == "SPF"  # not the site's index of letters on the first line
    assert minutes["body"] == "Årsmötet"
    assert minutes["chair"] == "Tore Berg"
    assert minutes["secretary"] == "Vivi Holm"
    assert minutes["adjusters"] == ["Lena Ahl", "Nils Åkesson"]
    assert {"Tore Berg", "Lena Ahl", "Nils Åkesson"} <= {a["name"] for a in minutes["attendance"]}


def test_officers_chosen_for_the_evenings_meeting_in_points_that_are_sentences():
    minutes = parse_text(
        "Årsmötesprotokoll 2009\n\nByalagets årsmöte 10/2 2009\n\nNärvarande: Tom Ek, Karl Öberg, Lisa Wall, Kent "
        "Sand, Åsa Jonsson, Karin Olsson, Britt-Inger Ljung Willing\n\n1. Mötet öppnades.\n2. Dagordningen "
        "godkändes.\n3. Britt-Inger Ljung Willing valdes till ordförande för kvällens möte.\n4. Karin Olsson valdes "
        "till sekreterare för kvällens möte.\n5. Till justeringsmän valdes Kent Sand och Karl Öberg.\n"
    )
    assert minutes["chair"] == "Britt-Inger Ljung Willing"
    assert minutes["secretary"] == "Karin Olsson"
