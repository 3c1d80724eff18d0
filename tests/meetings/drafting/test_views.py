"""Meeting views for every persona; the autosave endpoint; pinned query counts."""

import datetime
import re

import pytest
from django.test import Client

from federations.models import Mandate, Person
from meetings.anslag.services import personal_data_review
from meetings.drafting import services
from meetings.models import Decision
from tests.conftest import on_the_tests_day
from tests.meetings.factories import justera, plan_meeting, ready_to_send


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


def urls(meeting):
    item = meeting.items.first()
    base = f"/moten/{meeting.pk}"
    return {
        "detail": f"{base}/",
        "attendance": f"{base}/narvaro/",
        "history": f"{base}/paragrafer/{item.pk}/historik/",
        "ics": f"{base}/kallelse.ics",
    }


@pytest.mark.parametrize(
    ("key", "expected"),
    [("secretary", 200), ("admin", 200), ("member", 200), ("chair", 200), ("outsider", 404), ("coordinator", 200)],
)
def test_reading_a_draft_follows_the_roles(client_for, meeting, key, expected):
    for name, url in urls(meeting).items():
        assert client_for(key).get(url).status_code == expected, name


def test_the_public_gets_404_or_the_sign_in_page_for_a_draft(client_for, meeting):
    client = client_for(None)
    assert client.get(f"/moten/{meeting.pk}/").status_code == 404
    assert client.get(f"/moten/{meeting.pk}/narvaro/").status_code == 302
    assert client.get("/moten/").status_code == 302


@pytest.mark.parametrize(("key", "expected"), [("member", 403), ("chair", 403), ("outsider", 404), (None, 302)])
def test_writing_needs_the_secretary_right(client_for, meeting, key, expected):
    response = client_for(key).post(f"/moten/{meeting.pk}/paragrafer/", {"heading": "Nytt", "kind": "ovrigt"})
    assert response.status_code == expected
    assert meeting.items.count() == 4


def test_a_secretary_plans_a_meeting(client_for, cast):
    response = client_for("secretary").post(
        "/moten/nytt/",
        {"body": cast.board.pk, "date": "2026-12-10", "start_time": "09:00", "end_time": "12:00", "place": "Kansliet"},
    )
    assert response.status_code == 302
    assert cast.board.meetings.get().items.count() == 4


def test_planning_with_the_end_before_the_start_shows_the_error(client_for, cast):
    response = client_for("secretary").post(
        "/moten/nytt/", {"body": cast.board.pk, "date": "2026-12-10", "start_time": "12:00", "end_time": "09:00"}
    )
    assert response.status_code == 200
    assert "Sluttiden måste vara efter starttiden." in response.content.decode()
    assert not cast.board.meetings.exists()


def test_a_member_cannot_plan_meetings(client_for, cast):
    assert client_for("member").get("/moten/nytt/").status_code == 403


def test_a_secretary_cannot_plan_a_meeting_for_another_federations_body(client_for, cast):
    response = client_for("secretary").post("/moten/nytt/", {"body": cast.other_board.pk, "date": "2026-12-10"})
    assert response.status_code == 200
    assert not cast.other_board.meetings.exists()


def save(client, meeting, item, text, version, heading="Mötets öppnande"):
    return client.post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/text/", {"heading": heading, "text": text, "version": version}
    )


def test_autosave_answers_with_the_new_version(client_for, meeting):
    item = meeting.items.first()
    response = save(client_for("secretary"), meeting, item, "<p>Hej</p>", 1)
    assert response.status_code == 200
    assert response.json()["version"] == 2


def test_autosave_conflict_is_409_with_the_servers_text(client_for, meeting):
    item = meeting.items.first()
    client = client_for("secretary")
    save(client, meeting, item, "<p>Första</p>", 1)
    response = save(client, meeting, item, "<p>Andra</p>", 1)
    assert response.status_code == 409
    assert response.json()["server"]["text"] == "<p>Första</p>"


