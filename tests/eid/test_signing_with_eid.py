"""Justera with e-legitimation against a real OpenID Connect provider (tests/oidc, started as a process of its own):
the signature is recorded only when the ID token verifies and the number is the signer's; every refusal says why in
Swedish and records nothing."""

import base64
import datetime
import json
import urllib.parse

import pytest

from federations import linking
from federations.trust import PersonIdentity
from finsam import encryption, oidc
from finsam.models import AuditEntry
from meetings.drafting import services as drafting
from meetings.justering import services as justering
from meetings.models import Signature
from tests.eid import provider as test_provider
from tests.eid.numbers import MAJA, OTHER
from tests.meetings.factories import ready_to_send

RETURN = "http://testserver/e-legitimation/retur/"


@pytest.fixture(scope="session")
def running_provider():
    running = test_provider.start([RETURN])
    yield running
    test_provider.stop(running)


@pytest.fixture
def eid(cast, settings, running_provider):
    """The installation offers the test provider; the federation allows it; Maja's number is linked to her."""
    settings.FINSAM_OIDC_PROVIDERS = [running_provider.setting()]
    oidc.forget_metadata()
    linking.signing_save(actor=None, federation=cast.federation, providers=["bankid"], eid_required=True)
    linking.identity_enter(actor=None, federation=cast.federation, person=cast.member, number=MAJA)
    return running_provider


@pytest.fixture
def sent(cast, eid):
    meeting = ready_to_send(cast, date=datetime.date(2026, 3, 1))
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    return meeting


def start(client, meeting, provider="bankid"):
    response = client.post(f"/moten/{meeting.pk}/justering/e-legitimation/", {"revision": 1, "provider": provider})
    assert response.status_code == 302
    return response["Location"]


def finish(client, callback):
    response = client.get(callback, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def members_signature(meeting):
    return Signature.objects.get(revision__meeting=meeting, person__name="Maja Ledamot")


def test_a_signer_justerar_with_e_legitimation(client_for, sent):
    client = client_for("member")
    authorize = start(client, sent)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(authorize).query))
    assert query["prompt"] == "login" and query["max_age"] == "0" and query["ui_locales"] == "sv"
    assert query["code_challenge_method"] == "S256" and query["nonce"] and query["state"]
    assert query["acr_values"] == test_provider.LOA3
    shown = []
    html = finish(client, test_provider.identify(authorize, personnummer=MAJA, shown=shown))
    revision = sent.revisions.get()
    assert "Du har justerat protokollet med BankID via Testbroker." in html
    assert revision.sha256[:12] in shown[0] and "Styrelse" in shown[0] and revision.sha256[:13] not in shown[0]
    signature = members_signature(sent)
    assert signature.status == "signed" and signature.method == "eid" and signature.provider == "bankid"
    assert signature.level == test_provider.LOA3
    # the ID token is kept as evidence, encrypted: it carries the number, which is nowhere in clear
    token = encryption.decrypt(signature.evidence.encode()).decode()
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert payload["personal_identity_number"] == MAJA and payload["acr"] == test_provider.LOA3
    assert token not in signature.evidence and payload["nonce"] not in signature.evidence


def refused(client, meeting, callback, message):
    before = AuditEntry.objects.count()
    html = finish(client, callback)
    assert message in html, html[:3000]
    assert members_signature(meeting).status == "pending"
    assert AuditEntry.objects.count() == before
    return html


def test_a_wrong_person_is_refused(client_for, sent):
    client = client_for("member")
    callback = test_provider.identify(start(client, sent), personnummer=OTHER)
    refused(client, sent, callback, "E-legitimationen tillhör en annan person än den som ska justera")


def test_a_lower_level_of_assurance_is_refused(client_for, sent):
    client = client_for("member")
    callback = test_provider.identify(start(client, sent), personnummer=MAJA, acr=test_provider.LOA2)
    refused(client, sent, callback, "för låg tillitsnivå (urn:finsam:test:loa2)")


def test_a_cancelled_identification_is_refused(client_for, sent):
    client = client_for("member")
    callback = test_provider.identify(start(client, sent), personnummer=MAJA, cancel=True)
    refused(client, sent, callback, "BankID via Testbroker avbröt identifieringen (access_denied)")


def test_an_expired_state_is_refused(client_for, sent, settings):
    client = client_for("member")
    callback = test_provider.identify(start(client, sent), personnummer=MAJA)
    settings.FINSAM_OIDC_STATE_SECONDS = 0
    refused(client, sent, callback, "Identifieringen tog för lång tid")


