"""`make loadtest`, briefly: the load test starts the portal as in production (its own database on the PostgreSQL
server of DATABASE_URL, gunicorn, a Celery worker on REDIS_URL), runs a few users for a few seconds and reports its
figures with no errors. The figures themselves are measured by `make loadtest` (README, "Load test")."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.conftest import skip_unless

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
@pytest.mark.worker  # its Celery worker reads the queue of REDIS_URL: no other real worker may run meanwhile
@pytest.mark.bench
def test_a_short_load_test_reports_figures_and_no_errors():
    database_url = os.environ.get("DATABASE_URL", "")
    skip_unless(database_url.startswith("postgres"), "the load test needs PostgreSQL (DATABASE_URL)")
    skip_unless(os.environ.get("REDIS_URL"), "the load test needs Redis (REDIS_URL) for its worker")
    parts = urlsplit(database_url)
    server = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    database = f"{parts.path.strip('/')}_loadtest"[:63]
    command = [sys.executable, "-m", "loadtest", "--small", "--keep", "--steps", "4", "--step-seconds", "4"]
    command += ["--spawn-rate", "20", "--settle-seconds", "0.5", "--autosave-editors", "4", "--autosave-seconds", "3"]
    command += [
        "--workers",
        "1",
        "--port",
        "0",
        "--postgres",
        server,
        "--database",
        database,
        "--redis",
        os.environ["REDIS_URL"],
    ]
    try:
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        exported = a_background_export(server, database)
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    assert result.returncode == 0, output
    assert re.search(r"p95 of all requests (stays under|passes) 500 ms", output), output
    assert "errors: 0 at every step (4 users)" in output, output
    autosave = re.search(
        r"autosave at 4 editors: p50 \d+ ms, p95 \d+ ms, p99 \d+ ms; (\d+) saves, (\d+) errors", output
    )
    assert autosave, output
    assert int(autosave.group(1)) > 0 and autosave.group(2) == "0", output
    assert "server errors logged: 0" in output, output
    # Every row of the register, past the (lowered) limit of an immediate export, written by the worker and read
    # back from the file downloaded through gunicorn (`python -m loadtest.exports`, which measures 192,000 rows).
    for name in ("csv", "xlsx"):
        found = re.search(rf"^{name}: ([\d,]+) rows counted, ([\d,]+) read back from the file", exported, re.M)
        assert found and found.group(1) == found.group(2) and int(found.group(1).replace(",", "")) > 10, exported


def a_background_export(server, database):
    """`python -m loadtest.exports` against the load test's kept database, with exports above 10 rows in the
    background; its output."""
    command = [sys.executable, "-m", "loadtest.exports", "--database", database, "--postgres", server]
    command += ["--redis", os.environ["REDIS_URL"], "--query", "", "--port", "0", "--wait", "120"]
    env = {**os.environ, "FINSAM_EXPORT_IMMEDIATE_ROWS": "10"}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
