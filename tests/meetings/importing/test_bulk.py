"""The bulk import: an upload of many files or a zip becomes a batch, each document read by a task of its own into a
pending import; duplicates are reported, a failed document is retried or discarded alone; the sweep picks up what a
down broker or a dead worker left. Tasks run in-process here, on a database that commits (they are queued on commit);
tests/meetings/importing/test_bulk_worker.py runs a real worker."""

import datetime
import hashlib
import random
import time
import tracemalloc
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from kombu.exceptions import OperationalError

from finsam.celery import app
from finsam.models import AuditEntry
from meetings.importing import Reading, ocr, services, tasks
from meetings.importing.services import batches
from meetings.models import ImportBatch, ImportDocument, Meeting, PendingImport
from meetings.tasks import sweep
from tests.conftest import skip_unless

from .documents import as_docx, as_pdf, as_scan, as_zip, protocol

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def archive(count=3, start=1):
    return as_zip({f"arkiv/protokoll-{n}.txt": protocol(n).encode() for n in range(start, start + count)})


def upload_batch(cast, *files, key="secretary"):
    uploads = [SimpleUploadedFile(name, data) for name, data in files]
    return services.import_batch_create(actor=cast.user(key), uploads=uploads)


def test_a_zip_becomes_a_batch_whose_documents_are_read_into_pending_imports(cast):
    batch = upload_batch(cast, ("arkiv.zip", archive(3)), ("lös.docx", as_docx(protocol(4))))
    documents = list(batch.documents.order_by("pk"))
    assert [d.original_name for d in documents] == [
        "arkiv/protokoll-1.txt",
        "arkiv/protokoll-2.txt",
        "arkiv/protokoll-3.txt",
        "lös.docx",
    ]
    assert {d.status for d in documents} == {ImportDocument.Status.DONE}
    assert batch.federation == cast.federation
    first = documents[0]
    pending = first.pending_import
    assert pending.original_name == "arkiv/protokoll-1.txt" and pending.parsed["date"] == "2021-06-01"
    assert pending.sha256 == first.sha256 == hashlib.sha256(protocol(1).encode()).hexdigest()
    assert Path(pending.original.path).read_bytes() == protocol(1).encode()  # the original, kept as it came
    assert pending.federation == cast.federation and not pending.from_ocr
    assert AuditEntry.objects.filter(action="meetings.import.batch_uploaded").count() == 1
    assert AuditEntry.objects.filter(action="meetings.import.uploaded").count() == 4


def test_the_original_becomes_the_meetings_source_document_with_its_hash(cast):
    batch = upload_batch(cast, ("arkiv.zip", archive(1)))
    document = batch.documents.get()
    meeting = services.pending_import_save(
        actor=cast.user("secretary"),
        pending_import=document.pending_import,
        text=document.pending_import.text,
        body=cast.board,
    )
    attachment = meeting.attachments.get()
    assert attachment.sha256 == document.sha256 and attachment.name == "arkiv/protokoll-1.txt"
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.DONE and document.pending_import is None  # handled


def test_a_duplicate_of_a_pending_or_imported_document_is_reported_not_added_again(cast):
    upload_batch(cast, ("arkiv.zip", archive(2)))
    with pytest.raises(ValidationError) as refused:
        upload_batch(cast, ("igen.zip", archive(2)))
    assert "samma fil väntar redan på granskning" in " ".join(refused.value.messages)
    batch = upload_batch(cast, ("mer.zip", archive(3)))  # 1 and 2 again, 3 new
    assert [d.original_name for d in batch.documents.all()] == ["arkiv/protokoll-3.txt"]
    assert [note["reason"] for note in batch.skipped] == ["samma fil väntar redan på granskning"] * 2
    pending = PendingImport.objects.get(original_name="arkiv/protokoll-3.txt")
    services.pending_import_save(
        actor=cast.user("secretary"), pending_import=pending, text=pending.text, body=cast.board
    )
    batch = upload_batch(cast, ("igen.zip", archive(1, start=3)), ("ny.txt", protocol(9).encode()))
    assert batch.skipped == [{"name": "arkiv/protokoll-3.txt", "reason": "samma fil är redan importerad"}]
    assert PendingImport.objects.count() == 3


def test_the_same_file_twice_in_one_upload_is_one_document(cast):
    batch = upload_batch(cast, ("a.txt", protocol().encode()), ("kopia.txt", protocol().encode()))
    assert batch.documents.count() == 1
    assert batch.skipped == [{"name": "kopia.txt", "reason": "samma fil finns två gånger i uppladdningen"}]