def test_a_replayed_answer_is_refused(client_for, sent):
    client = client_for("member")
    callback = test_provider.identify(start(client, sent), personnummer=OTHER)
    finish(client, callback)  # refused: the wrong person
    refused(client, sent, callback, "Identifieringen är redan använd eller okänd")


def test_an_answer_with_a_forged_state_is_refused(client_for, sent):
    client = client_for("member")
    callback = test_provider.identify(start(client, sent), personnummer=MAJA)
    forged = callback.replace("state=", "state=x")
    refused(client, sent, forged, "Identifieringen är redan använd eller okänd")


def test_a_provider_that_is_down_is_refused(client_for, sent, settings, eid):
    unreachable = f"http://127.0.0.1:{test_provider._free_port()}/.well-known/openid-configuration"
    settings.FINSAM_OIDC_PROVIDERS = [eid.setting(discovery_url=unreachable)]
    client = client_for("member")
    response = client.post(f"/moten/{sent.pk}/justering/e-legitimation/", {"revision": 1, "provider": "bankid"})
    assert response["Location"] == f"/moten/{sent.pk}/justering/"
    html = client.get(response["Location"]).content.decode()
    assert "Det gick inte att nå BankID via Testbroker just nu" in html
    assert members_signature(sent).status == "pending"


def test_a_provider_the_federation_does_not_allow_is_refused(client_for, sent, cast):
    linking.signing_save(actor=None, federation=cast.federation, providers=[], eid_required=False)
    client = client_for("member")
    response = client.post(f"/moten/{sent.pk}/justering/e-legitimation/", {"revision": 1, "provider": "bankid"})
    assert response["Location"] == f"/moten/{sent.pk}/justering/"
    assert "Välj en e-legitimation som förbundet tillåter" in client.get(response["Location"]).content.decode()


def test_the_justering_page_offers_only_e_legitimation_when_it_is_required(client_for, sent, eid):
    response = client_for("member").get(f"/moten/{sent.pk}/justering/")
    html = response.content.decode()
    assert "Justera med BankID via Testbroker" in html and "Justera med lösenord" not in html
    assert 'href="/konto/e-legitimation/"' in html  # where a signer links their number the first time
    # the browser may follow the form to the provider (form-action), and nowhere else
    assert f"form-action 'self' {eid.url};" in response["Content-Security-Policy"]
    others = client_for("admin").get(f"/moten/{sent.pk}/justering/")["Content-Security-Policy"]  # no signer
    assert "form-action 'self';" in others


def test_a_person_links_their_number_by_identifying_themselves(client_for, cast, eid):
    client = client_for("chair")
    response = client.post("/konto/e-legitimation/", {"provider": "bankid"})
    html = finish(client, test_provider.identify(response["Location"], personnummer=OTHER))
    assert "Din e-legitimation är kopplad." in html and f"********-{OTHER[-4:]}" in html and OTHER not in html
    link = PersonIdentity.objects.get(person=cast.chair)
    assert link.source == "eid" and link.last_four == OTHER[-4:]


def test_the_text_for_the_app_may_be_sent_base64_encoded(client_for, sent, settings, eid):
    settings.FINSAM_OIDC_PROVIDERS = [eid.setting(binding_template="message:{base64}")]
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(start(client_for("member"), sent)).query))
    text = base64.b64decode(query["binding_message"].removeprefix("message:")).decode()
    assert text.startswith("Justera protokoll Styrelse 2026-03-01, kontrollsumma ")
    assert text.endswith(sent.revisions.get().sha256[:12])


def test_an_extract_for_omedelbar_justering_is_signed_with_e_legitimation(client_for, cast, eid):
    """...and the signer is told it was the extract ('Du har justerat protokollet med …' said the whole protocol,
    which was not yet signed)."""
    meeting = ready_to_send(cast, date=datetime.date(2026, 3, 1))
    drafting.item_update_details(actor=None, item=meeting.items.get(number=3), immediate_justering=True)
    extract = justering.extract_send_for_justering(actor=None, meeting=meeting)
    client = client_for("member")
    html = client.get(f"/moten/{meeting.pk}/justering/").content.decode()
    assert "Justera utdraget med BankID via Testbroker" in html and "Justera utdraget med lösenord" not in html
    response = client.post(
        f"/moten/{meeting.pk}/justering/e-legitimation/", {"revision": extract.number, "provider": "bankid"}
    )
    html = finish(client, test_provider.identify(response["Location"], personnummer=MAJA))
    assert "Du har justerat protokollsutdraget med BankID via Testbroker." in html
    signature = extract.signatures.get(person=cast.member)
    assert signature.status == "signed" and signature.method == "eid"
