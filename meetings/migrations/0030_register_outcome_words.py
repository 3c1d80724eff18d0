"""The register searches a decision's outcome too ("avslag", "återremitteras", "bordlagt"): every entry's terms are
written again with its outcome's words (meetings.register.indexing.outcome_words) and counted afresh, as
`manage.py reindex_register` does (a second or two per thousand entries; 480,000 in about 7 minutes on 2 cores)."""

from collections import Counter

from django.db import migrations

BATCH = 2000
# As meetings.register.indexing: terms longer than this are not counted.
MAX_COUNTED_TERM = 64


def reanalyse(apps, schema_editor):
    from meetings.register.analysis import index_terms
    from meetings.register.indexing import outcome_words

    RegisterEntry = apps.get_model("meetings", "RegisterEntry")  # noqa: N806 the historical model
    RegisterTerm = apps.get_model("meetings", "RegisterTerm")  # noqa: N806
    counts, last = Counter(), 0
    while True:
        batch = list(
            RegisterEntry.objects.filter(pk__gt=last)
            .order_by("pk")
            .only("id", "heading", "decision_text", "item_text", "outcome")[:BATCH]
        )
        if not batch:
            break
        for entry in batch:
            entry.heading_terms = index_terms(entry.heading, entry.decision_text, outcome_words(entry.outcome))
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
        ("meetings", "0029_signature_signed_name"),
    ]

    operations = [migrations.RunPython(reanalyse, migrations.RunPython.noop, elidable=True)]
