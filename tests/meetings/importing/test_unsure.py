"""The parser says where it is unsure (parsed["unsure"], meetings/importing/parser/unsure.py): each reason from a
small document written here, beside the same document written so that the parser is sure."""

from meetings.importing import parse_text
from meetings.importing.dates import dates_in
from meetings.importing.parser.unsure import REASONS, known_organisation, known_role


def header(rest="", title="Protokoll styrelsen", date="Datum: 2021-06-02"):
    return f"Samordningsförbundet Norra Västmanland\n\n{title}\n\n{date}\n\n{rest}"


SIGNED = "\n\nSekreterare\n\nErik Lund\n\nOrdförande\n\nAnna Berg\n\nUtses att justera: Karin Ek\n"
ITEM = "§ 1 Öppnande\n\nMötet öppnades.\n"


def marks(text, field=None):
    """The reasons the parser gives for `field` (every field's, as (field, index, reason), without it)."""
    unsure = parse_text(text)["unsure"]
    if field is None:
        return {(mark["field"], mark.get("index"), mark["reason"]) for mark in unsure}
    return {mark["reason"] for mark in unsure if mark["field"] == field}


def attendee_marks(text, name):
    result = parse_text(text)
    index = next(n for n, entry in enumerate(result["attendance"]) if entry["name"] == name)
    return {m["reason"] for m in result["unsure"] if m["field"] == "attendance" and m.get("index") == index}


def test_a_protocol_with_everything_labelled_is_sure_of_everything():
    text = header("Närvarande: Anna Berg, ordförande\nErik Lund, sekreterare\nKarin Ek, ledamot\n\n" + ITEM + SIGNED)
    result = parse_text(text)
    assert result["chair"] == "Anna Berg" and result["adjusters"] == ["Karin Ek"]
    assert result["unsure"] == []


def test_every_reason_is_a_known_code():
    text = "Protokoll\n\nNärvarande:\nXyzzy Berg Sala kommun Erik Lund\n\n12 Mötets öppnande\nText här.\n"
    assert {reason for _field, _index, reason in marks(text)} <= set(REASONS)


def test_a_chair_found_only_in_a_sentence_is_unsure_and_one_listed_is_sure():
    opened = header("Närvarande: Anna Berg, Erik Lund\n\n§ 1 Öppnande\n\nOrdförande Anna Berg öppnade mötet.\n")
    assert parse_text(opened)["chair"] == "Anna Berg"
    assert "chair_in_text" in marks(opened, "chair")
    listed = header("Närvarande: Anna Berg, ordförande\n\n§ 1 Öppnande\n\nOrdförande Anna Berg öppnade mötet.\n")
    assert parse_text(listed)["chair"] == "Anna Berg" and marks(listed, "chair") == set()


def test_a_missing_chair_secretary_and_justerare_of_a_protocol_are_marked():
    text = header(ITEM)
    assert {"chair", "secretary", "adjusters"} <= {f for f, _i, reason in marks(text) if reason == "missing"}
    notes = header("Ekonomi\n\nKassören redogjorde.\n", title="Minnesanteckningar styrelsen")
    assert not {f for f, _i, reason in marks(notes) if reason == "missing"} & {"chair", "secretary", "adjusters"}


def test_a_date_from_a_header_with_several_dates_is_ambiguous_and_a_date_field_is_not():
    text = "Protokoll styrelsen 2021-06-02\nUtskick 2021-05-20\n\n" + ITEM
    assert parse_text(text)["date"] == "2021-06-02" and marks(text, "date") == {"date_ambiguous"}
    assert marks("Protokoll styrelsen 2021-06-02\n\n" + ITEM, "date") == set()  # one date in the title
    assert marks(header(ITEM, date="Datum: 2021-06-02\nUtskick 2021-05-20"), "date") == set()


def test_a_date_not_found_is_missing():
    assert marks("Protokoll styrelsen\n\n" + ITEM, "date") == {"missing"}


def test_an_organisation_the_lexicons_do_not_know_is_marked():
    unknown = "Delta\n\nProtokoll styrelsen\n\nDatum: 2021-06-02\n\n" + ITEM
    assert parse_text(unknown)["organisation"] == "Delta"
    assert marks(unknown, "organisation") == {"organisation_unknown"}
    assert marks(header(ITEM), "organisation") == set()
    assert marks("Sala kommun\n\nProtokoll styrelsen\n\nDatum: 2021-06-02\n\n" + ITEM, "organisation") == set()


def test_an_organisation_and_a_body_guessed_from_the_running_text_are_marked():
    text = (
        "Protokoll\n\nDatum: 2021-06-02\n\n§ 1 Budget\n\nArbetsutskottet beslutar att fastställa budgeten för "
        "Samordningsförbundet Norra Västmanland.\n"
    )
    result = parse_text(text)
    assert result["body"] == "Arbetsutskottet" and "Norra Västmanland" in result["organisation"]
    assert marks(text, "body") == {"body_text"} and marks(text, "organisation") == {"organisation_text"}
    assert marks(header(ITEM, title="Protokoll arbetsutskottet"), "body") == set()


def test_a_secretary_only_listed_with_the_role_is_unsure_and_one_who_signs_is_sure():
    listed = header("Närvarande: Anna Berg, ordförande\nErik Lund, sekreterare\n\n" + ITEM)
    assert parse_text(listed)["secretary"] == "Erik Lund" and marks(listed, "secretary") == {"secretary_role"}
    signed = header("Närvarande: Anna Berg, ordförande\n\n" + ITEM + "\n\nSekreterare\n\nErik Lund\n")
    assert parse_text(signed)["secretary"] == "Erik Lund" and marks(signed, "secretary") == set()


