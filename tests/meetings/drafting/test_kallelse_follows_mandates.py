"""The kallelse goes to those the mandates name on the meeting's day, not to those they named when it was planned."""

import datetime

from federations.models import Mandate, Person
from federations.services import mandate_end
from meetings.drafting import services
from meetings.models import Attendance
from tests.meetings.factories import plan_meeting

DAY = datetime.date(2026, 3, 1)


def called(meeting):
    return set(meeting.attendances.values_list("name", flat=True))


def test_a_mandate_ended_and_one_given_after_planning_change_who_is_called(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    meeting = plan_meeting(cast, date=DAY)  # planned in the old period: Maja Ledamot is on the list
    mandate_end(actor=None, mandate=Mandate.objects.get(person=cast.member), end=datetime.date(2026, 1, 31))
    newcomer = Person.objects.create(name="Nils Nykomling", email="nils@example.se")
    Mandate.objects.create(
        person=newcomer,
        body=cast.board,
        role=Mandate.Role.MEMBER,
        organisation=cast.fk,
        start=datetime.date(2026, 2, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.kallelse_send(actor=None, meeting=meeting)
    addresses = {address for mail in mailoutbox for address in mail.to}
    assert "nils@example.se" in addresses
    assert "member@example.se" not in addresses
    assert "Nils Nykomling" in called(meeting) and "Maja Ledamot" not in called(meeting)


def test_the_preview_names_those_the_sending_will_reach(cast):
    from meetings.drafting.kallelse import kallelse_recipients

    meeting = plan_meeting(cast, date=DAY)
    mandate_end(actor=None, mandate=Mandate.objects.get(person=cast.member), end=datetime.date(2026, 1, 31))
    reached, _missed = kallelse_recipients(meeting)
    assert cast.member not in [a.person for a in reached]


def test_a_meeting_moved_into_a_new_mandate_period_calls_the_new_board(cast):
    meeting = plan_meeting(cast, date=datetime.date(2026, 12, 20))
    Mandate.objects.filter(person=cast.member).update(end=datetime.date(2026, 12, 31))
    newcomer = Person.objects.create(name="Nils Nykomling", email="nils@example.se")
    Mandate.objects.create(
        person=newcomer,
        body=cast.board,
        role=Mandate.Role.MEMBER,
        organisation=cast.fk,
        start=datetime.date(2027, 1, 1),
    )
    services.meeting_update(actor=None, meeting=meeting, date=datetime.date(2027, 1, 10))
    assert "Nils Nykomling" in called(meeting) and "Maja Ledamot" not in called(meeting)


def test_a_row_the_secretary_worked_on_and_a_guest_stay(cast):
    meeting = plan_meeting(cast, date=DAY)
    guest = Person.objects.create(name="Gunnar Gäst", email="gunnar@example.se")
    Attendance.objects.create(meeting=meeting, person=guest, name=guest.name, role=Mandate.Role.OFFICER)
    meeting.attendances.filter(person=cast.member).update(status=Attendance.Status.EXCUSED)
    mandate_end(actor=None, mandate=Mandate.objects.get(person=cast.member), end=datetime.date(2026, 1, 31))
    services.attendance_follow_mandates(meeting)
    assert {"Gunnar Gäst", "Maja Ledamot"} <= called(meeting)


def test_the_attendance_page_names_the_registers_changes_and_brings_the_list_in_line(client_for, cast):
    meeting = plan_meeting(cast, date=DAY)
    mandate_end(actor=None, mandate=Mandate.objects.get(person=cast.member), end=datetime.date(2026, 1, 31))
    newcomer = Person.objects.create(name="Nils Nykomling", email="nils@example.se")
    Mandate.objects.create(
        person=newcomer,
        body=cast.board,
        role=Mandate.Role.MEMBER,
        organisation=cast.fk,
        start=datetime.date(2026, 2, 1),
    )
    client = client_for("secretary")
    html = client.get(f"/moten/{meeting.pk}/narvaro/").content.decode()
    assert "Nils Nykomling (ledamot) har ett uppdrag på mötesdagen men är inte kallad." in html
    assert "Maja Ledamot har inget uppdrag i organet på mötesdagen." in html
    assert client_for("chair").post(f"/moten/{meeting.pk}/narvaro/fran-registret/").status_code == 403
    response = client_for("secretary").post(f"/moten/{meeting.pk}/narvaro/fran-registret/", follow=True)
    assert "Närvaron följer registret." in response.content.decode()
    assert "Nils Nykomling" in called(meeting) and "Maja Ledamot" not in called(meeting)
