"""python manage.py bench_autosave [--editors 20] [--seconds 30]

Starts gunicorn on the configured database, lets N concurrent editors autosave for a while (most on their own §,
some on a shared one), then reads every § back and checks that no accepted save was lost. Last line:
autosave p50 <ms> p95 <ms> p99 <ms>; errors <n>; lost <n>; conflicts <n> with <k> editors
"""

import http.cookies
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand
from django.utils import timezone

from federations.models import Body, Federation, Person, StaffRole
from finsam.database import current_database_url
from meetings.drafting import services
from meetings.models import ItemRevision, Meeting

SLUG = "bench-autosave"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Editor(threading.Thread):
    def __init__(self, number, base, meeting, item, session_key, deadline, results, pause):
        super().__init__(daemon=True)
        self.pause = pause
        self.number, self.base, self.meeting, self.item = number, base, meeting, item
        self.deadline, self.results = deadline, results
        self.opener = urllib.request.build_opener()
        self.cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"

    def csrf(self):
        """Open the meeting page as the editor does; keep the CSRF cookie it sets."""
        request = urllib.request.Request(f"{self.base}/moten/{self.meeting.pk}/", headers={"Cookie": self.cookie})
        with self.opener.open(request) as response:
            cookies = http.cookies.SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookies.load(header)
        token = cookies[settings.CSRF_COOKIE_NAME].value
        self.cookie += f"; {settings.CSRF_COOKIE_NAME}={token}"
        return token

    def run(self):
        try:
            token = self.csrf()
        except (urllib.error.URLError, KeyError, TimeoutError, ConnectionError) as error:
            self.results["errors"].append(str(error))
            return
        version, count = self.item.version, 0
        url = f"{self.base}/moten/{self.meeting.pk}/paragrafer/{self.item.pk}/text/"
        while time.monotonic() < self.deadline:
            count += 1
            text = f"<p>Redaktör {self.number}, sparning {count}.</p>"
            body = urllib.parse.urlencode({"heading": self.item.heading, "text": text, "version": version}).encode()
            headers = {"X-CSRFToken": token, "Referer": url, "Cookie": self.cookie}
            request = urllib.request.Request(url, data=body, headers=headers)
            started = time.perf_counter()
            try:
                with self.opener.open(request, timeout=30) as response:
                    data = json.loads(response.read())
                    self.results["latencies"].append((time.perf_counter() - started) * 1000)
                    self.results["accepted"].append((self.item.pk, data["version"], data["text"]))
                    version = data["version"]
            except urllib.error.HTTPError as error:
                self.results["latencies"].append((time.perf_counter() - started) * 1000)
                if error.code == 409:
                    self.results["conflicts"].append(1)
                    version = json.loads(error.read())["server"]["version"]  # merge: build on the newer version
                else:
                    self.results["errors"].append(error.code)
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                self.results["errors"].append(str(error))
            time.sleep(self.pause)  # the editor saves about two seconds after typing stops


class Command(BaseCommand):
    help = "Benchmark autosave through gunicorn with concurrent editors, and check that nothing is lost."

    def add_arguments(self, parser):
        parser.add_argument("--editors", type=int, default=20)
        parser.add_argument("--seconds", type=float, default=30)
        parser.add_argument("--workers", type=int, default=4)
        parser.add_argument(
            "--pause",
            type=float,
            default=1.0,
            help="seconds between one editor's saves (the editor itself waits 2 s after typing stops)",
        )

    def handle(self, *args, **options):
        editors = options["editors"]
        meeting, items, session_key = self.setup(editors)
        port = free_port()
        server = self.start_gunicorn(port, options["workers"])
        results = {"latencies": [], "accepted": [], "conflicts": [], "errors": []}
        try:
            deadline = time.monotonic() + options["seconds"]
            base = f"http://127.0.0.1:{port}"
            # Every fifth editor shares § 1 with the others sharing it; the rest have their own §.
            threads = [
                Editor(
                    n,
                    base,
                    meeting,
                    items[0] if n % 5 == 0 else items[n],
                    session_key,
                    deadline,
                    results,
                    options["pause"],
                )
                for n in range(editors)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
        lost = self.count_lost(items, results["accepted"])
        self.teardown()
        latencies = sorted(results["latencies"]) or [0.0]
        quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
        self.stdout.write(f"{len(results['accepted'])} accepted saves, {len(latencies)} requests")
        self.stdout.write(
            f"autosave p50 {quantiles[49]:.1f} p95 {quantiles[94]:.1f} p99 {quantiles[98]:.1f}; "
            f"errors {len(results['errors'])}; lost {lost}; "
            f"conflicts {len(results['conflicts'])} with {editors} editors"
        )

    def setup(self, editors):
        self.teardown()
        federation = Federation.objects.create(name="Benchmarkförbundet", short_name="Bench", slug=SLUG)
        body = Body.objects.create(federation=federation, name="Styrelse", slug="styrelse", kind="styrelse")
        user = get_user_model().objects.create_user(username=f"{SLUG}@example.invalid", email=f"{SLUG}@example.invalid")
        person = Person.objects.create(name="Bänk Sekreterare", user=user)
        StaffRole.objects.create(person=person, role="secretary", federation=federation)
        meeting = services.meeting_create(
            actor=user, body=body, date=timezone.localdate(), record_kind="minnesanteckningar"
        )
        items = [services.item_add(actor=user, meeting=meeting, heading=f"Ärende {n}") for n in range(editors)]
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return meeting, items, session.session_key

    def teardown(self):
        Meeting.objects.filter(body__federation__slug=SLUG).delete()
        Body.objects.filter(federation__slug=SLUG).delete()
        Person.objects.filter(staff_roles__federation__slug=SLUG).delete()
        Federation.objects.filter(slug=SLUG).delete()
        get_user_model().objects.filter(username=f"{SLUG}@example.invalid").delete()

    def start_gunicorn(self, port, workers):
        static_root = settings.VAR_DIR / "bench-static"
        env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "SECRET_KEY": settings.SECRET_KEY, "DEBUG": "0"}
        env.update(
            SECURE_COOKIES="0", STATIC_ROOT=str(static_root), FINSAM_TESTING="0", DATABASE_URL=current_database_url()
        )
        # Production settings serve hashed static files: collect them first, as a deployment does.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        command = [sys.executable, "-m", "gunicorn", "finsam.wsgi:application", "-b", f"127.0.0.1:{port}"]
        command += ["-w", str(workers), "--threads", "4", "--log-level", "warning"]
        server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
                return server
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        server.terminate()
        raise RuntimeError("gunicorn did not start")

    def count_lost(self, items, accepted):
        """An accepted save is lost if its revision is missing, or if the § does not end on its last accepted text."""
        stored = set(ItemRevision.objects.filter(item__in=items).values_list("item_id", "version", "text"))
        lost = sum(1 for save in accepted if save not in stored)
        last = {}
        for item_id, version, text in accepted:
            if version > last.get(item_id, (0, ""))[0]:
                last[item_id] = (version, text)
        for item in items:
            item.refresh_from_db()
            if item.pk in last and (item.version, item.text) != last[item.pk]:
                lost += 1
        return lost