def test_justerare_taken_from_the_signatures_alone_are_unsure():
    signed = header("Närvarande: Anna Berg, ordförande\n\n" + ITEM + "\n\nJusterare\n\nKarin Ek\n")
    assert parse_text(signed)["adjusters"] == ["Karin Ek"] and marks(signed, "adjusters") == {"adjusters_signature"}
    chosen = header("Närvarande: Anna Berg, ordförande\n\n" + ITEM + "\n\nUtses att justera: Karin Ek\n")
    assert marks(chosen, "adjusters") == set()


def test_a_name_whose_first_word_is_no_known_given_name_is_marked():
    text = header("Närvarande: Anna Berg, ordförande\nXyzzy Berg, ledamot\n\n" + ITEM)
    assert attendee_marks(text, "Xyzzy Berg") == {"given_name_unknown"}
    assert attendee_marks(text, "Anna Berg") == set()
    chair = header("Ordförande: Xyzzy Berg\n\n" + ITEM)
    assert "given_name_unknown" in marks(chair, "chair")


def test_a_list_without_commas_cut_at_the_names_is_marked_once():
    text = header("Närvarande:\nAnna Berg Sala kommun Erik Lund Norbergs kommun Karin Ek Försäkringskassan\n\n" + ITEM)
    assert [a["organisation"] for a in parse_text(text)["attendance"]][:3] == [
        "Sala kommun",
        "Norbergs kommun",
        "Försäkringskassan",
    ]
    assert ("attendance", None, "list_cut") in marks(text)
    commas = header("Närvarande: Anna Berg, Sala kommun\nErik Lund, Norbergs kommun\n\n" + ITEM)
    assert "list_cut" not in marks(commas, "attendance")


def test_an_attendees_unknown_organisation_or_role_is_marked():
    text = header("Närvarande: Anna Berg, ordförande\nKarin Ek, ledamot, Hogwarts\nErik Lund, ledamot, Sala kommun\n\n")
    assert attendee_marks(text + ITEM, "Karin Ek") == {"organisation_unknown"}
    assert attendee_marks(text + ITEM, "Erik Lund") == set()
    assert not known_organisation("förste vice ordf") and known_organisation("Umeåregionens kansli")
    assert known_role("tjg ers") and known_role("förvaltningschef") and known_role("vice ordf.")
    assert not known_role("Ja") and not known_role("Vakant")


def test_items_numbered_without_paragraph_sign_are_marked_and_paragraphs_are_not():
    text = header(
        "12 Mötets öppnande\nOrdföranden öppnade mötet.\n13 Val av justerare\nKarin Ek valdes att justera.\n"
        "14 Ekonomi\nRapporten lades till handlingarna.\n"
    )
    result = parse_text(text)
    assert [i["number"] for i in result["items"]] == ["12", "13", "14"]
    assert {(i, r) for f, i, r in marks(text) if f == "items" and r.startswith("item_")} == {
        (0, "item_number_without_paragraph"),
        (1, "item_number_without_paragraph"),
        (2, "item_number_without_paragraph"),
    }
    assert not {r for f, _i, r in marks(header(ITEM)) if f == "items"}


def test_a_heading_found_by_its_look_is_marked():
    text = header(
        "Ekonomi\n\nKassören redogjorde för ekonomin som är god.\n\n"
        "Lokaler\n\nVi flyttar i augusti till nya lokaler.\n",
        title="Minnesanteckningar styrelsen",
    )
    result = parse_text(text)
    assert [i["title"] for i in result["items"]] == ["Ekonomi", "Lokaler"]
    assert {(f, i, r) for f, i, r in marks(text) if f == "items"} == {
        ("items", 0, "item_heading_guessed"),
        ("items", 1, "item_heading_guessed"),
    }


def test_a_decision_without_beslut_is_marked_and_one_with_it_is_not():
    text = header(
        "§ 1 Dagordning\n\nDagordningen godkänns.\n\n§ 2 Budget\n\nStyrelsen beslutar att fastställa budgeten.\n\n"
        "§ 3 Plan\n\nBeslut: Planen fastställs.\n"
    )
    result = parse_text(text)
    assert all(item["decisions"] for item in result["items"])
    assert {(i, r) for f, i, r in marks(text) if f == "items"} == {(0, "decision_sentence")}


def test_every_full_date_in_a_text_is_found():
    text = "Protokoll 2021-06-02, utskick 20 maj 2021, anslag 9/6 2021, kl 13-15 och 12 juni"
    assert [d.isoformat() for d in dates_in(text)] == ["2021-06-02", "2021-05-20", "2021-06-09"]


def test_every_reason_the_parser_gives_has_words_on_the_review_page_in_both_languages():
    from django.utils import translation

    from meetings.importing import review

    assert set(REASONS) <= set(review.REASONS)
    with translation.override("en"):
        assert str(review.REASONS["organisation_place"]).startswith("no organisation is named")
    with translation.override("sv"):
        assert str(review.REASONS["organisation_place"]).startswith("ingen organisation nämns")


def test_justerare_in_the_signatures_whom_the_val_av_justerare_names_are_sure():
    """The review said "texten säger inte vem som utsågs att justera" beside "§ 2 Val av justerare: Karin Ek valdes
    att jämte ordföranden justera protokollet"."""
    text = header(
        "Närvarande: Anna Berg, ordförande\nKarin Ek\n\n" + ITEM + "\n§ 2 Val av justerare\n\nKarin Ek valdes att "
        "jämte ordföranden justera protokollet.\n\nJusterare\n\nKarin Ek\n"
    )
    assert "Karin Ek" in parse_text(text)["adjusters"] and marks(text, "adjusters") == set()