def test_autosave_answers_with_every_paragraphs_number_as_it_is_now(client_for, cast, meeting):
    """A colleague moved § 4 up while this page was open: the answer to a save of § 1 names them all anew, so the page
    renames §§ 3 and 4 too, not only the § saved (editor.js, showLabels). A conflict's answer does the same."""
    opening, _choice, agenda, previous = meeting.items.order_by("position")
    client = client_for("secretary")
    services.item_move(actor=None, item=previous, offset=-1)
    response = save(client, meeting, opening, "<p>Mötet öppnades.</p>", 1)
    assert response.json()["labels"][str(agenda.pk)] == "§ 4"
    assert response.json()["labels"][str(previous.pk)] == "§ 3"
    assert len(response.json()["labels"]) == 4
    conflict = save(client, meeting, opening, "<p>Mötet öppnades kl. 9.</p>", 1)
    assert conflict.status_code == 409
    assert conflict.json()["labels"][str(previous.pk)] == "§ 3"


def test_autosave_after_the_session_expired_is_401_and_saves_nothing(client_for, meeting):
    item = meeting.items.first()
    response = save(client_for(None), meeting, item, "<p>Text</p>", 1)
    assert response.status_code == 401
    assert "Logga in igen" in response.json()["error"]
    item.refresh_from_db()
    assert item.text == ""


def test_autosave_of_a_deleted_paragraph_says_so_in_swedish_for_the_editor_to_keep_the_text(client_for, meeting):
    item = meeting.items.first()
    client = client_for("secretary")
    services.item_delete(actor=None, item=meeting.items.get(pk=item.pk))
    response = save(client, meeting, item, "<p>Text</p>", 1)
    assert response.status_code == 404
    assert response.json()["gone"] is True
    assert "Paragrafen finns inte längre" in response.json()["error"]
    assert not meeting.items.filter(pk=item.pk).exists()


def test_a_too_long_heading_for_a_new_paragraph_is_refused_in_words_and_the_browser_does_not_cut_it(
    client_for, meeting
):
    client = client_for("secretary")
    response = client.post(f"/moten/{meeting.pk}/paragrafer/", {"heading": "R" * 301, "kind": "ovrigt"}, follow=True)
    assert "Rubriken är för lång: högst 300 tecken." in response.content.decode()
    assert meeting.items.count() == 4
    page = client.get(f"/moten/{meeting.pk}/").content.decode()
    assert 'maxlength="300"' not in page  # a paste longer than that would be cut without a word


def test_autosave_needs_a_csrf_token(cast, meeting):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.user("secretary"))
    assert save(client, meeting, meeting.items.first(), "x", 1).status_code == 403


def test_autosave_refuses_get(client_for, meeting):
    item = meeting.items.first()
    assert client_for("secretary").get(f"/moten/{meeting.pk}/paragrafer/{item.pk}/text/").status_code == 405


def test_an_item_of_another_meeting_is_404(client_for, cast, meeting):
    other = plan_meeting(cast, date=datetime.date(2026, 6, 1))
    response = save(client_for("secretary"), meeting, other.items.first(), "x", 1)
    assert response.status_code == 404


def test_a_votering_decision_with_too_many_votes_shows_the_error(client_for, meeting):
    item = meeting.items.get(number=3)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/",
        {"text": "Styrelsen beslutar att bifalla.", "outcome": "bifall", "method": "votering", "votes_yes": 5},
    )
    assert response.status_code == 200
    assert "fler än de" in response.content.decode()
    assert not Decision.objects.exists()


def test_a_wrong_type_attachment_gets_a_message_and_nothing_is_saved(client_for, meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/bilagor/", {"file": SimpleUploadedFile("x.exe", b"MZ")}, follow=True
    )
    assert "Filtypen är inte tillåten" in response.content.decode()
    assert not meeting.attachments.exists()


def grow(cast, meeting, n):
    for i in range(n):
        item = services.item_add(actor=None, meeting=meeting, heading=f"Ärende {i}")
        decision = services.decision_save(actor=None, item=item, text=f"Beslut {i}")
        services.assignment_create(actor=None, item=item, decision=decision, what="Göra något", owner_name="Ola")