def test_an_upload_with_nothing_to_read_is_refused_with_every_reason_and_nothing_is_kept(cast):
    with pytest.raises(ValidationError) as refused:
        upload_batch(cast, ("tom.txt", b""), ("trasig.zip", b"PK\x03\x04 no"), ("bild.pdf", b"GIF89a"))
    assert refused.value.messages == [
        "tom.txt: Filen är tom.",
        "trasig.zip: Filen är inte en zip-fil eller är skadad.",
        "bild.pdf: Filen är inte en PDF, trots filändelsen.",
    ]
    assert not ImportBatch.objects.exists() and not ImportDocument.objects.exists()


def test_more_than_the_batch_limit_is_refused(cast, monkeypatch):
    monkeypatch.setattr(batches, "MAX_BATCH_DOCUMENTS", 2)
    with pytest.raises(ValidationError, match="högst 2 dokument"):
        upload_batch(cast, ("arkiv.zip", archive(3)))


def test_a_task_delivered_twice_makes_one_pending_import(cast):
    batch = upload_batch(cast, ("a.txt", protocol().encode()))
    document = batch.documents.get()
    assert tasks.import_document_read.delay(document.pk).get() == "nothing to do"
    assert PendingImport.objects.count() == 1


def test_a_worker_that_lost_its_claim_stores_nothing(cast, monkeypatch):
    broker_down(monkeypatch)
    document = upload_batch(cast, ("a.txt", protocol().encode())).documents.get()
    token = tasks._claim(document.pk)
    ImportDocument.objects.filter(pk=document.pk).update(claim="another-workers-token")
    reading = Reading(protocol())
    stored = tasks.import_document_store(document=document, token=token, reading=reading, parsed={})
    assert stored is False and not PendingImport.objects.exists()


def broker_down(monkeypatch):
    """Redis unreachable: queueing a task fails as it does then (delay_or_postpone logs it and returns False)."""
    monkeypatch.setitem(app.conf, "task_always_eager", False)

    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to localhost:6379. Connection refused.")

    monkeypatch.setattr(tasks.import_document_read, "delay", refuse)


def test_a_down_broker_loses_nothing_and_the_sweep_queues_the_documents_later(cast, monkeypatch, settings):
    with monkeypatch.context() as down:
        broker_down(down)
        batch = upload_batch(cast, ("arkiv.zip", archive(2)))
        assert set(batch.documents.values_list("status", "queued_at")) == {(ImportDocument.Status.QUEUED, None)}
    assert sweep()["imports"] == 0  # younger than FINSAM_SWEEP_AFTER_SECONDS: its task may still come
    earlier = timezone.now() - datetime.timedelta(seconds=settings.FINSAM_SWEEP_AFTER_SECONDS + 1)
    ImportDocument.objects.update(created=earlier)
    assert sweep()["imports"] == 2
    assert set(batch.documents.values_list("status", flat=True)) == {ImportDocument.Status.DONE}
    assert PendingImport.objects.count() == 2


def test_a_document_whose_worker_died_is_queued_again_after_the_lease(cast, monkeypatch, settings):
    with monkeypatch.context() as down:
        broker_down(down)
        document = upload_batch(cast, ("a.txt", protocol().encode())).documents.get()
    tasks._claim(document.pk)  # a worker took it, and was killed (SIGKILL) before it finished
    ImportDocument.objects.filter(pk=document.pk).update(queued_at=timezone.now())
    assert sweep()["imports"] == 0  # its lease holds
    expired = timezone.now() - datetime.timedelta(seconds=settings.FINSAM_IMPORT_LEASE_SECONDS + 1)
    ImportDocument.objects.filter(pk=document.pk).update(claimed_at=expired)
    assert sweep()["imports"] == 1
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.DONE and document.attempts == 2
    assert PendingImport.objects.count() == 1


