"""On PostgreSQL, every table that makes up a signed record refuses to change it (0004 covered only the draft's tables).

Once a meeting is justerat (or its minnesanteckningar approved):
- its §§, attendance, attachments, decisions, jäv, votes, reservations, § history (itemrevision), comments, the
  justerare (meeting_justerare) and its anslag refuse INSERT, UPDATE and DELETE; an UPDATE is checked against the
  meeting of the old row as well as the new one, so a row cannot be moved out of a frozen record either. The anslag
  and the sealed document are created by the freezing itself, so they may be inserted;
- an assignment may change only its follow-up columns (Assignment.MUTABLE_AFTER_FREEZE: status, closed_in).
Always, whatever the meeting's state:
- a protocol revision (snapshot, sha256, item_ids, everything) never changes after it is created; it is deleted only
  with a draft meeting, and never once anyone signed it;
- a signature changes only while its revision is open (the meeting under justering; an extract while the meeting
  is not frozen): pending -> signed / returned / void, and signed -> void (a new revision voids a full protocol's
  signatures); a signed one is never deleted;
- a sealed document (status done) never changes, and it is not deleted once done or once the meeting is frozen;
- a correction (rättelse) is insert-only;
- the register index of a frozen record is derived data: it may be deleted and rebuilt, but a row inserted for a
  frozen meeting must repeat the frozen §: its meeting, date, body, number, heading and decision (text, outcome,
  method); once inserted only is_public (the personal-data review) and search_vector (computed) change. The § text
  in the index (item_text) is HTML turned to text in Python and cannot be checked here.
A user account's deletion may still clear the user columns (ON DELETE SET NULL: created_by, author, uploaded_by).
On SQLite the migration does nothing.
"""

from django.db import migrations

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION meetings_meeting_of(kind text, row_data jsonb) RETURNS bigint AS $$
    SELECT CASE kind
        WHEN 'meeting' THEN (row_data->>'meeting_id')::bigint
        WHEN 'item' THEN (SELECT meeting_id FROM meetings_agendaitem WHERE id = (row_data->>'item_id')::bigint)
        WHEN 'decision' THEN (SELECT i.meeting_id FROM meetings_decision d
            JOIN meetings_agendaitem i ON i.id = d.item_id WHERE d.id = (row_data->>'decision_id')::bigint)
        WHEN 'revision' THEN (SELECT meeting_id FROM meetings_protocolrevision
            WHERE id = (row_data->>'revision_id')::bigint)
    END;
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION meetings_refuse(what text) RETURNS void AS $$
BEGIN
    RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (%).', what
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

-- TG_ARGV: how to find the meeting ('meeting', 'item', 'decision'), the columns that may still change once frozen
-- (comma-separated), and 'insert' when a row may be added to a frozen record.
CREATE OR REPLACE FUNCTION meetings_frozen_part() RETURNS trigger AS $$
DECLARE
    mutable text[] := string_to_array(coalesce(TG_ARGV[1], ''), ',');
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND meetings_is_frozen(meetings_meeting_of(TG_ARGV[0], to_jsonb(OLD))) THEN
        IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
            PERFORM meetings_refuse(TG_TABLE_NAME);
        END IF;
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

CREATE OR REPLACE FUNCTION meetings_frozen_revision() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF meetings_is_frozen(NEW.meeting_id) THEN PERFORM meetings_refuse(TG_TABLE_NAME); END IF;
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (to_jsonb(NEW) - 'created_by_id') IS DISTINCT FROM (to_jsonb(OLD) - 'created_by_id')
                OR (NEW.created_by_id IS NOT NULL AND NEW.created_by_id IS DISTINCT FROM OLD.created_by_id) THEN
            PERFORM meetings_refuse(TG_TABLE_NAME);
        END IF;
        RETURN NEW;
    END IF;
    IF meetings_is_frozen(OLD.meeting_id)
            OR EXISTS (SELECT 1 FROM meetings_signature WHERE revision_id = OLD.id AND status = 'signed') THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION meetings_frozen_signature() RETURNS trigger AS $$
