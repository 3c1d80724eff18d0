"""A signer's comment on a § and a rättelse of a justerat record, sent twice (a double click, a resend after a slow
answer, back and send again), are added once: the form's one-time token tells, never what was typed, so two forms
with the same words add two. The drafting forms have the same (tests/meetings/drafting/test_sent_twice.py)."""

import re
from functools import partial
from unittest import mock

import pytest
from django.db import connection

from finsam.models import AuditEntry
from meetings.justering import services as justering
from meetings.justering import tasks
from meetings.models import Correction, ItemComment
from tests.conftest import at_once, on_the_tests_day, skip_unless
from tests.meetings.factories import justera, ready_to_send

pytestmark = on_the_tests_day

FORM_TOKEN = "a-form-shown-once-0123"
COMMENTED = "Stavfel i beslutet."
CORRECTED = "Rätt datum är 2 mars."


@pytest.fixture
def sent(cast):
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    return meeting


@pytest.fixture
def justerat(cast):
    return justera(cast, ready_to_send(cast))


def _commented(cast, meeting, **posted):
    item = meeting.items.get(number=3)
    return partial(justering.comment_add, actor=cast.user("member"), meeting=meeting, item=item, **posted)


def _corrected(cast, meeting, **posted):
    return partial(justering.correction_add, actor=cast.user("secretary"), item=meeting.items.get(number=3), **posted)


# The services


def test_a_comment_form_sent_again_adds_nothing_and_names_the_comment_it_added(cast, sent):
    commented = _commented(cast, sent, text=COMMENTED, read=1, form_token=FORM_TOKEN)
    first = commented()
    with pytest.raises(justering.CommentAlreadyAdded) as sent_again:
        commented()
    assert sent_again.value.comment == first
    assert ItemComment.objects.count() == 1


def test_the_same_comment_from_two_forms_is_kept_twice(cast, sent):
    """ "Stavfel." may be said twice in one §, of two places: two forms, two comments."""
    for token in ("the-first-form-0123456", "the-second-form-012345"):
        _commented(cast, sent, text=COMMENTED, form_token=token)()
    _commented(cast, sent, text=COMMENTED)()  # and a caller that sends no token
    assert ItemComment.objects.filter(text=COMMENTED).count() == 3


def test_a_comment_forms_token_counts_in_its_own_paragraph_only(cast, sent):
    member = cast.user("member")
    for item in sent.items.filter(number__in=(3, 4)):
        justering.comment_add(actor=member, meeting=sent, item=item, text=COMMENTED, form_token=FORM_TOKEN)
    assert ItemComment.objects.count() == 2


def test_a_comment_form_sent_again_after_the_protocol_was_taken_back_names_the_comment_it_added(cast, sent):
    """The comment is there, whatever has become of the protocol since: not "not under justering", which would keep
    the text to be saved a second time."""
    commented = _commented(cast, sent, text=COMMENTED, read=1, form_token=FORM_TOKEN)
    first = commented()
    justering.protocol_reopen(actor=cast.user("secretary"), meeting=sent)
    with pytest.raises(justering.CommentAlreadyAdded) as sent_again:
        commented()
    assert sent_again.value.comment == first


def test_a_comments_audit_entry_keeps_the_forms_token(cast, sent):
    comment = _commented(cast, sent, text=COMMENTED, form_token=FORM_TOKEN)()
    entry = AuditEntry.objects.get(action="meetings.minutes.commented", object_id=str(comment.pk))
    assert entry.data["form_token"] == FORM_TOKEN


def test_a_correction_form_sent_again_registers_nothing_and_names_the_correction_it_registered(cast, justerat):
    corrected = _corrected(cast, justerat, text=CORRECTED, form_token=FORM_TOKEN)
    first = corrected()
    with pytest.raises(justering.CorrectionAlreadyAdded) as sent_again:
        corrected()
    assert sent_again.value.correction == first
    assert Correction.objects.count() == 1


def test_the_same_correction_from_two_forms_is_kept_twice(cast, justerat):
    for token in ("the-first-form-0123456", "the-second-form-012345"):
        _corrected(cast, justerat, text=CORRECTED, form_token=token)()
    _corrected(cast, justerat, text=CORRECTED)()  # and a caller that sends no token
    assert Correction.objects.filter(text=CORRECTED).count() == 3


def test_a_correction_forms_token_counts_in_its_own_paragraph_only(cast, justerat):
    secretary = cast.user("secretary")
    for item in justerat.items.filter(number__in=(3, 4)):
        justering.correction_add(actor=secretary, item=item, text=CORRECTED, form_token=FORM_TOKEN)
    assert Correction.objects.count() == 2


def test_a_corrections_audit_entry_keeps_the_forms_token(cast, justerat):
    correction = _corrected(cast, justerat, text=CORRECTED, form_token=FORM_TOKEN)()
    entry = AuditEntry.objects.get(action="meetings.minutes.corrected", object_id=str(correction.pk))
    assert entry.data["form_token"] == FORM_TOKEN


