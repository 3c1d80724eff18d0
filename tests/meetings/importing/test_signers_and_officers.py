"""Who chaired, who kept the minutes and who justerar, where a protocol says so in other ways than by a labelled
field: signers with their roles after their names (on one row, or a flattened "Underskrifter" cell), the one who
opened the meeting, and the choice of a secretary or justerare in a decision ("att välja … till mötessekreterare").
Each document is made up for its rule (issue 27)."""

from meetings.importing import parse_text

from .test_constructs import item, people

SIGNED_UNDER_VID_PROTOKOLLET = """Protokoll från styrelsemöte den 3 mars 2021

Närvarande: Kerstin Dahl, Leif Strand, Maja Björk, Johan Sund

§ 1 Mötet öppnades.

§ 2 Dagordningen godkändes.

§ 3 Mötet avslutades.

Vid protokollet

Maja Björk, sekreterare                          Kerstin Dahl, ordförande
"""


def test_signers_with_their_roles_after_their_names_on_one_row_are_the_secretary_and_the_chair():
    result = parse_text(SIGNED_UNDER_VID_PROTOKOLLET)
    assert (result["chair"], result["secretary"]) == ("Kerstin Dahl", "Maja Björk")
    assert people(result)["Kerstin Dahl"]["role"] == "ordförande"


def test_a_row_of_signers_with_their_roles_needs_no_label_before_it():
    text = SIGNED_UNDER_VID_PROTOKOLLET.replace("Vid protokollet\n\n", "")
    text += "\nLeif Strand (M), justerare\n"
    result = parse_text(text)
    assert (result["chair"], result["secretary"]) == ("Kerstin Dahl", "Maja Björk")
    # one signer alone on a line with no label above is not taken for a signature: it may be a list's row
    assert result["adjusters"] == []


def test_a_flattened_signatures_cell_with_each_role_after_its_name_gives_every_signer():
    result = parse_text(
        "Sammanträdesprotokoll Socialnämnden\n\n"
        "Plats och tid Rådhuset 2019-04-02 kl 13.00 Beslutande Agnes Wiklund (V), ordförande Olof Brandt (S) "
        "Tove Sandberg (M) Rasmus Ekholm (C) Övriga närvarande Greta Lindkvist, sekreterare Utses att justera "
        "Underskrifter. Agnes Wiklund (V), ordförande. Greta Lindkvist, sekreterare. Olof Brandt (S), justerare. "
        "Tove Sandberg (M), justerare ANSLAG / BEVIS Protokollet är justerat.\n\n"
        "§ 12 Budgetuppföljning\n\nNämnden godkänner uppföljningen.\n"
    )
    assert (result["chair"], result["secretary"]) == ("Agnes Wiklund", "Greta Lindkvist")
    assert result["adjusters"] == ["Olof Brandt", "Tove Sandberg"]


def test_labels_before_their_names_are_not_read_as_a_name_with_a_role_after_it():
    result = parse_text(
        "Protokoll Direktionen\n\nDatum 2015-03-05\n\nBeslutande Anna Holm (S), Kiruna Per Ek (M), Boden\n\n"
        "Underskrifter Sekreterare Kjell-Åke Halldén Ordförande Anna Holm Justerare. Per Ek\n\n"
        "§ 1 Val av justerare\n\nPer Ek utses att justera.\n"
    )
    assert (result["chair"], result["secretary"], result["adjusters"]) == ("Anna Holm", "Kjell-Åke Halldén", ["Per Ek"])


def test_the_one_who_opened_the_meeting_chaired_it_when_nothing_else_says_who_did():
    text = (
        "Styrelseprotokoll 15 maj 2017\n\nNärvarande: Lina Grahn, Tor Vikström, Elsa Nyberg\n\n"
        "§ 1 Mötets öppnande\n\nLina Grahn hälsar alla välkomna och förklarar styrelsemötet för öppnat.\n\n"
        "§ 2 Ekonomi\n\nStyrelsen tackar för rapporten.\n"
    )
    assert parse_text(text)["chair"] == "Lina Grahn"
    # a guest the list does not name, welcoming the board, is not taken for its chair
    assert parse_text(text.replace("Lina Grahn hälsar", "Oskar Berglund hälsar"))["chair"] is None


