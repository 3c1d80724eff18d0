"""A batch read by a real Celery worker process that takes the tasks from Redis (PostgreSQL + Redis pass): the web
side only stores and queues; the worker reads text, Word, PDF and a scan (OCR), one task a document."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from finsam.database import current_database_url
from meetings.importing import ocr, services, tasks
from meetings.models import ImportDocument, PendingImport
from tests.conftest import skip_unless

from .documents import as_docx, as_pdf, as_scan, as_zip, protocol

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def worker(transactional_db, settings, tmp_path):
    skip_unless(os.environ.get("REDIS_URL"), "REDIS_URL is not set: tasks run in-process")
    settings.MEDIA_ROOT = tmp_path
    env = {
        **os.environ,
        "FINSAM_TESTING": "1",
        "DATABASE_URL": current_database_url(),
        "MEDIA_ROOT": str(tmp_path),
        "FINSAM_VAR_DIR": str(settings.VAR_DIR),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "finsam",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "-n",
            "import@%h",
        ],
        cwd=ROOT,
        env=env,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


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
