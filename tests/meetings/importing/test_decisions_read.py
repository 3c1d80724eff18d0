"""Decisions in a fullmäktige's set phrases, and the account told after a decision (issue 27, session of 7 December,
evening: built on unseen4 to unseen6, measured on unseen10). Each case in a small document made for its test."""

from meetings.importing import parse_text

HEADER = "Kommunfullmäktige\nPlats och tid: Stadshuset, kl 18.00\nBeslutande: Anna Berg (S), ordförande Per Ek (M)\n\n"


def decisions_of(minutes):
    return {item["title"]: [d["text"] for d in item["decisions"]] for item in minutes["items"]}


def test_a_fullmaktiges_set_phrases_are_its_decisions():
    minutes = parse_text(
        HEADER + "§ 17\n\nLaga ordning\n\nKommunfullmäktige vitsordade sig vara i laga ordning sammankallade.\n\n"
        "§ 18 Delgivningar\n\nFöreligger länsstyrelsens beslut om ny ersättare.\n\nKommunfullmäktige anser sig "
        "tagit del av länsstyrelsens beslut.\n"
    )
    found = decisions_of(minutes)
    assert found["Laga ordning"] == ["Kommunfullmäktige vitsordade sig vara i laga ordning sammankallade."]
    assert found["Delgivningar"] == ["Kommunfullmäktige anser sig tagit del av länsstyrelsens beslut."]


def test_what_was_done_before_the_meeting_told_after_the_decision_is_no_part_of_it():
    minutes = parse_text(
        HEADER + "§ 82 Budgetuppföljning augusti 2013\n\nStyrelsen godkänner bilagda budgetuppföljning för augusti "
        "2013. Kansliet har tagit fram budgetuppföljning för augusti månad utifrån faktiskt utfall och prognos.\n"
    )
    assert decisions_of(minutes)["Budgetuppföljning augusti 2013"] == [
        "Styrelsen godkänner bilagda budgetuppföljning för augusti 2013."
    ]
