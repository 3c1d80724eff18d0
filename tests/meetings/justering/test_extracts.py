"""Protokollsutdrag by e-mail: after the protocol is sealed, each decision goes to its recipients, once, with the
sealed extract of its § and the link to the protocol; whom the portal cannot reach is listed, not dropped."""

import io
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from federations import services as register
from federations.models import Mandate, Person
from meetings import tasks as sweeping
from meetings.drafting import services
from meetings.justering import extracts, protocol
from meetings.justering import services as justering
from meetings.models import Decision, OutgoingMail, SignedDocument
from meetings.printing import seal
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting

pytestmark = on_the_tests_day


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def no_address(cast):
    """A ledamot of the board with no e-mail address in the register."""
    person = Person.objects.create(name="Nils Utanadress")
    Mandate.objects.create(person=person, body=cast.board, role=Mandate.Role.MEMBER, start="2020-01-01")
    return person


@pytest.fixture
def meeting(cast, no_address):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    item = meeting.items.get(number=3)
    services.decision_save(
        actor=None,
        item=item,
        text="Styrelsen beslutar att godkänna dagordningen.",
        recipients="Försäkringskassan",
        recipient_people=[cast.member, no_address],
        recipient_emails=["registrator@testby.se"],
    )
    return meeting


def justera(cast, meeting, capture):
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    revision = justering.current_revision(meeting)
    with capture(execute=True):
        for key in ("chair", "member", "secretary"):
            justering.protocol_sign(
                actor=cast.user(key), meeting=meeting, revision_number=revision.number, method="password"
            )


