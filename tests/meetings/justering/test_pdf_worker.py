"""The signed PDF is rendered by a real Celery worker process that takes the task from Redis."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from finsam.database import current_database_url
from meetings.justering import services as justering
from meetings.justering import tasks
from meetings.models import SignedDocument
from tests.conftest import skip_unless
from tests.meetings.factories import ready_to_send, sign_all

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
        [sys.executable, "-m", "celery", "-A", "finsam", "worker", "--pool=solo", "--loglevel=WARNING", "-n", "pdf@%h"],
        cwd=ROOT,
        env=env,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


@pytest.mark.worker
def test_a_worker_renders_and_seals_the_justerat_protocol(worker, cast):
    meeting = ready_to_send(cast)
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
