"""A batch read by a real Celery worker process that takes the tasks from Redis (PostgreSQL + Redis pass): the web
side only stores and queues; the worker reads text, Word, PDF and a scan (OCR), one task a document."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.importing import ocr, services, tasks
from meetings.models import ImportDocument, PendingImport
from tests.conftest import skip_unless
from tests.workers import real_worker

from .documents import as_docx, as_pdf, as_scan, as_zip, protocol


@pytest.fixture
def worker(transactional_db, settings, tmp_path):
    with real_worker("import", settings, tmp_path) as process:
        yield process


@pytest.mark.worker
def test_a_worker_reads_a_whole_batch_and_a_second_delivery_changes_nothing(worker, cast):
    skip_unless(ocr.available(), "Tesseract with Swedish data is not installed")
    members = {f"text/protokoll-{n}.txt": protocol(n).encode() for n in range(1, 11)}
    members["word/protokoll-11.docx"] = as_docx(protocol(11))
    members["pdf/protokoll-12.pdf"] = as_pdf(protocol(12))
    members["skannat/protokoll-13.pdf"] = as_scan(protocol(13))
    members["fel/fri.txt"] = b"bara lite text utan struktur"
    started = time.monotonic()
    batch = services.import_batch_create(
        actor=cast.user("secretary"), uploads=[SimpleUploadedFile("arkiv.zip", as_zip(members))]
    )
    stored = time.monotonic() - started
    documents = batch.documents.all()
    deadline = time.monotonic() + 180
    while documents.exclude(status__in=["done", "failed"]).exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    read = time.monotonic() - started
    print(f"14 documents stored and queued in {stored:.2f} s; read by the worker in {read:.1f} s")
    assert dict(documents.values_list("original_name", "status")) == {
        **{name: "done" for name in members if not name.startswith("fel/")},
        "fel/fri.txt": "failed",
    }
    assert stored < read  # the upload did not wait for the reading
    scan = documents.get(original_name="skannat/protokoll-13.pdf").pending_import
    assert scan.from_ocr and [(i["number"], i["title"]) for i in scan.parsed["items"]] == [("13", "Öppnande")]
    # Delivered again, a task finds its document read and makes no second import.
    document = documents.get(original_name="text/protokoll-1.txt")
    assert tasks.import_document_read.delay(document.pk).get(timeout=60) == "nothing to do"
    assert PendingImport.objects.count() == 13
    assert ImportDocument.objects.get(pk=document.pk).attempts == 1
