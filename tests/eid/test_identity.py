"""Identity numbers: checked (Luhn, date, coordination numbers), kept only as an HMAC and four digits, linked by
the federation's administrator and never shown again in full."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from federations import linking
from federations.trust import FederationSigning, PersonIdentity
from finsam import identity
from meetings.justering import services as justering
from tests.eid.numbers import COORDINATION, MAJA, OTHER, typed, with_check_digit
from tests.meetings.factories import ready_to_send


def test_a_personnummer_is_read_in_every_usual_form():
    today = datetime.date(2026, 12, 5)
    assert identity.parse(typed(MAJA), today=today).digits == MAJA
    assert identity.parse(MAJA, today=today).digits == MAJA
    assert identity.parse(f"{MAJA[2:8]}-{MAJA[8:]}", today=today).digits == MAJA
    # "+" for someone a hundred or older
    old = with_check_digit("19200101238")
    assert identity.parse(f"{old[2:8]}+{old[8:]}", today=today).digits == old


def test_a_coordination_number_is_accepted():
    number = identity.parse(typed(COORDINATION))
    assert number.is_coordination_number and number.last_four == COORDINATION[-4:]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (MAJA[:-1] + str((int(MAJA[-1]) + 1) % 10), "Kontrollsiffran"),
        (with_check_digit("19800231238"), "Datumet"),
        ("19800101", "ÅÅÅÅMMDD-NNNN"),
        ("", "ÅÅÅÅMMDD-NNNN"),
    ],
)
def test_a_wrong_number_is_refused_in_swedish(text, message):
    with pytest.raises(ValidationError, match=message):
        identity.parse(text)


def test_the_number_is_never_in_its_repr():
    number = identity.parse(MAJA)
    assert MAJA not in repr(number) and MAJA not in str(number) and MAJA[-4:] in repr(number)


def test_the_keyed_hash_depends_on_the_key(settings):
    settings.FINSAM_IDENTITY_KEY = "one"
    first = identity.keyed_hash(MAJA)
    settings.FINSAM_IDENTITY_KEY = "two"
    assert identity.keyed_hash(MAJA) != first and len(first) == 64


def test_without_a_key_outside_development_linking_is_refused(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.FINSAM_IDENTITY_KEY, settings.DEBUG, settings.TESTING = "", False, False
    with pytest.raises(ImproperlyConfigured):
        identity.keyed_hash(MAJA)


def test_the_administrator_enters_a_number_kept_only_as_a_hash(client_for, cast):
    response = client_for("admin").post(
        f"/forbund/test/personer/{cast.member.pk}/personnummer/", {"number": typed(MAJA)}
    )
    assert response.status_code == 302
    link = PersonIdentity.objects.get(person=cast.member)
    assert link.last_four == MAJA[-4:] and link.keyed_hash == identity.keyed_hash(MAJA)
    assert link.source == PersonIdentity.Source.ADMIN
    stored = " ".join(str(v) for v in PersonIdentity.objects.values_list().get())
    assert MAJA not in stored and MAJA[:8] not in stored
    page = client_for("admin").get(f"/forbund/test/personer/{cast.member.pk}/personnummer/").content.decode()
    assert f"********-{MAJA[-4:]}" in page and MAJA not in page and typed(MAJA) not in page


def test_a_refused_number_is_not_shown_back(client_for, cast):
    wrong = MAJA[:-1] + str((int(MAJA[-1]) + 1) % 10)
    response = client_for("admin").post(f"/forbund/test/personer/{cast.member.pk}/personnummer/", {"number": wrong})
    html = response.content.decode()
    assert response.status_code == 200 and "Kontrollsiffran" in html and wrong not in html and wrong[:8] not in html


@pytest.mark.parametrize(("key", "status"), [("secretary", 403), ("member", 403), ("outsider", 404)])
def test_only_the_federations_administrator_enters_numbers(client_for, cast, key, status):
    url = f"/forbund/test/personer/{cast.member.pk}/personnummer/"
    assert client_for(key).post(url, {"number": MAJA}).status_code == status
    assert not PersonIdentity.objects.exists()


def test_one_number_belongs_to_one_person(cast):
    linking.identity_enter(actor=None, federation=cast.federation, person=cast.member, number=MAJA)
    with pytest.raises(ValidationError, match="annan person"):
        linking.identity_enter(actor=None, federation=cast.federation, person=cast.chair, number=MAJA)
    linking.identity_enter(actor=None, federation=cast.federation, person=cast.chair, number=OTHER)


def test_the_administrator_chooses_the_signing_methods(client_for, cast, settings):
    settings.FINSAM_OIDC_PROVIDERS = [
        {"slug": "bankid", "name": "BankID via Test", "discovery_url": "https://x.test/", "client_id": "c"}
    ]
    client = client_for("admin")
    assert "BankID via Test" in client.get("/forbund/test/justering/").content.decode()
    response = client.post("/forbund/test/justering/", {"providers": ["bankid"], "eid_required": "on"})
    assert response.status_code == 302
    signing = FederationSigning.objects.get(federation=cast.federation)
    assert signing.providers == ["bankid"] and signing.eid_required
    # requiring e-legitimation without allowing one is refused
    client.post("/forbund/test/justering/", {"eid_required": "on"})
    assert FederationSigning.objects.get(federation=cast.federation).providers == ["bankid"]


def test_a_federation_that_requires_e_legitimation_refuses_the_password(cast, settings):
    settings.FINSAM_OIDC_PROVIDERS = [
        {"slug": "bankid", "name": "BankID via Test", "discovery_url": "https://x.test/", "client_id": "c"}
    ]
    meeting = ready_to_send(cast, date=datetime.date(2026, 3, 1))
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    linking.signing_save(actor=None, federation=cast.federation, providers=["bankid"], eid_required=True)
    with pytest.raises(ValidationError, match="kräver att protokoll justeras med e-legitimation"):
        justering.protocol_sign(actor=cast.user("member"), meeting=meeting, revision_number=1, method="password")
    assert not meeting.revisions.get().signatures.filter(status="signed").exists()
