"""python manage.py bench_register [--rounds 5] [--ilike-rounds 2] [--plan-before] [--only CLASS,…]

Runs the decision register's hard classes of queries through the view (test client, signed out, and signed in as a
user without roles) against the data that is there (generate_network_data): common, rare, two rare, none, typo (with
its suggestion), inflected, compound, prefix and multi-word searches, two common words that never meet, a typed
last page number, each filter alone and with a word, the network filter, deep pages, the last page and pages by key.
Prints per class p50/p95 and, for the classes of words, the recall and precision against a scan that knows the
answer: every public decision whose heading, decision or § text contains each word's root (or the word), as itself
or inside a compound. Then the same words answered by plain ILIKE '%word%' scans (search.scan_search), in the first
--ilike-rounds rounds. --plan-before times the plan before the walk's window and the typed page's cap, for a
comparison on the same data. The process settles first as a web process does at start (finsam.startup). Page
numbers typed into the address far past the first pages are also timed on their own line, outside the mix. Last
line:
register p50 <ms> p95 <ms>; ilike p95 <ms>; ratio <x> at <n> decisions
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings

from finsam.startup import settle
from meetings.models import RegisterEntry
from meetings.register import search

PAGE_SIZE = 25

# The words of each class, chosen against generate_network_data's vocabulary.
WORDS = {
    "common": ["beslutar", "ansökan", "förbundschefen"],
    "rare": ["417000", "263000"],  # an amount granted: a handful of decisions each
    "two rare": ["417000 263000", "417000 delårsrapport"],
    "none": ["zebrafink", "kvantdator"],
    "typo": ["kartlägning", "implemetering"],
    "inflected": ["beviljade", "insatsen", "ansökningar"],
    "compound": ["samråd", "rapport", "sjukskrivna", "ersättning"],
    "prefix": ["kartlägg", "aktivitetsers"],  # the word being typed
    "multi": ["psykisk ohälsa", "bevilja projektmedel", "Kiruna delårsrapport"],
    # Words of different decisions' formulas: 14 % of the entries each, never in one entry.
    "two never meet": ["återremittera bevilja", "avslå fastställa", "utreda finansieras"],
}
# The root whose every occurrence (alone or in a compound) a word must find, for recall.
ROOTS = {
    "beviljade": "bevilja",
    "insatsen": "insats",
    "ansökningar": "ansökning",
    "samråd": "samråd",
    "rapport": "rapport",
    "sjukskrivna": "sjukskriv",
    "ersättning": "ersättning",
}
FILTERS = ["utfall=aterremiss", "organ=arbetsutskott", "form=votering", "ar=2020", "forbund=syntet-003"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def figures(values):
    """ "p50 … p95 …" of a class, or why there is none (a small database has no deep pages, for instance)."""
    if not values:
        return "no requests (too little data for this class)"
    return f"p50 {statistics.median(values):7.1f} p95 {percentile(values, 0.95):7.1f}"


class Command(BaseCommand):
    help = "Time the decision register's classes of queries, their recall, and a plain ILIKE scan of the same words."

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)
        parser.add_argument("--only", default="", help="time only these classes (comma-separated names)")
        parser.add_argument(
            "--plan-before",
            action="store_true",
            help="the plan before issue 26's last part: no window on the date index's walk, any page number typed",
        )
        parser.add_argument(
            "--ilike-rounds", type=int, default=2, help="rounds that also time the ILIKE baseline (seconds a query)"
        )

    def handle(self, *args, **options):
        if options["plan_before"]:
            search.WALK_WINDOW = None
            search.TYPED_PAGE_LIMIT = 10**9
        settle()  # as a web process does at start (finsam/wsgi.py)
        anonymous = Client(HTTP_HOST="127.0.0.1")
        signed_in = Client(HTTP_HOST="127.0.0.1")
        user, _created = get_user_model().objects.get_or_create(username="bench-register")
        signed_in.force_login(user)
        total = RegisterEntry.objects.count()
        classes = self.classes(total)
        only = [name.strip() for name in options["only"].split(",") if name.strip()]
        if only:
            classes = {name: urls for name, urls in classes.items() if name in only}
        typed = [] if only else self.typed_deep_pages(total)
        timings = {name: [] for name in [*classes, "signed in"]}
        typed_ms = []
        ilike_ms = []
        with override_settings(ALLOWED_HOSTS=["127.0.0.1"], DEBUG=False):
            for urls in classes.values():  # warm up caches and plans
                for url in urls:
                    anonymous.get(url)
            for _round in range(options["rounds"]):
                for name, urls in classes.items():
                    for url in urls:
                        for client, label in ((anonymous, name), (signed_in, "signed in")):
                            if label == "signed in" and url != urls[0]:
                                continue  # signed in: the first query of every class
                            started = time.perf_counter()
                            response = client.get(url)
                            timings[label].append((time.perf_counter() - started) * 1000)
                            assert response.status_code == 200, (url, response.status_code)
                for url in typed:
                    started = time.perf_counter()
                    anonymous.get(url)
                    typed_ms.append((time.perf_counter() - started) * 1000)
                for words in WORDS.values() if _round < options["ilike_rounds"] else ():
                    for word in words:
                        started = time.perf_counter()
                        self.ilike(word)
                        ilike_ms.append((time.perf_counter() - started) * 1000)
        recall = self.recall(classes)
        for name, values in timings.items():
            line = f"{name:<18} {figures(values)}"
            if name in recall:
                found, known, both = recall[name]
                line += f"  recall {both / known if known else 1.0:.2f} precision {both / found if found else 1.0:.2f}"
                line += f" ({found} found, {known} by the scan)"
            self.stdout.write(line)
        if typed_ms:
            self.stdout.write(
                f"{'typed deep page':<18} {figures(typed_ms)}"
                "  (outside the mix: a page number typed into the address, far past the first pages)"
            )
        register_ms = [value for values in timings.values() for value in values]
        p50, p95 = statistics.median(register_ms), percentile(register_ms, 0.95)
        self.stdout.write(f"{len(register_ms)} register requests, {len(ilike_ms)} ILIKE queries")
        ilike = (
            f"ilike p95 {percentile(ilike_ms, 0.95):.1f}; ratio {percentile(ilike_ms, 0.95) / p95:.1f}"
            if ilike_ms
            else "no ILIKE rounds"
        )
        self.stdout.write(f"register p50 {p50:.1f} p95 {p95:.1f}; {ilike} at {total} decisions")

    def classes(self, total):
        classes = {name: [f"/beslut/?q={word}" for word in words] for name, words in WORDS.items()}
        classes["filter"] = [f"/beslut/?{query}" for query in FILTERS]
        classes["filter+word"] = [f"/beslut/?q=kartläggning&{query}" for query in FILTERS]
        classes["network"] = ["/beslut/?forbund=syntetiskt", "/beslut/?forbund=syntetiskt&q=samråd"]
        # A page number typed into the address: the last page's number, and a common word's 40th page.
        classes["typed last page"] = [f"/beslut/?sida={max(1, -(-total // PAGE_SIZE))}", "/beslut/?q=beslutar&sida=40"]
        classes["last page"] = ["/beslut/?sista=1", "/beslut/?q=beslutar&sista=1", "/beslut/?q=samråd&sista=1"]
        # Deep pages reached by the "next page" link, which carries the previous page's last row, and by the
        # "previous page" link, which carries the next page's first row.
        last = max(1, -(-total // PAGE_SIZE))
        newest = RegisterEntry.objects.filter(is_public=True).order_by("-date", "-meeting_id", "number", "id")
        before_last = newest.values_list("pk", flat=True)[max(0, (last - 1) * PAGE_SIZE - 1) : (last - 1) * PAGE_SIZE]
        before_200 = newest.values_list("pk", flat=True)[199 * PAGE_SIZE - 1 : 199 * PAGE_SIZE]
        classes["deep page by key"] = [f"/beslut/?efter={pk}" for pk in before_last] + [
            f"/beslut/?efter={pk}" for pk in before_200
        ] + [f"/beslut/?fore={pk}" for pk in before_200]  # fmt: skip
        # Page 40 of a common word and of a compound, by the next-page link.
        for word in ("beslutar", "samråd"):
            matches = search.search(newest, word).values_list("pk", flat=True)
            classes["deep page by key"] += [
                f"/beslut/?q={word}&efter={pk}" for pk in matches[39 * PAGE_SIZE - 1 : 39 * PAGE_SIZE]
            ]
        return classes

    def typed_deep_pages(self, total):
        last = max(1, -(-total // PAGE_SIZE))
        return [
            "/beslut/?sida=200",
            f"/beslut/?sida={last}",
            "/beslut/?q=beslutar&sida=40",
            "/beslut/?q=samråd&sida=40",
        ]

    def recall(self, classes):
        """Per class of words: (found, known, both) of the search against a scan that knows the answer, over all
        public entries: each word's root (ROOTS) or, without one, the word itself as a substring of the heading,
        decision or § text, every word of a query. Recall is both / known, precision both / found."""
        public = RegisterEntry.objects.filter(is_public=True)
        found = {}
        for name, queries in WORDS.items():
            if name in ("typo", "prefix") or name not in classes:
                continue  # a typo finds nothing by design, and a prefix is no word to scan for
            hits = relevant = both = 0
            for query in queries:
                got = set(search.search(public, query).values_list("pk", flat=True))
                root = " ".join(ROOTS.get(word, word) for word in query.split())
                known = set(search.scan_search(public, root).values_list("pk", flat=True))
                hits, relevant, both = hits + len(got), relevant + len(known), both + len(got & known)
            found[name] = (hits, relevant, both)
        return found

    def ilike(self, phrase):
        """The same question answered by ILIKE '%word%' scans, newest first, with the exact count a plain paginator
        would ask for."""
        queryset = search.scan_search(RegisterEntry.objects.filter(is_public=True), phrase)
        list(queryset.order_by("-date", "-meeting_id", "number", "id")[:25])
        return queryset.count()