def test_a_document_the_parser_cannot_read_fails_with_its_reason_and_can_be_discarded(cast):
    batch = upload_batch(cast, ("fri.txt", b"bara lite text utan struktur"), ("ok.txt", protocol().encode()))
    failed = batch.documents.get(original_name="fri.txt")
    assert failed.status == ImportDocument.Status.FAILED and failed.error_code == "no_structure"
    path = Path(failed.original.path)
    services.import_document_discard(actor=cast.user("secretary"), document=failed)
    assert not ImportDocument.objects.filter(pk=failed.pk).exists() and not path.exists()
    done = batch.documents.get(original_name="ok.txt")
    with pytest.raises(ValidationError):
        services.import_document_discard(actor=cast.user("secretary"), document=done)
    with pytest.raises(ValidationError):
        services.import_document_retry(actor=cast.user("secretary"), document=done)


def test_a_scan_without_ocr_installed_fails_with_a_clear_message_and_is_read_when_retried(cast, monkeypatch):
    skip_unless(ocr.available(), "Tesseract with Swedish is not installed (make test installs it)")
    with monkeypatch.context() as bare:
        bare.setattr(ocr, "tesseract", lambda: None)  # a bare `make run` machine
        batch = upload_batch(cast, ("skannat.pdf", as_scan(protocol(extra="\n§ 2 Budget\n\nBudgeten fastställdes.\n"))))
    document = batch.documents.get()
    assert document.status == ImportDocument.Status.FAILED and document.error_code == "ocr_unavailable"
    assert Path(document.original.path).exists()  # nothing lost
    services.import_document_retry(actor=cast.user("secretary"), document=document)
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.DONE
    pending = document.pending_import
    assert pending.from_ocr and "Öppnande" in pending.ocr_text
    assert [item["title"] for item in pending.parsed["items"]] == ["Öppnande", "Budget"]


def test_a_pdf_with_a_text_layer_is_read_without_ocr(cast):
    document = upload_batch(cast, ("p.pdf", as_pdf(protocol()))).documents.get()
    assert document.status == ImportDocument.Status.DONE and not document.pending_import.from_ocr


def test_nothing_is_meeting_until_reviewed(cast):
    upload_batch(cast, ("arkiv.zip", archive(2)))
    assert not Meeting.objects.exists()


def pdf_sized(megabytes: int, number: int) -> bytes:
    """A file that passes for a PDF (the upload checks only its first bytes), of random bits: it deflates about 7
    times, as a scanned protocol of text may, far under the ratio that marks a bomb."""
    bits = bytes(byte & 0x01 for byte in random.Random(number).randbytes(megabytes * 1024 * 1024))
    return b"%PDF-1.4\n%" + str(number).encode() + b"\n" + bits


def test_a_zip_at_the_upload_limit_is_stored_member_by_member_in_a_fraction_of_its_size(cast, settings, monkeypatch):
    settings.FINSAM_UPLOAD_MAX_UNPACKED_MB = 200
    monkeypatch.setattr(tasks.import_document_read, "delay_or_postpone", lambda *args, **kwargs: True)  # stored only
    member = pdf_sized(19, 0)
    members = {
        f"arkiv/protokoll-{n}.pdf": member.replace(b"%0\n", b"%" + bytes([48 + n]) + b"\n", 1) for n in range(10)
    }
    data = as_zip(members)
    unpacked = sum(len(content) for content in members.values())
    del member, members
    tracemalloc.start()
    started = time.monotonic()
    try:
        batch = upload_batch(cast, ("arkiv.zip", data))
        seconds = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    sizes = f"{len(data) / 2**20:.0f} MB zip, {unpacked / 2**20:.0f} MB unpacked"
    print(f"{sizes}: stored in {seconds:.1f} s, peak {peak / 2**20:.1f} MB traced")
    assert batch.documents.count() == 10 and unpacked > 190 * 1024 * 1024
    assert peak < 16 * 1024 * 1024  # before, every member was held whole until the end: 190 MB and more
    stored = batch.documents.get(original_name="arkiv/protokoll-3.pdf")
    assert Path(stored.original.path).stat().st_size == stored.size == 19 * 1024 * 1024 + len(b"%PDF-1.4\n%3\n")


def test_an_upload_that_unpacks_past_the_limit_is_refused_with_the_limit(cast, settings):
    settings.FINSAM_UPLOAD_MAX_UNPACKED_MB = 1
    with pytest.raises(ValidationError) as refused:
        upload_batch(cast, ("a.zip", as_zip({"a.pdf": pdf_sized(1, 1)})))
    assert "packas upp till mer än 1 MB" in str(refused.value)
    with pytest.raises(ValidationError):  # loose files count too
        upload_batch(cast, ("a.pdf", pdf_sized(1, 1)))
    assert not ImportBatch.objects.exists()
