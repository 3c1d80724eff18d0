"""A form that plans a meeting or adds a decision, an uppdrag, someone to the attendance or an attachment, sent
twice (a double click, a resend after a slow answer, back and send again), adds one: the form's one-time token tells,
never what was typed, so two forms with the same words add two. The § has the same (test_services.py, test_views.py).
"""

import datetime
import re
from functools import partial

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from meetings.drafting import services
from meetings.models import Attachment
from tests.conftest import at_once, skip_unless
from tests.meetings.factories import plan_meeting

FORM_TOKEN = "a-form-shown-once-0123"
DECIDED = "Styrelsen beslutar att godkänna budgeten."


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


@pytest.fixture
def item(meeting):
    return meeting.items.get(number=3)


# The services


def test_a_new_decision_form_sent_again_adds_nothing_and_names_the_decision_it_added(cast, item):
    secretary = cast.user("secretary")
    first = services.decision_save(actor=secretary, item=item, text=DECIDED, form_token=FORM_TOKEN)
    with pytest.raises(services.DecisionAlreadyAdded) as sent_again:
        services.decision_save(actor=secretary, item=item, text=DECIDED, form_token=FORM_TOKEN)
    assert sent_again.value.decision == first
    assert item.decisions.count() == 1


def test_a_new_decision_form_sent_again_with_other_words_adds_nothing_either(cast, item):
    """The second post of the form is the form the first one was: corrected on the way, it is a correction of the
    decision added, made on its own page, not a second decision."""
    secretary = cast.user("secretary")
    services.decision_save(actor=secretary, item=item, text=DECIDED, form_token=FORM_TOKEN)
    with pytest.raises(services.DecisionAlreadyAdded):
        services.decision_save(actor=secretary, item=item, text="Styrelsen beslutar att avslå.", form_token=FORM_TOKEN)
    assert [d.text for d in item.decisions.all()] == [DECIDED]


def test_two_decisions_with_the_same_text_from_two_forms_are_both_kept(cast, item):
    secretary = cast.user("secretary")
    for token in ("the-first-form-0123456", "the-second-form-012345"):
        services.decision_save(actor=secretary, item=item, text=DECIDED, form_token=token)
    services.decision_save(actor=secretary, item=item, text=DECIDED)  # and a caller that sends no token
    assert [d.text for d in item.decisions.all()] == [DECIDED] * 3


def test_a_new_decision_forms_token_counts_in_its_own_paragraph_only(cast, meeting, item):
    secretary = cast.user("secretary")
    other = meeting.items.get(number=4)
    for paragraph in (item, other):
        services.decision_save(actor=secretary, item=paragraph, text=DECIDED, form_token=FORM_TOKEN)
    assert (item.decisions.count(), other.decisions.count()) == (1, 1)


def test_a_new_decision_form_sent_again_after_its_decision_was_deleted_adds_it_again(cast, item):
    secretary = cast.user("secretary")
    first = services.decision_save(actor=secretary, item=item, text=DECIDED, form_token=FORM_TOKEN)
    services.decision_delete(actor=secretary, decision=first)  # nothing left to lead to
    services.decision_save(actor=secretary, item=item, text=DECIDED, form_token=FORM_TOKEN)
    assert item.decisions.count() == 1


def test_saving_a_decision_again_is_no_form_sent_twice(cast, item):
    secretary = cast.user("secretary")
    decision = services.decision_save(actor=secretary, item=item, text=DECIDED, form_token=FORM_TOKEN)
    services.decision_save(actor=secretary, item=item, decision=decision, text="Ändrad.", version=1)
    assert [d.text for d in item.decisions.all()] == ["Ändrad."]


def test_a_new_uppdrag_form_sent_again_adds_nothing_and_names_the_uppdrag_it_added(cast, item):
    secretary = cast.user("secretary")
    given = partial(services.assignment_create, actor=secretary, item=item, what="Utreda.", owner=cast.member)
    first = given(form_token=FORM_TOKEN)
    with pytest.raises(services.AssignmentAlreadyAdded) as sent_again:
        given(form_token=FORM_TOKEN)
    assert sent_again.value.assignment == first
    assert item.assignments.count() == 1


