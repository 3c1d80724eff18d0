"""A real Celery worker process on Redis answers a real task (not eager). Runs when REDIS_URL is set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from finsam.tasks import ping
from tests.conftest import skip_unless

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def celery_worker_process(settings):
    skip_unless(os.environ.get("REDIS_URL"), "REDIS_URL is not set: tasks run in-process")
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
            "test@%h",
        ],
        cwd=ROOT,
        env={**os.environ, "FINSAM_TESTING": "1"},
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


@pytest.mark.worker
def test_a_task_crosses_redis_to_a_real_worker_and_back(celery_worker_process, settings):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    result = ping.delay("hej")
    assert result.get(timeout=60) == {"pong": "hej"}
    assert result.successful()
