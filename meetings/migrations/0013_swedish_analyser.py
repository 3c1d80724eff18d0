"""The register searches the Swedish analyser's terms (meetings.register.analysis) on both databases.

- Two columns hold the analyser's output: heading_terms (heading and decision) and text_terms (the § text).
- PostgreSQL: the trigger builds search_vector from them with the 'simple' configuration (heading weight A, text
  weight B) instead of Snowball's 'swedish' on the raw text; the frozen-record guard lets the derived terms change
  (a better lexicon re-indexes a frozen record's entries without touching what was decided).
- SQLite: an FTS5 table of the same terms, rowid = the entry's id, kept in step by triggers on the entry table.
- Existing entries are analysed once here.
"""

from django.db import migrations, models

from meetings.register.analysis import index_terms

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION meetings_registerentry_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', coalesce(NEW.heading_terms, '')), 'A') ||
        setweight(to_tsvector('simple', coalesce(NEW.text_terms, '')), 'B');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS meetings_registerentry_vector ON meetings_registerentry;
CREATE TRIGGER meetings_registerentry_vector BEFORE INSERT OR UPDATE OF heading_terms, text_terms
    ON meetings_registerentry FOR EACH ROW EXECUTE FUNCTION meetings_registerentry_vector();
"""

POSTGRES_BACKWARD = """
CREATE OR REPLACE FUNCTION meetings_registerentry_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('swedish', coalesce(NEW.heading, '')), 'A') ||
        setweight(to_tsvector('swedish', coalesce(NEW.decision_text, '')), 'A') ||
        setweight(to_tsvector('swedish', coalesce(NEW.item_text, '')), 'B');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS meetings_registerentry_vector ON meetings_registerentry;
CREATE TRIGGER meetings_registerentry_vector BEFORE INSERT OR UPDATE OF heading, decision_text, item_text
    ON meetings_registerentry FOR EACH ROW EXECUTE FUNCTION meetings_registerentry_vector();
UPDATE meetings_registerentry SET heading = heading;
"""

# The frozen-record guard of 0011 with the derived columns added to those that may change.
GUARD = """
CREATE OR REPLACE FUNCTION meetings_frozen_register_entry() RETURNS trigger AS $$
DECLARE
    mutable text[] := ARRAY[%s];
BEGIN
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;  -- derived data: a rebuild deletes, then inserts from the frozen record
    END IF;
    IF NOT meetings_is_frozen(NEW.meeting_id) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
            PERFORM meetings_refuse(TG_TABLE_NAME);
        END IF;
        RETURN NEW;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM meetings_agendaitem i JOIN meetings_meeting m ON m.id = i.meeting_id
        LEFT JOIN meetings_decision d ON d.id = NEW.decision_id AND d.item_id = i.id
        WHERE i.id = NEW.item_id AND m.id = NEW.meeting_id AND m.date = NEW.date AND m.body_id = NEW.body_id
            AND i.number IS NOT DISTINCT FROM NEW.number AND i.heading = NEW.heading
            AND CASE WHEN NEW.decision_id IS NULL
                THEN NEW.decision_text = '' AND NEW.outcome = '' AND NEW.method = ''
                ELSE d.id IS NOT NULL AND d.text = NEW.decision_text AND d.outcome = NEW.outcome
                    AND d.method = NEW.method END
    ) THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""
MUTABLE_BEFORE = "'is_public', 'search_vector'"
MUTABLE_AFTER = "'is_public', 'search_vector', 'heading_terms', 'text_terms'"

SQLITE_FORWARD = [
    # unicode61 without diacritics folding: "år" and "ar" are different words in Swedish.
    "CREATE VIRTUAL TABLE meetings_registerentry_fts USING fts5("
    "heading_terms, text_terms, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE TRIGGER meetings_registerentry_fts_insert AFTER INSERT ON meetings_registerentry BEGIN "
    "INSERT INTO meetings_registerentry_fts (rowid, heading_terms, text_terms) "
    "VALUES (NEW.id, NEW.heading_terms, NEW.text_terms); END",
    "CREATE TRIGGER meetings_registerentry_fts_delete AFTER DELETE ON meetings_registerentry BEGIN "
    "DELETE FROM meetings_registerentry_fts WHERE rowid = OLD.id; END",
    "CREATE TRIGGER meetings_registerentry_fts_update AFTER UPDATE OF heading_terms, text_terms "
    "ON meetings_registerentry BEGIN "
    "UPDATE meetings_registerentry_fts SET heading_terms = NEW.heading_terms, text_terms = NEW.text_terms "
    "WHERE rowid = NEW.id; END",
    "INSERT INTO meetings_registerentry_fts (rowid, heading_terms, text_terms) "
    "SELECT id, heading_terms, text_terms FROM meetings_registerentry",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS meetings_registerentry_fts_update",
    "DROP TRIGGER IF EXISTS meetings_registerentry_fts_delete",
    "DROP TRIGGER IF EXISTS meetings_registerentry_fts_insert",
    "DROP TABLE IF EXISTS meetings_registerentry_fts",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(GUARD % MUTABLE_AFTER, params=None)
        schema_editor.execute(POSTGRES_FORWARD, params=None)
    analyse_existing(apps.get_model("meetings", "RegisterEntry"))
    if vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement, params=None)


def analyse_existing(RegisterEntry):  # noqa: N803 the historical model
    entries = RegisterEntry.objects.only("heading", "decision_text", "item_text").order_by("pk")
    batch = []
    for entry in entries.iterator(chunk_size=2000):
        entry.heading_terms = index_terms(entry.heading, entry.decision_text)
        entry.text_terms = index_terms(entry.item_text)
        batch.append(entry)
        if len(batch) == 2000:
            RegisterEntry.objects.bulk_update(batch, ["heading_terms", "text_terms"])
            batch = []
    RegisterEntry.objects.bulk_update(batch, ["heading_terms", "text_terms"])


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)
        schema_editor.execute(GUARD % MUTABLE_BEFORE, params=None)
    elif vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0012_lease_and_outbox")]
    operations = [
        migrations.AddField(
            model_name="registerentry",
            name="heading_terms",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="registerentry",
            name="text_terms",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(forward, backward),
    ]
