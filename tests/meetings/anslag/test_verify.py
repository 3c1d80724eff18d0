"""/verifiera/ tells the truth: an intact seal, a byte changed, text added after sealing, and both checksums."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import SignedDocument
from meetings.printing import pdf, seal
from tests.conftest import on_the_tests_day
from tests.meetings.factories import plan_meeting
from tests.meetings.sealing import add_text_to_first_page

pytestmark = on_the_tests_day


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def document(cast, django_capture_on_commit_callbacks):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    services.decision_save(actor=None, item=meeting.items.get(number=3), text="Styrelsen beslutar att godkänna.")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("chair", "member", "secretary"):
            justering.protocol_sign(actor=cast.user(key), meeting=meeting, revision_number=1, method="password")
    return SignedDocument.objects.select_related("revision").get(meeting=meeting)


def pdf_of(document):
    with document.file.open("rb") as handle:
        return handle.read()


def upload(client, data):
    html = client.post("/verifiera/", {"file": SimpleUploadedFile("protokoll.pdf", data)}).content.decode()
    assert html.count('class="verdict"') == 1 and html.count("badge ok") + html.count("badge error") == 1  # one verdict
    return html


def test_the_unchanged_sealed_pdf_is_valid(client, document):
    html = upload(client, pdf_of(document))
    assert "Känt protokoll" in html and "Sigillet är giltigt" in html
    assert document.revision.sha256 in html  # the number the verifikat prints, explained


def test_a_byte_changed_inside_the_signed_range_breaks_the_seal(client, document):
    changed = bytearray(pdf_of(document))
    changed[len(changed) // 2] ^= 0x01
    html = upload(client, bytes(changed))
    assert "Sigillet är brutet" in html and "Känt protokoll" not in html


def test_text_added_to_page_one_after_sealing_is_reported_as_changed(client, document):
    html = upload(client, add_text_to_first_page(pdf_of(document)))
    assert "Ändrad efter förseglingen" in html and "Känt protokoll" not in html
    assert "Det förseglade protokollet Styrelse" in html and "finns oförändrat i filen" in html
    assert "lagt till en ändring av PDF:en" in html


@pytest.mark.parametrize("tail", [b"\n", b"%%EOF\n" * 3, b"garbage after the end " * 400])
def test_bytes_appended_after_the_end_are_one_verdict_the_sealed_content_intact(client, document, tail):
    sealed = pdf_of(document)
    html = upload(client, sealed + tail)
    assert "Ändrad efter förseglingen" in html and "finns oförändrat i filen" in html
    assert f"{len(tail)} byte annan data lagts till efter filens slut" in html
    assert "saknar elektroniskt sigill" not in html and "Okänt" not in html


def test_a_pdf_without_a_seal_is_not_the_portals(client, document):
    html = upload(client, pdf.render_one_page())
    assert "Inte förseglad av portalen" in html and "saknar elektroniskt sigill" in html


def test_a_seal_by_another_certificate_is_not_the_portals(client, document, settings, tmp_path):
    seal.create_development_certificate(tmp_path, common_name="Någon annans sigill")
    settings.FINSAM_SIGNING_CERT, settings.FINSAM_SIGNING_KEY = tmp_path / "dev-cert.pem", tmp_path / "dev-key.pem"
    foreign = seal.seal(pdf.render_one_page())
    settings.FINSAM_SIGNING_CERT = settings.FINSAM_SIGNING_KEY = ""
    html = upload(client, foreign)
    assert "Inte förseglad av portalen" in html and "inte gjort med portalens certifikat" in html


def test_the_files_checksum_pasted_finds_the_protocol(client, document):
    html = client.post("/verifiera/", {"sha256": document.sha256}).content.decode()
    assert "Känt protokoll" in html and "(revision 1)" in html


def test_the_revision_checksum_printed_in_the_pdf_pasted_says_what_it_identifies(client, document):
    html = client.post("/verifiera/", {"sha256": document.revision.sha256.upper()}).content.decode()
    assert "Okänt" not in html
    assert "Kontrollsumman identifierar det signerade innehållet i revision 1 av protokollet Styrelse" in html
    assert "PDF-filen har en egen kontrollsumma, ett annat tal" in html and document.sha256 in html


def test_a_revision_without_a_sealed_pdf_is_not_revealed(client, cast):
    meeting = plan_meeting(cast)
    meeting.justerare.add(cast.member)
    revision = justering.protocol_send_for_justering(actor=None, meeting=meeting)  # sent, not signed: no PDF
    html = client.post("/verifiera/", {"sha256": revision.sha256}).content.decode()
    assert "Okänt" in html and "av protokollet" not in html and "Känt protokoll" not in html
    assert html.count('class="verdict"') == 1


def test_verification_runs_a_fixed_number_of_queries(client, document, django_assert_num_queries):
    # the document by the file's checksum, then by the revision's (each with meeting, body, owner and revision),
    # then its signatures with their people (how each person signed)
    with django_assert_num_queries(3):
        client.post("/verifiera/", {"sha256": document.revision.sha256})
    # an uploaded file is looked up by its own checksum and its sealed part's at once; the federations' sealing
    # certificates the seal may chain to; the signatures
    with django_assert_num_queries(3):
        client.post("/verifiera/", {"file": SimpleUploadedFile("p.pdf", pdf_of(document))})
