"""python manage.py bench_register [--rounds 5]

Runs a fixed mix of register searches and filters through the view (test client) against the data that is there,
and the same searches answered by plain ILIKE '%word%' scans (search.scan_search). Last line:
register p50 <ms> p95 <ms>; ilike p95 <ms>; ratio <x> at <n> decisions
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings

from meetings.models import RegisterEntry
from meetings.register import search

SEARCHES = ["ansökan", "kartläggning", "återremiss", "psykisk ohälsa", "implementering", "arbetsförmedlingen"]
FILTERS = ["utfall=aterremiss", "organ=arbetsutskott&utfall=bifall", "form=votering", "ar=2020", ""]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Time the decision register's searches and filters, and a plain ILIKE scan of the same words."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, **options):
        client = Client(HTTP_HOST="127.0.0.1")
        register_ms, ilike_ms = [], []
        with override_settings(ALLOWED_HOSTS=["127.0.0.1"], DEBUG=False):
            for url in self.urls():  # warm up caches and plans
                client.get(url)
            for _round in range(options["rounds"]):
                for url in self.urls():
                    started = time.perf_counter()
                    response = client.get(url)
                    register_ms.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, (url, response.status_code)
                for word in SEARCHES:
                    started = time.perf_counter()
                    self.ilike(word)
                    ilike_ms.append((time.perf_counter() - started) * 1000)
        total = RegisterEntry.objects.count()
        p50, p95 = statistics.median(register_ms), percentile(register_ms, 0.95)
        ilike_p95 = percentile(ilike_ms, 0.95)
        self.stdout.write(f"{len(register_ms)} register requests, {len(ilike_ms)} ILIKE queries")
        self.stdout.write(
            f"register p50 {p50:.1f} p95 {p95:.1f}; ilike p95 {ilike_p95:.1f}; "
            f"ratio {ilike_p95 / p95:.1f} at {total} decisions"
        )

    def urls(self):
        urls = [f"/beslut/?q={word}" for word in SEARCHES]
        urls += [f"/beslut/?{query}" for query in FILTERS]
        urls += [f"/beslut/?q={SEARCHES[0]}&{FILTERS[0]}", f"/beslut/?q={SEARCHES[1]}&sida=2"]
        return urls

    def ilike(self, phrase):
        """The same question answered by ILIKE '%word%' scans (every form of every word), newest first, with the
        exact count a plain paginator would ask for."""
        queryset = search.scan_search(RegisterEntry.objects.filter(is_public=True), phrase)
        list(queryset.order_by("-date", "-meeting_id", "number", "id")[:25])
        return queryset.count()