DECLARE
    revision meetings_protocolrevision%ROWTYPE;
    meeting_status text;
    same_but_status boolean;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT * INTO revision FROM meetings_protocolrevision WHERE id = OLD.revision_id;
        IF OLD.status = 'signed' OR meetings_is_frozen(revision.meeting_id) THEN
            PERFORM meetings_refuse(TG_TABLE_NAME);
        END IF;
        RETURN OLD;
    END IF;
    SELECT * INTO revision FROM meetings_protocolrevision WHERE id = NEW.revision_id;
    SELECT status INTO meeting_status FROM meetings_meeting WHERE id = revision.meeting_id;
    IF meeting_status IN ('justerat', 'godkant') THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    IF TG_OP = 'INSERT' OR to_jsonb(NEW) = to_jsonb(OLD) THEN
        RETURN NEW;
    END IF;
    same_but_status := (to_jsonb(NEW) - 'status') = (to_jsonb(OLD) - 'status');
    IF NEW.revision_id <> OLD.revision_id OR NEW.person_id <> OLD.person_id OR NEW.role <> OLD.role
            OR (revision.kind = 'full' AND meeting_status <> 'under_justering')
            OR OLD.status IN ('returned', 'void')
            OR (OLD.status = 'signed' AND NOT (revision.kind = 'full' AND NEW.status = 'void' AND same_but_status)) THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION meetings_frozen_document() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'done' OR meetings_is_frozen(OLD.meeting_id) THEN PERFORM meetings_refuse(TG_TABLE_NAME); END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'done' AND to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD)
            OR NEW.meeting_id <> OLD.meeting_id OR NEW.revision_id <> OLD.revision_id THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION meetings_frozen_correction() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN RETURN NEW; END IF;
    IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'created_by_id') IS DISTINCT FROM (to_jsonb(OLD) - 'created_by_id')
            OR NEW.created_by_id IS NOT NULL AND NEW.created_by_id IS DISTINCT FROM OLD.created_by_id THEN
        PERFORM meetings_refuse(TG_TABLE_NAME);
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION meetings_frozen_register_entry() RETURNS trigger AS $$
DECLARE
    mutable text[] := ARRAY['is_public', 'search_vector'];
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

# table: (how to find its meeting, columns that may change once frozen, may a row be inserted once frozen)
PARTS = {
    "meetings_agendaitem": ("meeting", "", False),
    "meetings_attendance": ("meeting", "", False),
    "meetings_attachment": ("meeting", "uploaded_by_id", False),
    "meetings_meeting_justerare": ("meeting", "", False),
    "meetings_anslag": ("meeting", "", True),
    "meetings_decision": ("item", "", False),
    "meetings_recusal": ("item", "", False),
    "meetings_assignment": ("item", "status,closed_in_id", False),
    "meetings_itemrevision": ("item", "author_id", False),
    "meetings_itemcomment": ("item", "", False),
    "meetings_vote": ("decision", "", False),
    "meetings_reservation": ("decision", "", False),
}
# The tables 0004 guarded with meetings_refuse_frozen_part (which looked at the new row only).
GUARDED_BY_0004 = [
    "meetings_agendaitem",
    "meetings_attendance",
    "meetings_attachment",
    "meetings_decision",
    "meetings_recusal",
    "meetings_vote",
    "meetings_reservation",
]
WHOLE_ROW = {
    "meetings_protocolrevision": "meetings_frozen_revision",
    "meetings_signature": "meetings_frozen_signature",
    "meetings_signeddocument": "meetings_frozen_document",
    "meetings_correction": "meetings_frozen_correction",
    "meetings_registerentry": "meetings_frozen_register_entry",
}
NEW_FUNCTIONS = [
    "meetings_frozen_part()",
    "meetings_frozen_revision()",
    "meetings_frozen_signature()",
    "meetings_frozen_document()",
    "meetings_frozen_correction()",
    "meetings_frozen_register_entry()",
    "meetings_refuse(text)",
    "meetings_meeting_of(text, jsonb)",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTIONS, params=None)
    for table in GUARDED_BY_0004:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
    for table, (kind, mutable, insert) in PARTS.items():
        schema_editor.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION meetings_frozen_part('{kind}', '{mutable}', '{'insert' if insert else ''}')"
        )
    for table, function in WHOLE_ROW.items():
        schema_editor.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} FOR EACH ROW "
            f"EXECUTE FUNCTION {function}()"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in [*PARTS, *WHOLE_ROW]:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_frozen ON {table}")
    for function in NEW_FUNCTIONS:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}")
    for table in GUARDED_BY_0004:  # back to 0004's triggers, whose function is still there
        schema_editor.execute(
            f"CREATE TRIGGER {table}_frozen BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION meetings_refuse_frozen_part()"
        )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0010_pending_import")]
    operations = [migrations.RunPython(create, drop)]
