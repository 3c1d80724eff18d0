"""The register's analyser reads hunspell's Swedish dictionary (issue 26): every entry's terms are written again
with it and counted afresh, as `manage.py reindex_register` does (a second or two per thousand entries; 120,000 in
about 90 s, 480,000 in about 7 minutes on 2 cores; the first use also builds the dictionary's table under var/,
about 20 s)."""

from collections import Counter

from django.db import migrations

BATCH = 2000
# As meetings.register.indexing: terms longer than this are not counted.
MAX_COUNTED_TERM = 64


def reanalyse(apps, schema_editor):
    from meetings.register.analysis import index_terms

    RegisterEntry = apps.get_model("meetings", "RegisterEntry")  # noqa: N806 the historical model
    RegisterTerm = apps.get_model("meetings", "RegisterTerm")  # noqa: N806
    counts, last = Counter(), 0
    while True:
        batch = list(
            RegisterEntry.objects.filter(pk__gt=last)
            .order_by("pk")
            .only("id", "heading", "decision_text", "item_text")[:BATCH]
        )
        if not batch:
            break
        for entry in batch:
            entry.heading_terms = index_terms(entry.heading, entry.decision_text)
            entry.text_terms = index_terms(entry.item_text)
            terms = f"{entry.heading_terms} {entry.text_terms}".split()
            counts.update({term for term in terms if len(term) <= MAX_COUNTED_TERM})
            counts[""] += 1  # the empty term counts the entries themselves
        RegisterEntry.objects.bulk_update(batch, ["heading_terms", "text_terms"])
        last = batch[-1].pk
    RegisterTerm.objects.all().delete()
    RegisterTerm.objects.bulk_create(
        [RegisterTerm(term=term, entries=n) for term, n in sorted(counts.items())], batch_size=2000
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0024_paragraph_numbers_and_absence_mail"),
    ]

    operations = [migrations.RunPython(reanalyse, migrations.RunPython.noop, elidable=True)]
