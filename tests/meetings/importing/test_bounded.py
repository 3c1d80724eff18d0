"""Uploaded documents are read in a child process with a memory and a time limit: a PDF whose page inflates to 500 MB,
the same deflated twice (so that nothing measured before decoding gives it away), a page that takes minutes to parse
and a Word document that inflates to 300 MB each end within seconds with a message saying why, the child's peak
memory measured and far below a gigabyte, and the document failed for good: the sweep does not queue it again."""

import datetime
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings.importing import bounded, services, tasks
from meetings.importing.readers import MESSAGES
from meetings.models import ImportDocument, PendingImport
from meetings.tasks import sweep

from . import bombs
from .documents import as_docx, as_pdf, protocol

GB = 1024**3
MINUTE = 60
TOO_LARGE = "Filen kunde inte läsas (för stor när den packas upp)"


@pytest.fixture(scope="module")
def docx_bomb():
    return bombs.docx_bomb(300)


@pytest.fixture(autouse=True)
def limits(settings, tmp_path):
    """The production limits would do (1 GB, 120 s); lower ones keep the tests quick and show the limits at work."""
    settings.FINSAM_READER_MEMORY_MB = 512
    settings.FINSAM_READER_SECONDS = 3
    settings.MEDIA_ROOT = tmp_path


def ended(data, name):
    outcome = bounded.measured_read(data, name)
    peak = f"{outcome.peak_bytes / 2**20:.0f} MB" if outcome.peak_bytes else "unknown"
    print(f"{name}: {len(data):,} bytes -> {outcome.refused or 'read'} in {outcome.seconds:.2f} s, child peak {peak}")
    return outcome


def test_a_pdf_page_that_inflates_to_500_mb_is_refused_by_its_stream_length_before_it_is_parsed():
    data = bombs.pdf_bomb(500)
    assert len(data) < 1024 * 1024  # under every size and page limit
    outcome = ended(data, "bomb.pdf")
    assert outcome.refused == "too_large_unpacked" and str(MESSAGES[outcome.refused]).startswith(TOO_LARGE)
    assert outcome.seconds < MINUTE and outcome.peak_bytes is not None and outcome.peak_bytes < 200 * 1024**2


def test_a_page_deflated_twice_is_stopped_by_the_memory_limit_of_the_child(settings):
    # The memory limit is what this test shows: time enough that a loaded machine inflates to it before the clock
    # stops the child (3 s gave "too_slow" under a load of 7).
    settings.FINSAM_READER_SECONDS = 30
    data = bombs.pdf_double_bomb(500)
    assert len(data) < 10_000
    outcome = ended(data, "bomb.pdf")
    assert outcome.refused == "too_large_unpacked"
    assert outcome.seconds < MINUTE and outcome.peak_bytes is not None and outcome.peak_bytes <= 512 * 1024**2


def test_a_page_that_takes_minutes_to_parse_is_stopped_by_the_time_limit():
    outcome = ended(bombs.pdf_slow(), "slow.pdf")
    assert outcome.refused == "too_slow" and outcome.seconds < 3 + 5
    assert "tog för lång tid" in str(MESSAGES["too_slow"])


def test_a_word_document_that_inflates_to_300_mb_is_refused_without_inflating_it(docx_bomb):
    outcome = ended(docx_bomb, "bomb.docx")
    assert outcome.refused == "docx_too_large" and "packas upp" in str(MESSAGES[outcome.refused])
    assert outcome.seconds < MINUTE and outcome.peak_bytes is not None and outcome.peak_bytes < GB


def test_ordinary_documents_are_read_as_before():
    for data, name in [(protocol().encode(), "p.txt"), (as_docx(protocol()), "p.docx"), (as_pdf(protocol()), "p.pdf")]:
        reading = bounded.read(data, name)
        assert "§ 1 Öppnande" in reading.text and not reading.ocr_text


@pytest.mark.django_db(transaction=True)
def test_an_uploaded_pdf_bomb_fails_with_the_message_and_the_sweep_does_not_queue_it_again(cast, settings):
    started = time.monotonic()
    batch = services.import_batch_create(
        actor=cast.user("secretary"), uploads=[SimpleUploadedFile("bomb.pdf", bombs.pdf_double_bomb(500))]
    )
    assert time.monotonic() - started < MINUTE
    document = batch.documents.get()
    assert document.status == ImportDocument.Status.FAILED and document.error_code == "too_large_unpacked"
    assert not PendingImport.objects.exists()
    later = timezone.now() + datetime.timedelta(seconds=settings.FINSAM_IMPORT_LEASE_SECONDS + 60)
    assert not tasks.waiting_for_a_task(later).exists()
    assert sweep()["imports"] == 0


@pytest.mark.django_db(transaction=True)
def test_a_word_bomb_is_refused_at_upload_with_its_message(cast, docx_bomb):
    with pytest.raises(ValidationError) as refused:
        services.import_batch_create(actor=cast.user("secretary"), uploads=[SimpleUploadedFile("bomb.docx", docx_bomb)])
    assert "packas upp till mer än 60 MB" in str(refused.value)


@pytest.mark.django_db(transaction=True)
def test_a_document_whose_worker_died_on_it_again_and_again_is_failed_not_read_once_more(cast, monkeypatch):
    monkeypatch.setattr(tasks.import_document_read, "delay_or_postpone", lambda *args, **kwargs: False)
    batch = services.import_batch_create(
        actor=cast.user("secretary"), uploads=[SimpleUploadedFile("p.txt", protocol().encode())]
    )
    document = batch.documents.get()
    for _death in range(tasks.MAX_READS):  # a worker claims it and dies; after the lease the sweep puts it back
        assert tasks._claim(document.pk)
        ImportDocument.objects.filter(pk=document.pk).update(
            status=ImportDocument.Status.QUEUED, claim="", claimed_at=None
        )
    monkeypatch.undo()
    assert tasks.import_document_read(document.pk) == "failed"
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.FAILED and document.error_code == "reader_died"
    assert "för stor när den packas upp" in str(MESSAGES["reader_died"])
    services.import_document_retry(actor=cast.user("secretary"), document=document)  # read again, on purpose
    document.refresh_from_db()
    assert document.status == ImportDocument.Status.DONE
