"""Justera with e-legitimation end to end: a federation that requires it, three signers who each identify
themselves at a real OpenID Connect provider (tests/oidc) in their own browser, a real Celery worker that seals
the protocol on PostgreSQL + Redis, and the sealed PDF and /verifiera/ that say how each person signed."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from federations import linking
from finsam import oidc
from meetings.justering import services as justering
from meetings.models import SignedDocument
from tests.eid import provider as test_provider
from tests.eid.numbers import MAJA, OTHER, with_check_digit
from tests.meetings.factories import ready_to_send
from tests.workers import held_yesterday, real_worker

from .conftest import assert_accessible, sign_in

SARA = with_check_digit("19850615987")


@pytest.fixture
def provider(live_server, settings):
    running = test_provider.start([f"{live_server.url}/e-legitimation/retur/"])
    settings.FINSAM_OIDC_PROVIDERS = [running.setting()]
    oidc.forget_metadata()
    yield running
    test_provider.stop(running)


@pytest.mark.worker
def test_three_signers_justera_with_e_legitimation_and_the_pdf_says_so(
    new_page, cast, provider, settings, tmp_path, transactional_db
):
    linking.signing_save(actor=None, federation=cast.federation, providers=["bankid"], eid_required=True)
    signers = (("chair", OTHER), ("member", MAJA), ("secretary", SARA))
    for key, number in signers:
        person = cast.user(key).person
        linking.identity_enter(actor=None, federation=cast.federation, person=person, number=number)
    meeting = ready_to_send(cast, date=held_yesterday())
    revision = justering.protocol_send_for_justering(actor=None, meeting=meeting)

    with real_worker("eid", settings, tmp_path):
        for key, number in signers:
            page = new_page()
            sign_in(page, f"{key}@example.se", cast.password)
            page.goto(f"/moten/{meeting.pk}/justering/")
            expect(page.get_by_role("link", name="Justera med lösenord")).to_have_count(0)  # required: no password
            page.get_by_role("button", name="Justera med BankID via Testbroker").click()
            # At the provider: the app shows which protocol, and the start of its checksum.
            expect(page.locator("#binding")).to_contain_text(revision.sha256[:12])
            expect(page.locator("#locale")).to_have_text("sv")
            page.get_by_label("Personnummer").fill(number)
            page.get_by_role("button", name="Legitimera").click()
            expect(page.get_by_text("Du har justerat protokollet med BankID via Testbroker.")).to_be_visible()
        assert_accessible(page)
        expect(page.get_by_role("link", name="Ladda ned det justerade protokollet (PDF)")).to_be_visible(timeout=60_000)

    document = SignedDocument.objects.get(meeting=meeting, status="done", revision__kind="full")
    with document.file.open("rb") as handle:
        pdf = handle.read()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert text.count("Justerat med BankID via Testbroker (tillitsnivå urn:finsam:test:loa3), kl.") == 3
    assert not any(number in text or number[2:] in text for _key, number in signers)

    page.goto("/verifiera/")
    page.get_by_label("PDF-fil").set_input_files(
        files=[{"name": "protokoll.pdf", "mimeType": "application/pdf", "buffer": pdf}]
    )
    page.get_by_role("button", name="Verifiera").click()
    expect(page.get_by_text("Känt protokoll")).to_be_visible()
    expect(page.get_by_text("Förseglat i namn av")).to_be_visible()
    expect(page.get_by_text("Maja Ledamot (justerare): Justerat med BankID via Testbroker")).to_be_visible()
    assert_accessible(page)