@pytest.mark.parametrize("size", [1, 8])
def test_the_meeting_page_runs_a_fixed_number_of_queries(client_for, cast, meeting, django_assert_num_queries, size):
    grow(cast, meeting, size)
    client = client_for("secretary")
    # session, user, person, staff roles, mandates (roles); meeting with body, chair and secretary; attendances;
    # voting seats (quorum); open assignments; follow-up item; items; decisions; decision projects; reservations;
    # decision assignments; decision votes with their voters (the namnupprop); decision addressees (the people it is
    # sent to); item assignments; attachments; recusals; item projects; continues; continued_in; corrections
    with django_assert_num_queries(23):
        assert client.get(f"/moten/{meeting.pk}/").status_code == 200


@pytest.mark.parametrize("size", [1, 8])
def test_the_meeting_list_runs_a_fixed_number_of_queries(client_for, cast, django_assert_num_queries, size):
    for i in range(size):
        plan_meeting(cast, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=7 * i))
    client = client_for("secretary")
    # session, user, person, staff roles, mandates; meetings with bodies; bodies the user may plan for (exists)
    with django_assert_num_queries(7):
        assert client.get("/moten/").status_code == 200


def test_the_history_shows_revisions_saved_without_an_author(client_for, meeting):
    item = meeting.items.first()
    services.item_save_text(actor=None, item_id=item.pk, heading="A", text="<p>Ett</p>", base_version=1)
    response = client_for("member").get(f"/moten/{meeting.pk}/paragrafer/{item.pk}/historik/?a=2&b=2")
    assert response.status_code == 200
    assert "Versionerna är lika." in response.content.decode()


@pytest.mark.bench
def test_the_autosave_benchmark_loses_nothing(transactional_db, settings, tmp_path):
    """A short run of the real benchmark: gunicorn, concurrent editors on the configured database."""
    import io

    from django.core.management import call_command

    settings.VAR_DIR = tmp_path
    out = io.StringIO()
    call_command("bench_autosave", "--editors", "3", "--seconds", "2", "--workers", "2", stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    assert last.startswith("autosave p50 ")
    assert "; errors 0; lost 0; " in last and last.endswith("with 3 editors")


def test_reservations_and_votes_are_entered_on_the_decision_page(client_for, cast, meeting):
    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.")
    client = client_for("secretary")
    base = f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}"
    assert "Röster vid votering" in client.get(f"{base}/").content.decode()
    member = meeting.attendances.get(person=cast.member)
    chair = meeting.attendances.get(person=cast.chair)
    client.post(f"{base}/reservation/", {"attendance": member.pk, "reason": "Eget yrkande."})
    client.post(f"{base}/roster/", {f"vote-{chair.pk}": "ja", f"vote-{member.pk}": "nej"})
    decision.refresh_from_db()
    assert decision.reservations.get().reason == "Eget yrkande." and (decision.votes_yes, decision.votes_no) == (1, 1)
    assert "Maja Ledamot reserverar sig" in client.get(f"/moten/{meeting.pk}/").content.decode()
    assert client_for("member").post(f"{base}/roster/", {}).status_code == 403


def test_a_secretary_changes_the_meeting_and_a_new_date_renumbers_nothing_lost(client_for, meeting):
    client = client_for("secretary")
    page = client.get(f"/moten/{meeting.pk}/andra/")
    assert page.status_code == 200
    assert 'name="body"' not in page.content.decode()  # the body is fixed once the meeting is planned
    response = client.post(
        f"/moten/{meeting.pk}/andra/",
        {"date": "2026-12-11", "start_time": "10:00", "end_time": "12:00", "place": "Stadshuset, sal 2"},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.date, meeting.place) == (datetime.date(2026, 12, 11), "Stadshuset, sal 2")
    assert meeting.items.count() == 4


