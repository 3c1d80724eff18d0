"""python manage.py bench_api [--rounds 3] [--federations 5]

Times the open-data API through its views (Django's test client, anonymous, rate limit off, DEBUG off) against the
data that is there (generate_network_data). For a few federations, every list in three classes of page:

- first: the list's first page;
- middle: the page halfway through the list, reached by following links.next from the first (a harvester's walk;
  the walk itself is the warm-up, the middle page's URL is then timed);
- since: the first and the middle page with modified_since one year before the newest meeting's modification
  (the incremental harvest a client runs each night);

then the body list and the feeds (Atom notice board for all and per federation, Atom decisions per federation,
body and project, a body's iCalendar). Prints p50 / p95 per endpoint and class, with the median CPU time the
request took in this process (on a loaded machine the wall time is mostly waiting for a core; the database's own
time is not in it), then one line: api p50 <ms> p95 <ms> at <n> decisions.
"""

import datetime
import statistics
import time
from collections import defaultdict
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Max
from django.test import Client
from django.test.utils import override_settings

from federations.models import Body, Federation, Project
from meetings.models import Meeting, RegisterEntry

API = "/api/oparl/v1"
LISTS = ["meeting", "agendaitem", "file", "person", "membership", "organization", "legislativeterm", "paper"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Time the open-data API's list pages (first, middle by links.next, modified_since) and its feeds."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--federations", type=int, default=5)

    def handle(self, *args, **options):
        self.client = Client(HTTP_HOST="127.0.0.1")
        federations = list(Federation.objects.order_by("-id")[: options["federations"]])
        newest = Meeting.objects.aggregate(newest=Max("updated"))["newest"]
        since = (newest - datetime.timedelta(days=365)).isoformat() if newest else None
        timings, cpu = defaultdict(list), defaultdict(list)
        with override_settings(ALLOWED_HOSTS=["127.0.0.1"], DEBUG=False, FINSAM_API_RATE_LIMIT=0):
            urls = self.urls(federations, since)  # walks every list once: the warm-up
            for _round in range(options["rounds"]):
                for key, url in urls:
                    wall, used = self.time(url)
                    timings[key].append(wall)
                    cpu[key].append(used)
        for (endpoint, kind), values in sorted(timings.items(), key=lambda pair: list(timings).index(pair[0])):
            self.stdout.write(
                f"{endpoint:17} {kind:7} {len(values):4}  p50 {statistics.median(values):6.1f}  "
                f"p95 {percentile(values, 0.95):6.1f} ms  cpu p50 {statistics.median(cpu[endpoint, kind]):5.1f} ms"
            )
        every = [ms for values in timings.values() for ms in values]
        total = RegisterEntry.objects.filter(decision__isnull=False).count()
        self.stdout.write(
            f"api p50 {statistics.median(every):.1f} p95 {percentile(every, 0.95):.1f} at {total} decisions"
        )

    def time(self, url):
        started, used = time.perf_counter(), time.process_time()
        response = self.client.get(url)
        elapsed, used = (time.perf_counter() - started) * 1000, (time.process_time() - used) * 1000
        assert response.status_code == 200, (url, response.status_code)
        return elapsed, used

    def urls(self, federations, since):
        """(endpoint, class) and URL of every page to time, in a stable order."""
        urls = []
        for federation in federations:
            for kind in LISTS:
                base = f"{API}/body/{federation.slug}/{kind}/"
                urls.append(((kind, "first"), base))
                urls.append(((kind, "middle"), self.middle(base)))
                if since:
                    filtered = f"{base}?{urlencode({'modified_since': since})}"
                    urls.append(((kind, "since"), filtered))
                    urls.append(((kind, "since"), self.middle(filtered)))
        urls += [(("body", "first"), f"{API}/body/"), (("body", "middle"), self.middle(f"{API}/body/"))]
        for federation in federations:
            body = Body.objects.filter(federation=federation).order_by("id").first()
            project = Project.objects.filter(owner=federation).order_by("id").first()
            urls.append((("feed anslag", "all"), "/anslagstavla/atom/"))
            urls.append((("feed anslag", "fed"), f"/forbund/{federation.slug}/anslagstavla/atom/"))
            urls.append((("feed decisions", "fed"), f"/forbund/{federation.slug}/beslut/atom/"))
            if body:
                organ = f"/forbund/{federation.slug}/organ/{body.slug}"
                urls.append((("feed decisions", "body"), f"{organ}/beslut/atom/"))
                urls.append((("calendar", "body"), f"{organ}/kalender.ics"))
            if project:
                urls.append((("feed decisions", "project"), f"/projekt/{project.slug}/beslut/atom/"))
        return urls

    def middle(self, url):
        """The URL of the page halfway through a list, found by following links.next from its first page."""
        pages = [url]
        while True:
            following = self.client.get(pages[-1]).json()["links"].get("next")
            if not following:
                break
            pages.append(following.removeprefix(settings.SITE_URL))
        return pages[len(pages) // 2]
