"""Write the register's search terms again with today's analyser (after the analyser or its lexicon changed), and
count the terms afresh."""

from collections import Counter

from django.core.management.base import BaseCommand
from django.db import transaction

from meetings.models import RegisterEntry, RegisterTerm
from meetings.register import upkeep
from meetings.register.indexing import analysed, count_terms, term_counts

BATCH = 2000


class Command(BaseCommand):
    help = "Re-analyse every register entry's search terms (heading, decision, outcome and § text), in batches."

    def handle(self, *args, **options):
        done, last, counts = 0, 0, Counter()
        fields = ["id", "heading", "decision_text", "item_text", "outcome", "date"]
        while True:
            entries = RegisterEntry.objects.filter(pk__gt=last).order_by("pk").select_related("item")
            batch = list(entries.only(*fields, "item__case_number")[:BATCH])
            if not batch:
                break
            batch = [analysed(entry, entry.item.case_number) for entry in batch]
            RegisterEntry.objects.bulk_update(batch, ["heading_terms", "text_terms"])
            counts.update(term_counts((entry.heading_terms, entry.text_terms) for entry in batch))
            done, last = done + len(batch), batch[-1].pk
        with transaction.atomic():
            RegisterTerm.objects.all().delete()
            count_terms(counts)
        # Every entry was written anew: PostgreSQL holds each old version beside the new one until a vacuum, SQLite's
        # word index has a segment a batch. Autovacuum and FTS5's merging would get there; this settles them at once.
        upkeep.settle()
        self.stdout.write(f"{done} register entries re-analysed.")
