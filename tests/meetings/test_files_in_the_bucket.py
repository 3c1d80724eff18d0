"""The portal with its files in an S3 bucket (MEDIA_STORAGE=s3) on a real S3 server (SeaweedFS, tests/s3.py): the
sealed protocol, attachments, an import's original and OCR text, an export; nothing lands under MEDIA_ROOT, and
every file leaves the bucket only through the portal's permission check. Dates are relative to the real today: the
server checks the age of each signed request, so the tests' clock cannot be moved (tests.conftest.on_the_tests_day)."""

import contextlib
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import time
import urllib.request
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from openpyxl import load_workbook

from finsam.database import current_database_url
from finsam.models import AuditEntry
from meetings.drafting import services as drafting
from meetings.importing import ocr
from meetings.importing import services as importing
from meetings.justering import services as justering
from meetings.models import Attachment, ExportJob, ImportDocument, SignedDocument
from tests.conftest import skip_unless
from tests.meetings.factories import justera, ready_to_send
from tests.meetings.importing.documents import as_scan, protocol
from tests.meetings.operations.test_backup import drop_everything, justerat_demo, run_backup, verify
from tests.meetings.register.test_register import grow
from tests.s3 import files_under, unreachable_options, use_storage
from tests.workers import ROOT, held_yesterday, real_worker


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
    bucket.write(document.file.name, altered)
    response = client_for("member").get(f"/moten/{justerat.pk}/protokoll.pdf")
    assert response.status_code == 500
    assert "Protokollet kan inte visas" in response.content.decode()
    assert b"altered" not in response.content
    entry = AuditEntry.objects.get(action="meetings.protocol.damaged")
    assert entry.data["expected"] == document.sha256
    assert entry.data["found"] == hashlib.sha256(altered).hexdigest()

    bucket.remove(document.file.name)
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


def test_a_large_export_is_written_to_the_bucket_and_served_to_its_asker_only(
    client_for, cast, bucket, settings, django_capture_on_commit_callbacks
):
    settings.FINSAM_EXPORT_IMMEDIATE_ROWS = 3
    grow(cast, 5)
    client = client_for("member")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/beslut/export.xlsx")
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.DONE
    assert bucket.stored("exports/") == [job.file.name]
    body = b"".join(client.get(f"/beslut/export/{job.token}/fil").streaming_content)
    assert body == bucket.read(job.file.name) and load_workbook(io.BytesIO(body)).active.max_row == 1 + 5
    assert client_for("outsider").get(f"/beslut/export/{job.token}/fil").status_code == 404
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


@pytest.mark.worker
def test_a_real_worker_seals_into_the_bucket_and_the_portal_serves_it(
    transactional_db, cast, client_for, bucket, settings, tmp_path
):
    """The worker process has a MEDIA_ROOT of its own (empty at the end): the PDF it seals is found in the bucket."""
    worker_media = tmp_path / "worker-media"
    with real_worker("s3", settings, worker_media, extra_env=bucket.env()):
        settings.MEDIA_ROOT = tmp_path / "media"  # real_worker points it at the worker's folder; this one is the web's
        meeting = ready_to_send(cast, date=held_yesterday())
        justera(cast, meeting)  # the last signature commits and the task leaves for Redis
        document = SignedDocument.objects.get(meeting=meeting)
        deadline = time.monotonic() + 120
        while document.status not in (SignedDocument.Status.DONE, SignedDocument.Status.FAILED):
            assert time.monotonic() < deadline, "the worker did not seal the protocol within 120 s"
            time.sleep(0.3)
            document.refresh_from_db()
    assert document.status == SignedDocument.Status.DONE, document.error
    response = client_for("member").get(f"/moten/{meeting.pk}/protokoll.pdf")
    assert b"".join(response.streaming_content) == bucket.read(document.file.name)
    assert files_under(worker_media) == [] and files_under(settings.MEDIA_ROOT) == []


def _multipart(field, filename, content):
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


