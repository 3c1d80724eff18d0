"""PostgreSQL full-text search for the decision register: a trigger keeps a Swedish tsvector up to date, a GIN
index serves it, and pg_trgm serves typo-tolerant suggestions on headings. On SQLite this does nothing (the register
falls back to a simpler search there)."""

from django.db import migrations

SQL = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION meetings_registerentry_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('swedish', coalesce(NEW.heading, '')), 'A') ||
        setweight(to_tsvector('swedish', coalesce(NEW.decision_text, '')), 'A') ||
        setweight(to_tsvector('swedish', coalesce(NEW.item_text, '')), 'B');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER meetings_registerentry_vector BEFORE INSERT OR UPDATE OF heading, decision_text, item_text
    ON meetings_registerentry FOR EACH ROW EXECUTE FUNCTION meetings_registerentry_vector();

-- The search: GIN over the stored vector.
CREATE INDEX meetings_registerentry_search_idx ON meetings_registerentry USING gin (search_vector);
-- "Menade du …?": trigram similarity on headings.
CREATE INDEX meetings_registerentry_heading_trgm_idx ON meetings_registerentry USING gin (heading gin_trgm_ops);
"""

REVERSE = """
DROP INDEX IF EXISTS meetings_registerentry_heading_trgm_idx;
DROP INDEX IF EXISTS meetings_registerentry_search_idx;
DROP TRIGGER IF EXISTS meetings_registerentry_vector ON meetings_registerentry;
DROP FUNCTION IF EXISTS meetings_registerentry_vector();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SQL, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE, params=None)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_register")]
    operations = [migrations.RunPython(forward, backward)]
