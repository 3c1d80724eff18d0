"""The PDF task's lease: a claim whose worker died can be taken over, and only the holder of the claim stores a file."""

import datetime
import hashlib
from pathlib import Path
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import tasks as sweeping
from meetings.justering import services as justering
from meetings.justering import tasks
from meetings.models import SignedDocument
from tests.conftest import on_the_tests_day
from tests.meetings.factories import ready_to_send, sign_all

pytestmark = on_the_tests_day


@pytest.fixture
def document(cast, settings, tmp_path):
    """A justerat protocol whose PDF task was queued but never ran."""
    settings.MEDIA_ROOT = tmp_path
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    with mock.patch.object(tasks.render_signed_pdf, "delay"):
        sign_all(cast, meeting)
    return SignedDocument.objects.get(meeting=meeting)


def _claimed_by_a_dead_worker(document, seconds_ago):
    SignedDocument.objects.filter(pk=document.pk).update(
        status=SignedDocument.Status.RENDERING,
        claimed_at=timezone.now() - datetime.timedelta(seconds=seconds_ago),
        claim="dead",
    )


def test_a_claim_within_its_lease_is_left_alone(document):
    _claimed_by_a_dead_worker(document, 10)
    assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "nothing to do"


def test_a_claim_past_its_lease_is_taken_over_and_finished(document, settings):
    _claimed_by_a_dead_worker(document, settings.FINSAM_PDF_LEASE_SECONDS + 1)
    assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "done"
    document.refresh_from_db()
    data = Path(settings.MEDIA_ROOT, document.file.name).read_bytes()
    assert document.status == SignedDocument.Status.DONE and document.sha256 == hashlib.sha256(data).hexdigest()


def test_a_worker_that_lost_its_claim_stores_no_second_file(document, settings):
    build = tasks.build_signed_pdf

    def taken_over_meanwhile(doc):
        SignedDocument.objects.filter(pk=doc.pk).update(claim="the-other-worker")
        return build(doc)

    with mock.patch.object(tasks, "build_signed_pdf", side_effect=taken_over_meanwhile):
        assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "superseded"
    document.refresh_from_db()
    assert document.status == SignedDocument.Status.RENDERING and not document.sha256
    assert not list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))


def test_the_sweep_queues_expired_and_old_pending_documents_only(document, settings):
    settings.FINSAM_SWEEP_AFTER_SECONDS = 60
    with mock.patch.object(tasks.render_signed_pdf, "delay") as delay:
        assert sweeping.sweep()["documents"] == 0  # pending for a moment: its own task is on the way
        SignedDocument.objects.filter(pk=document.pk).update(created=timezone.now() - datetime.timedelta(minutes=2))
        assert sweeping.sweep()["documents"] == 1
        _claimed_by_a_dead_worker(document, 10)
        assert sweeping.sweep()["documents"] == 0
        _claimed_by_a_dead_worker(document, settings.FINSAM_PDF_LEASE_SECONDS + 1)
        assert sweeping.sweep()["documents"] == 1
    assert [c.args for c in delay.call_args_list] == [(document.pk,), (document.pk,)]


def test_try_again_works_for_a_document_stuck_in_rendering(
    document, client_for, settings, django_capture_on_commit_callbacks
):
    _claimed_by_a_dead_worker(document, settings.FINSAM_PDF_LEASE_SECONDS + 1)
    client = client_for("secretary")
    page = client.get(reverse("meetings:justering_document", args=[document.meeting_id]))
    assert "Försök igen" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:justering_retry", args=[document.meeting_id]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == SignedDocument.Status.DONE  # in-process Celery renders it at once


def test_try_again_is_refused_while_a_worker_holds_the_claim(document, client_for):
    _claimed_by_a_dead_worker(document, 10)
    response = client_for("secretary").post(reverse("meetings:justering_retry", args=[document.meeting_id]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == SignedDocument.Status.RENDERING and document.claim == "dead"


def test_the_status_says_a_pending_pdf_waits_and_a_claimed_one_is_being_made(document, client_for):
    """The broker was down when the last signer signed: told 'PDF:en skapas så snart bakgrundsarbetet är i gång
    igen', the signer must not read beside it, for the lease's five minutes, that the PDF is being made."""
    status = reverse("meetings:justering_document", args=[document.meeting_id])
    client = client_for("chair")
    waiting = client.get(status).content.decode()
    assert "PDF:en väntar på att skapas och förseglas" in waiting and "PDF:en skapas och förseglas" not in waiting
    _claimed_by_a_dead_worker(document, 10)
    assert "PDF:en skapas och förseglas" in client.get(status).content.decode()


def test_a_message_delivered_again_while_its_first_run_still_renders_leaves_one_sealed_pdf(document, settings):
    """What leaving a task to finish when the worker loses its broker relies on (finsam/settings.py): the message,
    never acknowledged, is delivered again while the first run still renders, and again after it stored the PDF;
    neither delivery renders, seals or stores a second time."""
    build = tasks.build_signed_pdf
    meanwhile = []

    def rendering(claimed):
        meanwhile.append(tasks.render_signed_pdf.apply(args=[claimed.pk]).get())
        return build(claimed)

    with mock.patch.object(tasks, "build_signed_pdf", side_effect=rendering):
        assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "done"
    assert meanwhile == ["nothing to do"]
    assert tasks.render_signed_pdf.apply(args=[document.pk]).get() == "nothing to do"
    document.refresh_from_db()
    assert document.status == SignedDocument.Status.DONE and document.attempts == 1
    files = list(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    assert files == [Path(document.file.path)]
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == document.sha256