def test_a_recipient_who_chose_english_gets_the_extract_s_e_mail_in_english(
    cast, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    register.person_language_set(actor=None, person=cast.member, language="en")
    justera(cast, meeting, django_capture_on_commit_callbacks)
    extract_mail = {
        m.to[0]: m for m in mailoutbox if m.attachments and m.attachments[0][0].startswith("protokollsutdrag")
    }
    assert extract_mail["member@example.se"].subject.startswith("Extract of minutes: ")
    assert extract_mail["registrator@testby.se"].subject.startswith("Protokollsutdrag: ")  # no choice: Swedish
    assert OutgoingMail.objects.filter(kind=OutgoingMail.Kind.EXTRACT).count() == 2


def test_the_printed_line_names_organisations_and_people_not_addresses(cast, meeting):
    decision = protocol.snapshot(meeting)["items"][2]["decisions"][0]
    assert decision["recipients"] == "Försäkringskassan, Maja Ledamot, Nils Utanadress"


def test_each_recipient_gets_the_sealed_extract_of_the_decision_once(
    cast, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    justera(cast, meeting, django_capture_on_commit_callbacks)
    extract_mail = [m for m in mailoutbox if m.subject.startswith("Protokollsutdrag")]
    assert sorted(m.to[0] for m in extract_mail) == ["member@example.se", "registrator@testby.se"]
    message = extract_mail[0]
    assert "§ 3 Godkännande av dagordningen" in message.subject
    assert f"/moten/{meeting.pk}/protokoll.pdf" in message.body
    name, data, content_type = message.attachments[0]
    assert content_type == "application/pdf" and name.endswith("paragraf-3.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Protokollsutdrag" in text and "Utdrag ur det justerade protokollet" in text
    assert "§ 3 Godkännande av dagordningen" in text and "§ 1 " not in text
    assert "Styrelsen beslutar att godkänna dagordningen." in text
    assert "Beslutande" in text and "Cecilia Ordförande" in text  # the protocol's header
    assert "Verifikat" in text  # justerad: who signed, when
    check = seal.check_seal(data)
    assert check.signed and check.intact

    # Exactly once: queueing again (a retried task, the sweep) adds nobody.
    document = SignedDocument.objects.get(meeting=meeting)
    assert extracts.extracts_queue(document, {meeting.items.get(number=3).pk: "utdrag/x.pdf"}) == []
    assert OutgoingMail.objects.filter(kind=OutgoingMail.Kind.EXTRACT).count() == 2


def test_a_down_broker_loses_no_extract(cast, meeting, settings, mailoutbox, django_capture_on_commit_callbacks):
    with mock.patch("meetings.outbox.tasks.mail_deliver.delay_on_commit"):  # the broker refuses the delivery task
        justera(cast, meeting, django_capture_on_commit_callbacks)
    waiting = OutgoingMail.objects.filter(kind=OutgoingMail.Kind.EXTRACT, sent_at__isnull=True)
    assert waiting.count() == 2 and not [m for m in mailoutbox if m.subject.startswith("Protokollsutdrag")]
    settings.FINSAM_SWEEP_AFTER_SECONDS = 0  # the sweep, a minute later
    sweeping.sweep()
    sent = sorted(m.to[0] for m in mailoutbox if m.subject.startswith("Protokollsutdrag"))
    assert sent == ["member@example.se", "registrator@testby.se"]
    sweeping.sweep()
    assert len([m for m in mailoutbox if m.subject.startswith("Protokollsutdrag")]) == 2


def test_the_justering_page_lists_what_went_to_whom_and_who_cannot_be_reached(
    cast, meeting, client, django_capture_on_commit_callbacks
):
    justera(cast, meeting, django_capture_on_commit_callbacks)
    client.force_login(cast.user("secretary"))
    page = client.get(f"/moten/{meeting.pk}/justering/").content.decode()
    assert "Protokollsutdrag med e-post" in page
    assert page.count("Skickat ") >= 2 and "registrator@testby.se" in page
    assert "Nils Utanadress" in page and "Saknar e-postadress" in page
    client.force_login(cast.user("chair"))  # a signer who is not the secretary sees no addresses
    assert "registrator@testby.se" not in client.get(f"/moten/{meeting.pk}/justering/").content.decode()


def test_a_bad_address_or_someone_of_another_federation_is_refused(cast, meeting):
    item = meeting.items.get(number=3)
    decision = Decision.objects.get(item=item)
    with pytest.raises(ValidationError) as bad:
        services.decision_save(
            actor=None, item=item, decision=decision, text=decision.text, recipient_emails=["inte-en-adress"]
        )
    assert "Inte en giltig e-postadress: inte-en-adress" in str(bad.value)
    with pytest.raises(ValidationError):
        services.decision_save(
            actor=None, item=item, decision=decision, text=decision.text, recipient_people=[cast.outsider]
        )
    assert decision.addressees.count() == 3  # nothing half-saved


def test_the_decision_form_takes_people_and_addresses_and_names_who_has_no_address(cast, meeting, client):
    item = meeting.items.get(number=3)
    decision = Decision.objects.get(item=item)
    client.force_login(cast.user("secretary"))
    url = f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}/"
    page = client.get(url).content.decode()
    assert "Nils Utanadress" in page and "Lägg till e-postadress" in page
    assert "Olle Utomstående" not in page  # another federation's people are not offered
    response = client.post(
        url,
        {
            "text": decision.text,
            "outcome": "bifall",
            "method": "acklamation",
            "version": decision.version,
            "recipients": "Försäkringskassan",
            "recipient_people": [cast.chair.pk],
            "recipient_emails": "a@testby.se, b@testby.se\nfel@",
        },
    )
    assert response.status_code == 200 and "Inte en giltig e-postadress: fel@" in response.content.decode()
    response = client.post(
        url,
        {
            "text": decision.text,
            "outcome": "bifall",
            "method": "acklamation",
            "version": decision.version,
            "recipient_people": [cast.chair.pk],
            "recipient_emails": "a@testby.se; b@testby.se",
        },
    )
    assert response.status_code == 302
    assert sorted(a.address for a in decision.addressees.select_related("person")) == [
        "a@testby.se",
        "b@testby.se",
        "chair@example.se",
    ]
