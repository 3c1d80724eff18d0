"""The portal with its files in an S3 bucket (MEDIA_STORAGE=s3) on a real S3 server (SeaweedFS, tests/s3.py): the
sealed protocol, attachments, an import's original and OCR text, an export; nothing lands under MEDIA_ROOT, and
every file leaves the bucket only through the portal's permission check. Dates are relative to the real today: the
server checks the age of each signed request, so the tests' clock cannot be moved (tests.conftest.on_the_tests_day)."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from openpyxl import load_workbook

from finsam.models import AuditEntry
from meetings.drafting import services as drafting
from meetings.importing import ocr
from meetings.importing import services as importing
from meetings.justering import services as justering
from meetings.models import Attachment, ImportDocument, SignedDocument
from tests.conftest import skip_unless
from tests.meetings.factories import justera, ready_to_send
from tests.meetings.importing.documents import as_scan, protocol
from tests.s3 import files_under, unreachable_options, use_storage
from tests.workers import held_yesterday


@pytest.fixture
def justerat(cast, bucket, django_capture_on_commit_callbacks):
    """A justerat protocol whose sealed PDF the task (in-process here) has stored in the bucket."""
    meeting = ready_to_send(cast, date=held_yesterday())
    with django_capture_on_commit_callbacks(execute=True):
        justera(cast, meeting)
    return meeting


def test_a_sealed_protocol_is_kept_in_the_bucket_and_served_byte_for_byte(client_for, justerat, bucket, settings):
    document = SignedDocument.objects.get(meeting=justerat)
    assert document.status == SignedDocument.Status.DONE, document.error
    assert bucket.stored(f"protocols/{justerat.pk}/") == [document.file.name]
    stored = bucket.read(document.file.name)
    assert stored.startswith(b"%PDF") and hashlib.sha256(stored).hexdigest() == document.sha256

    response = client_for("member").get(f"/moten/{justerat.pk}/protokoll.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == stored
    assert client_for("outsider").get(f"/moten/{justerat.pk}/protokoll.pdf").status_code == 404
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_sealed_pdf_altered_in_the_bucket_is_refused_and_the_refusal_audited(client_for, justerat, bucket):
    document = SignedDocument.objects.get(meeting=justerat)
    altered = bucket.read(document.file.name).replace(b"%PDF", b"%PDF\n% altered", 1)
    bucket.client.put_object(Bucket=bucket.name, Key=document.file.name, Body=altered)
    response = client_for("member").get(f"/moten/{justerat.pk}/protokoll.pdf")
    assert response.status_code == 500
    assert "Protokollet kan inte visas" in response.content.decode()
    assert b"altered" not in response.content
    entry = AuditEntry.objects.get(action="meetings.protocol.damaged")
    assert entry.data["expected"] == document.sha256
    assert entry.data["found"] == hashlib.sha256(altered).hexdigest()

    bucket.client.delete_object(Bucket=bucket.name, Key=document.file.name)
    assert client_for("member").get(f"/moten/{justerat.pk}/protokoll.pdf").status_code == 500
    assert AuditEntry.objects.filter(action="meetings.protocol.damaged", data__found="missing").exists()


def test_an_attachment_is_stored_in_the_bucket_and_refused_to_another_federation(client_for, cast, bucket, settings):
    meeting = ready_to_send(cast, date=held_yesterday())
    content = b"%PDF-1.4 bilaga om budgeten\n"
    client = client_for("secretary")
    client.post(f"/moten/{meeting.pk}/bilagor/", {"file": SimpleUploadedFile("budget.pdf", content)})
    attachment = Attachment.objects.get(meeting=meeting)
    assert bucket.stored("attachments/") == [attachment.file.name]
    url = f"/moten/{meeting.pk}/bilagor/{attachment.pk}/"

    response = client_for("member").get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    assert response["Content-Length"] == str(len(content))
    assert client_for("outsider").get(url).status_code == 404
    assert client_for(None).get(url).status_code == 404
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_store_that_does_not_answer_is_a_503_with_a_swedish_page(client_for, cast, bucket, s3_server, settings):
    meeting = ready_to_send(cast, date=held_yesterday())
    client = client_for("secretary")
    client.post(f"/moten/{meeting.pk}/bilagor/", {"file": SimpleUploadedFile("budget.pdf", b"%PDF-1.4 x")})
    attachment = Attachment.objects.get(meeting=meeting)
    use_storage(settings, unreachable_options(s3_server, bucket.name))

    response = client.get(f"/moten/{meeting.pk}/bilagor/{attachment.pk}/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Filarkivet går inte att nå" in response.content.decode()
    response = client.post(f"/moten/{meeting.pk}/bilagor/", {"file": SimpleUploadedFile("ny.pdf", b"%PDF-1.4 y")})
    assert response.status_code == 503
    assert Attachment.objects.filter(meeting=meeting).count() == 1  # the upload's row went with its file


@pytest.mark.django_db(transaction=True)
def test_an_imports_original_and_its_ocr_text_are_kept_in_the_bucket(client_for, cast, bucket, settings):
    skip_unless(ocr.available(), "Tesseract with Swedish data is not installed")
    scan = as_scan(protocol(1), dpi=150)
    batch = importing.import_batch_create(actor=cast.user("secretary"), uploads=[SimpleUploadedFile("p1.pdf", scan)])
    document = batch.documents.get()
    assert document.status == ImportDocument.Status.DONE, document.error_code or document.error
    pending = document.pending_import
    assert pending.from_ocr
    assert bucket.stored("imports/") == [pending.original.name]
    response = client_for("secretary").get(f"/moten/importera/{pending.pk}/original/")
    assert b"".join(response.streaming_content) == scan
    assert client_for("outsider").get(f"/moten/importera/{pending.pk}/original/").status_code == 404

    with transaction.atomic():
        meeting = importing.pending_import_save(
            actor=cast.user("secretary"), pending_import=pending, text=pending.text, body=cast.board
        )
    by_name = {attachment.name: attachment for attachment in meeting.attachments.all()}
    assert set(by_name) == {"p1.pdf", "p1.ocr.txt"}
    assert bucket.read(by_name["p1.pdf"].file.name) == scan
    assert bucket.read(by_name["p1.ocr.txt"].file.name).decode() == pending.ocr_text
    assert bucket.stored("imports/") == []  # the pending original went once the review was saved
    assert files_under(settings.MEDIA_ROOT) == []


def test_the_register_export_needs_no_file_store(client_for, justerat, bucket, settings):
    """Exports are written to the response as they are made (a temporary file at most), never to the store."""
    before = bucket.stored()
    response = client_for("secretary").get("/beslut/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    assert sheet.max_row >= 1
    assert bucket.stored() == before
    assert files_under(settings.MEDIA_ROOT) == []


def test_sending_an_extract_stores_its_pdf_in_the_bucket(client_for, cast, bucket, django_capture_on_commit_callbacks):
    meeting = ready_to_send(cast, date=held_yesterday())
    drafting.item_update_details(actor=None, item=meeting.items.get(number=3), immediate_justering=True)
    justering.extract_send_for_justering(actor=None, meeting=meeting)
    extract = meeting.revisions.get(kind="extract")
    with django_capture_on_commit_callbacks(execute=True):
        for key in ("chair", "member", "secretary"):
            justering.protocol_sign(
                actor=cast.user(key), meeting=meeting, revision_number=extract.number, method="password"
            )
    document = SignedDocument.objects.get(revision=extract)
    assert document.status == SignedDocument.Status.DONE, document.error
    response = client_for("member").get(f"/moten/{meeting.pk}/protokollsutdrag-{extract.number}.pdf")
    assert b"".join(response.streaming_content) == bucket.read(document.file.name)
