"""The register's analyser reads a form that hunspell's dictionary lists as a word of its own as its word too
(gemensamt, höga, högst: gemensam, hög; fullmäktiges: fullmäktige), reads a derivation as no compound (ungdom is no
ung + "dom": "dom" no longer finds it), and keeps a decimal number whole (12,5 is the term 12komma5, not 12 and 5):
every entry's terms are written again and counted afresh (meetings.register.indexing.reanalyse_entries), as
`manage.py reindex_register` does. `manage.py bench_reindex` times it over 20,000 entries (generate_network_data
--federations 8 --years 17) on a shared 2-core machine under a load of about 8: SQLite 58 s (2.9 s per 1,000: about
12 minutes for a national register of 240,000 decisions), PostgreSQL 164 s (8.2 s per 1,000, of which the writes
5.2 s: about 33 minutes at 240,000). So the migration is not one transaction: each batch of entries is written in a
transaction of its own, and the terms' counts at the end in one, so a large register keeps answering (an entry with
its old terms until its batch is written) and no row is locked for long; stopped half way, it runs again whole."""

from django.db import migrations


def reanalyse(apps, schema_editor):
    from meetings.register.indexing import reanalyse_entries

    RegisterEntry = apps.get_model("meetings", "RegisterEntry")  # noqa: N806 the historical model
    RegisterTerm = apps.get_model("meetings", "RegisterTerm")  # noqa: N806
    reanalyse_entries(RegisterEntry, RegisterTerm)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("meetings", "0031_register_search_terms"),
    ]

    operations = [migrations.RunPython(reanalyse, migrations.RunPython.noop, elidable=True)]
