"""No page, PDF, export, API answer, log line or database row holds a full identity number, once numbers have been
entered by the administrator, linked with e-legitimation and used to justera a protocol that is sealed and posted."""

import datetime
import io
import logging
import re
from collections import Counter, deque
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from pypdf import PdfReader

from federations import linking
from finsam import oidc
from meetings.justering import services as justering
from tests.eid import provider as test_provider
from tests.eid.numbers import MAJA, OTHER, with_check_digit
from tests.eid.test_signing_with_eid import running_provider  # noqa: F401 (the session's provider)
from tests.meetings.factories import ready_to_send

SARA = with_check_digit("19850615987")
NUMBERS = (MAJA, OTHER, SARA)
LINK = re.compile(r'href="(/[^"#]*)"')
API_LINK = re.compile(r'"https?://[^/"]+(/api/[^"#?]*)"')
NOT_FOLLOWED = ("/static/", "/accounts/logout/", "/i18n/", "/admin/")


def forms_of(number):
    """The ways a full number may be written: ÅÅÅÅMMDDNNNN, ÅÅÅÅMMDD-NNNN, ÅÅMMDDNNNN, ÅÅMMDD-NNNN."""
    return [number, f"{number[:8]}-{number[8:]}", number[2:], f"{number[2:8]}-{number[8:]}"]


def leaks(text):
    return [form for number in NUMBERS for form in forms_of(number) if form in text]


@pytest.fixture
def justerat_with_eid(cast, settings, running_provider, client, django_capture_on_commit_callbacks):  # noqa: F811
    settings.FINSAM_OIDC_PROVIDERS = [running_provider.setting()]
    oidc.forget_metadata()
    linking.signing_save(actor=None, federation=cast.federation, providers=["bankid"], eid_required=True)
    admin = client
    admin.force_login(cast.user("admin"))
    for person, number in ((cast.member, MAJA), (cast.secretary, SARA)):
        typed = f"{number[:8]}-{number[8:]}"
        assert admin.post(f"/forbund/test/personer/{person.pk}/personnummer/", {"number": typed}).status_code == 302
    meeting = ready_to_send(cast, date=datetime.date(2026, 3, 1))
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    # The chair links her own number with e-legitimation, then all three justera with it.
    client.force_login(cast.user("chair"))
    link = client.post("/konto/e-legitimation/", {"provider": "bankid"})["Location"]
    client.get(test_provider.identify(link, personnummer=OTHER))
    for key, number in (("chair", OTHER), ("member", MAJA), ("secretary", SARA)):
        client.force_login(cast.user(key))
        start = client.post(f"/moten/{meeting.pk}/justering/e-legitimation/", {"revision": 1, "provider": "bankid"})
        with django_capture_on_commit_callbacks(execute=True):
            client.get(test_provider.identify(start["Location"], personnummer=number))
    meeting.refresh_from_db()
    assert meeting.status == "justerat" and meeting.documents.get().status == "done"
    return meeting


def crawl(client, starts, limit=300, per_shape=3):
    """Every page reachable from `starts` by links (a few of each shape): {url: body}."""
    queue, seen, shapes, bodies = deque(starts), set(), Counter(), {}
    while queue and len(bodies) < limit:
        url = queue.popleft()
        shape = re.sub(r"\d+", "#", urlsplit(url).path)
        if url in seen or url.startswith(NOT_FOLLOWED) or shapes[shape] >= per_shape:
            continue
        seen.add(url)
        shapes[shape] += 1
        response = client.get(url)
        if response.status_code != 200:
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        bodies[url] = body
        if "html" in response.get("Content-Type", ""):
            queue.extend(LINK.findall(body.decode()))
        elif "json" in response.get("Content-Type", ""):
            queue.extend(API_LINK.findall(body.decode()))
    return bodies


def test_no_full_identity_number_anywhere(client, cast, justerat_with_eid, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    meeting = justerat_with_eid
    found, read = {}, set()
    explicit = [
        f"/moten/{meeting.pk}/justering/",
        f"/moten/{meeting.pk}/protokoll.pdf",
        f"/forbund/test/personer/{cast.member.pk}/personnummer/",
        f"/personer/{cast.member.pk}/",
        "/konto/e-legitimation/",
        "/forbund/test/justering/",
        "/beslut/export.csv",
        "/beslut/export.xlsx",
    ]
    for key in (None, "admin", "secretary", "member", "chair"):
        client.logout()
        if key:
            client.force_login(cast.user(key))
        for url, body in crawl(client, ["/", *explicit, "/api/oparl/v1/"]).items():
            read.add(url)
            text = body.decode("utf-8", "replace")
            if body.startswith(b"%PDF"):
                text += "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
            if hits := leaks(text):
                found[f"{key}: {url}"] = hits
    pdf = b"".join(client.get(f"/moten/{meeting.pk}/protokoll.pdf").streaming_content)
    pdf_text = " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())
    assert pdf_text.count("Justerat med BankID via Testbroker (tillitsnivå urn:finsam:test:loa3), kl.") == 3
    verified = client.post("/verifiera/", {"sha256": meeting.documents.get().sha256}).content.decode()
    assert "Justerat med BankID via Testbroker" in verified
    found.update({"/verifiera/": leaks(verified)} if leaks(verified) else {})
    captured = capsys.readouterr()
    for where, text in (("log", caplog.text), ("stdout", captured.out), ("stderr", captured.err)):
        if hits := leaks(text):
            found[where] = hits
    for model in apps.get_models():
        for row in model.objects.values_list():
            if hits := leaks(" ".join(str(value) for value in row)):
                found[f"table {model._meta.db_table}"] = hits
    assert found == {}
    # the search reached what matters: the sealed PDF, the exports, the API's people, the pages of the numbers
    for wanted in (f"/moten/{meeting.pk}/protokoll.pdf", "/beslut/export.csv", "/konto/e-legitimation/"):
        assert wanted in read
    assert any("/api/oparl/v1/person/" in url for url in read) and len(read) > 60
