"""The sealed PDF and the e-mail come exactly once, with real processes: a Celery worker killed mid-render, and a
Redis that is down while people sign, send a kallelse and sign in. Runs when REDIS_URL is set (PostgreSQL + Redis)."""

import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from finsam.celery import app
from finsam.database import current_database_url
from meetings import tasks as sweeping
from meetings.justering import services as justering
from meetings.models import Anslag, Meeting, OutgoingMail, Signature, SignedDocument
from tests.conftest import skip_unless
from tests.meetings.factories import ready_to_send, sign_all
from tests.workers import held_yesterday

ROOT = Path(__file__).resolve().parents[2]
LEASE = 2


def _closed_port():
    """A local port nothing listens on: bound, then closed."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _point_celery_at(url):
    """Send this process's tasks to `url` (broker and result store), dropping the connections already made."""
    app._pool = None
    app.amqp._producer_pool = None
    app.conf.broker_url = url
    app.conf.result_backend = url
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture
def services_env(transactional_db, settings, tmp_path):
    skip_unless(os.environ.get("REDIS_URL"), "REDIS_URL is not set: tasks run in-process")
    settings.MEDIA_ROOT = tmp_path
    settings.FINSAM_PDF_LEASE_SECONDS = LEASE
    settings.FINSAM_SWEEP_AFTER_SECONDS = 0
    redis_url = os.environ["REDIS_URL"]
    yield {
        **os.environ,
        "FINSAM_TESTING": "1",
        "DATABASE_URL": current_database_url(),
        "MEDIA_ROOT": str(tmp_path),
        "FINSAM_VAR_DIR": str(settings.VAR_DIR),
        "FINSAM_PDF_LEASE_SECONDS": str(LEASE),
    }
    _point_celery_at(redis_url)


@pytest.fixture
def start_worker(services_env):
    processes = []

    def start(name, render_delay=None, **env):
        """A solo-pool worker called `name`; with render_delay, it sleeps that many seconds in each sealed-PDF
        render, after claiming the document (through tests/slow_render_worker.py: production code has no hook)."""
        celery = [sys.executable, "-m", "celery"]
        if render_delay is not None:
            celery = [sys.executable, "-m", "tests.slow_render_worker", str(render_delay)]
        process = subprocess.Popen(
            [*celery, "-A", "finsam", "worker", "--pool=solo", "--loglevel=WARNING", "-n", name],
            cwd=ROOT,
            env={**services_env, **env},
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def _wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _status(document):
    document.refresh_from_db()
    return document.status


def _assert_one_sealed_pdf(document, media_root):
    files = list(Path(media_root, "protocols").rglob("*.pdf"))
    assert len(files) == 1, files
    data = files[0].read_bytes()
    assert data.startswith(b"%PDF")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert Path(media_root, document.file.name) == files[0]


@pytest.mark.worker
def test_a_worker_killed_mid_render_leaves_exactly_one_sealed_pdf(start_worker, cast, settings):
    first = start_worker("killed@%h", render_delay=3)
    meeting = ready_to_send(cast, date=held_yesterday())
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    document = SignedDocument.objects.get(meeting=meeting)
    assert _wait_for(lambda: _status(document) == SignedDocument.Status.RENDERING)
    time.sleep(0.5)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert _status(document) == SignedDocument.Status.RENDERING  # claimed by a worker that no longer exists

    start_worker("second@%h")
    time.sleep(LEASE + 0.5)  # the dead worker's lease expires
    assert sweeping.sweep() == {"documents": 1, "mail": 0, "imports": 0}
    assert _wait_for(lambda: _status(document) == SignedDocument.Status.DONE)
    assert document.attempts == 2
    _assert_one_sealed_pdf(document, settings.MEDIA_ROOT)
    # The sweep again, and the task delivered again, find nothing to do.
    assert sweeping.sweep()["documents"] == 0


@pytest.mark.worker
def test_with_the_broker_down_the_last_signature_answers_normally_and_the_sweep_finishes_the_pdf(
    start_worker, client, cast, settings
):
    meeting = ready_to_send(cast, date=held_yesterday())
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    for key in ("chair", "member"):
        justering.protocol_sign(actor=cast.user(key), meeting=meeting, revision_number=1, method="password")
    _point_celery_at(f"redis://127.0.0.1:{_closed_port()}/0")
    client.force_login(cast.user("secretary"))
    client.post("/accounts/reauthenticate/", {"password": cast.password})

    started = time.monotonic()
    response = client.post(reverse("meetings:justering_sign", args=[meeting.pk]), {"revision": "1"})
    took = time.monotonic() - started

    assert response.status_code == 302 and took < 3, (response.status_code, took)
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "PDF:en skapas så snart bakgrundsarbetet är i gång igen." in texts
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    assert not Signature.objects.filter(revision__meeting=meeting).exclude(status=Signature.Status.SIGNED).exists()
    assert Anslag.objects.filter(meeting=meeting).exists()
    document = SignedDocument.objects.get(meeting=meeting)
    assert document.status == SignedDocument.Status.PENDING

    _point_celery_at(os.environ["REDIS_URL"])  # Redis is back
    start_worker("sweep@%h")
    assert sweeping.sweep()["documents"] == 1
    assert _wait_for(lambda: _status(document) == SignedDocument.Status.DONE)
    _assert_one_sealed_pdf(document, settings.MEDIA_ROOT)


@pytest.mark.worker
def test_with_the_broker_down_a_kallelse_is_not_recorded_as_sent_until_it_is(start_worker, client, cast, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    meeting = ready_to_send(cast)
    _point_celery_at(f"redis://127.0.0.1:{_closed_port()}/0")
    client.force_login(cast.user("secretary"))

    started = time.monotonic()
    response = client.post(reverse("meetings:kallelse_send", args=[meeting.pk]))
    took = time.monotonic() - started

    assert response.status_code == 302 and took < 3, (response.status_code, took)
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Kallelsen skickas så snart bakgrundsarbetet är i gång igen." in texts
    meeting.refresh_from_db()
    assert meeting.kallelse_sent_at is None
    assert OutgoingMail.objects.filter(meeting=meeting, sent_at__isnull=True).count() == 3

    _point_celery_at(os.environ["REDIS_URL"])
    start_worker("mail@%h", EMAIL_HOST="")  # the worker's e-mail goes to its console
    assert sweeping.sweep()["mail"] == 3
    assert _wait_for(lambda: not OutgoingMail.objects.filter(sent_at__isnull=True).exists(), 60)
    assert OutgoingMail.objects.filter(attempts=1).count() == 3
    meeting.refresh_from_db()
    assert meeting.kallelse_sent_at is not None


@pytest.mark.worker
def test_sign_in_with_the_redis_cache_down_does_not_answer_500(services_env, client, cast, settings):
    down = f"redis://127.0.0.1:{_closed_port()}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "finsam.cache.ForgivingRedisCache",
            "LOCATION": down,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    started = time.monotonic()
    response = client.post(reverse("account_login"), {"login": cast.user("chair").email, "password": cast.password})
    assert response.status_code == 302, response.status_code
    assert time.monotonic() - started < 3
    assert client.get("/").wsgi_request.user.is_authenticated
    response = client.post("/accounts/reauthenticate/", {"password": cast.password})
    assert response.status_code == 302, response.status_code