def test_changing_the_meeting_to_end_before_it_starts_shows_the_error_and_keeps_the_old_times(client_for, meeting):
    before = (meeting.start_time, meeting.end_time)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/andra/", {"date": "2026-12-11", "start_time": "12:00", "end_time": "09:00"}
    )
    assert response.status_code == 200
    assert "Sluttiden måste vara efter starttiden." in response.content.decode()
    meeting.refresh_from_db()
    assert (meeting.start_time, meeting.end_time) == before


@pytest.mark.parametrize(("key", "expected"), [("member", 403), ("chair", 403), ("outsider", 404), (None, 302)])
def test_changing_the_meeting_needs_the_secretary_right(client_for, meeting, key, expected):
    assert client_for(key).get(f"/moten/{meeting.pk}/andra/").status_code == expected


HUGE = "99999999999999999999"  # more than any integer column holds


def test_a_decision_naming_a_project_no_database_could_hold_gets_a_form_error(client_for, meeting):
    item = meeting.items.get(number=3)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/",
        {"text": "Styrelsen beslutar att bifalla.", "outcome": "bifall", "method": "acklamation", "projects": HUGE},
    )
    assert response.status_code == 200
    assert "finns inte bland tillgängliga alternativ" in response.content.decode()
    assert not Decision.objects.exists()


@pytest.mark.parametrize("posted", ["", "abc", "-1", "²", HUGE])
def test_a_malformed_attendance_id_is_404_not_a_server_error(client_for, meeting, posted):
    item = meeting.items.get(number=3)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/jav/", {"attendance": posted, "recused": "1"}
    )
    assert response.status_code == 404
    assert not item.recusals.exists()


def test_a_recusal_reason_longer_than_its_field_is_refused_not_cut(client_for, cast, meeting):
    item = meeting.items.get(number=3)
    member = meeting.attendances.get(person=cast.member)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/jav/",
        {"attendance": member.pk, "recused": "1", "reason": "x" * 301},
        follow=True,
    )
    assert "högst 300 tecken" in response.content.decode()
    assert not item.recusals.exists()


def test_a_long_written_reservation_is_kept_whole(client_for, cast, meeting):
    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.")
    member = meeting.attendances.get(person=cast.member)
    reason = "Jag reserverar mig till förmån för mitt eget yrkande. " * 200  # 10,800 characters
    client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}/reservation/",
        {"attendance": member.pk, "reason": reason},
    )
    assert decision.reservations.get().reason == reason.strip()


@pytest.mark.parametrize("query", [f"sida={HUGE}", "sida=²", "sida=-3", f"person={HUGE}", "person=²"])
def test_page_and_person_parameters_out_of_any_range_answer_normally(client_for, query):
    client = client_for("secretary")
    assert client.get(f"/beslut/?{query}").status_code == 200
    assert client.get(f"/uppdrag/?{query}").status_code == 200


def test_an_autosave_runs_a_fixed_number_of_queries(client_for, meeting, django_assert_num_queries):
    item = meeting.items.first()
    client = client_for("secretary")
    save(client, meeting, item, "<p>Ett</p>", 1)  # the first save also makes the planned meeting a draft
    # session, user; meeting; person, staff roles, mandates (roles); the item; then a savepoint around the item
    # with its meeting, body and federation, extracts under justering, the conditional UPDATE and the revision;
    # every § of the meeting's number, for the page to rename them all
    with django_assert_num_queries(14):
        assert save(client, meeting, item, "<p>Två</p>", 2).status_code == 200


def test_a_nul_character_in_a_recusal_reason_is_refused_with_a_message(client_for, cast, meeting):
    item = meeting.items.get(number=3)
    member = meeting.attendances.get(person=cast.member)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/jav/",
        {"attendance": member.pk, "recused": "1", "reason": "Jäv\x00"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Null-tecken är inte tillåtna." in response.content.decode()
    assert not item.recusals.exists()


def test_a_nul_character_in_a_reservation_is_refused_with_a_message(client_for, cast, meeting):
    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.")
    member = meeting.attendances.get(person=cast.member)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}/reservation/",
        {"attendance": member.pk, "reason": "Eget\x00 yrkande."},
        follow=True,
    )
    assert response.status_code == 200
    assert "Null-tecken är inte tillåtna." in response.content.decode()
    assert not decision.reservations.exists()


