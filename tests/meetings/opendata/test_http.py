"""HTTP done right: GET only, ETag and Last-Modified with 304, CORS, a rate limit per client, the OpenAPI
description, JSON errors; and the embeddable board's framing policy."""

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def body_url(cast):
    return f"/api/oparl/v1/body/{cast.federation.slug}/"


def test_an_answer_carries_cors_an_etag_and_last_modified(body_url):
    response = Client().get(body_url)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")


def test_the_same_version_answers_304(body_url):
    first = Client().get(body_url)
    assert Client().get(body_url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert Client().get(body_url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert Client().get(body_url, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_a_change_changes_the_etag(body_url, cast):
    first = Client().get(body_url)
    cast.federation.area = "Testby"
    cast.federation.save()
    assert Client().get(body_url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_writes_are_refused(body_url):
    assert Client().post(body_url).status_code == 405
    assert Client().put(body_url).status_code == 405


def test_a_client_over_the_limit_gets_429_and_others_do_not(settings, body_url):
    settings.FINSAM_API_RATE_LIMIT = 3
    cache.clear()
    greedy = [Client(REMOTE_ADDR="10.0.0.1").get(body_url).status_code for _ in range(4)]
    assert greedy == [200, 200, 200, 429]
    assert Client(REMOTE_ADDR="10.0.0.2").get(body_url).status_code == 200
    blocked = Client(REMOTE_ADDR="10.0.0.1").get(body_url)
    assert blocked["Retry-After"] == "60" and blocked["Access-Control-Allow-Origin"] == "*"


def test_unknown_objects_and_bad_parameters_answer_in_json(body_url):
    missing = Client().get("/api/oparl/v1/meeting/999999/")
    assert missing.status_code == 404 and missing.json() == {"error": "not found"}
    bad = Client().get(f"{body_url}meeting/?modified_since=igår")
    assert bad.status_code == 400 and "modified_since" in bad.json()["error"]


def test_the_openapi_description_names_every_endpoint():
    description = Client().get("/api/oparl/v1/openapi.json").json()
    assert description["openapi"].startswith("3.")
    assert "/body/{slug}/meeting/" in description["paths"] and "/file/{pk}/" in description["paths"]


def test_the_embed_may_be_framed_only_by_the_configured_origins(settings, cast):
    settings.FINSAM_EMBED_ORIGINS = ["https://www.test.se", "https://intra.test.se"]
    response = Client().get(f"/forbund/{cast.federation.slug}/anslagstavla/inbaddad/")
    assert response.status_code == 200
    assert "frame-ancestors https://www.test.se https://intra.test.se" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    other = Client().get("/anslagstavla/")
    assert "frame-ancestors 'none'" in other["Content-Security-Policy"] and other["X-Frame-Options"] == "DENY"


def test_without_configured_origins_nobody_may_frame_the_embed(settings, cast):
    settings.FINSAM_EMBED_ORIGINS = []
    response = Client().get(f"/forbund/{cast.federation.slug}/anslagstavla/inbaddad/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
