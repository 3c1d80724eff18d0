"""Logs that can be followed: JSON lines, each with the request's id, and the id carried into the tasks the request
queues, so a signature leads to the worker's line for its sealed PDF."""

import io
import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from finsam import logs
from finsam.database import current_database_url
from meetings.justering import services as justering
from meetings.models import SignedDocument
from tests.conftest import skip_unless
from tests.meetings.factories import ready_to_send, sign_all
from tests.workers import held_yesterday

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_lines():
    """What the portal logs while the test runs, as production writes it: one JSON object a line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logs.RequestIdFilter())
    handler.setFormatter(logs.JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    previous, root.level = root.level, logging.INFO
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.level = previous


@pytest.mark.django_db
def test_every_response_names_its_request_id(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32 and int(made, 16) >= 0
    assert client.get("/healthz", HTTP_X_REQUEST_ID="caddy-4f1c2a9e-77")["X-Request-ID"] == "caddy-4f1c2a9e-77"
    assert client.get("/healthz", HTTP_X_REQUEST_ID="<script>x</script>")["X-Request-ID"] != "<script>x</script>"


@pytest.mark.django_db
def test_a_request_logs_one_json_line_with_its_id(client, json_lines):
    client.get("/healthz", HTTP_X_REQUEST_ID="req-0001-abcdef")
    [line] = [line for line in json_lines() if line["logger"] == "finsam.request"]
    assert line["request_id"] == "req-0001-abcdef" and line["path"] == "/healthz" and line["status"] == 200
    assert line["method"] == "GET" and isinstance(line["ms"], int) and line["time"].endswith("+00:00")


def test_an_error_is_one_line_with_its_traceback(json_lines):
    try:
        raise ValueError("trasig")
    except ValueError:
        logging.getLogger("finsam.test").exception("Det gick fel")
    [line] = json_lines()
    assert line["level"] == "ERROR" and line["message"] == "Det gick fel" and "ValueError: trasig" in line["exc"]


def test_a_task_queued_during_a_request_carries_its_id_in_the_message_headers():
    headers = {}
    logs._carry_request_id(headers=headers)
    assert headers == {}  # no request: nothing to carry
    token = logs.current_request_id.set("req-0002-abcdef")
    try:
        logs._carry_request_id(headers=headers)
    finally:
        logs.current_request_id.reset(token)
    assert headers == {logs.HEADER: "req-0002-abcdef"}


def test_a_signature_in_process_and_its_sealed_pdf_share_the_id(cast, json_lines, django_capture_on_commit_callbacks):
    meeting = ready_to_send(cast, date=held_yesterday())
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    token = logs.current_request_id.set("req-0003-abcdef")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sign_all(cast, meeting)
    finally:
        logs.current_request_id.reset(token)
    lines = [line for line in json_lines() if line["request_id"] == "req-0003-abcdef"]
    assert any(line.get("action") == "meetings.minutes.signed" for line in lines)
    [sealed] = [line for line in lines if line["message"].startswith("Sealed PDF stored")]
    assert sealed["sha256"] == SignedDocument.objects.get(meeting=meeting).sha256 and sealed["task_id"]


@pytest.mark.worker
def test_the_worker_logs_the_sealed_pdf_with_the_request_id_of_the_signature(
    transactional_db, cast, settings, tmp_path
):
    skip_unless(os.environ.get("REDIS_URL"), "REDIS_URL is not set: tasks run in-process")
    settings.MEDIA_ROOT = tmp_path / "media"
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "FINSAM_TESTING": "1",
        "LOG_FORMAT": "json",
        "DATABASE_URL": current_database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "FINSAM_VAR_DIR": str(settings.VAR_DIR),
    }
    command = [sys.executable, "-m", "celery", "-A", "finsam", "worker", "--pool=solo", "-n", "logs@%h"]
    with log.open("w") as out:
        worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        meeting = ready_to_send(cast, date=held_yesterday())
        justering.protocol_send_for_justering(actor=None, meeting=meeting)
        token = logs.current_request_id.set("req-0004-abcdef")
        try:
            sign_all(cast, meeting)  # committed: the last signature queues the PDF on Redis
        finally:
            logs.current_request_id.reset(token)
        document = SignedDocument.objects.get(meeting=meeting)
        deadline = time.monotonic() + 120
        while document.status != SignedDocument.Status.DONE and time.monotonic() < deadline:
            time.sleep(0.3)
            document.refresh_from_db()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    sealed = [line for line in lines if line["message"].startswith("Sealed PDF stored")]
    assert sealed and sealed[0]["request_id"] == "req-0004-abcdef", log.read_text()[-3000:]
    assert sealed[0]["sha256"] == document.sha256 and sealed[0]["task_id"]