def test_the_same_uppdrag_to_the_same_owner_from_two_forms_is_kept_twice(cast, item):
    """Two rounds of the same work ("Återrapportera till styrelsen") may be given in one §: two forms, two uppdrag."""
    secretary = cast.user("secretary")
    given = partial(services.assignment_create, actor=secretary, item=item, what="Återrapportera.", owner_name="Ola")
    given(form_token="the-first-form-0123456")
    given(form_token="the-second-form-012345")
    given()
    assert item.assignments.count() == 3


GUEST = {"name": "Gunilla Gäst", "role": "gast", "status": "narvarande"}


def test_a_form_adding_someone_to_the_attendance_sent_again_adds_nothing(cast, meeting):
    secretary = cast.user("secretary")
    first = services.attendance_save(actor=secretary, meeting=meeting, form_token=FORM_TOKEN, **GUEST)
    with pytest.raises(services.AttendanceAlreadyAdded) as sent_again:
        services.attendance_save(actor=secretary, meeting=meeting, form_token=FORM_TOKEN, **GUEST)
    assert sent_again.value.attendance == first
    assert meeting.attendances.filter(name="Gunilla Gäst").count() == 1


def test_changing_a_row_of_the_attendance_is_no_form_sent_twice(cast, meeting):
    secretary = cast.user("secretary")
    guest = services.attendance_save(actor=secretary, meeting=meeting, form_token=FORM_TOKEN, **GUEST)
    services.attendance_save(actor=secretary, meeting=meeting, attendance=guest, form_token=FORM_TOKEN, paragraphs="1")
    guest.refresh_from_db()
    assert guest.paragraphs == "1"


def _pdf():
    return SimpleUploadedFile("budget.pdf", b"%PDF-1.7 budget")


def test_a_form_uploading_an_attachment_sent_again_keeps_the_file_once(cast, meeting, item):
    secretary = cast.user("secretary")
    first = services.attachment_add(actor=secretary, meeting=meeting, item=item, upload=_pdf(), form_token=FORM_TOKEN)
    with pytest.raises(services.AttachmentAlreadyAdded) as sent_again:
        services.attachment_add(actor=secretary, meeting=meeting, item=item, upload=_pdf(), form_token=FORM_TOKEN)
    assert sent_again.value.attachment == first
    services.attachment_add(actor=secretary, meeting=meeting, item=item, upload=_pdf())  # another form: kept again
    assert Attachment.objects.filter(meeting=meeting, name="budget.pdf").count() == 2


def test_a_form_planning_a_meeting_sent_again_plans_nothing_and_names_the_meeting_it_planned(cast):
    secretary = cast.user("secretary")
    planned = partial(services.meeting_create, actor=secretary, body=cast.board, date=datetime.date(2026, 12, 10))
    first = planned(form_token=FORM_TOKEN)
    with pytest.raises(services.MeetingAlreadyAdded) as sent_again:
        planned(form_token=FORM_TOKEN)
    assert sent_again.value.meeting == first
    planned(form_token="the-second-form-012345")  # two meetings of a body on one day: a morning and an evening
    assert cast.board.meetings.filter(date=datetime.date(2026, 12, 10)).count() == 2


# The views


def _token(page):
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def test_a_new_decision_form_sent_twice_makes_one_decision_and_leads_to_it(client_for, meeting, item):
    client = client_for("secretary")
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/"
    posted = {"text": DECIDED, "outcome": "bifall", "method": "acklamation"}
    posted["form_token"] = _token(client.get(url).content.decode())
    assert client.post(url, posted).status_code == 302
    decision = item.decisions.get()
    again = client.post(url, posted)  # back, and send again
    assert again.status_code == 302
    assert again.url == f"/moten/{meeting.pk}/#d{decision.pk}"  # to the decision the first post added
    assert item.decisions.count() == 1
    page = client.get(again.url).content.decode()
    assert "Formuläret skickades två gånger: beslutet är bara sparat en gång." in page
    assert f'id="d{decision.pk}"' in page


