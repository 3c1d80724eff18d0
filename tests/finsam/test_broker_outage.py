"""A Redis that is away for a long time does not end the worker: it keeps reconnecting, at most 30 s apart, and
takes tasks again once Redis is back. Celery's default gives up after 100 attempts (about 47 minutes)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path
from unittest import mock

import pytest
from celery import Celery
from celery.exceptions import CPendingDeprecationWarning
from celery.worker.consumer import consumer as celery_consumer
from celery.worker.consumer.consumer import Consumer

from finsam.celery import app
from finsam.tasks import ping
from meetings.justering.tasks import render_signed_pdf
from tests.conftest import skip_unless

ROOT = Path(__file__).resolve().parents[2]


def test_the_worker_retries_its_broker_connection_forever():
    assert app.conf.broker_connection_retry is True
    assert app.conf.broker_connection_retry_on_startup is True
    assert app.conf.broker_connection_max_retries is None  # None is forever; 0 would be never


def _probe(url):
    """An app of the test's own on its broker, never the current one: shared tasks keep to the portal's app."""
    return Celery("probe", broker=url, backend=url, set_as_current=False)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_server(port):
    """A Redis of this test's own, on `port`, keeping nothing on disk."""
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd="/tmp")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.05)
    process.kill()
    pytest.fail(f"redis-server did not start on port {port}")


def _answers(probe, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if probe.control.ping(timeout=0.5):
                return True
        except Exception:  # noqa: BLE001 - the broker is still coming back
            time.sleep(0.2)
    return False


@pytest.mark.worker
def test_a_worker_outlives_a_broker_outage_longer_than_celery_s_default_retries(tmp_path):
    skip_unless(shutil.which("redis-server"), "redis-server is not installed: no broker of the test's own to stop")
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    redis = _redis_server(port)
    probe = _probe(url)
    env = {"FINSAM_TESTING": "1", "REDIS_URL": url, "FINSAM_VAR_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "tests.quick_reconnect_worker", "-A", "finsam", "worker", "--pool=solo"]
    worker = subprocess.Popen(
        [*command, "--loglevel=CRITICAL", "-n", "outage@%h", "--without-mingle", "--without-gossip"],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    try:
        assert _answers(probe, 60), "the worker never answered"
        redis.terminate()
        redis.wait(timeout=10)
        # Reconnection attempts come within 50 ms of each other here: 100 of them (Celery's default, 47 minutes in
        # production) take about 5 s; a worker that gives up has ended well within 12.
        time.sleep(12)
        assert worker.poll() is None, "the worker ended while the broker was away"
        redis = _redis_server(port)
        assert _answers(probe, 30), "the worker did not come back to the broker"
        assert probe.send_task("finsam.tasks.ping", args=["igen"]).get(timeout=30) == {"pong": "igen"}
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        redis.terminate()
        redis.wait(timeout=10)
        probe.close()


def test_the_outage_tests_probe_leaves_shared_tasks_on_the_portals_app():
    """A task sent after the outage test in the same process (tests/finsam/test_worker.py's ping.delay) still goes
    to the portal's broker, not to the outage test's, stopped by then."""
    probe = _probe("redis://127.0.0.1:1/0")
    try:
        assert ping.app is app
    finally:
        probe.close()


def test_a_task_running_when_the_broker_connection_is_lost_is_left_to_finish(settings):
    """Chosen, not left to Celery's default (which Celery 6 turns to cancelling): the sealing task acknowledges late
    and claims its document, so a second delivery of its message is harmless, and cancelling would only throw a seal
    half made away (finsam/settings.py says why)."""
    assert settings.CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS is False
    assert app.conf.worker_cancel_long_running_tasks_on_connection_loss is False
    assert app.conf.task_acks_late is True and render_signed_pdf.acks_late is True

    running = mock.Mock(acknowledged=False, task=render_signed_pdf)
    consumer = mock.MagicMock(app=app, connection=None, prefetch_multiplier=1, max_prefetch_count=1)
    with (
        mock.patch.object(celery_consumer, "active_requests", {running}),
        warnings.catch_warnings(),  # Celery 5 still tells, on every connection loss, that 6 will cancel by default
    ):
        warnings.simplefilter("ignore", CPendingDeprecationWarning)
        Consumer.on_connection_error_after_connected(consumer, ConnectionError("the broker is gone"))
    running.cancel.assert_not_called()
