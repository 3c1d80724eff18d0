"""Who decided each §: computed from attendance, the ranges of presence and of service, and jäv."""

import pytest
from django.core.exceptions import ValidationError

from federations.models import Mandate
from meetings.drafting import services
from meetings.drafting.selectors import decision_makers, item_decision_makers
from meetings.models import Attendance, Recusal
from tests.meetings.factories import plan_meeting

PRESENT, ABSENT, EXCUSED = Attendance.Status.PRESENT, Attendance.Status.ABSENT, Attendance.Status.EXCUSED
MEMBER, SUBSTITUTE, SECRETARY = Mandate.Role.MEMBER, Mandate.Role.SUBSTITUTE, Mandate.Role.SECRETARY


@pytest.fixture
def board(cast):
    """Anna is there throughout; Bo leaves after § 7 and Cilla serves for him in §§ 8-14; Dan is there only in
    §§ 1-4, then Eva serves for him in §§ 5-9 and Fia in §§ 10-14; Gun has anmält förhinder and Hans serves for her
    throughout; Ivar (ersättare) is present but does not serve; Jon (ersättare) is absent; the secretary."""
    meeting = plan_meeting(cast)
    meeting.attendances.all().delete()

    def row(name, role=MEMBER, status=PRESENT, paragraphs="", serving_for=None):
        return Attendance.objects.create(
            meeting=meeting, name=name, role=role, status=status, paragraphs=paragraphs, serving_for=serving_for
        )

    people = {"Anna": row("Anna"), "Bo": row("Bo", paragraphs="1-7"), "Dan": row("Dan", paragraphs="1-4")}
    people["Gun"] = row("Gun", status=EXCUSED)
    people["Cilla"] = row("Cilla", SUBSTITUTE, paragraphs="8-14", serving_for=people["Bo"])
    people["Eva"] = row("Eva", SUBSTITUTE, paragraphs="5-9", serving_for=people["Dan"])
    people["Fia"] = row("Fia", SUBSTITUTE, paragraphs="10-14", serving_for=people["Dan"])
    people["Hans"] = row("Hans", SUBSTITUTE, serving_for=people["Gun"])
    people["Ivar"] = row("Ivar", SUBSTITUTE)
    people["Jon"] = row("Jon", SUBSTITUTE, status=ABSENT)
    people["Sekreteraren"] = row("Sekreteraren", SECRETARY)
    return meeting, people


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, {"Anna", "Bo", "Dan", "Hans"}),
        (4, {"Anna", "Bo", "Dan", "Hans"}),
        (5, {"Anna", "Bo", "Eva", "Hans"}),
        (6, {"Anna", "Bo", "Eva", "Hans"}),
        (7, {"Anna", "Bo", "Eva", "Hans"}),
        (8, {"Anna", "Cilla", "Eva", "Hans"}),
        (10, {"Anna", "Cilla", "Fia", "Hans"}),
        (14, {"Anna", "Cilla", "Fia", "Hans"}),
    ],
)
def test_each_paragraph_has_its_own_decision_makers(board, number, expected):
    meeting, _people = board
    assert {a.display_name for a in decision_makers(meeting, number)} == expected


def test_the_whole_meeting_counts_each_seat_once(board):
    meeting, _people = board
    assert len(decision_makers(meeting)) == 4


def test_jav_takes_a_member_out_of_that_paragraph_only(board):
    meeting, people = board
    item = meeting.items.get(number=3)
    Recusal.objects.create(item=item, attendance=people["Anna"], reason="Styrelseledamot i bolaget")
    assert {a.display_name for a in item_decision_makers(item)} == {"Bo", "Dan", "Hans"}
    other = meeting.items.get(number=4)
    assert "Anna" in {a.display_name for a in item_decision_makers(other)}


@pytest.mark.parametrize("name", ["Sekreteraren", "Gun", "Jon", "Ivar", "Cilla"])
def test_only_those_who_took_part_in_the_decision_may_reserve_themselves(board, name):
    meeting, people = board
    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.")
    with pytest.raises(ValidationError, match="Bara den som deltog i beslutet"):
        services.reservation_set(actor=None, decision=decision, attendance=people[name], reason="Nej.")
    assert not decision.reservations.exists()


def test_a_decision_maker_reserves_with_the_reason_kept(board):
    meeting, people = board
    decision = services.decision_save(actor=None, item=meeting.items.get(number=3), text="Beslut.")
    services.reservation_set(actor=None, decision=decision, attendance=people["Dan"], reason="Av skäl.")
    assert decision.reservations.get().reason == "Av skäl."
