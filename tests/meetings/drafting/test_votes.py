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