@contextlib.contextmanager
def web_process(port, folder, env):
    """gunicorn serving the portal on 127.0.0.1:`port`, with a var/ folder (and MEDIA_ROOT) of its own. Its log is
    folder/gunicorn.log."""
    folder.mkdir(parents=True, exist_ok=True)
    media = folder / "media"
    process_env = {
        **os.environ,
        **env,
        "FINSAM_TESTING": "1",
        "DATABASE_URL": current_database_url(),  # this test's database, not one in the process's own var/
        "FINSAM_VAR_DIR": str(folder),
        "MEDIA_ROOT": str(media),
    }
    command = [sys.executable, "-m", "gunicorn", "finsam.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    log = folder / "gunicorn.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=process_env, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
                break
            except OSError:
                assert process.poll() is None, log.read_text()[-3000:]
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.2)
        yield media
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_one_web_process_stores_an_attachment_and_another_serves_it(
    transactional_db, cast, client, bucket, s3_server, tmp_path
):
    """Two hosts, as far as files go: separate folders, one bucket. The upload reaches the first; the second, which
    never saw it, serves it; neither keeps a copy on its disk."""
    meeting = ready_to_send(cast, date=held_yesterday())
    client.force_login(cast.user("secretary"))
    csrf = uuid.uuid4().hex  # a token of our own: Django compares the cookie with the header
    cookies = f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf}"
    content = b"%PDF-1.4 bilaga fran en annan vard\n" * 100
    first_port, second_port = s3_server.spare_ports[:2]
    with (
        web_process(first_port, tmp_path / "first", bucket.env()) as first_media,
        web_process(second_port, tmp_path / "second", bucket.env()) as second_media,
    ):
        body, content_type = _multipart("file", "budget.pdf", content)
        upload = urllib.request.Request(  # noqa: S310
            f"http://127.0.0.1:{first_port}/moten/{meeting.pk}/bilagor/",
            data=body,
            headers={"Content-Type": content_type, "Cookie": cookies, "X-CSRFToken": csrf},
        )
        urllib.request.urlopen(upload, timeout=30)  # noqa: S310
        attachment = Attachment.objects.get(meeting=meeting)
        download = urllib.request.Request(  # noqa: S310
            f"http://127.0.0.1:{second_port}/moten/{meeting.pk}/bilagor/{attachment.pk}/", headers={"Cookie": cookies}
        )
        with urllib.request.urlopen(download, timeout=30) as response:  # noqa: S310
            assert response.read() == content
        assert files_under(first_media) == [] and files_under(second_media) == []
    assert bucket.stored("attachments/") == [attachment.file.name]


@pytest.mark.django_db(transaction=True)
def test_a_backup_of_the_bucket_restores_into_an_empty_one_and_verify_archive_checks_it(justerat, bucket, tmp_path):
    """backup reads the files from the bucket, restore writes them back into an emptied one, and verify_archive
    compares what is in the bucket with the SHA-256 the database holds and with the archive's manifest."""
    document = SignedDocument.objects.get(meeting=justerat)
    sealed = bucket.read(document.file.name)
    archive = run_backup(tmp_path / "backups")
    with tarfile.open(archive) as tar:
        assert f"media/{document.file.name}" in tar.getnames()
    assert verify("--archive", str(archive))[0] == 0

    drop_everything(None)
    assert bucket.stored() == []
    call_command("restore", str(archive), stdout=io.StringIO())
    assert bucket.read(document.file.name) == sealed
    code, report = verify("--archive", str(archive))
    assert code == 0 and "Everything is intact" in report, report

    bucket.write(document.file.name, sealed.replace(b"%PDF", b"%PDF\n% altered", 1))
    code, report = verify("--archive", str(archive))
    assert code == 1 and f"CHANGED: {document.file.name} (sealed PDF of" in report


@pytest.mark.django_db(transaction=True)
def test_the_demo_loads_into_the_bucket_and_its_sealed_protocol_is_nowhere_under_media_root(bucket, settings):
    document = justerat_demo()  # the demo, its protocol justerat and sealed
    assert hashlib.sha256(bucket.read(document.file.name)).hexdigest() == document.sha256
    assert any(name.startswith("attachments/") for name in bucket.stored())  # the demo's imported originals
    assert files_under(settings.MEDIA_ROOT) == []