def test_a_secretary_and_a_justerare_chosen_by_a_decision_are_read_from_it():
    result = parse_text(
        "Protokoll Styrelsen\n\nDatum 2017-05-15\n\nNärvarande: Lina Grahn, Tor Vikström, Elsa Nyberg, Jonas Frid\n\n"
        "§ 1 Mötets öppnande\n\nMötet öppnas.\n\n§ 2 Dagordning\n\natt godkänna dagordningen.\n\n"
        "§ 3 Val av sekreterare\n\natt välja Jonas Frid till mötessekreterare.\n\n"
        "§ 4 Val av justeringsperson\n\natt välja Elsa Nyberg till justeringsperson.\n"
    )
    assert result["secretary"] == "Jonas Frid"
    assert result["adjusters"] == ["Elsa Nyberg"]


def test_a_page_number_before_a_flattened_header_does_not_make_the_header_an_item():
    result = parse_text(
        "HÖGBY KOMMUN SAMMANTRÄDESPROTOKOLL Miljönämnden\n\n"
        "1 Innehåll 23 Tillsynsplan sid\n\n"
        "2 22 Plats och tid Kommunhuset, torsdagen den 2 maj 2013 klockan 13.00 Beslutande Bertil Ahl (MP), "
        "ordförande Erik Holm (M) Leif Wång (S) Ej tjänstgörande ersättare och övriga närvarande Annica Malm, "
        "förvaltningschef och sekreterare Utses att justera Erik Holm Paragrafer 23\n\n"
        "3 23 Tillsynsplan Nämnden antar tillsynsplanen för 2014 med de ändringar som redovisades.\n"
    )
    assert not any("Plats och tid" in item["title"] for item in result["items"])
    assert "Nämnden antar tillsynsplanen" in item(result, "23")["text"]  # the page's item keeps its number
    assert result["chair"] == "Bertil Ahl"
    assert result["adjusters"] == ["Erik Holm"]


def test_a_page_that_opens_with_the_body_short_name_and_a_number_after_the_letterhead_opens_that_item():
    """A protocol that gives each § a page of its own, flattened by a sharing site: the letterhead and the page
    mark, then "ON 86" (the body's short name standing for "§") and a case number whose own number was lost."""
    result = parse_text(
        "1 SKOGSBY KOMMUN PROTOKOLL 1 (25) Plats och tid Kommunhuset, Skogsby 2012-09-26 kl 09.00 Beslutande "
        "Monika Berg (M) Håkan Ros (S) ordförande Övriga Ulla Ek sekreterare Utses att justera Monika Berg\n\n"
        "2 SKOGSBY KOMMUN PROTOKOLL 2 (25) ON 86 ON/2012: Information om gode män för ensamkommande barn "
        "Socialchefen informerar om arbetet med gode män. Nämnden tackar för informationen.\n"
    )
    heading = item(result, "86")
    assert heading["title"].startswith("Information om gode män")
    assert "Nämnden tackar för informationen." in heading["text"] + " ".join(d["text"] for d in heading["decisions"])


def test_a_table_of_contents_names_the_items_of_an_excerpt_whose_one_section_heading_is_its_last_page():
    result = parse_text(
        "1 Protokoll 1 (22) Plats och tid: Sal A, Hudiksvall, klockan 10:00-16:00. Beslutande: Eva Holm, ordf (C) "
        "Per Ek (M)\n\n"
        "2 Protokoll 2 (22) Innehållsförteckning 84 Samverkan kring unga vuxna Delårsrapport Budget "
        "Meddelanden Delegeringsbeslut... 21\n\n"
        "3 Protokoll 3 (22) 84 Samverkan kring unga vuxna\n"
    )
    titles = [i["title"] for i in result["items"]]
    assert titles[-4:] == ["Delårsrapport", "Budget", "Meddelanden", "Delegeringsbeslut"]


def test_an_owner_named_in_the_header_by_what_it_is_is_the_organisation():
    """ "Styrelsen för Ålands polismyndighet", "Sametingets styrelse": an authority or an assembly owns the body."""
    agency = parse_text(
        "Mötesprotokoll 3-2021 Styrelsen för Gotlands polismyndighet 17.06.2021\n\nNärvarande: Eva Holm, ordförande\n\n"
        "§ 1 Mötets öppnande\n\nMötet öppnades.\n"
    )
    assert agency["organisation"] == "Gotlands polismyndighet"
    assembly = parse_text(
        "Protokoll\nSametingets styrelse 2020-08-27\n\nNärvarande: Per Nutti, ordförande\n\n"
        "§ 1 Öppnande\n\nMötet öppnades.\n"
    )
    assert assembly["organisation"] == "Sametinget"