# The views


def _token(page):
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def _form(page, action):
    return re.search(rf'action="{action}".*?</form>', page, re.S).group(0)


def test_a_comment_form_sent_twice_saves_one_comment_and_leads_to_it(client_for, sent):
    client = client_for("member")
    item = sent.items.get(number=3)
    url = f"/moten/{sent.pk}/justering/paragrafer/{item.pk}/kommentar/"
    form = _form(client.get(f"/moten/{sent.pk}/justering/").content.decode(), url)
    posted = {"text": COMMENTED, "read": 1, "form_token": _token(form)}
    assert client.post(url, posted).url == f"/moten/{sent.pk}/justering/#c{item.pk}"
    comment = ItemComment.objects.get()
    again = client.post(url, posted)  # back, and send again
    assert again.status_code == 302
    assert again.url == f"/moten/{sent.pk}/justering/#k{comment.pk}"  # to the comment the first post added
    assert ItemComment.objects.count() == 1
    page = client.get(again.url).content.decode()
    assert "Formuläret skickades två gånger: kommentaren är bara sparad en gång." in page
    assert f'id="k{comment.pk}"' in page


def test_a_comment_form_sent_twice_after_the_protocol_was_taken_back_keeps_no_text(client_for, cast, sent):
    client = client_for("member")
    item = sent.items.get(number=3)
    url = f"/moten/{sent.pk}/justering/paragrafer/{item.pk}/kommentar/"
    posted = {"text": COMMENTED, "read": 1, "form_token": FORM_TOKEN}
    client.post(url, posted)
    justering.protocol_reopen(actor=cast.user("secretary"), meeting=sent)
    page = client.post(url, posted, follow=True).content.decode()
    assert "Formuläret skickades två gånger: kommentaren är bara sparad en gång." in page
    assert "Det du skrev är inte sparat" not in page
    assert not client.session.get(f"justering:kept:{sent.pk}")
    assert ItemComment.objects.count() == 1


def test_each_paragraphs_comment_form_has_a_token_of_its_own(client_for, sent):
    page = client_for("member").get(f"/moten/{sent.pk}/justering/").content.decode()
    tokens = re.findall(r'class="comment-form"[^>]*>.*?name="form_token" value="([^"]+)"', page, re.S)
    assert len(tokens) == sent.items.count()
    assert len(set(tokens)) == len(tokens)


def test_a_correction_form_sent_twice_registers_one_and_leads_to_it(client_for, justerat):
    client = client_for("secretary")
    item = justerat.items.get(number=3)
    url = f"/moten/{justerat.pk}/paragrafer/{item.pk}/rattelse/"
    form = _form(client.get(f"/moten/{justerat.pk}/").content.decode(), url)
    posted = {"text": CORRECTED, "form_token": _token(form)}
    assert client.post(url, posted).url == f"/moten/{justerat.pk}/#p{item.pk}"
    correction = Correction.objects.get()
    again = client.post(url, posted)  # back, and send again
    assert again.status_code == 302
    assert again.url == f"/moten/{justerat.pk}/#r{correction.pk}"  # to the rättelse the first post registered
    assert Correction.objects.count() == 1
    page = client.get(again.url).content.decode()
    assert "Formuläret skickades två gånger: rättelsen är bara registrerad en gång." in page
    assert f'id="r{correction.pk}"' in page


def test_two_correction_forms_with_the_same_words_register_two(client_for, justerat):
    client = client_for("secretary")
    item = justerat.items.get(number=3)
    url = f"/moten/{justerat.pk}/paragrafer/{item.pk}/rattelse/"
    for _form_shown in range(2):
        token = _token(_form(client.get(f"/moten/{justerat.pk}/").content.decode(), url))
        assert client.post(url, {"text": CORRECTED, "form_token": token}).status_code == 302
    assert item.corrections.filter(text=CORRECTED).count() == 2


# Raced in real threads on PostgreSQL


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_comment_form_posted_twice_at_once_adds_one_comment(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    posts = (
        _commented(cast, meeting, text=COMMENTED, read=1, form_token=FORM_TOKEN)
        for _click in range(2)  # a double click
    )
    errors = at_once(*posts)
    assert [type(error) for error in errors] == [justering.CommentAlreadyAdded]
    assert ItemComment.objects.filter(item__meeting=meeting).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_correction_form_posted_twice_at_once_registers_one(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    with mock.patch.object(tasks.render_signed_pdf, "delay_on_commit"):  # no sealed PDF is needed here
        meeting = justera(cast, ready_to_send(cast))
    posts = (_corrected(cast, meeting, text=CORRECTED, form_token=FORM_TOKEN) for _click in range(2))  # a double click
    errors = at_once(*posts)
    assert [type(error) for error in errors] == [justering.CorrectionAlreadyAdded]
    assert Correction.objects.filter(item__meeting=meeting).count() == 1
