"""The register's term counts (RegisterTerm), which the search reads to choose its plan and draws "Menade du …?"
from; the existing entries' terms are counted here.

On PostgreSQL the heading trigram index goes (suggestions now come from the counted terms), and the search vector is
built without weights: nothing ranks by them (the register is read newest first). Existing vectors keep their
weights, which no query reads, until reindex_register writes them again.
"""

from collections import Counter

from django.db import migrations, models

POSTGRES_FORWARD = """
DROP INDEX IF EXISTS meetings_registerentry_heading_trgm_idx;
CREATE OR REPLACE FUNCTION meetings_registerentry_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector := to_tsvector('simple', coalesce(NEW.heading_terms, '') || ' ' || coalesce(NEW.text_terms, ''));
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

POSTGRES_BACKWARD = """
CREATE INDEX IF NOT EXISTS meetings_registerentry_heading_trgm_idx ON meetings_registerentry
    USING gin (heading gin_trgm_ops);
CREATE OR REPLACE FUNCTION meetings_registerentry_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', coalesce(NEW.heading_terms, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(NEW.text_terms, '')), 'B');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""

# As meetings.register.indexing: terms longer than this are not counted.
MAX_COUNTED_TERM = 64


def count_existing(apps, schema_editor):
    RegisterEntry = apps.get_model("meetings", "RegisterEntry")  # noqa: N806 the historical model
    RegisterTerm = apps.get_model("meetings", "RegisterTerm")  # noqa: N806
    counts = Counter()
    rows = RegisterEntry.objects.values_list("heading_terms", "text_terms").order_by()
    for heading_terms, text_terms in rows.iterator(chunk_size=5000):
        counts.update({t for t in f"{heading_terms} {text_terms}".split() if len(t) <= MAX_COUNTED_TERM})
        counts[""] += 1  # the empty term counts the entries themselves
    RegisterTerm.objects.bulk_create(
        [RegisterTerm(term=term, entries=n) for term, n in sorted(counts.items())], batch_size=2000
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0017_opendata_feed_indexes")]
    operations = [
        migrations.CreateModel(
            name="RegisterTerm",
            fields=[
                ("term", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("entries", models.IntegerField(default=0)),
            ],
            options={"verbose_name": "sökterm i registret", "verbose_name_plural": "söktermer i registret"},
        ),
        migrations.RunPython(count_existing, backward),
    ]
