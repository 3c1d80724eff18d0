"""The portal as production runs it, started for the load test: its own PostgreSQL database and Redis db, the
data set, gunicorn (the Dockerfile's command: 3 sync workers) and a Celery worker (docker-compose's command), with
production settings (DEBUG off, hashed static files, the production password hasher). Logs in var/loadtest/."""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "loadtest"
MANAGE = [sys.executable, str(ROOT / "manage.py")]
# Checked after the run: every protocol fully signed is justerat, and its sealed PDF was made by the worker.
CHECK = """
from meetings.models import Meeting, Signature, SignedDocument
done = SignedDocument.objects.filter(meeting__body__federation__slug="lasttest")
print(__import__("json").dumps({
    "signatures": Signature.objects.filter(status="signed").count(),
    "justerat": Meeting.objects.filter(body__federation__slug="lasttest", status="justerat").count(),
    "sealed": done.filter(status="done").count(),
    "pdf_waiting": done.exclude(status__in=["done", "failed"]).count(),
    "pdf_failed": done.filter(status="failed").count(),
}))
"""


class StartError(Exception):
    """The portal could not be set up or started: the run measures nothing."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Portal:
    def __init__(self, *, postgres, database, redis, port, workers):
        self.postgres = postgres.rstrip("/")
        self.database = database
        self.database_url = f"{self.postgres}/{database}"
        self.redis = redis
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.processes = []
        VAR.mkdir(parents=True, exist_ok=True)
        signing = VAR / "signing"
        self.env = {
            **os.environ,
            "DEBUG": "0",
            "FINSAM_TESTING": "0",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.base,
            "SECURE_COOKIES": "0",  # plain HTTP on 127.0.0.1, no proxy in front
            "FINSAM_VAR_DIR": str(VAR),
            "STATIC_ROOT": str(VAR / "static"),
            "MEDIA_ROOT": str(VAR / "media"),
            "DATABASE_URL": self.database_url,
            "REDIS_URL": redis,
            "FINSAM_SIGNING_CERT": str(signing / "dev-cert.pem"),
            "FINSAM_SIGNING_KEY": str(signing / "dev-key.pem"),
        }
        for name in ("EMAIL_HOST", "FINSAM_BENCH_TOOLS", "FINSAM_SIGNING_KEY_PASSWORD", "FINSAM_TSA_URL"):
            self.env.pop(name, None)

    def admin(self):
        server = urlsplit(self.postgres)
        return psycopg.connect(f"{self.postgres}/postgres" if server.path in ("", "/") else self.postgres,
                               autocommit=True)  # fmt: skip

    def manage(self, *args, bench_tools=False):
        env = {**self.env, "FINSAM_BENCH_TOOLS": "1"} if bench_tools else self.env
        result = subprocess.run([*MANAGE, *args], cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode:
            raise StartError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def prepare(self, *, small, flush_redis):
        """A new database with the data set; returns the manifest."""
        started = time.perf_counter()
        try:
            with self.admin() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{self.database}"')
        except psycopg.Error as error:
            raise StartError(f"PostgreSQL at {self.postgres}: {error}") from error
        try:
            client = redis.Redis.from_url(self.redis)
            client.ping()
            if flush_redis:
                client.flushdb()
        except redis.RedisError as error:
            raise StartError(f"Redis at {self.redis}: {error}") from error
        # Hashing and compressing the static files is the slowest step of the setup (about 15 s of CPU): it runs
        # beside the database's, and not at all when nothing has changed since the last run.
        collecting = self.collect_static(wait=False)
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("create_dev_certificate", "--directory", str(VAR / "signing"))
        manifest = VAR / "manifest.json"
        sizes = ["--editors", "20", "--signer-triples", "2", "--protocols-per-triple", "2", "--small"] if small else []
        generated = self.manage("generate_loadtest_data", "--manifest", str(manifest), *sizes, bench_tools=True)
        if collecting is not None and collecting.wait():
            raise StartError(f"collectstatic failed: see {VAR / 'collectstatic.log'}")
        print(f"Data set: {generated.strip()}; ready in {time.perf_counter() - started:.0f} s", flush=True)
        return json.loads(manifest.read_text())

    def collect_static(self, wait=True):
        """collectstatic, unless the collected files are fresh; the process (None when nothing ran), waited for and
        checked unless `wait` is false."""
        if self.static_is_fresh():
            return None
        with open(VAR / "collectstatic.log", "w") as log:
            command = [*MANAGE, "collectstatic", "--no-input", "-v", "0"]
            collecting = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        if wait and collecting.wait():
            raise StartError(f"collectstatic failed: see {VAR / 'collectstatic.log'}")
        return collecting

    def static_is_fresh(self):
        """Whether the collected static files are newer than the project's own and than the pinned libraries."""
        collected = VAR / "static" / "staticfiles.json"
        if not collected.exists():
            return False
        sources = [ROOT / "requirements.txt", *(path for path in (ROOT / "static").rglob("*") if path.is_file())]
        return max(path.stat().st_mtime for path in sources) < collected.stat().st_mtime

    def spawn(self, name, command):
        log = open(VAR / f"{name}.log", "w")  # noqa: SIM115 (open while the process runs)
        process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append((name, process, log))
        return process

    def start(self):
        gunicorn = [sys.executable, "-m", "gunicorn", "finsam.wsgi:application", "--bind", f"127.0.0.1:{self.port}"]
        (VAR / "access.log").unlink(missing_ok=True)  # gunicorn appends: this run's requests only
        gunicorn += ["--workers", str(self.workers), "--access-logfile", str(VAR / "access.log")]
        # gunicorn's control socket is one path per machine by default: this one's own, beside its logs.
        gunicorn += ["--control-socket", str(VAR / "gunicorn.ctl")]
        self.spawn("gunicorn", gunicorn)
        celery = [sys.executable, "-m", "celery", "-A", "finsam", "worker", "--loglevel=INFO", "--concurrency=2"]
        celery += ["--max-memory-per-child=524288", "--hostname", f"loadtest-{os.getpid()}@%h"]
        self.spawn("worker", celery)
        deadline = time.monotonic() + 90
        web = worker = False
        while time.monotonic() < deadline and not (web and worker):
            for name, process, _log in self.processes:
                if process.poll() is not None:
                    raise StartError(f"{name} stopped at once: see {VAR / (name + '.log')}")
            if not web:
                try:
                    with urllib.request.urlopen(f"{self.base}/healthz", timeout=5) as response:  # noqa: S310
                        web = response.status == 200
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
            worker = worker or " ready." in (VAR / "worker.log").read_text(errors="replace")
            time.sleep(0.3)
        if not (web and worker):
            raise StartError(f"{'gunicorn' if not web else 'the worker'} did not start: see {VAR}")
        self.warm_up()

    def warm_up(self):
        """A portal that has been up a while: each gunicorn worker has loaded the register's lexicon and rendered
        the public pages (several requests per worker, as the workers take them in turn)."""
        for _round in range(3 * self.workers):
            for path in ("/beslut/?q=budget", "/anslagstavla/", "/api/oparl/v1/", "/"):
                try:
                    urllib.request.urlopen(self.base + path, timeout=60).close()  # noqa: S310
                except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
                    raise StartError(f"{path} did not answer: {error}") from error

    def check(self, wait=60):
        """Counts of the record after the run, once the worker has sealed what was signed (or `wait` s passed)."""
        deadline = time.monotonic() + wait
        while True:
            counts = json.loads(self.manage("shell", "-c", CHECK).strip().splitlines()[-1])
            if not counts["pdf_waiting"] or time.monotonic() > deadline:
                break
            time.sleep(2)
        log = (VAR / "gunicorn.log").read_text(errors="replace")
        counts["server_errors_logged"] = log.count("Internal Server Error") + log.count("Traceback")
        return counts

    def stop(self, keep=False):
        for _name, process, _log in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for _name, process, log in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
        self.processes = []
        if not keep:
            try:
                with self.admin() as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            except psycopg.Error as error:
                print(f"Could not drop {self.database}: {error}")
