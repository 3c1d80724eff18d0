"""The kallelse as a PDF: the meeting, time and place, the ärenden with their handlingar as links; for those who may
read the meeting's drafts (404 for another federation, 403 for a federation's own person outside the body)."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from federations.models import Body, Mandate, Person
from meetings.drafting import services
from tests.meetings.factories import plan_meeting


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def meeting(cast):
    meeting = plan_meeting(cast, date=datetime.date(2026, 12, 14), place="Stadshuset, sal 2")
    item = services.item_add(actor=None, meeting=meeting, heading="Budget 2027")
    services.attachment_add(
        actor=None,
        meeting=meeting,
        item=item,
        upload=SimpleUploadedFile("budgetforslag.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
    )
    return meeting


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    return "\n".join(page.extract_text() for page in reader.pages), links


def test_the_kallelse_pdf_reads_back_with_its_items_and_handlingar(client_for, meeting):
    response = client_for("member").get(f"/moten/{meeting.pk}/kallelse.pdf")
    text, links = pdf_text(response)
    assert "Kallelse" in text and "Samordningsförbundet Test" in text and "Styrelse" in text
    assert "Måndag 14 december 2026" in text and "Stadshuset, sal 2" in text
    assert "§ 1 Mötets öppnande" in text and "Budget 2027" in text
    assert "budgetforslag.pdf" in text
    attachment = meeting.attachments.get()
    assert any(link.endswith(f"/moten/{meeting.pk}/bilagor/{attachment.pk}/") for link in links), links
    assert any(link.endswith(f"/moten/{meeting.pk}/anmal-forhinder/") for link in links), links


@pytest.mark.parametrize(("key", "expected"), [("outsider", 404), ("chair", 200), ("coordinator", 200)])
def test_the_kallelse_pdf_follows_who_may_read_the_meeting(client_for, meeting, key, expected):
    assert client_for(key).get(f"/moten/{meeting.pk}/kallelse.pdf").status_code == expected


def test_a_person_of_the_federation_outside_the_body_gets_403(client, cast, meeting):
    committee = Body.objects.create(federation=cast.federation, name="Arbetsutskott", slug="au", kind="arbetsutskott")
    user = get_user_model().objects.create_user(username="au@example.se", email="au@example.se")
    person = Person.objects.create(name="Åsa Utskott", user=user, email=user.email)
    Mandate.objects.create(person=person, body=committee, role=Mandate.Role.MEMBER, start=datetime.date(2020, 1, 1))
    client.force_login(user)
    assert client.get(f"/moten/{meeting.pk}/kallelse.pdf").status_code == 403


def test_the_kallelse_preview_and_the_meeting_link_to_the_pdf(client_for, meeting):
    assert (
        f"/moten/{meeting.pk}/kallelse.pdf"
        in client_for("secretary").get(f"/moten/{meeting.pk}/kallelse/").content.decode()
    )
    assert f"/moten/{meeting.pk}/kallelse.pdf" in client_for("member").get(f"/moten/{meeting.pk}/").content.decode()
