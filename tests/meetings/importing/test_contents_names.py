"""Contents a protocol names in its own words, and contents whose entries lost their pages (issue 27, session of
7 December, evening: built on unseen9, measured on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text

HEADER = (
    "Fritidsnämnden\nPlats och tid: Kommunhuset, kl 13:00-15:00\n"
    "Beslutande: Maja Lind (S), ordförande Per Ek (M) Ida Falk (C)\nUtses att justera: Per Ek\n\n"
)


def titles(minutes):
    return [item["title"] for item in minutes["items"]]


def test_a_decided_list_of_cases_names_the_items_even_a_heading_of_three_letters():
    """ "Beslutad ärendelista 157 Information Protokoll Val Budget 2016, plan …": the first § kept, the others lost;
    the headings parted by their sentence case, and "Val" is a heading, not a scrap."""
    minutes = parse_text(
        HEADER + "Beslutad ärendelista 157 Information Protokoll Val Budget 2016, plan Taxor 2016 för Norråsens "
        "renhållningsförbund Detaljplan för Ekby centrum\n"
    )
    assert titles(minutes) == [
        "Information",
        "Protokoll",
        "Val",
        "Budget 2016, plan",
        "Taxor 2016 för Norråsens renhållningsförbund",
        "Detaljplan för Ekby centrum",
    ]


def test_contents_after_a_pages_number_with_the_first_paragraph_after_it():
    """ "2 Innehåll 106 Godkännande av dagordning Föregående protokoll …": the page's number before the word, the
    first "§" after it."""
    minutes = parse_text(
        HEADER + "2 Innehåll 106 Godkännande av dagordning Föregående protokoll Uppföljning av verksamhetsplanen "
        "Öppettider för simhallen\n"
    )
    assert titles(minutes) == [
        "Godkännande av dagordning",
        "Föregående protokoll",
        "Uppföljning av verksamhetsplanen",
        "Öppettider för simhallen",
    ]


def test_innehall_opening_a_sentence_is_no_contents():
    minutes = parse_text(HEADER + "§ 1 Avtal med föreningen\n\nInnehåll i avtalet redovisas av förvaltningen.\n")
    assert titles(minutes) == ["Avtal med föreningen"]


def test_a_phrase_that_names_the_cases_handled_opens_the_contents():
    minutes = parse_text(
        HEADER + "2 Sammanträdesdatum FÖLJANDE ÄRENDEN BEHANDLADES PÅ SAMMANTRÄDET: 160 Fastställande av mål för "
        "Ekby kommun och dess bolag Budgetuppföljning januari-augusti 162 Anvisande av medel för projekt\n"
    )
    assert titles(minutes) == [
        "Fastställande av mål för Ekby kommun och dess bolag",
        "Budgetuppföljning januari-augusti",
        "Anvisande av medel för projekt",
    ]


def test_entries_after_the_last_page_that_lost_theirs_are_items_too():
    """An excerpt with contents of pages ("… 5", "… 6"), then headings whose pages were lost: each is an item."""
    minutes = parse_text(
        HEADER + "3 Protokoll 3 (40) Ärenden vid dagens sammanträde Sida Information från kommundirektören... 5 "
        "Information från utskotten... 6 Förslag till ägardirektiv för Ekby Energi AB... 8 Upphandling av "
        "särskilt boende Policy för kontinuitet Nybyggnation av LSS-boende\n"
    )
    assert titles(minutes) == [
        "Information från kommundirektören",
        "Information från utskotten",
        "Förslag till ägardirektiv för Ekby Energi AB",
        "Upphandling av särskilt boende",
        "Policy för kontinuitet",
        "Nybyggnation av LSS-boende",
    ]


def test_the_signatures_label_of_the_cases_handled_is_no_contents():
    """ "Underskrifter … behandlade ärenden:" is the label of the signatures over the paragraphs they sign."""
    minutes = parse_text(
        HEADER + "Underskrifter för behandlade ärenden: Maja Lind Per Ek\n\n§ 1 Mötets öppnande\n\nOrdföranden "
        "öppnade mötet.\n\n§ 2 Val av justerare\n\nPer Ek valdes.\n"
    )
    assert titles(minutes) == ["Mötets öppnande", "Val av justerare"]


def decisions_of(minutes):
    return {item["title"]: [d["text"] for d in item["decisions"]] for item in minutes["items"]}


def test_a_decision_label_whose_bodys_name_the_transcript_lost_parts_heading_and_decision():
    """ "Pu 8 Godkännande av dagordningen s beslut godkänner dagordningen": "Personalutskottets" set apart on the
    page, only its "s" left; the account after the decision ("Ärendet Kommunen …") is no part of it."""
    minutes = parse_text(
        HEADER + "3 (10) Pu 8 Godkännande av dagordningen s beslut godkänner dagordningen\n\n"
        "4 (10) Pu 9 Dnr Information om företagshälsovården i Ekby s beslut tackar för informationen. Ärendet "
        "Kommunen som arbetsgivare ska enligt arbetsmiljölagen ha tillgång till företagshälsovård.\n"
    )
    assert decisions_of(minutes) == {
        "Godkännande av dagordningen": ["godkänner dagordningen"],
        "Information om företagshälsovården i Ekby": ["tackar för informationen."],
    }
    # no text is lost, and none is made up: the account stays the item's text, after the label in its own words
    assert minutes["items"][1]["text"].startswith("s beslut tackar för informationen. Ärendet Kommunen som")


def test_a_decision_that_announces_its_changes_keeps_their_short_points():
    minutes = parse_text(
        HEADER + "§ 1 Fastställande av dagordning\n\nDagordningen fastställs med följande ändringar: Följande "
        "ärenden tillkommer: 4a Motion om en toalett vid torget. 12. Entledigande av ledamot 13. Val av ledamot. "
        "Följande ärende utgår: P 8 Information.\n\n§ 2 Val av justerare\n\nPer Ek utses att justera.\n"
    )
    assert decisions_of(minutes)["Fastställande av dagordning"] == [
        "Dagordningen fastställs med följande ändringar: Följande ärenden tillkommer: 4a Motion om en toalett vid "
        "torget. 12. Entledigande av ledamot 13. Val av ledamot. Följande ärende utgår: P 8 Information."
    ]


def test_a_decision_that_returns_the_case_is_not_cut_as_an_account():
    """ "Ärendet återremitteras." is a decision's sentence, not the subheading "Ärendet" of its account."""
    minutes = parse_text(
        HEADER + "§ 4 Motion om cykelvägar\n\nBeslut: Nämnden avslår motionen. Ärendet återremitteras till "
        "förvaltningen.\n"
    )
    assert decisions_of(minutes)["Motion om cykelvägar"] == [
        "Nämnden avslår motionen. Ärendet återremitteras till förvaltningen."
    ]


