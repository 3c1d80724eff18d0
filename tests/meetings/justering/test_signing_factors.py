"""Signing asks for the strongest factor the signer has: TOTP when it is turned on, never the password alone."""

import pytest
from allauth.account.signals import authentication_step_completed
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.contrib.sessions.backends.signed_cookies import SessionStore

from finsam.accounts import last_authentication_method, recently_reauthenticated_with_second_factor
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import Signature
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting

pytestmark = on_the_tests_day

SECRET = "JBSWY3DPEHPK3PXP"


@pytest.fixture
def sent(cast):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    services.decision_save(actor=None, item=meeting.items.get(number=3), text="Styrelsen beslutar att godkänna.")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    return meeting


def current_code():
    return format_hotp_value(hotp_value(SECRET, next(yield_hotp_counters_from_time())))


def test_a_user_with_totp_cannot_sign_with_the_password_alone(client_for, cast, sent):
    TOTP.activate(cast.user("chair"), SECRET)
    client = client_for("chair")
    client.post("/accounts/reauthenticate/", {"password": cast.password})
    response = client.get(f"/moten/{sent.pk}/justering/signera/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/reauthenticate/")
    client.post(f"/moten/{sent.pk}/justering/signera/", {"revision": 1})
    assert not Signature.objects.filter(status="signed").exists()

    two_factor = client.get(f"/accounts/2fa/reauthenticate/?next=/moten/{sent.pk}/justering/signera/")
    assert "Du är på väg att justera" in two_factor.content.decode()
    client.post("/accounts/2fa/reauthenticate/", {"code": current_code()})
    assert client.get(f"/moten/{sent.pk}/justering/signera/").status_code == 200
    client.post(f"/moten/{sent.pk}/justering/signera/", {"revision": 1})
    signature = Signature.objects.get(person=cast.chair)
    assert signature.status == "signed" and signature.method == "mfa"


def test_a_user_without_totp_signs_after_the_password(client_for, cast, sent):
    client = client_for("member")
    client.post("/accounts/reauthenticate/", {"password": cast.password})
    client.post(f"/moten/{sent.pk}/justering/signera/", {"revision": 1})
    assert Signature.objects.get(person=cast.member).method == "password"


def test_the_portal_keeps_its_own_record_of_each_step_per_user(rf, cast):
    """Signing reads the portal's record (from allauth's documented signal), not allauth's session internals."""
    request = rf.get("/")
    request.session = SessionStore()
    request.user = cast.user("chair")
    assert last_authentication_method(request) == "password"
    authentication_step_completed.send(sender=None, request=request, user=request.user, method="password")
    authentication_step_completed.send(
        sender=None, request=request, user=request.user, method="mfa", reauthenticated=True, type="totp"
    )
    assert last_authentication_method(request) == "mfa"
    assert recently_reauthenticated_with_second_factor(request)

    request.user = cast.user("member")
    assert last_authentication_method(request) == "password"
    assert not recently_reauthenticated_with_second_factor(request)


def test_the_re_authentication_before_signing_says_what_is_about_to_be_signed(client_for, cast, sent):
    client = client_for("chair")
    response = client.get(f"/moten/{sent.pk}/justering/signera/", follow=True)
    html = response.content.decode()
    revision = sent.revisions.get(number=1)
    assert "Du är på väg att justera" in html and "revision 1, § 1–4" in html and revision.sha256 in html

    elsewhere = client.get("/accounts/reauthenticate/?next=/beslut/").content.decode()
    assert "Du är på väg att justera" not in elsewhere
    outsider = client_for("outsider").get(f"/accounts/reauthenticate/?next=/moten/{sent.pk}/justering/signera/")
    assert "Du är på väg att justera" not in outsider.content.decode()  # nothing told of a foreign protocol
