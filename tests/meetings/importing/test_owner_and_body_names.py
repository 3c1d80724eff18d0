"""How a protocol names its owner and the body that met (issue 27, fourth session of 6 December): the owner in a
letterhead, a breadcrumb or the genitive (companies, universities, parishes, foundations), the body on a header line
of its own or with its first part written apart ("Kultur- och fritidsnämnden"). Each rule in a small document made for
its test; built on the held-out sets unseen2 and unseen3 and measured on unseen4, collected after them
(docs/importing-corpus.md)."""

from meetings.importing import parse_text

ATTENDANCE = "Beslutande Anna Berg (S), ordförande Nils Ek (M)\nSekreterare Olle Falk\n\n§ 1 Information\nNoteras.\n"


def test_a_header_line_that_is_only_a_compound_body_name():
    minutes = parse_text(
        "Sida 1, utskriven 2015-09-22 - Stensjö kommun\nSTENSJÖ KOMMUN\nMiljö- och hälsoskyddsnämnden\n"
        "SAMMANTRÄDESPROTOKOLL\n2015-09-17\n" + ATTENDANCE
    )
    assert minutes["body"] == "Miljö- och hälsoskyddsnämnden"


def test_a_capitals_letterhead_with_the_owners_in_the_genitive():
    minutes = parse_text(
        "Storgatan 10, Växby\nKOMMUNERNAS SKOLNÄMND PROTOKOLL\nI VÄXBY LÄN Sammanträdesdag\n2020-03-31\n" + ATTENDANCE
    )
    assert minutes["body"] == "Kommunernas skolnämnd"


def test_a_body_found_in_the_text_keeps_its_first_part():
    minutes = parse_text(
        "Sammanträdesdatum 2012-03-06\n" + ATTENDANCE + "Fritidsnämnden beslutar att godkänna rapporten.\n"
        "Justeringen har tillkännagivits genom anslag Kultur- och fritidsnämnden Anslags uppsättande\n"
    )
    assert minutes["body"] == "Kultur- och fritidsnämnden"


def test_a_header_line_that_names_more_than_a_body_is_no_body_name():
    minutes = parse_text(
        "Protokoll\nSocialnämnden\nSammanträdesdatum 2012-03-06\nRapport från kommunstyrelsen i januari\n" + ATTENDANCE
    )
    assert minutes["body"] == "Socialnämnden"


def test_the_deepest_organisation_of_a_breadcrumb_owns_the_meeting():
    minutes = parse_text(
        "Din position: Hem > Växby stad > AB Växbyhem > Sammanträde 2013-04-09\n\nSammanträde 2013-04-09\n" + ATTENDANCE
    )
    assert minutes["organisation"] == "AB Växbyhem"


def test_a_university_a_parish_and_a_fire_brigade_in_the_letterhead():
    assert parse_text("NORRDALS UNIVERSITET PROTOKOLL 1(4)\n" + ATTENDANCE)["organisation"] == "Norrdals universitet"
    parish = parse_text("Protokoll Kyrkorådet Björkeby-Norra Sunds församling 2015-09-07\n" + ATTENDANCE)
    assert parish["organisation"] == "Björkeby-Norra Sunds församling"
    brigade = parse_text("Protokoll Västerdalens Brandkår 2015-05\nSAMMANTRÄDESPROTOKOLL\n" + ATTENDANCE)
    assert brigade["organisation"] == "Västerdalens Brandkår"


def test_a_company_or_foundation_named_as_the_owner_of_the_board():
    minutes = parse_text(
        "Protokoll fört vid det femte sammanträdet med styrelsen för Stiftelsen för Skoglig Forskning den 4 juni "
        "2003\n" + ATTENDANCE
    )
    assert minutes["organisation"] == "Stiftelsen för Skoglig Forskning"
    company = parse_text("Protokoll nr 3 fört vid styrelsesammanträde för Växby Fastigheter AB\n" + ATTENDANCE)
    assert company["organisation"] == "Växby Fastigheter AB"


def test_a_company_mentioned_in_an_item_does_not_own_the_meeting():
    minutes = parse_text(
        "Växby kommun\nKommunstyrelsen\nSAMMANTRÄDESPROTOKOLL 2012-04-17\n" + ATTENDANCE + "§ 2 Information\n"
        "Studenten berättar om sin studie vid Norrdals universitet och om Växby Energi AB.\n"
    )
    assert minutes["organisation"] == "Växby kommun"


def test_the_owner_in_the_genitive_before_its_board():
    minutes = parse_text("Nr 2/2009 Protokoll vid Mälarvårdsförbundets styrelsesammanträde\n" + ATTENDANCE)
    assert minutes["organisation"] == "Mälarvårdsförbundet"


def test_the_fullest_form_of_the_owners_name():
    minutes = parse_text("_. SKOGSREGIONEN KULTURNÄMNDEN\nProtokoll från Norra Skogsregionen\n" + ATTENDANCE)
    assert minutes["organisation"] == "Norra Skogsregionen"


def test_a_municipality_of_two_words():
    minutes = parse_text("Sammanträdesdatum 2012-04-17\n" + ATTENDANCE + "Bullret i Östra Göinge kommun mättes.\n")
    assert minutes["organisation"] == "Östra Göinge kommun"


def test_a_table_of_contents_with_dashes_is_no_breadcrumb():
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL\nProtokoll från kommunstyrelsens sammanträde\n"
        "Innehåll Budget för Växby Fordon AB - försäljning av aktierna i bolaget - avtal mellan landstinget och "
        "kommunerna i länet om hemsjukvård - finansiering av nya förskolor i Växby kommun\n" + ATTENDANCE
    )
    assert minutes["organisation"] == "Växby kommun"
    assert minutes["body"] == "Kommunstyrelsen"


def test_the_owners_full_name_over_its_genitive_in_the_title():
    minutes = parse_text(
        "Protokoll Regionförbundets arbetsutskott\nRegionförbundet i Växby län\nSammanträdesdatum 2009-08-27\n"
        + ATTENDANCE
    )
    assert minutes["organisation"] == "Regionförbundet i Växby län"


def test_an_utskott_named_alone_belongs_to_its_owner():
    minutes = parse_text(
        "Växby kommun\nArbetsutskott\nSammanträdesdatum 2009-08-27\n" + ATTENDANCE + "§ 2 Budget\n"
        "Kommunstyrelsens arbetsutskott föreslår kommunstyrelsen att anta budgeten.\n"
    )
    assert minutes["body"] == "Kommunstyrelsens arbetsutskott"


def test_a_body_named_by_what_it_is_for_keeps_its_field():
    minutes = parse_text(
        "Protokoll från sammanträde med styrgruppen för miljö och samhällsbyggnad\nTid: 12 maj 2015, kl 9\n"
        "Plats: Göteborg\nNärvarande ledamöter Mikael Berg (M), Ale, v. ordf. Tor Lars (M), Alingsås\n\n"
        "§ 1 Föregående protokoll\n\nProtokollet läggs till handlingarna. Ärendet remitteras till socialnämnden för "
        "yttrande.\n"
    )
    assert minutes["body"] == "styrgruppen för miljö och samhällsbyggnad"
