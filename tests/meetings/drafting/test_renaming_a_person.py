"""A name mended in the register reaches the records being written, never one sent for justering or justerat."""

from federations.services import person_save
from meetings.justering.protocol import snapshot
from tests.meetings.factories import justera, plan_meeting, ready_to_send


def names(meeting):
    return [a.display_name for a in meeting.attendances.order_by("position")]


def test_a_renamed_person_is_renamed_on_a_draft(cast):
    meeting = plan_meeting(cast)
    person_save(actor=None, person=cast.member, name="Maja Nyman")
    assert "Maja Nyman" in names(meeting) and "Maja Ledamot" not in names(meeting)


def test_a_justerat_record_keeps_the_name_it_was_signed_with(cast):
    """The attendance page and the preview of a justerat protocol showed the register's new name."""
    meeting = ready_to_send(cast)
    justera(cast, meeting)
    signed = [a["name"] for a in meeting.revisions.get().snapshot["attendance"]]
    person_save(actor=None, person=cast.member, name="Maja Nyman")
    meeting.refresh_from_db()
    assert "Maja Ledamot" in names(meeting) and "Maja Nyman" not in names(meeting)
    assert [a["name"] for a in snapshot(meeting)["attendance"]] == signed
