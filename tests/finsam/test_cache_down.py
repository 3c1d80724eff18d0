"""With Redis unreachable, no URL of the portal answers 500: the open data lets everyone through (the rate limit
fails open and says so in the log), every other page goes on as before.

The URLs come from the URL configuration and the world of the permission matrix (tests/test_permission_matrix.py),
so a URL added later is requested here too."""

import logging
import socket

import pytest
from django.core.cache import cache
from django.db import transaction

from meetings.opendata import http
from tests import test_permission_matrix as matrix

world = matrix.world  # the permission matrix's world: a draft meeting of the board, a project, the cast


class Rollback(Exception):
    pass


def closed_port():
    """A port on this machine that nothing listens on: taken from the system, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "finsam.cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.FINSAM_API_RATE_LIMIT = 2


@pytest.mark.django_db
@pytest.mark.parametrize("persona", [None, "secretary"], ids=lambda p: p or "public")
def test_no_url_answers_500_with_redis_down(redis_down, client_for, world, persona):
    client = client_for(persona)
    failures, requested = [], 0
    for name, params in sorted(matrix.url_names().items()):
        url = world(name, params)
        for method in ("GET", "POST"):
            try:
                with transaction.atomic():
                    response = client.get(url) if method == "GET" else client.post(url, {})
                    raise Rollback
            except Rollback:
                pass
            except Exception as exc:  # noqa: BLE001 - the test reports every failure at once
                failures.append(f"{method} {name} ({url}): {exc!r}")
                continue
            requested += 1
            if response.status_code >= 500:
                failures.append(f"{method} {name} ({url}): {response.status_code}")
    assert requested > 150
    assert failures == [], "\n".join(failures)


@pytest.mark.django_db
def test_the_open_data_fails_open_with_redis_down_and_says_so(redis_down, client, cast, caplog, monkeypatch):
    monkeypatch.setattr(http, "_failed_open", {})  # not yet said in this window
    url = f"/api/oparl/v1/body/{cast.federation.slug}/"
    with caplog.at_level(logging.WARNING, logger="meetings.opendata.http"):
        statuses = [client.get(url).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 200]  # over the limit of 2, but nothing can count: let through
    warnings = [r for r in caplog.records if r.name == "meetings.opendata.http"]
    assert len(warnings) == 1 and "rate limit not applied" in warnings[0].getMessage()


@pytest.mark.django_db
def test_a_counter_evicted_between_add_and_incr_is_started_again(settings, client, cast, monkeypatch):
    settings.FINSAM_API_RATE_LIMIT = 2
    cache.clear()
    real_incr = cache.incr
    evicted = []

    def incr_after_eviction(key, *args, **kwargs):
        if not evicted:
            evicted.append(key)
            cache.delete(key)
        return real_incr(key, *args, **kwargs)

    monkeypatch.setattr(cache, "incr", incr_after_eviction)
    url = f"/api/oparl/v1/body/{cast.federation.slug}/"
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert evicted
