"""A votering is recorded the way it happens: the decision first, then each member's vote, from which the counts
follow; the protocol goes to its signers only with the result."""

import pytest
from django.core.exceptions import ValidationError

from meetings.drafting import services
from meetings.justering import services as justering
from tests.meetings.factories import plan_meeting


@pytest.fixture
def votering(cast):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.", method="votering")
    return meeting, decision


def test_a_votering_is_saved_before_the_votes_are_and_the_counts_follow_from_them(cast, votering):
    meeting, decision = votering
    assert (decision.votes_yes, decision.votes_no, decision.votes_abstain) == (None, None, None)
    chair = meeting.attendances.get(person=cast.chair)
    member = meeting.attendances.get(person=cast.member)
    services.votes_set(actor=None, decision=decision, choices={chair.pk: "ja", member.pk: "nej"})
    decision.refresh_from_db()
    assert (decision.votes_yes, decision.votes_no, decision.votes_abstain) == (1, 1, 0)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)


def test_a_votering_without_its_result_is_not_sent_for_justering(votering):
    meeting, _decision = votering
    with pytest.raises(ValidationError, match=r"Rösterna saknas för voteringen i § 3"):
        justering.protocol_send_for_justering(actor=None, meeting=meeting)


def test_the_decision_form_accepts_a_votering_without_counts(client_for, votering):
    meeting, _decision = votering
    item = meeting.items.get(number=3)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/",
        {"text": "Styrelsen beslutar att avslå.", "outcome": "avslag", "method": "votering"},
    )
    assert response.status_code == 302
    assert item.decisions.filter(text="Styrelsen beslutar att avslå.", method="votering").exists()


def test_a_vote_and_a_reservation_of_someone_who_left_before_the_paragraph_keep_the_protocol_from_justering(
    cast, votering
):
    meeting, decision = votering
    chair = meeting.attendances.get(person=cast.chair)
    member = meeting.attendances.get(person=cast.member)
    services.votes_set(actor=None, decision=decision, choices={chair.pk: "ja", member.pk: "nej"})
    services.reservation_set(actor=None, decision=decision, attendance=member, reason="För eget yrkande.")
    # Then the secretary notes that the member left after § 2: the vote and the reservation in § 3 are hers still.
    services.attendance_save(actor=None, meeting=meeting, attendance=member, paragraphs="1-2")
    with pytest.raises(ValidationError) as refused:
        justering.protocol_send_for_justering(actor=None, meeting=meeting)
    assert refused.value.messages == [
        f"{member.display_name} har en röst i § 3 men var inte beslutande där enligt närvaron. Ändra rösterna eller "
        "närvaron.",
        f"{member.display_name} har reserverat sig i § 3 men var inte beslutande där enligt närvaron. Ta bort "
        "reservationen eller ändra närvaron.",
    ]
    assert not meeting.revisions.exists()


def test_a_vote_of_someone_with_jav_noted_afterwards_keeps_the_protocol_from_justering(cast, votering):
    meeting, decision = votering
    chair = meeting.attendances.get(person=cast.chair)
    member = meeting.attendances.get(person=cast.member)
    services.votes_set(actor=None, decision=decision, choices={chair.pk: "ja", member.pk: "ja"})
    services.recusal_set(actor=None, item=decision.item, attendance=member, recused=True)
    with pytest.raises(ValidationError, match=r"har en röst i § 3 men var inte beslutande"):
        justering.protocol_send_for_justering(actor=None, meeting=meeting)
