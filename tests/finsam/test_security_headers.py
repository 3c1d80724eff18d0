"""Every page forbids inline code and foreign sources; other responses (JSON, PDF) are left to their viewers."""

import importlib

import pytest
from django.urls import clear_url_caches


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_json_is_sent_without_a_page_policy(client):
    assert "Content-Security-Policy" not in client.get("/healthz")


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_uploaded_files_are_never_served_from_media_directly(client, settings, tmp_path, debug):
    """A draft's attachment lies under MEDIA_ROOT; only the permission-checked view may hand it out."""
    settings.DEBUG = debug
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "bilagor").mkdir()
    (tmp_path / "bilagor" / "utkast.pdf").write_bytes(b"%PDF-1.4 secret draft")
    clear_url_caches()
    importlib.reload(importlib.import_module("finsam.urls"))
    assert client.get("/media/bilagor/utkast.pdf").status_code == 404
