"""What a signer writes is never lost: a comment or a send-back refused because the protocol was taken back (or
changed) since their page was loaded comes back in its form with a message, and is saved once it can be."""

import pytest

from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import ItemComment, Meeting, Signature
from tests.meetings.factories import plan_meeting

COMMENT = "Stryk andra meningen i § 3,\nden upprepar beslutet."
REASON = "Närvarolistan saknar Maja.\nRätta och skicka igen."


@pytest.fixture
def sent(cast):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    services.decision_save(actor=None, item=meeting.items.get(number=3), text="Styrelsen beslutar att godkänna.")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    return meeting


@pytest.fixture
def taken_back(cast, sent):
    justering.protocol_reopen(actor=cast.user("secretary"), meeting=sent)
    return sent


def comment_url(meeting):
    return f"/moten/{meeting.pk}/justering/paragrafer/{meeting.items.get(number=3).pk}/kommentar/"


def test_a_comment_written_while_the_protocol_is_taken_back_comes_back_in_its_form(client_for, taken_back):
    client = client_for("member")
    response = client.post(comment_url(taken_back), {"text": COMMENT, "read": 1}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200 and not ItemComment.objects.exists()
    assert "Protokollet är inte under justering." in page
    assert "Det du skrev är inte sparat, men det står kvar i formuläret." in page
    assert f'name="text" rows="2" aria-describedby="comment-{taken_back.items.get(number=3).pk}-kept">{COMMENT}' in (
        page.replace("\r", "")
    )
    # The secretary sends it again: the form of the new revision holds the text, which is saved and then forgotten.
    justering.protocol_send_for_justering(actor=None, meeting=taken_back)
    page = client.get(f"/moten/{taken_back.pk}/justering/").content.decode()
    assert f'name="text" rows="2">{COMMENT}</textarea>' in page
    client.post(comment_url(taken_back), {"text": COMMENT, "read": 2})
    assert ItemComment.objects.get().text == COMMENT
    assert f"{COMMENT}</textarea>" not in client.get(f"/moten/{taken_back.pk}/justering/").content.decode()


def test_a_send_back_written_while_the_protocol_is_taken_back_is_kept_to_send_later(client_for, taken_back):
    client = client_for("member")
    response = client.post(f"/moten/{taken_back.pk}/justering/skicka-tillbaka/", {"reason": REASON, "read": 1})
    page = client.get(response.url).content.decode()
    assert "Din motivering är inte sparad" in page and f"required>{REASON}</textarea>" in page
    justering.protocol_send_for_justering(actor=None, meeting=taken_back)
    page = client.get(f"/moten/{taken_back.pk}/justering/").content.decode()
    assert f'name="reason" rows="3" required>{REASON}</textarea>' in page
    client.post(f"/moten/{taken_back.pk}/justering/skicka-tillbaka/", {"reason": REASON, "read": 2})
    taken_back.refresh_from_db()
    assert taken_back.status == Meeting.Status.DRAFT
    assert Signature.objects.get(status=Signature.Status.RETURNED).reason == REASON.replace("\r", "")


def test_a_comment_on_a_revision_replaced_since_is_given_back_in_its_form(client_for, sent):
    justering.protocol_reopen(actor=None, meeting=sent)
    justering.protocol_send_for_justering(actor=None, meeting=sent)
    client = client_for("member")
    page = client.post(comment_url(sent), {"text": COMMENT, "read": 1}, follow=True).content.decode()
    assert not ItemComment.objects.exists()
    assert f"{COMMENT}</textarea>" in page
    # It is under justering, in a new revision: to read, and then to save the comment on, now.
    assert "Det du skrev är inte sparat, men det står kvar i formuläret." in page
    assert "Spara det när protokollet är på justering igen." not in page


def test_kept_text_is_the_signers_own(client_for, taken_back):
    client_for("member").post(comment_url(taken_back), {"text": COMMENT, "read": 1})
    assert COMMENT not in client_for("chair").get(f"/moten/{taken_back.pk}/justering/").content.decode()
