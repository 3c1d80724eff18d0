"""The municipality that owns the meeting when only the text names municipalities (issue 27, session of 7 December,
evening: built on unseen9, measured on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text

TEXT = (
    "Sammanträdesprotokoll\nInstans Kommunstyrelsens arbetsutskott\nPlats och tid Kommunhuset, {place}, kl 13.00\n"
    "Beslutande Lars Ek (KD), ordförande Bertil Ny (M)\n\n§ 102 Planprogram för Isaberg\n\nArbetsutskottet "
    "beslutade att Gnosjö kommun tillsammans med Gislaveds kommun ska ta fram ett planprogram. Gruppen samarbetar "
    "med kollegor från Gislaveds kommun, och Gislaveds kommun sammankallar.\n"
)


def test_of_the_municipalities_the_text_names_the_meeting_belongs_to_the_one_it_was_held_in():
    assert parse_text(TEXT.format(place="Gnosjö"))["organisation"] == "Gnosjö kommun"


def test_held_elsewhere_the_municipality_named_most_is_taken_as_before():
    assert parse_text(TEXT.format(place="Jönköping"))["organisation"] == "Gislaveds kommun"


def test_a_page_head_with_its_count_of_pages_names_the_body():
    """ "Kultur- och fritidsnämnden (16)" over each page: the body, though the text speaks of kommunfullmäktige."""
    minutes = parse_text(
        "SAMMANTRÄDESPROTOKOLL\n\nKultur- och fritidsnämnden (16)\nPlats och tid Stadshuset, klockan 13:30\n"
        "Beslutande Karin Kell (L), ordförande Rainer Fred (S)\nUtses att justera Rainer Fred (S)\n\n"
        "§ 49 Aktivitetspark - medborgarförslag\n\nKommunfullmäktige har beslutat att förslaget ska beredas av "
        "nämnden.\n"
    )
    assert minutes["body"] == "Kultur- och fritidsnämnden"


def test_a_utskott_of_any_kind_is_named_with_its_owner():
    for body in ("Kommunstyrelsens personalutskott", "Socialnämndens individutskott", "Kommunstyrelsens arbetsutskott"):
        result = parse_text(
            f"Sammanträdesprotokoll {body}\nTid och plats Kommunhuset klockan 9\nBeslutande Carina Zach (M) "
            "ordförande\n\n§ 1 Rapport\n\nUtskottet lägger rapporten till handlingarna.\n"
        )
        assert result["body"] == body


def test_the_town_before_a_clock_written_without_a_space():
    result = parse_text(
        "PROTOKOLL\nPlats och tid Ljusdalssalen, Förvaltningshuset, Ljusdal kl18:00-21:00\nBeslutande: Marit Holm (S) "
        "Sören Gör (C)\n\n§ 86 Sammanträdets öppnande\n\nOrdföranden förklarar sammanträdet öppnat.\n"
    )
    assert result["organisation"] == "Ljusdals kommun"


NOTICE = (
    "Sammanträdesprotokoll\nKommunstyrelsen\nPlats och tid Sessionssalen kl 13.00\n"
    "Beslutande Lars Ek (KD), ordförande Bertil Ny (M)\nUtses att justera Bertil Ny\n"
    "Justeringen har tillkännagivits genom publicering på {owner} hemsida.\n\n§ 12 {heading}\n\n"
    "Kommunstyrelsen godkänner redovisningen.\n"
)


def test_a_municipality_written_in_the_genitive_owns_the_meeting_where_nothing_else_names_one():
    result = parse_text(NOTICE.format(owner="Valdemarsviks kommuns", heading="Budgetuppföljning"))
    assert result["organisation"] == "Valdemarsviks kommun"
    capitals = NOTICE.format(owner="kommunens", heading="VALDEMARSVIKS KOMMUNS STYRMODELL")
    assert parse_text(capitals)["organisation"] == "Valdemarsviks kommun"


def test_a_municipality_in_the_genitive_does_not_take_the_place_of_the_owner_the_header_names():
    text = NOTICE.format(owner="Valdemarsviks kommuns", heading="Budget").replace(
        "Kommunstyrelsen\n", "Region Östergötland\nRegionstyrelsen\n"
    )
    assert parse_text(text)["organisation"] == "Region Östergötland"


def test_the_town_a_municipal_body_met_in_names_its_municipality_in_full():
    result = parse_text(
        "Protokoll\nKultur- och fritidsnämnden\nPlats och tid Haninge kommunhus kl 13.00\n"
        "Beslutande Lars Ek (KD), ordförande Bertil Ny (M)\n\n§ 1 Rapport\n\nNämnden lägger rapporten till "
        "handlingarna.\n"
    )
    assert result["organisation"] == "Haninge kommun"
