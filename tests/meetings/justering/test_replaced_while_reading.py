"""A signer reads revision 1 on a phone while the secretary takes it back, changes it and sends revision 2: the
comment or the send-back the signer then posts is about the text they read, not about revision 2."""

import pytest

from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import ItemComment, Meeting, Signature
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting

pytestmark = on_the_tests_day


@pytest.fixture
def replaced(cast):
    """Revision 1 read by the justerare; revision 2 sent since, and already signed by the chair."""
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    item = meeting.items.get(number=3)
    services.decision_save(actor=None, item=item, text="Styrelsen beslutar att godkänna.")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    justering.protocol_reopen(actor=cast.user("secretary"), meeting=meeting)
    decision = item.decisions.get()
    services.decision_save(actor=None, item=item, decision=decision, text="Styrelsen beslutar att avslå.")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    justering.protocol_sign(actor=cast.user("chair"), meeting=meeting, revision_number=2, method="password")
    return meeting


def test_the_forms_say_which_revision_was_read(client_for, replaced):
    html = client_for("member").get(f"/moten/{replaced.pk}/justering/").content.decode()
    assert html.count('name="read" value="2"') == 1 + replaced.items.count()  # send back, and a comment per §


def test_a_send_back_of_a_replaced_revision_is_refused_and_the_reason_given_back(client_for, replaced):
    response = client_for("member").post(
        f"/moten/{replaced.pk}/justering/skicka-tillbaka/", {"reason": "§ 3 ska vara bifall.", "read": 1}, follow=True
    )
    html = response.content.decode()
    assert "Protokollet har ändrats sedan du öppnade det" in html and "§ 3 ska vara bifall." in html
    replaced.refresh_from_db()
    assert replaced.status == Meeting.Status.IN_JUSTERING  # the chair's signature on revision 2 stands
    assert Signature.objects.get(revision__number=2, person=replaced.chair).status == Signature.Status.SIGNED

    client_for("member").post(f"/moten/{replaced.pk}/justering/skicka-tillbaka/", {"reason": "Ändå fel.", "read": 2})
    replaced.refresh_from_db()
    assert replaced.status == Meeting.Status.DRAFT


def test_a_comment_on_a_replaced_revision_is_refused_and_given_back(client_for, replaced):
    item = replaced.items.get(number=3)
    url = f"/moten/{replaced.pk}/justering/paragrafer/{item.pk}/kommentar/"
    response = client_for("member").post(url, {"text": "Bifall, inte avslag?", "read": 1}, follow=True)
    assert "Bifall, inte avslag?" in response.content.decode()
    assert not ItemComment.objects.exists()
    client_for("member").post(url, {"text": "Avslag: bra.", "read": 2})
    assert ItemComment.objects.get().revision.number == 2