def test_the_secretary_chooses_the_justerare_on_the_edit_page(client_for, cast, meeting):
    client = client_for("secretary")
    page = client.get(f"/moten/{meeting.pk}/andra/").content.decode()
    assert "Justerare (jämte ordföranden)" in page and cast.member.name in page
    data = {
        "date": meeting.date.isoformat(),
        "start_time": "09:00",
        "end_time": "12:00",
        "chair": cast.chair.pk,
        "secretary": cast.secretary.pk,
        "justerare": [cast.member.pk],
    }
    assert client.post(f"/moten/{meeting.pk}/andra/", data).status_code == 302
    assert list(meeting.justerare.all()) == [cast.member]
    item = meeting.items.get(heading="Val av justerare")
    assert item.text == "<p>Maja Ledamot utsågs att jämte ordföranden justera dagens protokoll.</p>"
    assert "Utses att justera" in client.get(f"/moten/{meeting.pk}/forhandsgranska/").content.decode()


def _justerare_form(cast, meeting, justerare):
    return {
        "date": meeting.date.isoformat(),
        "start_time": "09:00",
        "end_time": "12:00",
        "chair": cast.chair.pk,
        "secretary": cast.secretary.pk,
        "justerare": [person.pk for person in justerare],
    }


def test_changing_the_justerare_rewrites_the_sentence_written_for_the_former_ones_never_the_secretarys(
    client_for, cast, meeting
):
    """The sentence the portal wrote for the first choice named the former justerare while the protocol's signers
    were the new ones; the secretary's own wording stays."""
    client = client_for("secretary")
    other = Person.objects.create(name="Åke Lind")
    Mandate.objects.create(person=other, body=cast.board, role="ledamot", start=datetime.date(2020, 1, 1))
    client.post(f"/moten/{meeting.pk}/andra/", _justerare_form(cast, meeting, [cast.member]))
    client.post(f"/moten/{meeting.pk}/andra/", _justerare_form(cast, meeting, [other]))
    item = meeting.items.get(heading="Val av justerare")
    assert item.text == "<p>Åke Lind utsågs att jämte ordföranden justera dagens protokoll.</p>"
    services.item_save_text(
        actor=None, item_id=item.pk, heading=item.heading, text="<p>Mötet valde Åke.</p>", base_version=item.version
    )
    client.post(f"/moten/{meeting.pk}/andra/", _justerare_form(cast, meeting, [cast.member]))
    assert meeting.items.get(pk=item.pk).text == "<p>Mötet valde Åke.</p>"


def test_the_chair_or_one_away_from_the_meeting_is_no_justerare(client_for, cast, meeting):
    client = client_for("secretary")
    response = client.post(f"/moten/{meeting.pk}/andra/", _justerare_form(cast, meeting, [cast.member, cast.chair]))
    assert "Ordföranden justerar protokollet ändå" in response.content.decode()
    services.attendance_save(actor=None, meeting=meeting, person=cast.member, status="anmalt_forhinder")
    response = client.post(f"/moten/{meeting.pk}/andra/", _justerare_form(cast, meeting, [cast.member]))
    assert f"{cast.member.name} är inte med på mötet (anmält förhinder)" in response.content.decode()
    assert not meeting.justerare.exists()


def test_an_assignment_owner_from_another_federation_is_refused(client_for, cast, meeting):
    item = meeting.items.get(number=3)
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/"
    client = client_for("secretary")
    client.post(url, {"owner": cast.outsider.pk, "what": "Utreda."})
    assert not item.assignments.exists()
    client.post(url, {"owner": cast.member.pk, "what": "Utreda."})
    assert item.assignments.get().owner == cast.member


def _new_item_form_token(client, meeting):
    """The one-time token of the "Nytt ärende" form, as the meeting's page shows it."""
    page = client.get(f"/moten/{meeting.pk}/").content.decode()
    return re.search(r'name="form_token" value="([^"]+)"', page).group(1)


