import pytest
from django.test import override_settings


@pytest.mark.django_db
def test_healthz_reports_the_database_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "up"


@pytest.mark.django_db
@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_healthz_answers_503_when_redis_is_down(client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "fail", "database": "up", "redis": "down"}


@pytest.mark.django_db
def test_healthz_refuses_other_methods(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_the_portal_speaks_swedish_even_to_an_english_browser(client):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Logga in" in response.content.decode()
    assert response.headers["Content-Language"] == "sv"


@pytest.mark.django_db
def test_the_language_switch_turns_on_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"}, follow=True)
    assert response.headers["Content-Language"] == "en"
    assert "Password" in response.content.decode()


@pytest.mark.django_db
def test_there_is_no_open_sign_up(client):
    response = client.get("/accounts/signup/")
    assert b'name="password1"' not in response.content


def test_a_signed_in_user_can_reach_two_factor_settings(client, cast):
    client.force_login(cast.user("member"))
    response = client.get("/accounts/2fa/")
    assert response.status_code == 200
    assert b"Finsamportalen" in response.content


@pytest.mark.django_db
@override_settings(REDIS_URL="redis://127.0.0.1:1/0", ADMINS=[("", "it@forbundet.se")])
def test_the_health_checks_503_is_no_error_mailed_to_the_administrators(client, mailoutbox, caplog):
    """A monitor polls /healthz every 15 s: while Redis was down each poll mailed ADMINS an 'ERROR: Service
    Unavailable: /healthz' (and logged it as an error)."""
    for _ in range(3):
        assert client.get("/healthz").status_code == 503
    assert mailoutbox == []
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


@pytest.mark.django_db
@override_settings(ADMINS=[("", "it@forbundet.se")])
def test_a_server_error_is_still_mailed_to_the_administrators(client, mailoutbox, monkeypatch):
    from finsam import health

    def broken():
        raise RuntimeError("the database answered nonsense")

    monkeypatch.setattr(health, "database_up", broken)
    client.raise_request_exception = False
    assert client.get("/healthz").status_code == 500
    assert [message.to for message in mailoutbox] == [["it@forbundet.se"]]
    assert "Internal Server Error: /healthz" in mailoutbox[0].subject
