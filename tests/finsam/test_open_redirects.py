"""No `next` sends a user off the portal: signing in, signing out, re-authenticating and switching language go to a
page of the portal's own, whatever another site put in the link."""

import pytest

ELSEWHERE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    " //evil.example",
    "javascript:alert(1)",
]


def stays_here(response):
    location = response.get("Location", "")
    return response.status_code in (200, 302) and location.startswith("/") and not location.startswith(("//", "/\\"))


@pytest.mark.parametrize("target", ELSEWHERE)
def test_no_next_leads_off_the_portal(client, cast, target):
    signed_in = client.post(
        f"/accounts/login/?next={target}", {"login": "member@example.se", "password": cast.password, "next": target}
    )
    assert stays_here(signed_in) and signed_in["Location"] == "/"
    reauthenticated = client.post(f"/accounts/reauthenticate/?next={target}", {"password": cast.password})
    assert stays_here(reauthenticated)
    switched = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert stays_here(switched)
    signed_out = client.post("/accounts/logout/", {"next": target})
    assert stays_here(signed_out)
