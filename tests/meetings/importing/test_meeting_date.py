"""The meeting's date, not the justering's or the notice's, where a flattened header holds all three: a
"Sammanträdesdatum" cell that holds the next label's value ("Anslags uppsättande 2017-06-27"), a place field run on
into "för justering 2 juni 2017", a written date before an ISO one. Each document is made up for its rule
(issue 27)."""

import datetime

from meetings.importing import parse_text
from meetings.importing.dates import find_date

ITEMS = "\n§ 12 Budgetuppföljning\n\nNämnden godkänner uppföljningen.\n"


def test_the_first_date_is_the_first_written_one_whatever_its_form():
    assert find_date("Rådhuset, tisdag 20 juni 2017 kl. 10:00, justeras 2017-06-27") == datetime.date(2017, 6, 20)
    assert find_date("Justeras 2017-06-27, sammanträdet 20 juni 2017") == datetime.date(2017, 6, 27)


def test_a_meeting_date_cell_that_holds_the_notices_date_is_not_the_meetings_date():
    result = parse_text(
        "SAMMANTRÄDESPROTOKOLL 1 (12)\n"
        "Plats och tid Beslutande Rådhuset, sal Ugglan Tisdag 20 juni 2017 kl. 10:00-15:15 Enligt bilagd närvarolista\n"
        "Justeringens plats och tid Kommunkansliet, 2017-06-27, klockan 10:00\n"
        "BEVIS Justeringen har tillkännagivits via anslag Organ Sammanträdesdatum Anslags uppsättande 2017-06-27 "
        "Anslags nedtagande 2017-07-19\n" + ITEMS
    )
    assert result["date"] == "2017-06-20"


def test_a_date_given_for_the_justering_or_the_notice_is_passed_over_for_the_meetings_date():
    result = parse_text(
        "Protokoll\nPlats och tid för justering 2017-06-02 Kommunalhuset\n"
        "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.\n"
        "Nämnd Sammanträdesdatum\nSocialnämnden 24 maj 2017\nAnslaget den Nedtas den\n2017-06-02 2017-06-27\n" + ITEMS
    )
    assert result["date"] == "2017-05-24"


def test_a_date_written_first_without_its_year_takes_the_year_it_is_written_with_again():
    assert find_date("Den 24 april Protokollet föres av sekreteraren. Den 24 april 1997.") == datetime.date(1997, 4, 24)
    assert find_date("Den 24 april Protokollet föres av sekreteraren. Den 3 maj 1997.") is None
