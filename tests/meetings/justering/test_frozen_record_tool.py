"""The frozen-record tool: every column of every table of the record, changed by raw SQL on a justerat record and on
a published one. The database must refuse each change, except the columns of the allow-lists below, each with why.

The tables come from the models (a new model must be sorted into RECORD or NOT_RECORD before this passes) and the
columns from information_schema (a new column is tried without anyone adding it here).
"""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction

from federations.models import Body, Project
from meetings.anslag.services import personal_data_review
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import Meeting, SignedDocument
from tests.conftest import skip_unless
from tests.meetings.factories import ready_to_send, sign_all

pytestmark = pytest.mark.postgres

DECISION_MEETING = (
    "(SELECT i.meeting_id FROM meetings_decision d JOIN meetings_agendaitem i ON i.id = d.item_id "
    "WHERE d.id = r.decision_id)"
)
# Each table of the record: how its rows find their meeting (SQL giving the meeting's id of row `r`).
RECORD = {
    "meetings_meeting": "r.id",
    "meetings_meeting_justerare": "r.meeting_id",
    "meetings_agendaitem": "r.meeting_id",
    "meetings_attendance": "r.meeting_id",
    "meetings_attachment": "r.meeting_id",
    "meetings_anslag": "r.meeting_id",
    "meetings_protocolrevision": "r.meeting_id",
    "meetings_signeddocument": "r.meeting_id",
    "meetings_registerentry": "r.meeting_id",
    "meetings_decision": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.item_id)",
    "meetings_recusal": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.item_id)",
    "meetings_assignment": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.item_id)",
    "meetings_itemrevision": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.item_id)",
    "meetings_itemcomment": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.item_id)",
    "meetings_correction": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.item_id)",
    "meetings_signature": "(SELECT meeting_id FROM meetings_protocolrevision WHERE id = r.revision_id)",
    "meetings_vote": DECISION_MEETING,
    "meetings_reservation": DECISION_MEETING,
    "meetings_decisionrecipient": DECISION_MEETING,
    "meetings_decision_projects": DECISION_MEETING,
    "meetings_agendaitem_projects": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.agendaitem_id)",
    "meetings_paragraphnumber": "(SELECT meeting_id FROM meetings_agendaitem WHERE id = r.item_id)",
}
# Tables of the app that are not the record, and why.
NOT_RECORD = {
    "meetings_outgoingmail": "the outbox: delivery state of e-mail about the record, not the record",
    "meetings_appeal": "the federation's note that the record was appealed, kept as it learns more",
    "meetings_pendingimport": "the importer's working state",
    "meetings_exportjob": "a user's export of the register in the making: a file about the record, not the record",
    "meetings_importbatch": "the importer's working state",
    "meetings_importdocument": "the importer's working state",
    "meetings_registerterm": "the register's vocabulary, derived from all records and rebuilt",
}

# Columns that may still change once the record is justerat, and why. Keys: (table, column).
ALLOWED_WHEN_JUSTERAT = {
    # The personal-data review is recorded after justering: it publishes the record.
    ("meetings_meeting", "reviewed_at"),
    ("meetings_meeting", "reviewed_by_id"),
    ("meetings_meeting", "updated"),
    # An assignment is followed up at later meetings.
    ("meetings_assignment", "status"),
    ("meetings_assignment", "closed_in_id"),
    # The register index is derived: it is made public by the review, and its terms (a better lexicon re-indexes)
    # and search vector are computed.
    ("meetings_registerentry", "is_public"),
    ("meetings_registerentry", "search_vector"),
    ("meetings_registerentry", "heading_terms"),
    ("meetings_registerentry", "text_terms"),
}
# Once published, the review is done, too.
ALLOWED_WHEN_PUBLISHED = ALLOWED_WHEN_JUSTERAT - {
    ("meetings_meeting", "reviewed_at"),
    ("meetings_meeting", "reviewed_by_id"),
    ("meetings_meeting", "updated"),
}
# Columns that may become NULL, and only NULL: deleting a user account clears them (ON DELETE SET NULL). Any other
# change to them is refused like the rest.
CLEARED_WITH_THE_USER = {
    ("meetings_attachment", "uploaded_by_id"),
    ("meetings_itemrevision", "author_id"),
    ("meetings_protocolrevision", "created_by_id"),
    ("meetings_correction", "created_by_id"),
}
CLEARED_WITH_THE_USER_WHEN_PUBLISHED = {("meetings_meeting", "reviewed_by_id")}


def changed(column, data_type):
    """An SQL expression giving the column a value different from the one it has, of its own type."""
    text = f"CASE WHEN {column} = 'x' THEN 'y' ELSE 'x' END"
    return {
        "boolean": f"NOT coalesce({column}, false)",
        "smallint": f"coalesce({column}, 0) + 1",
        "integer": f"coalesce({column}, 0) + 1",
        "bigint": f"coalesce({column}, 0) + 1",
        "numeric": f"coalesce({column}, 0) + 1",
        "character varying": text,
        "text": text,
        "date": f"coalesce({column}, DATE '2000-01-01') + 1",
        "time without time zone": f"coalesce({column}, TIME '08:00') + INTERVAL '1 minute'",
        "timestamp with time zone": f"coalesce({column}, now()) + INTERVAL '1 day'",
        "jsonb": f"""CASE WHEN {column} = '{{"x": 1}}' THEN '{{"y": 1}}'::jsonb ELSE '{{"x": 1}}'::jsonb END""",
        "tsvector": f"{column} || to_tsvector('simple', 'förfalskat')",
        "uuid": "gen_random_uuid()",
        "inet": f"coalesce({column}, inet '192.0.2.1') + 1",
        "ARRAY": f"array_append({column}, 0)",
    }[data_type]