def test_a_new_item_form_sent_twice_adds_one_item_and_leads_to_it(client_for, meeting):
    client = client_for("secretary")
    posted = {"heading": "Budget 2027", "kind": "beslut", "form_token": _new_item_form_token(client, meeting)}
    first = client.post(f"/moten/{meeting.pk}/paragrafer/", posted)
    item = meeting.items.get(heading="Budget 2027")
    assert first.url == f"/moten/{meeting.pk}/#p{item.pk}"
    again = client.post(f"/moten/{meeting.pk}/paragrafer/", posted)  # a double click, or back and send again
    assert again.status_code == 302
    assert again.url == f"/moten/{meeting.pk}/#p{item.pk}"  # to the § the first post added
    assert meeting.items.count() == 5
    page = client.get(again.url).content.decode()
    assert "Formuläret skickades två gånger: ärendet ”Budget 2027” är bara tillagt en gång." in page


def test_two_new_item_forms_with_the_same_heading_add_two_items(client_for, meeting):
    client = client_for("secretary")
    for _form in range(2):  # two §§ may share a heading ("Information", "Övriga frågor"): two forms, two §§
        token = _new_item_form_token(client, meeting)
        client.post(
            f"/moten/{meeting.pk}/paragrafer/", {"heading": "Information", "kind": "information", "form_token": token}
        )
    assert meeting.items.filter(heading="Information").count() == 2


def test_a_new_item_forms_token_counts_in_its_own_meeting_only(client_for, cast, meeting):
    client = client_for("secretary")
    token = _new_item_form_token(client, meeting)
    other = plan_meeting(cast, date=meeting.date + datetime.timedelta(days=7))
    for target in (meeting, other):
        client.post(f"/moten/{target.pk}/paragrafer/", {"heading": "Budget", "kind": "beslut", "form_token": token})
    assert (meeting.items.filter(heading="Budget").count(), other.items.filter(heading="Budget").count()) == (1, 1)


def test_a_new_item_sent_without_a_form_token_is_added_as_before(client_for, meeting):
    client = client_for("secretary")
    for _post in range(2):  # a form shown before the token existed
        client.post(f"/moten/{meeting.pk}/paragrafer/", {"heading": "Budget", "kind": "beslut"})
    assert meeting.items.filter(heading="Budget").count() == 2


@on_the_tests_day
def test_a_public_records_draft_history_is_not_public(client_for, cast, meeting):
    item = meeting.items.get(number=1)
    services.item_save_text(actor=None, item_id=item.pk, heading=item.heading, text="<p>Utkast.</p>", base_version=1)
    justera(cast, meeting)
    personal_data_review(actor=cast.user("secretary"), meeting=meeting)
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/historik/"
    assert client_for("outsider").get(url).status_code == 404
    assert client_for("member").get(url).status_code == 200


def test_a_record_out_for_justering_offers_the_secretary_no_editing(client_for, cast):
    from meetings.justering import services as justering

    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    page = urls(meeting)
    client = client_for("secretary")
    for name in ("detail", "attendance", "history"):
        assert client.get(page[name]).context["writable"] is False, name
    attendance = meeting.attendances.first()
    response = client.get(f"{page['attendance']}{attendance.pk}/", follow=True)  # the reason, not a bare 403
    assert response.redirect_chain == [(page["attendance"], 302)]
    assert "Protokollet är skickat på justering" in response.content.decode()
    assert response.context["writable"] is False and "attendance-form-heading" not in response.content.decode()


def test_a_justerat_records_page_names_its_chair_as_signed_not_as_renamed_since(client_for, cast, meeting):
    justera(cast, meeting)
    signed_as = cast.chair.name
    cast.chair.name = "Cecilia Nyttnamn"
    cast.chair.save()
    html = client_for("member").get(f"/moten/{meeting.pk}/").content.decode()
    assert f"<dd>{signed_as}</dd>" in html and "Cecilia Nyttnamn" not in html.split("<dl")[1].split("</dl>")[0]
