"""Every page forbids inline code and foreign sources; other responses (JSON, PDF) are left to their viewers."""

import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [("/finns-inte/", 404, "Sidan finns inte"), ("/forbund/test/register/", 403, "Du saknar behörighet")],
)
def test_error_pages_speak_swedish_in_the_portals_look(client_for, cast, path, status, heading):
    response = client_for("member").get(path)
    html = response.content.decode()
    assert response.status_code == status and f"<h1>{heading}</h1>" in html and 'class="site-header"' in html


@pytest.mark.django_db
def test_the_server_error_page_needs_no_context(client, settings):
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Ett fel inträffade" in html and 'lang="sv"' in html


def test_the_server_error_page_names_the_language_it_speaks():
    """The page is read in the reader's language: its lang attribute must say which, or a screen reader reads English
    text with Swedish pronunciation (WCAG 3.1.1)."""
    from django.template import loader
    from django.utils import translation

    with translation.override("en"):
        html = loader.get_template("500.html").render()
    assert "An error occurred" in html and 'lang="en"' in html


def test_too_many_files_at_once_get_the_portals_page_not_a_bare_400(client_for, cast, settings):
    """Django refuses a request with more than DATA_UPLOAD_MAX_NUMBER_FILES files before any view runs: the
    secretary still gets a Swedish page that says what happened and what to do."""
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    files = [SimpleUploadedFile(f"protokoll-{n}.txt", b"Protokoll") for n in range(3)]
    response = client_for("secretary").post("/moten/importera/", {"files": files})
    html = response.content.decode()
    assert response.status_code == 400 and 'lang="sv"' in html and 'class="site-header"' in html
    assert "<h1>Det du skickade kunde inte tas emot</h1>" in html and "zip-fil" in html


@pytest.mark.django_db
def test_the_favicon_is_there(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
