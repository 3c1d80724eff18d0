"""Write the register's search terms again with today's analyser (after the analyser or its lexicon changed)."""

from django.core.management.base import BaseCommand

from meetings.models import RegisterEntry
from meetings.register.indexing import analysed

BATCH = 2000


class Command(BaseCommand):
    help = "Re-analyse every register entry's search terms (heading, decision and § text), in batches."

    def handle(self, *args, **options):
        done, last = 0, 0
        fields = ["id", "heading", "decision_text", "item_text"]
        while True:
            batch = list(RegisterEntry.objects.filter(pk__gt=last).order_by("pk").only(*fields)[:BATCH])
            if not batch:
                break
            RegisterEntry.objects.bulk_update([analysed(entry) for entry in batch], ["heading_terms", "text_terms"])
            done, last = done + len(batch), batch[-1].pk
        self.stdout.write(f"{done} register entries re-analysed.")