def test_an_excerpt_cut_after_its_first_items_keeps_their_text_and_names_the_rest_from_the_contents():
    """Contents without pages, carried on to the next page ("35 Valärenden Avslutning Information... 30"); the text
    holds the first items' bodies only."""
    minutes = parse_text(
        "Protokoll från landstingsfullmäktiges sammanträde den 27 april 2010\n\nINNEHÅLLSFÖRTECKNING 16 Sammanträdets "
        "öppnande Upprop Protokolljustering Skrivelser till fullmäktige Interpellationer och frågor Lån till "
        "Länsgården för projekt Ängen\n\n35 Valärenden Avslutning Information... 30\n\n\n16 Sammanträdets öppnande "
        "Ordföranden hälsar ledamöterna välkomna. Sammanträdet förklaras öppnat. 17 Upprop Företas upprop, varvid "
        "anteckning om närvaro sker enligt bilaga.\n"
    )
    assert titles(minutes)[:2] == ["Sammanträdets öppnande", "Upprop"]
    assert "Ordföranden hälsar ledamöterna välkomna" in minutes["items"][0]["text"]
    assert {"Protokolljustering", "Valärenden", "Avslutning"} <= set(titles(minutes))


def test_a_heading_with_a_spaced_colon_ends_where_its_text_repeats_the_name_it_ends_with():
    """ "Kn 1 Dnr KN 05/ Bidragsansökan : Musik Direkt Musik Direkt är ett av Sveriges största …"."""
    minutes = parse_text(
        HEADER
        + "2 Kulturnämnden Kn 1 Dnr KN 05/ Bidragsansökan : Musik Direkt Musik Direkt är ett av Sveriges största "
        "årliga evenemang för unga musiker, där alla som musicerar får delta. Kulturnämnden beslutar att ge Musik i "
        "Dalarna bidrag med 3000 kr.\n\n3 Kulturnämnden Kn 2 Dnr KN 05/ Bidragsansökan: Konstspaning i bygden "
        "Konstnärer i bygden ställer ut under sommaren och söker bidrag för affischer och annonser i ortens tidning.\n"
    )
    assert titles(minutes)[0] == "Bidragsansökan: Musik Direkt"
    assert "Musik Direkt är ett av" in minutes["items"][0]["text"]


