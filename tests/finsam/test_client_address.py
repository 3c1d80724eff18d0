"""Behind the HTTPS proxy the client's address is the one the proxy was reached from, not the proxy's own: every
client otherwise shares one address, one sign-in rate limit and one open-data allowance."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory

from finsam.middleware import ClientAddressMiddleware

PROXY = "172.18.0.5"  # the proxy container, from which every request reaches gunicorn


def seen(settings, count, forwarded=None):
    settings.TRUSTED_PROXY_COUNT = count
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)
    middleware = ClientAddressMiddleware(lambda r: HttpResponse(r.META["REMOTE_ADDR"]))
    return middleware(request).content.decode()


@pytest.mark.parametrize(
    ("count", "forwarded", "client"),
    [
        (1, "203.0.113.7", "203.0.113.7"),  # Caddy: the address it was reached from, nothing else
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # a proxy that appends: what the client wrote stays in front
        (1, "2001:db8::7", "2001:db8::7"),
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),  # a load balancer before the proxy
        (1, None, PROXY),  # the health check inside the container
        (1, "inte-en-adress", PROXY),
        (2, "203.0.113.7", PROXY),  # fewer addresses than proxies: the header is not what they would have written
        (0, "203.0.113.7", PROXY),  # no proxy in front: anyone could have written the header
    ],
)
def test_the_client_is_the_address_the_proxy_was_reached_from(settings, count, forwarded, client):
    assert seen(settings, count, forwarded) == client


@pytest.mark.django_db
def test_one_clients_failed_sign_ins_do_not_lock_out_another_behind_the_proxy(settings, cast):
    """allauth limits failed sign-ins per address (10 a minute): behind the proxy, per client, not for everyone."""
    settings.TRUSTED_PROXY_COUNT = 1
    cache.clear()
    attacker = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66")
    for n in range(12):
        attacker.post("/accounts/login/", {"login": f"gissning{n}@example.se", "password": "fel-losenord-123"})
    refused = attacker.post("/accounts/login/", {"login": "member@example.se", "password": cast.password})
    assert refused.status_code != 302  # the attacker's address is held back
    member = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = member.post("/accounts/login/", {"login": "member@example.se", "password": cast.password})
    assert response.status_code == 302 and response["Location"] == "/"
