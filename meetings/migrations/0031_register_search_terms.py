"""The register's analyser reads an amount as one number however its digit groups are written (1 200 000, with a
no-break or thin space, 1.200.000; "1,2 miljoner" also as 1200000), takes simplemma's lemma of a strong verb's forms
beside the dictionary's (antog, antagit -> anta), and searches a decision's year and diarienummer: every entry's terms are written again and counted afresh, as
`manage.py reindex_register` does (a second or two per thousand entries)."""

from django.db import migrations


def reanalyse(apps, schema_editor):
    from collections import Counter

    from meetings.register.analysis import index_terms
    from meetings.register.indexing import MAX_COUNTED_TERM, outcome_words, record_words

    RegisterEntry = apps.get_model("meetings", "RegisterEntry")  # noqa: N806 the historical model
    RegisterTerm = apps.get_model("meetings", "RegisterTerm")  # noqa: N806
    counts, last = Counter(), 0
    while True:
        batch = list(
            RegisterEntry.objects.filter(pk__gt=last)
            .order_by("pk")
            .select_related("item")
            .only("id", "heading", "decision_text", "item_text", "outcome", "date", "item__case_number")[:2000]
        )
        if not batch:
            break
        for entry in batch:
            record = record_words(entry.date, entry.item.case_number)
            entry.heading_terms = index_terms(entry.heading, entry.decision_text, outcome_words(entry.outcome), *record)
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
        ("meetings", "0030_register_outcome_words"),
    ]

    operations = [migrations.RunPython(reanalyse, migrations.RunPython.noop, elidable=True)]
