"""python manage.py bench_reindex [--limit 20000] [--scale 240000]

Times what a migration that rewrites the register's search terms (0031, 0032: meetings.register.indexing.
reanalyse_entries) costs: the first --limit entries of the register that is there (generate_network_data) read,
analysed, written and counted, with the analyser's caches cold as in a fresh `migrate` process, in a transaction
that is rolled back (the register is left as it was). Prints the phases and the rate, and the time the whole
migration would take at --scale entries at that rate (national scale: 80 federations over 20 years, about 240,000
decisions). Last line:
reindex <n> entries in <s> s (<s> s per 1,000); at <scale> entries about <min> min
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from meetings.models import RegisterEntry, RegisterTerm
from meetings.register import analysis, compounds, inflection, lexicon
from meetings.register.indexing import reanalyse_entries


class RolledBack(Exception):
    pass


def cold_caches():
    """The analyser's caches emptied, as in a fresh process (the lexicon's table stays built: migrate builds it
    before the first entry, as the Dockerfile does into the image)."""
    for cached in (
        analysis.lemmas,
        analysis.word_terms,
        compounds.compound,
        compounds.compound_parts,
        inflection.base_lemmas,
        lexicon.entries,
        lexicon.stem,
    ):
        cached.cache_clear()


class Command(BaseCommand):
    help = "Time rewriting the register's search terms (a migration such as 0032) over N entries, rolled back."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=20000, help="how many entries to re-analyse")
        parser.add_argument("--scale", type=int, default=240000, help="the register to extrapolate to")

    def handle(self, *args, limit, scale, **options):
        available = RegisterEntry.objects.count()
        if not available:
            self.stdout.write("reindex: no register entries (run generate_network_data first)")
            return
        lexicon.entries("beslut")  # the table built, if it is not, outside the timing
        cold_caches()
        timings, started = {}, time.perf_counter()
        try:
            with transaction.atomic():
                done = reanalyse_entries(RegisterEntry, RegisterTerm, limit=limit, timings=timings)
                raise RolledBack
        except RolledBack:
            pass
        total = time.perf_counter() - started
        per_thousand = total / done * 1000
        phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items())
        self.stdout.write(f"{done} of {available} entries re-analysed: {phases}")
        self.stdout.write(
            f"reindex {done} entries in {total:.1f} s ({per_thousand:.2f} s per 1,000); "
            f"at {scale} entries about {per_thousand * scale / 1000 / 60:.0f} min"
        )
