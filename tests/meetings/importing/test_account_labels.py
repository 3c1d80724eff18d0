"""Pages of a transcript that lost their "§" signs, each page one run: the item's heading stands between the page's
references (its number, the letterhead, the case's number) and the first label of its account ("Ärendebeskrivning",
"Arbetsutskottets förslag till kommunstyrelsen"). The documents are made up for the rule (issue 27)."""

from meetings.importing import parse_text

HEADER = (
    "SAMMANTRÄDESPROTOKOLL 1 (12)\nPlats och tid Kommunhuset kl 13.00\n"
    "Beslutande Åsa Lind (S), ordförande Per Ek (M) Olle Berg (V)\nUtses att justera Per Ek\n"
    "Underskrifter Sekreterare Eva Holm Ordförande Åsa Lind Justerare Per Ek\n\n"
)


def titles(text: str) -> list[str]:
    return [item["title"] for item in parse_text(text)["items"]]


def test_a_pages_heading_is_what_stands_between_its_references_and_the_accounts_first_label():
    text = HEADER + (
        "2 Tekniska nämnden [12] TN 41 Dnr 2019/88 Val av justerare Ärendebeskrivning Nämnden ska välja en "
        "justerare att jämte ordföranden justera protokollet. Beslut Nämnden utser Per Ek.\n\n"
        "3 Tekniska nämnden [12] Dnr 2019/90 Ombyggnad av Norrskolans kök. Sammanfattning Köket är "
        "slitet och behöver byggas om.\n\n"
        "Kommunstyrelsen TNAU 47/2019 Dnr 2019/ Budget 2020 Arbetsutskottets förslag till kommunstyrelsen "
        "Arbetsutskottet föreslår kommunstyrelsen att anta budgeten.\n"
    )
    assert titles(text) == ["Val av justerare", "Ombyggnad av Norrskolans kök", "Budget 2020"]
    item = parse_text(text)["items"][1]
    assert item["text"].startswith("Sammanfattning Köket är slitet")


def test_a_body_over_the_page_and_the_cases_number_after_the_heading_are_no_part_of_it():
    text = HEADER + "Miljö- och byggnämnden Informations- och frågestund (MBN/2012:3) Ärendebeskrivning\nNN berättar.\n"
    assert titles(text) == ["Informations- och frågestund"]


def test_a_sentence_before_a_label_in_an_items_text_is_no_heading():
    text = HEADER + (
        "§ 4 Ombyggnad av Norrskolans kök\n\n"
        "Köket har varit slitet länge och förvaltningen har utrett saken. Bakgrund Köket byggdes 1972.\n\n"
        "Förvaltningen har utrett olika sätt att bygga om köket och Norrskolans elever har fått tycka till. "
        "Ärendebeskrivning Köket är för litet.\n"
    )
    assert titles(text) == ["Ombyggnad av Norrskolans kök"]


def test_a_label_inside_a_document_headed_by_paragraph_signs_opens_no_item():
    text = HEADER + "§ 4 Val av justerare\n\nPer Ek utses.\n\nTN 5 Budget 2020 Ärendebeskrivning Budgeten läggs fram.\n"
    assert titles(text) == ["Val av justerare"]


CAPITALS = (
    "Protokoll medlemsmöten\n\nPROTOKOLL FÖRT VID MEDLEMSMÖTE 2019-03-21\n\n"
    "MEDLEMSMÖTETS ÖPPNANDE Vice ordförande Morgan Lind öppnade mötet och hälsade alla välkomna.\n\n"
    "DAGORDNINGEN Förslaget till dagordningen godkändes\n"
    "3 VAL AV PROTOKOLLJUSTERARE Gun Björn och Greta Silow valdes att justera dagens protokoll.\n"
    "4 FÖRRA MÖTESPROTOKOLLET Protokollet gicks igenom och lades till handlingarna.\n\n"
    "SKRIVELSER Inga skrivelser hade kommit in.\n\nÖVRIGT\n\nInget övrigt.\n"
)


def test_headings_typed_in_capitals_with_their_text_run_on_are_items():
    assert titles(CAPITALS) == [
        "MEDLEMSMÖTETS ÖPPNANDE",
        "DAGORDNINGEN",
        "VAL AV PROTOKOLLJUSTERARE",
        "FÖRRA MÖTESPROTOKOLLET",
        "SKRIVELSER",
        "ÖVRIGT",
    ]
    assert parse_text(CAPITALS)["adjusters"] == ["Gun Björn", "Greta Silow"]


def test_a_label_in_capitals_that_the_pages_repeat_or_a_lists_label_is_no_heading():
    text = HEADER + (
        "§ 4 Budget\n\nDIREKTIONEN BESLUTAR Att anta budgeten.\n\n"
        "§ 5 Taxor\n\nDIREKTIONEN BESLUTAR Att anta taxorna.\n\n"
        "§ 6 Rapport\n\nDIREKTIONEN BESLUTAR Att lägga rapporten till handlingarna.\n\nLEDAMÖTER Eva Ek\n"
    )
    assert titles(text) == ["Budget", "Taxor", "Rapport"]


def test_a_page_whose_item_is_known_by_the_bodys_mark_and_number_beside_the_cases_number():
    for page in (
        "Ks 7 Dnr 2012-KS Namninsamling om folkomröstning Den 14 december överlämnades namnen till ordföranden.",
        "3 (21) Ksau 213 Dnr Ks Namninsamling om folkomröstning Den 14 december överlämnades namnen till ordföranden.",
        "35 Diarienummer 0371/11 Namninsamling om folkomröstning Den 14 december överlämnades namnen.",
    ):
        result = parse_text(HEADER + page + "\n")
        assert [item["title"] for item in result["items"]] == ["Namninsamling om folkomröstning"], page


def test_a_mark_and_number_inside_an_items_text_open_no_item():
    text = HEADER + "§ 4 Budget\n\nKs 7 Dnr 2012-KS Namninsamling om folkomröstning Den 14 december överlämnades.\n"
    assert titles(text) == ["Budget"]
