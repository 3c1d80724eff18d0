"""A ledamot who leaves after a §: her ersättare is proposed from the next § on, serves there, and is printed as a
non-serving ersättare in the §§ before."""

from federations.models import Mandate
from meetings.drafting import selectors, services
from meetings.justering.protocol import print_context, snapshot
from meetings.printing.paragraphs import MAX_PARAGRAPH_RUN, paragraph_list, paragraph_numbers
from tests.meetings.factories import plan_meeting


def test_paragraph_lists_read_and_write_the_same():
    assert paragraph_numbers("1-4, 6") == {1, 2, 3, 4, 6}
    assert paragraph_list({6, 1, 2, 3, 4, 9, 10}) == "1-4, 6, 9-10"
    assert paragraph_numbers("") == set() and paragraph_list(set()) == ""


def test_a_run_of_millions_of_paragraphs_is_refused_and_never_expanded(client_for, cast):
    """ "Endast §§ 1-99999999" made a set of a hundred million numbers on every page showing the quorum (and an
    imported document can hold such a row): typed, it is refused with why; kept, it stops at the limit."""
    meeting = plan_meeting(cast)
    member = meeting.attendances.get(person=cast.member)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/narvaro/{member.pk}/",
        {"person": cast.member.pk, "role": "ledamot", "status": "narvarande", "paragraphs": "1-2000000"},
    )
    assert "Ett intervall får omfatta högst 1000 paragrafer." in response.content.decode()
    member.refresh_from_db()
    assert member.paragraphs == ""
    assert len(paragraph_numbers("1-2000000")) == MAX_PARAGRAPH_RUN
    assert paragraph_numbers("3-5, 7-") == {3, 4, 5, 7}
    type(member).objects.filter(pk=member.pk).update(paragraphs="1-2000000")  # as an import could have kept it
    assert client_for("member").get(f"/moten/{meeting.pk}/").status_code == 200


def test_an_ersattare_is_proposed_from_the_paragraph_after_a_ledamot_left(cast):
    meeting = plan_meeting(cast)
    services.item_add(actor=None, meeting=meeting, heading="Budget 2027")
    services.item_add(actor=None, meeting=meeting, heading="Övriga frågor")  # §§ 1-6
    member = meeting.attendances.get(person=cast.member)
    services.attendance_save(actor=None, meeting=meeting, attendance=member, paragraphs="1-4")
    substitute = meeting.attendances.get(person=cast.substitute)
    [(ledamot, ersattare, paragraphs)] = selectors.proposed_substitutes(meeting)
    assert (ledamot, ersattare, paragraphs) == (member, substitute, "5-6")

    services.substitute_call_in(
        actor=None, meeting=meeting, substitute=substitute, absent=member, paragraphs=paragraphs
    )
    assert selectors.proposed_substitutes(meeting) == []
    printed = print_context(snapshot(meeting))
    deciding = next(a for a in printed["decision_makers"] if a["name"] == cast.substitute.name)
    waiting = next(a for a in printed["substitutes"] if a["name"] == cast.substitute.name)
    assert (deciding["serving_for"], deciding["paragraphs"]) == (cast.member.name, "5-6")
    assert (waiting["serving_for"], waiting["paragraphs"]) == ("", "1-4")


def test_the_attendance_page_offers_the_partial_call_in(client_for, cast):
    meeting = plan_meeting(cast)
    member = meeting.attendances.get(person=cast.member)
    services.attendance_save(actor=None, meeting=meeting, attendance=member, paragraphs="1-2")
    client = client_for("secretary")
    html = client.get(f"/moten/{meeting.pk}/narvaro/").content.decode()
    assert "Maja Ledamot deltar inte i § 3-4" in html and 'name="paragraphs" value="3-4"' in html
    substitute = meeting.attendances.get(person=cast.substitute)
    client.post(
        f"/moten/{meeting.pk}/narvaro/tjanstgor/",
        {"substitute": substitute.pk, "absent": member.pk, "paragraphs": "3-4"},
    )
    substitute.refresh_from_db()
    assert (substitute.serving_for, substitute.paragraphs) == (member, "3-4")
    assert substitute.role == Mandate.Role.SUBSTITUTE