def test_numbers_inside_the_first_pages_text_are_no_items_where_the_contents_name_them():
    """ "… fastighetschef p 4 Arkitekter från Tyréns p 4 Håkan Ek, verksamhetschef p 5 Tommy Klaar (V) …": the items
    a person was there for, not items; the contents name the items (cut before their bodies), and the people stay."""
    minutes = parse_text(
        "1 1 Ärendeförteckning 39 Val av justerare Fastställande av ärendelista Ny förskola i Söråker Ekonomisk "
        "rapport mars Övriga frågor sid\n2 2 Plats och tid Kommunhuset 13:00 Beslutande Maria Vill (V) Lisbeth Ek "
        "(S) Övriga närvarande Rigmor Edel, sekreterare Birgit Eden, förvaltningschef p 4 Arkitekter från Tyréns p 4 "
        "Håkan Eriks, verksamhetschef p 5 Tommy Klaar (V), ersättare\n"
    )
    assert titles(minutes) == [
        "Val av justerare",
        "Fastställande av ärendelista",
        "Ny förskola i Söråker",
        "Ekonomisk rapport mars",
        "Övriga frågor",
    ]


def test_an_excerpt_that_reached_its_first_paragraph_names_the_others_from_the_contents():
    minutes = parse_text(
        "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL Sammanträdesdag 2013-05-02. Miljönämnden\n"
        "Innehåll 15 Förslag till yttrande över remiss om dagvatten Tertialuppföljning för nämndens verksamhet "
        "Redovisning av delegationsbeslut Kurser och konferenser\n"
        "Beslutande Bertil Eng (MP), ordförande Erik Johan (M)\n\n§ 15 Dnr Förslag till yttrande över remiss om "
        "dagvatten\n\nNämnden anser att remissen är välkommen och lämnar yttrande enligt förslaget.\n"
    )
    assert titles(minutes) == [
        "Förslag till yttrande över remiss om dagvatten",
        "Tertialuppföljning för nämndens verksamhet",
        "Redovisning av delegationsbeslut",
        "Kurser och konferenser",
    ]
    assert "remissen är välkommen" in minutes["items"][0]["text"] + str(minutes["items"][0]["decisions"])


def test_the_decisions_handled_listed_before_the_attendance_on_the_same_line():
    minutes = parse_text(
        "PROTOKOLL 1 (9) Sammanträde 2012: Tid och plats kl 13, sammanträdesrum Skansen. Behandlade beslutsärenden vid "
        "detta sammanträde 7 Internrevisionens rapportering Revisionsplan för året Årsredovisning 14 Preliminära "
        "sammanträdestider 2013 Närvarande Ledamöter Carl Benn ordförande Anna Falck Eva Halv\n"
    )
    assert titles(minutes) == [
        "Internrevisionens rapportering",
        "Revisionsplan för året",
        "Årsredovisning",
        "Preliminära sammanträdestider 2013",
    ]


def test_a_standard_first_heading_opening_a_line_is_an_item_where_none_was_found():
    minutes = parse_text(
        "Kommunala handikapprådet\nPlats och tid: Museet, måndag den 20 april 2009, kl 13\n\nMötets öppnande "
        "Ordföranden hälsade välkommen och förklarade mötet öppnat. Därpå följde en presentationsrunda.\n"
    )
    assert titles(minutes) == ["Mötets öppnande"]
    assert "presentationsrunda" in minutes["items"][0]["text"]


def test_a_sentence_about_the_agenda_opens_no_item():
    minutes = parse_text(
        "Kommunala handikapprådet\nPlats och tid: Museet, måndag den 20 april 2009, kl 13\n\nDagordningen skickades "
        "ut i god tid före mötet.\n"
    )
    assert titles(minutes) == ["Inledning"]


def test_contents_that_open_with_the_word_arenden_and_the_first_number():
    minutes = parse_text(
        HEADER + "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL\nÄrenden 13 Parentation 14 Anmälan av ny ledamot 15 Årsredovisning "
        "2012 med verksamhetsberättelse 16 Ansvarsfrihet\n\nEKBY KOMMUN SAMMANTRÄDESPROTOKOLL\n13 Parentation "
        "Fullmäktige har tyst minut.\n"
    )
    titles = [item["title"] for item in minutes["items"]]
    assert {"Parentation", "Anmälan av ny ledamot", "Ansvarsfrihet"} <= set(titles)


def test_a_sentence_about_the_cases_is_no_contents():
    minutes = parse_text(HEADER + "§ 1 Information\n\nÄrenden 2 och 3 bordläggs till nästa möte.\n")
    assert [item["title"] for item in minutes["items"]] == ["Information"]
