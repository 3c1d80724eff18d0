"""python manage.py bench_api [--rounds 3] [--pages 5] [--federations 5]

Times the open-data API's list pages through the view (test client, anonymous, no rate limit) against the data
that is there: for each of a few federations, each list from its first page and following links.next for a few
pages. Prints p50 / p95 per list kind, then one line: api p50 <ms> p95 <ms> at <n> decisions.
"""

import statistics
import time
from collections import defaultdict

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings

from federations.models import Federation
from meetings.models import RegisterEntry

KINDS = ["meeting", "agendaitem", "file", "person", "membership", "organization"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Time the open-data API's list pages (first pages and pages reached through links.next)."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=3)
        parser.add_argument("--pages", type=int, default=5, help="pages followed through links.next per list")
        parser.add_argument("--federations", type=int, default=5)

    def handle(self, *args, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        slugs = list(Federation.objects.order_by("-id").values_list("slug", flat=True)[: options["federations"]])
        timings = defaultdict(list)
        with override_settings(ALLOWED_HOSTS=["127.0.0.1"], DEBUG=False, FINSAM_API_RATE_LIMIT=0):
            self.walk(client, slugs, options["pages"], defaultdict(list))  # warm up caches and plans
            for _round in range(options["rounds"]):
                self.walk(client, slugs, options["pages"], timings)
        every = [ms for values in timings.values() for ms in values]
        for kind in KINDS:
            values = timings[kind]
            self.stdout.write(
                f"{kind:13} {len(values):4} pages  p50 {statistics.median(values):6.1f}  "
                f"p95 {percentile(values, 0.95):6.1f} ms"
            )
        total = RegisterEntry.objects.filter(decision__isnull=False).count()
        self.stdout.write(
            f"api p50 {statistics.median(every):.1f} p95 {percentile(every, 0.95):.1f} at {total} decisions"
        )

    def walk(self, client, slugs, pages, timings):
        for slug in slugs:
            for kind in KINDS:
                url = f"/api/oparl/v1/body/{slug}/{kind}/"
                for _page in range(pages):
                    started = time.perf_counter()
                    response = client.get(url)
                    timings[kind].append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
                    following = response.json()["links"].get("next")
                    if not following:
                        break
                    url = following.removeprefix(settings.SITE_URL)