def columns(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s ORDER BY 1", [table]
        )
        return cursor.fetchall()


def one_row(table, meeting):
    with connection.cursor() as cursor:
        query = f"SELECT r.id FROM {table} r WHERE {RECORD[table]} = %s ORDER BY r.id LIMIT 1"  # noqa: S608 our names
        cursor.execute(query, [meeting.pk])
        row = cursor.fetchone()
    return row[0] if row else None


def attempt(sql, params):
    """'refused' (by the frozen-record trigger), 'passed', or the other error."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
            transaction.set_rollback(True)  # tried, never kept
    except IntegrityError as exc:
        return "refused" if "justerat" in str(exc) else f"other: {exc}"
    return "passed"


def frozen_record_report(meeting, allowed, cleared):
    """What the database did with each change: {(table, column, tried): outcome} for the surprises only."""
    surprises = {}
    for table in RECORD:
        row = one_row(table, meeting)
        assert row is not None, f"the record has no row in {table} to try"
        for column, data_type in columns(table):
            update = f"UPDATE {table} SET {column} = {{}} WHERE id = %s"  # noqa: S608 names from the schema
            outcome = attempt(update.format(changed(column, data_type)), [row])
            if (outcome == "refused") == ((table, column) in allowed):
                surprises[(table, column, "change")] = outcome
            if (table, column) in cleared and (outcome := attempt(update.format("NULL"), [row])) != "passed":
                surprises[(table, column, "cleared")] = outcome
    return surprises


def as_lines(surprises):
    return "\n".join(f"{table}.{column} ({tried}): {outcome}" for (table, column, tried), outcome in surprises.items())


@pytest.fixture
def signed_record(cast, django_capture_on_commit_callbacks, settings, tmp_path):
    """A protocol with a row in every table of the record: attachments, projects, jäv, votes, a reservation, recipients,
    comments, an assignment, signed, sealed, posted, indexed and corrected."""
    settings.MEDIA_ROOT = tmp_path / "media"
    secretary = cast.user("secretary")
    cast.board.numbering = Body.Numbering.PER_YEAR  # its §§ have rows in the body's year of numbers
    cast.board.save()
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    decision = item.decisions.get()
    chair, member = (meeting.attendances.get(person=p) for p in (cast.chair, cast.member))
    services.attachment_add(
        actor=secretary, meeting=meeting, item=item, upload=SimpleUploadedFile("underlag.txt", b"Underlag")
    )
    services.item_save_text(actor=secretary, item_id=item.pk, heading=item.heading, text="<p>Skäl</p>", base_version=1)
    services.recusal_set(actor=secretary, item=meeting.items.get(number=1), attendance=member, recused=True)
    services.votes_set(actor=secretary, decision=decision, choices={chair.pk: "ja", member.pk: "nej"})
    services.reservation_set(actor=secretary, decision=decision, attendance=member, reason="Emot.")
    project = Project.objects.create(name="Steget", slug="steget", kind=Project.Kind.INDIVIDUAL, owner=cast.federation)
    services.item_update_details(actor=secretary, item=item, projects=[project])
    services.decision_save(
        actor=secretary,
        item=item,
        decision=decision,
        text=decision.text,
        recipient_emails=["registrator@testby.se"],
        projects=[project],
    )
    services.assignment_create(actor=secretary, item=item, decision=decision, what="Följa upp", owner_name="Sara")
    justering.protocol_send_for_justering(actor=secretary, meeting=meeting)
    justering.comment_add(actor=cast.user("chair"), meeting=meeting, item=item, text="Bra.")
    with django_capture_on_commit_callbacks(execute=True):
        sign_all(cast, meeting)
    justering.correction_add(actor=secretary, item=item, text="Rättelse: datumet.")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    assert SignedDocument.objects.get(meeting=meeting).status == SignedDocument.Status.DONE
    return meeting


def test_every_table_of_the_app_is_sorted_into_the_record_or_not():
    tables = {model._meta.db_table for model in apps.get_app_config("meetings").get_models(include_auto_created=True)}
    assert tables == set(RECORD) | set(NOT_RECORD)


def test_no_column_of_a_justerat_record_changes_but_the_allowed(signed_record):
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    surprises = frozen_record_report(signed_record, ALLOWED_WHEN_JUSTERAT, CLEARED_WITH_THE_USER)
    assert not surprises, as_lines(surprises)


def test_no_column_of_a_published_record_changes_but_the_allowed(signed_record, cast):
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    personal_data_review(actor=cast.user("secretary"), meeting=signed_record)
    cleared = CLEARED_WITH_THE_USER | CLEARED_WITH_THE_USER_WHEN_PUBLISHED
    surprises = frozen_record_report(signed_record, ALLOWED_WHEN_PUBLISHED, cleared)
    assert not surprises, as_lines(surprises)


def test_a_user_who_reviewed_a_published_record_can_still_be_deleted(signed_record, cast):
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    reviewer = cast.user("admin")
    personal_data_review(actor=reviewer, meeting=signed_record)
    reviewed_at = Meeting.objects.get(pk=signed_record.pk).reviewed_at
    reviewer.delete()
    meeting = Meeting.objects.get(pk=signed_record.pk)
    assert meeting.reviewed_by is None and meeting.reviewed_at == reviewed_at


def test_the_review_is_recorded_once_and_then_the_meeting_is_frozen_whole(signed_record, cast):
    personal_data_review(actor=cast.user("secretary"), meeting=signed_record)
    with pytest.raises(ValidationError, match="redan granskat"):
        personal_data_review(actor=cast.user("admin"), meeting=signed_record)
    meeting = Meeting.objects.get(pk=signed_record.pk)
    meeting.reviewed_at = None
    with pytest.raises(ValidationError, match="justerat"):
        meeting.save(update_fields=["reviewed_at"])