def test_two_new_decision_forms_with_the_same_text_make_two_decisions(client_for, meeting, item):
    client = client_for("secretary")
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/"
    for _form in range(2):
        token = _token(client.get(url).content.decode())
        posted = {"text": DECIDED, "outcome": "bifall", "method": "acklamation", "form_token": token}
        assert client.post(url, posted).status_code == 302
    assert item.decisions.filter(text=DECIDED).count() == 2


def test_a_decision_saved_has_no_form_token_but_its_version(client_for, meeting, item):
    decision = services.decision_save(actor=None, item=item, text=DECIDED)
    page = client_for("secretary").get(f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}/")
    assert 'name="form_token"' not in page.content.decode()
    assert 'name="version"' in page.content.decode()


def test_a_new_uppdrag_form_sent_twice_makes_one_uppdrag_and_leads_to_it(client_for, meeting, item):
    client = client_for("secretary")
    page = client.get(f"/moten/{meeting.pk}/").content.decode()
    form = re.search(rf'action="/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/".*?</form>', page, re.S).group(0)
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/"
    posted = {"owner_name": "Ola Wiktorson", "what": "Utarbeta förslag till kartläggning.", "form_token": _token(form)}
    assert client.post(url, posted).status_code == 302
    assignment = item.assignments.get()
    again = client.post(url, posted)  # back, and send again
    assert again.status_code == 302
    assert again.url == f"/moten/{meeting.pk}/#u{assignment.pk}"
    assert item.assignments.count() == 1
    page = client.get(again.url).content.decode()
    assert "Formuläret skickades två gånger: uppdraget till Ola Wiktorson är bara sparat en gång." in page
    assert f'id="u{assignment.pk}"' in page


def test_each_paragraphs_uppdrag_form_has_a_token_of_its_own(client_for, meeting):
    page = client_for("secretary").get(f"/moten/{meeting.pk}/").content.decode()
    tokens = re.findall(r'/uppdrag/" class="subform" data-keep-draft>.*?name="form_token" value="([^"]+)"', page, re.S)
    assert len(tokens) == meeting.items.count()
    assert len(set(tokens)) == len(tokens)


def test_two_new_uppdrag_forms_with_the_same_words_make_two_uppdrag(client_for, meeting, item):
    client = client_for("secretary")
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/"
    for token in ("the-first-form-0123456", "the-second-form-012345"):
        client.post(url, {"owner_name": "Ola Wiktorson", "what": "Återrapportera.", "form_token": token})
    assert item.assignments.filter(what="Återrapportera.").count() == 2


def test_an_uppdrag_form_refused_and_sent_again_corrected_makes_one_uppdrag(client_for, meeting, item):
    """The form comes back on a page of its own with what was typed, its token too: sent again, corrected, it adds
    the uppdrag once, and a third post of it leads to that one."""
    client = client_for("secretary")
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/"
    refused = client.post(url, {"what": "Utreda.", "form_token": FORM_TOKEN})  # nobody named
    assert refused.status_code == 200
    assert _token(refused.content.decode()) == FORM_TOKEN
    corrected = {"owner_name": "Ola Wiktorson", "what": "Utreda.", "form_token": FORM_TOKEN}
    assert client.post(url, corrected).url == f"/moten/{meeting.pk}/#p{item.pk}"
    assert client.post(url, corrected).url == f"/moten/{meeting.pk}/#u{item.assignments.get().pk}"


def test_a_form_adding_someone_to_the_attendance_sent_twice_adds_them_once_and_leads_to_them(client_for, meeting):
    client = client_for("secretary")
    url = f"/moten/{meeting.pk}/narvaro/"
    posted = {**GUEST, "form_token": _token(client.get(url).content.decode())}
    assert client.post(url, posted).status_code == 302
    guest = meeting.attendances.get(name="Gunilla Gäst")
    again = client.post(url, posted)
    assert again.status_code == 302
    assert again.url == f"/moten/{meeting.pk}/narvaro/#a{guest.pk}"
    page = client.get(again.url).content.decode()
    assert "Formuläret skickades två gånger: Gunilla Gäst finns bara en gång i närvarolistan." in page
    assert f'id="a{guest.pk}"' in page
    assert meeting.attendances.filter(name="Gunilla Gäst").count() == 1
    edit = client.get(f"/moten/{meeting.pk}/narvaro/{guest.pk}/").content.decode()
    assert 'name="form_token"' not in edit  # a row changed is no row added


