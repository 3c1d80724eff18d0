"""A real Celery worker process for the tests of the PostgreSQL + Redis pass: it takes tasks from the Redis of
REDIS_URL and works on this test's database and files."""

import contextlib
import datetime
import os
import subprocess
import sys
from pathlib import Path

from django.utils import timezone

from finsam.database import current_database_url
from tests.conftest import skip_unless

ROOT = Path(__file__).resolve().parents[1]


def held_yesterday():
    """A meeting date by the real clock (it may be sent for justering): a worker process keeps the machine's clock,
    so a worker test cannot move its own (tests.conftest.on_the_tests_day) without their leases disagreeing."""
    return timezone.localdate() - datetime.timedelta(days=1)


# The pool of production (docker-compose.yml): processes forked by the worker, each replaced once it has grown past
# 512 MB. The solo pool runs tasks in the worker's own process, so that a test can kill the worker mid-task.
PREFORK = ["--pool=prefork", "--concurrency=1", "--max-memory-per-child=524288"]


@contextlib.contextmanager
def real_worker(name, settings, media_root, *, pool=("--pool=solo",), extra_env=None):
    """A worker called `name`@host (solo pool unless `pool` says otherwise, e.g. PREFORK), on this test's database,
    MEDIA_ROOT and VAR_DIR, and `extra_env` (a bucket's, say); stopped at the end."""
    skip_unless(os.environ.get("REDIS_URL"), "REDIS_URL is not set: tasks run in-process")
    settings.MEDIA_ROOT = media_root
    env = {
        **os.environ,
        "FINSAM_TESTING": "1",
        "DATABASE_URL": current_database_url(),
        "MEDIA_ROOT": str(media_root),
        "FINSAM_VAR_DIR": str(settings.VAR_DIR),
        **(extra_env or {}),
    }
    command = [sys.executable, "-m", "celery", "-A", "finsam", "worker", *pool, "--loglevel=WARNING"]
    process = subprocess.Popen([*command, "-n", f"{name}@%h"], cwd=ROOT, env=env)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
