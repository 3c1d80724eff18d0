"""On PostgreSQL, the database itself refuses any change to a justerat (or approved) record.

The model layer refuses the same (meetings.models.GuardedByMeeting); this catches raw SQL, bulk updates and
anything else that bypasses the models. On SQLite the migration does nothing.
"""

from django.db import migrations

GUARDED_BY_MEETING = ["meetings_agendaitem", "meetings_attendance", "meetings_attachment"]
GUARDED_BY_ITEM = ["meetings_decision", "meetings_recusal"]
GUARDED_BY_DECISION = ["meetings_vote", "meetings_reservation"]
ALL_TABLES = GUARDED_BY_MEETING + GUARDED_BY_ITEM + GUARDED_BY_DECISION

FUNCTIONS = """
CREATE OR REPLACE FUNCTION meetings_is_frozen(meeting bigint) RETURNS boolean AS $$
    SELECT EXISTS (SELECT 1 FROM meetings_meeting WHERE id = meeting AND status IN ('justerat', 'godkant'));
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION meetings_refuse_frozen_part() RETURNS trigger AS $$
DECLARE
    row_data record;
    meeting bigint;
BEGIN
    IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
    IF TG_TABLE_NAME IN ('meetings_agendaitem', 'meetings_attendance', 'meetings_attachment') THEN
        meeting := row_data.meeting_id;
    ELSIF TG_TABLE_NAME IN ('meetings_decision', 'meetings_recusal') THEN
        SELECT meeting_id INTO meeting FROM meetings_agendaitem WHERE id = row_data.item_id;
    ELSE
        SELECT i.meeting_id INTO meeting FROM meetings_decision d
            JOIN meetings_agendaitem i ON i.id = d.item_id WHERE d.id = row_data.decision_id;
    END IF;
    IF meetings_is_frozen(meeting) THEN
        RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (%).', TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION meetings_refuse_frozen_meeting() RETURNS trigger AS $$
DECLARE
    mutable text[] := ARRAY['reviewed_at', 'reviewed_by_id', 'updated'];
BEGIN
    IF OLD.status NOT IN ('justerat', 'godkant') THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
        RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras.'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIONS, params=None)
    schema_editor.execute(
        "CREATE TRIGGER meetings_meeting_frozen BEFORE UPDATE OR DELETE ON meetings_meeting "
        "FOR EACH ROW EXECUTE FUNCTION meetings_refuse_frozen_meeting()"
    )
    for table in ALL_TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION meetings_refuse_frozen_part()"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TRIGGER IF EXISTS meetings_meeting_frozen ON meetings_meeting")
    for table in ALL_TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
    schema_editor.execute(
        "DROP FUNCTION IF EXISTS meetings_refuse_frozen_part(); DROP FUNCTION IF EXISTS meetings_refuse_frozen_meeting();"
        " DROP FUNCTION IF EXISTS meetings_is_frozen(bigint);"
    )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_justering")]
    operations = [migrations.RunPython(create, drop)]