def test_an_attachment_form_sent_twice_keeps_the_file_once(client_for, meeting, item):
    client = client_for("secretary")
    page = client.get(f"/moten/{meeting.pk}/").content.decode()
    form = re.search(rf'action="/moten/{meeting.pk}/paragrafer/{item.pk}/bilagor/".*?</form>', page, re.S).group(0)
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/bilagor/"
    token = _token(form)
    assert client.post(url, {"file": _pdf(), "form_token": token}).url == f"/moten/{meeting.pk}/#p{item.pk}"
    again = client.post(url, {"file": _pdf(), "form_token": token}, follow=True)
    assert "Formuläret skickades två gånger: bilagan ”budget.pdf” är bara sparad en gång." in again.content.decode()
    assert item.attachments.count() == 1
    meeting_form = re.search(rf'action="/moten/{meeting.pk}/bilagor/".*?</form>', page, re.S).group(0)
    assert _token(meeting_form) != token  # the meeting's own upload form is another form


def test_a_form_planning_a_meeting_sent_twice_plans_one_and_leads_to_it(client_for, cast):
    client = client_for("secretary")
    posted = {"body": cast.board.pk, "date": "2026-12-10", "start_time": "09:00", "end_time": "12:00"}
    posted["form_token"] = _token(client.get("/moten/nytt/").content.decode())
    first = client.post("/moten/nytt/", posted)
    meeting = cast.board.meetings.get(date=datetime.date(2026, 12, 10))
    assert first.url == meeting.get_absolute_url()
    again = client.post("/moten/nytt/", posted)  # back, and send again
    assert again.url == meeting.get_absolute_url()
    page = client.get(again.url).content.decode()
    assert "Formuläret skickades två gånger: mötet är bara planerat en gång." in page
    assert cast.board.meetings.filter(date=datetime.date(2026, 12, 10)).count() == 1


# Raced in real threads on PostgreSQL


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_new_decision_form_posted_twice_at_once_adds_one_decision(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    item = plan_meeting(cast).items.get(number=3)
    secretary = cast.user("secretary")
    posts = (
        partial(services.decision_save, actor=secretary, item=item, text=DECIDED, form_token=FORM_TOKEN)
        for _click in range(2)  # a double click
    )
    errors = at_once(*posts)
    assert [type(error) for error in errors] == [services.DecisionAlreadyAdded]
    assert item.decisions.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_new_uppdrag_form_posted_twice_at_once_adds_one_uppdrag(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    item = plan_meeting(cast).items.get(number=3)
    secretary = cast.user("secretary")
    posts = (
        partial(
            services.assignment_create,
            actor=secretary,
            item=item,
            what="Utreda.",
            owner_name="Ola",
            form_token=FORM_TOKEN,
        )
        for _click in range(2)  # a double click
    )
    errors = at_once(*posts)
    assert [type(error) for error in errors] == [services.AssignmentAlreadyAdded]
    assert item.assignments.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_form_adding_someone_to_the_attendance_posted_twice_at_once_adds_them_once(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    meeting = plan_meeting(cast)
    secretary = cast.user("secretary")
    posts = (
        partial(services.attendance_save, actor=secretary, meeting=meeting, form_token=FORM_TOKEN, **GUEST)
        for _click in range(2)  # a double click
    )
    errors = at_once(*posts)
    assert [type(error) for error in errors] == [services.AttendanceAlreadyAdded]
    assert meeting.attendances.filter(name="Gunilla Gäst").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_form_planning_a_meeting_posted_twice_at_once_plans_one(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    secretary = cast.user("secretary")
    date = datetime.date(2026, 12, 10)
    posts = (
        partial(services.meeting_create, actor=secretary, body=cast.board, date=date, form_token=FORM_TOKEN)
        for _click in range(2)  # a double click
    )
    errors = at_once(*posts)
    assert [type(error) for error in errors] == [services.MeetingAlreadyAdded]
    assert cast.board.meetings.filter(date=date).count() == 1