def test_a_page_run_on_after_a_date_label_keeps_its_text():
    """Corpus 25: "Sammanträdesdatum Blad 6 Ks 184 … Bakgrunden till förslaget är …" was taken whole as the date
    field's value, and the background of the decision was in no item (found by the archive helper)."""
    background = (
        "Bakgrunden till förslaget är frågan om utökning av förbundets arbetsuppgifter som togs upp vid dialogmötet "
        "den 21 september. Uppdraget omfattar både servering och försäljning av folköl. Övriga revideringar som "
        "föreslås gäller energideklarationer och ventilationskontroll."
    )
    result = parse_text(
        "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL Kommunstyrelsen\n"
        f"Sammanträdesdatum Blad 6 Ks 184 Au 192 Dnr 261/ Revidering av förbundsordningen {background}\n"
        "1. Förbundsordningen revideras enligt förslaget.\n2. Förbundsordningen träder i kraft den 1 januari 2013.\n"
    )
    assert background in " ".join(item["text"] for item in result["items"])


def test_a_heading_with_the_body_short_name_before_its_sign_keeps_its_text_and_the_contents_name_the_rest():
    """ "Kf § 17" over its heading: the item and its text were lost when the table of contents ("17. Laga ordning")
    took the items' place; now the headings keep their text, and the contents name the items the excerpt cut."""
    result = parse_text(
        "Ekby kommun\nKommunfullmäktige 1998-04-20\n\n§§ Ärendeförteckning:\n17. Laga ordning\n"
        "18. Allmänhetens frågestund\n19. Bokslut 1997\n20. Revisionsberättelse för år 1997\n\n"
        "Kf § 17\nLaga ordning\nKommunfullmäktige vitsordade sig vara i laga ordning sammankallade.\n\n"
        "Kf § 18\nAllmänhetens frågestund\nFrån allmänheten har inte inkommit några frågor.\n"
    )
    # (the sentence is the item's decision, a fullmäktige's set phrase)
    laga_ordning = item(result, "17")
    assert "i laga ordning sammankallade" in " ".join(
        [laga_ordning["text"], *(d["text"] for d in laga_ordning["decisions"])]
    )
    assert "inte inkommit några frågor" in item(result, "18")["text"]
    assert [(i["number"], i["title"]) for i in result["items"][2:]] == [
        ("19", "Bokslut 1997"),
        ("20", "Revisionsberättelse för år 1997"),
    ]
    # a reference at a line's start is no heading
    assert not any(i["number"] == "12" for i in parse_text("Protokoll\n\n§ 1 Val\n\nSe § 12 i reglementet.\n")["items"])


def test_an_attendance_list_ends_at_an_items_heading_written_with_its_number_only():
    """The list under "Övriga närvarande" went on over "54 Godkännande av dagordning …" and took the whole protocol:
    its items were in no item (unseen2's ho08). A numbered row of a list ("3 Eva Lind (S)") goes on."""
    result = parse_text(
        "Protokoll styrelsemöte 30 maj 2013\n\nNärvarande ledamöter: Bror Israelsson, Ivar Fernemo\n"
        "Övriga närvarande: Jeanette Berggren, VD Lars Winell, ekonomiansvarig\n"
        "54 Godkännande av dagordning Föreslagen dagordning godkändes.\n"
        "55 Val av sekreterare Till sekreterare för mötet valdes Lars Winell.\n"
        "56 Val av justerare Till justerare att jämte ordförande justera protokollet utsågs Ivar Fernemo.\n"
    )
    assert [i["number"] for i in result["items"]] == ["54", "55", "56"]
    assert result["adjusters"][0] == "Ivar Fernemo"
    numbered = parse_text(
        "Protokoll\n\nDatum 2018-02-07\n\nNärvarande\n1 Eva Lind (S)\n2 Per Ek (M)\n\n§ 1 Val\n\nText.\n"
    )
    assert {"Eva Lind", "Per Ek"} <= set(people(numbered))


def test_a_row_of_names_with_roles_inside_a_section_is_its_text_not_a_signature():
    result = parse_text(
        "Protokoll Styrelsen\n\nDatum 2021-03-03\n\nNärvarande: Kerstin Dahl, Leif Strand, Maja Björk\n\n"
        "§ 1 Val av arbetsgrupp\n\nTill arbetsgruppen valdes:\nLeif Strand, ordförande Maja Björk, sekreterare\n\n"
        "§ 2 Avslutning\n\nMötet avslutades.\n"
    )
    chosen = item(result, "1")
    kept = " ".join([chosen["text"], *(d["text"] for d in chosen["decisions"])])
    assert "Leif Strand, ordförande Maja Björk, sekreterare" in kept
    assert (result["chair"], result["secretary"]) == (None, None)
