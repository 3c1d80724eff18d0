"""The chair, the secretary and the justerare where only the text names them: a meeting's officers chosen after its
agenda, a chair called so before the name, justerare "uppdras att justera". Each document is made up (issue 27)."""

from meetings.importing import parse_text

AGENDA = (
    "Protokoll från styrelsemöte 5\nNärvarande: Nina Berg, Petter Ström, Tove Lind, Olle Sjö, Anna Hed.\n"
    "Dagordning: 1.1 Mötets öppnande 1.2 Val av mötesordförande 1.3 Val av mötessekreterare 1.4 Val av justerare "
    "1.5 Mötets behörighet 1.6 Föregående protokoll 2. Rapporter 2.1 Inkommen post 2.2 Ekonomi 3. Beslut 3.1 Budget\n\n"
    "1.1 Mötets öppnande 1.2 Val av mötesordförande {chair} väljs till mötesordförande. 1.3 Val av "
    "mötessekreterare {secretary} väljs till mötessekreterare. 1.4 Val av justerare Olle Sjö väljs till justerare.\n"
)


def test_the_officers_chosen_after_a_long_agenda_are_found_wherever_the_sentence_stands():
    result = parse_text(AGENDA.format(chair="Nina Berg", secretary="Anna Hed"))
    assert result["chair"] == "Nina Berg"
    assert result["secretary"] == "Anna Hed"


STADSDEL = (
    "Sammanträde 2013-01-02\nPlats Garnisonen\n\n§1 Val av protokollsjusterare\n\nStadsdelsnämndens beslut\n"
    "1. Ordförande Tove Lind (M) och vice ordförande Olle Sjö (MP) uppdras att justera dagens protokoll.\n\n"
    "§2 Val av ledamöter i sociala delegationen\n\nUnder överläggning lämnade ordförande Tove Lind (M) förslag. "
    "Vice ordförande Olle Sjö (MP) yrkade bifall. Kommunstyrelsens ordförande Petter Ström hade skrivit till "
    "nämnden.\n"
)


def test_the_chair_is_the_one_the_text_calls_ordforande_and_uppdras_names_the_justerare():
    result = parse_text(STADSDEL)
    assert result["chair"] == "Tove Lind"
    assert result["adjusters"] == ["Tove Lind", "Olle Sjö"]


def test_a_vice_chair_another_bodys_chair_and_a_title_after_a_name_make_no_chair():
    text = STADSDEL.replace("1. Ordförande Tove Lind (M) och", "1.").replace("lämnade ordförande Tove Lind (M)", "")
    assert parse_text(text)["chair"] is None
    signed = "Justerat den 19 november Per Ek (S), ordförande Karin Ahl (M), ersätter Lars Sten (L)\n"
    assert parse_text(text + "\n" + signed)["chair"] != "Karin Ahl"


CLUB = (
    "Styrelsemöte\nTid: 13.30-17.00\nPlats: Klubbstugan\n\nNärvarande: Sven-Inge Berg, Anders Holm, Eva Lund, "
    "Pernilla Ek\n\nFrånvarande: Jasna Lind\n\n1. Mötets öppnande\n\nOrdförande {chair} hälsar alla välkomna.\n\n"
    "2. Val av protokolljusterare\n\n{adjusters} väljs att justera dagens protokoll\n\n3. Ekonomi\n\n"
    "Kassör Pernilla redogör för läget.\n"
)


def test_officers_named_by_their_given_names_are_the_attendees_of_those_names():
    result = parse_text(CLUB.format(chair="Sven-Inge", adjusters="Sven-Inge och Eva"))
    assert result["chair"] == "Sven-Inge Berg"
    assert result["adjusters"] == ["Sven-Inge Berg", "Eva Lund"]


def test_a_given_name_two_attendees_share_names_neither():
    text = CLUB.format(chair="Anders", adjusters="Anders och Eva").replace("Pernilla Ek", "Pernilla Ek, Anders Öst")
    result = parse_text(text)
    assert result["chair"] is None
    assert "Anders Holm" not in result["adjusters"]
