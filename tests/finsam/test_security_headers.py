"""Every page forbids inline code and foreign sources; other responses (JSON, PDF) are left to their viewers."""

import pytest


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_json_is_sent_without_a_page_policy(client):
    assert "Content-Security-Policy" not in client.get("/healthz")
