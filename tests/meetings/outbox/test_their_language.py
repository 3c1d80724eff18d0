"""Each e-mail in its recipient's language: the one they chose with the portal's language switch (kept on their
person in the register, and set again when they sign in on a browser that has chosen none), Swedish for everyone who
has not. The English catalogue has these subjects already."""

import datetime

import pytest
from django.utils import timezone

from federations import services as register
from federations.selectors import languages_by_address
from finsam.models import AuditEntry
from meetings.drafting import services as drafting
from meetings.justering import mail
from meetings.justering import services as justering
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting, ready_to_send

pytestmark = on_the_tests_day


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def subjects(mailoutbox):
    return {message.to[0]: message.subject for message in mailoutbox}


def test_switching_to_english_keeps_the_choice_for_a_signed_in_person(client_for, cast):
    client = client_for("member")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/moten/"})
    assert response.status_code == 302 and response["Location"] == "/moten/"
    assert client.get("/")["Content-Language"] == "en"  # the switch itself still works as before
    cast.member.refresh_from_db()
    assert cast.member.language == "en"
    [entry] = AuditEntry.objects.filter(action="federations.person.language_set")
    assert entry.actor == cast.user("member") and entry.data == {"language": "en"}
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})  # no change, no new entry
    assert AuditEntry.objects.filter(action="federations.person.language_set").count() == 1
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    cast.member.refresh_from_db()
    assert cast.member.language == "sv"


def test_signing_in_on_a_new_browser_brings_the_chosen_language_back(client, cast):
    register.person_language_set(actor=None, person=cast.member, language="en")
    client.post("/accounts/login/", {"login": "member@example.se", "password": cast.password})
    assert client.cookies["django_language"].value == "en"
    assert client.get("/")["Content-Language"] == "en"


def test_a_browser_that_has_chosen_keeps_its_choice_on_signing_in(client, cast):
    register.person_language_set(actor=None, person=cast.member, language="en")
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    client.post("/accounts/login/", {"login": "member@example.se", "password": cast.password})
    assert client.get("/")["Content-Language"] == "sv"
    cast.member.refresh_from_db()
    assert cast.member.language == "en"  # chosen while signed out: nothing to keep it for


def test_the_public_and_a_get_keep_nothing(client_for, cast):
    client_for(None).post("/i18n/setlang/", {"language": "en", "next": "/"})
    client_for("member").get("/i18n/setlang/?language=en&next=/")
    client_for("member").post("/i18n/setlang/", {"language": "xx", "next": "/"})
    cast.member.refresh_from_db()
    assert cast.member.language == ""


def test_a_person_is_found_by_their_own_address_or_their_account_s_whatever_the_case(cast):
    register.person_language_set(actor=None, person=cast.member, language="en")
    cast.member.email = "Maja.Ledamot@Example.se"
    cast.member.save(update_fields=["email"])
    found = languages_by_address(["MAJA.LEDAMOT@example.se", "member@example.se", "chair@example.se", ""])
    assert found == {"maja.ledamot@example.se": "en", "member@example.se": "en"}


def test_a_signer_who_chose_english_is_asked_to_justera_in_english(
    client_for, cast, mailoutbox, django_capture_on_commit_callbacks
):
    client_for("member").post("/i18n/setlang/", {"language": "en", "next": "/"})
    meeting = ready_to_send(cast)
    with django_capture_on_commit_callbacks(execute=True):
        justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)
    sent = subjects(mailoutbox)
    assert sent["member@example.se"].startswith("To sign: ")
    assert sent["chair@example.se"].startswith("Att justera: ")
    assert sent["secretary@example.se"].startswith("Att justera: ")


def test_a_reminder_goes_in_the_signer_s_language(cast, mailoutbox, django_capture_on_commit_callbacks):
    register.person_language_set(actor=None, person=cast.member, language="en")
    meeting = ready_to_send(cast)
    with django_capture_on_commit_callbacks(execute=True):
        revision = justering.protocol_send_for_justering(actor=cast.user("secretary"), meeting=meeting)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for signature in revision.signatures.select_related("person"):
            mail.reminder_notify(signature)
    sent = subjects(mailoutbox)
    assert sent["member@example.se"].startswith("Reminder: sign ")
    assert sent["chair@example.se"].startswith("Påminnelse: justera ")


def test_the_kallelse_an_absence_and_a_call_in_go_in_each_person_s_language(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    for person in (cast.substitute, cast.secretary):
        register.person_language_set(actor=None, person=person, language="en")
    meeting = plan_meeting(cast, date=timezone.localdate() + datetime.timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        drafting.kallelse_send(actor=cast.user("secretary"), meeting=meeting)
    sent = subjects(mailoutbox)
    assert sent["chair@example.se"].startswith("Kallelse: ") and sent["member@example.se"].startswith("Kallelse: ")
    assert sent["substitute@example.se"].startswith("Notice: ")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        drafting.absence_report(actor=cast.user("member"), meeting=meeting)
    assert subjects(mailoutbox)["secretary@example.se"].startswith("Absence reported: Maja Ledamot")
    mailoutbox.clear()
    absent = meeting.attendances.get(person=cast.member)
    substitute = meeting.attendances.get(person=cast.substitute)
    with django_capture_on_commit_callbacks(execute=True):
        drafting.substitute_call_in(actor=cast.user("secretary"), meeting=meeting, substitute=substitute, absent=absent)
    assert subjects(mailoutbox)["substitute@example.se"].startswith("You are called in to serve: ")
