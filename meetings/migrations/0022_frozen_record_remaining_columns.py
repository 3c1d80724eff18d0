"""On PostgreSQL, the columns of a signed record that 0011 (and 0013, 0016) still let change, found by the
frozen-record tool (tests/meetings/justering/test_frozen_record_tool.py):

- a user column that ON DELETE SET NULL clears (itemrevision.author_id, attachment.uploaded_by_id) may become NULL
  when the user account is deleted, and nothing else: 0011 let it change to anyone;
- the projects of a justerat § or decision (the many-to-many tables agendaitem_projects, decision_projects) are part
  of the record, like its recipients;
- a meeting's personal-data review is recorded once: after publication (reviewed_at set) reviewed_at and updated
  never change, and reviewed_by_id only becomes NULL (the reviewer's account deleted);
- a register entry of a frozen record cannot be moved to another meeting (0013 looked at the new row only).

The functions keep their names and arguments, so the tables' triggers of 0011 use them as they are; the
register-entry function keeps 0013's derived columns. On SQLite the migration does nothing.
"""

from django.db import migrations

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION meetings_meeting_of(kind text, row_data jsonb) RETURNS bigint AS $$
    SELECT CASE kind
        WHEN 'meeting' THEN (row_data->>'meeting_id')::bigint
        WHEN 'item' THEN (SELECT meeting_id FROM meetings_agendaitem WHERE id = (row_data->>'item_id')::bigint)
        WHEN 'agendaitem' THEN (SELECT meeting_id FROM meetings_agendaitem
            WHERE id = (row_data->>'agendaitem_id')::bigint)
        WHEN 'decision' THEN (SELECT i.meeting_id FROM meetings_decision d
            JOIN meetings_agendaitem i ON i.id = d.item_id WHERE d.id = (row_data->>'decision_id')::bigint)
        WHEN 'revision' THEN (SELECT meeting_id FROM meetings_protocolrevision
            WHERE id = (row_data->>'revision_id')::bigint)
    END;
$$ LANGUAGE sql STABLE;

-- TG_ARGV: how to find the meeting ('meeting', 'item', 'agendaitem', 'decision'), the columns that may still change
-- once frozen (comma-separated), 'insert' when a row may be added to a frozen record, and the columns that may only
-- become NULL once frozen (comma-separated: a deleted user account).
CREATE OR REPLACE FUNCTION meetings_frozen_part() RETURNS trigger AS $$
DECLARE
    mutable text[] := string_to_array(coalesce(TG_ARGV[1], ''), ',');
    clearable text[] := string_to_array(coalesce(TG_ARGV[3], ''), ',');
    cleared text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND meetings_is_frozen(meetings_meeting_of(TG_ARGV[0], to_jsonb(OLD))) THEN
        IF TG_OP = 'DELETE'
                OR (to_jsonb(NEW) - mutable - clearable) IS DISTINCT FROM (to_jsonb(OLD) - mutable - clearable) THEN
            PERFORM meetings_refuse(TG_TABLE_NAME);
        END IF;
        FOREACH cleared IN ARRAY clearable LOOP
            IF to_jsonb(NEW)->cleared <> 'null'::jsonb AND to_jsonb(NEW)->cleared <> to_jsonb(OLD)->cleared THEN
                PERFORM meetings_refuse(TG_TABLE_NAME);
            END IF;
        END LOOP;
    END IF;
    IF TG_OP = 'INSERT' AND coalesce(TG_ARGV[2], '') <> 'insert'
            AND meetings_is_frozen(meetings_meeting_of(TG_ARGV[0], to_jsonb(NEW))) THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    IF TG_OP = 'UPDATE' AND meetings_is_frozen(meetings_meeting_of(TG_ARGV[0], to_jsonb(NEW)))
            AND meetings_meeting_of(TG_ARGV[0], to_jsonb(NEW))
                IS DISTINCT FROM meetings_meeting_of(TG_ARGV[0], to_jsonb(OLD)) THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION meetings_refuse_frozen_meeting() RETURNS trigger AS $$
DECLARE
    -- Before publication the personal-data review may be recorded; after it, only a deleted reviewer is cleared.
    mutable text[] := CASE WHEN OLD.reviewed_at IS NULL THEN ARRAY['reviewed_at', 'reviewed_by_id', 'updated']
        ELSE ARRAY['reviewed_by_id'] END;
BEGIN
    IF OLD.status NOT IN ('justerat', 'godkant') THEN
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable)
            OR (OLD.reviewed_at IS NOT NULL AND NEW.reviewed_by_id IS NOT NULL
                AND NEW.reviewed_by_id IS DISTINCT FROM OLD.reviewed_by_id) THEN
        RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras.'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION meetings_frozen_register_entry() RETURNS trigger AS $$
DECLARE
    mutable text[] := ARRAY['is_public', 'search_vector', 'heading_terms', 'text_terms'];
BEGIN
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;  -- derived data: a rebuild deletes, then inserts from the frozen record
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (meetings_is_frozen(OLD.meeting_id) OR meetings_is_frozen(NEW.meeting_id))
                AND (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
            PERFORM meetings_refuse(TG_TABLE_NAME);
        END IF;
        RETURN NEW;
    END IF;
    IF NOT meetings_is_frozen(NEW.meeting_id) THEN
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

# table: the trigger arguments of meetings_frozen_part (meeting, mutable, insert, clearable): as 0011 had them and
# as they are now.
RETRIGGERED = {
    "meetings_itemrevision": ("'item', 'author_id', ''", "'item', '', '', 'author_id'"),
    "meetings_attachment": ("'meeting', 'uploaded_by_id', ''", "'meeting', '', '', 'uploaded_by_id'"),
}
# The many-to-many tables of a § and of a decision, guarded for the first time.
NEWLY_GUARDED = {
    "meetings_agendaitem_projects": "'agendaitem', '', ''",
    "meetings_decision_projects": "'decision', '', ''",
}


def _trigger(schema_editor, table, arguments):
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
    schema_editor.execute(
        f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW "
        f"EXECUTE FUNCTION meetings_frozen_part({arguments})"
    )


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIONS, params=None)
    for table, (_before, now) in RETRIGGERED.items():
        _trigger(schema_editor, table, now)
    for table, arguments in NEWLY_GUARDED.items():
        _trigger(schema_editor, table, arguments)


def drop(apps, schema_editor):
    """Back to the triggers of 0011; the functions as changed here accept those triggers' arguments (the meeting's
    and the register's functions stay the stricter ones: a reverse migration does not loosen a signed record)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in NEWLY_GUARDED:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
    for table, (before, _now) in RETRIGGERED.items():
        _trigger(schema_editor, table, before)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0021_outgoing_mail_withdrawn_when_late")]
    operations = [migrations.RunPython(create, drop)]
