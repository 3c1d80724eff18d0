"""A batch read by a real Celery worker process that takes the tasks from Redis (PostgreSQL + Redis pass): the web
side only stores and queues; the worker reads text, Word, PDF and a scan (OCR), one task a document."""

import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.importing import ocr, services, tasks
from meetings.models import ImportDocument, PendingImport
from tests.conftest import skip_unless
from tests.workers import PREFORK, real_worker

from . import bombs
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


def resident_peak_of_tree(root: int) -> int:
    """The largest peak resident size (VmHWM, bytes) of the process `root` and every process below it, now."""
    parents: dict[int, int] = {}
    peaks: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:  # the process ended meanwhile
            continue
        pid = int(status.parent.name)
        parents[pid] = int(fields["PPid"])
        peaks[pid] = int(fields.get("VmHWM", "0 kB").split()[0]) * 1024
    tree = {root}
    while grown := {pid for pid, parent in parents.items() if parent in tree} - tree:
        tree |= grown
    return max(peaks.get(pid, 0) for pid in tree)


@pytest.mark.worker
def test_a_pdf_bomb_read_by_a_real_prefork_worker_fails_within_a_minute_and_the_worker_stays_small(
    transactional_db, settings, tmp_path, cast
):
    with real_worker("bombs", settings, tmp_path, pool=PREFORK) as process:
        started = time.monotonic()
        batch = services.import_batch_create(
            actor=cast.user("secretary"),
            uploads=[
                SimpleUploadedFile("bomb.pdf", bombs.pdf_bomb(500)),
                SimpleUploadedFile("dubbel.pdf", bombs.pdf_double_bomb(500)),
                SimpleUploadedFile("protokoll.txt", protocol().encode()),
            ],
        )
        documents = batch.documents.all()
        peak = 0
        while documents.exclude(status__in=["done", "failed"]).exists() and time.monotonic() < started + 120:
            peak = max(peak, resident_peak_of_tree(process.pid))
            time.sleep(0.1)
        seconds = time.monotonic() - started
        peak = max(peak, resident_peak_of_tree(process.pid))
        print(f"two PDF bombs and a protocol read in {seconds:.1f} s; worker processes' peak {peak / 2**20:.0f} MB")
        assert dict(documents.values_list("original_name", "error_code")) == {
            "bomb.pdf": "too_large_unpacked",
            "dubbel.pdf": "too_large_unpacked",
            "protokoll.txt": "",
        }
        assert documents.get(original_name="protokoll.txt").status == "done"
        assert seconds < 60 and peak < 1024**3
        assert process.poll() is None  # the worker lives on
