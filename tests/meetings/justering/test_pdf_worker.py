"""The signed PDF is rendered by a real Celery worker process that takes the task from Redis."""

import time

import pytest

from meetings.justering import services as justering
from meetings.justering import tasks
from meetings.models import SignedDocument
from tests.meetings.factories import ready_to_send, sign_all
from tests.workers import held_yesterday, real_worker


@pytest.fixture
def worker(transactional_db, settings, tmp_path):
    with real_worker("pdf", settings, tmp_path) as process:
        yield process


@pytest.mark.worker
def test_a_worker_renders_and_seals_the_justerat_protocol(worker, cast):
    meeting = ready_to_send(cast, date=held_yesterday())
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    # The last signature commits, and the task leaves for Redis; the worker process renders and seals it.
    document = SignedDocument.objects.get(meeting=meeting)
    deadline = time.monotonic() + 120
    while document.status != SignedDocument.Status.DONE and time.monotonic() < deadline:
        time.sleep(0.5)
        document.refresh_from_db()
    # Delivered again, the task finds the work done and makes no second file.
    assert tasks.render_signed_pdf.delay(document.pk).get(timeout=60) == "nothing to do"
    assert document.status == SignedDocument.Status.DONE
    with document.file.open("rb") as handle:
        assert handle.read(4) == b"%PDF"
