"""A justerat record cannot change: not through services, the ORM, or (on PostgreSQL) raw SQL."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from meetings.anslag.services import personal_data_review
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.justering import tasks
from meetings.models import AgendaItem, Assignment, Decision, Meeting, RegisterEntry, SignedDocument
from meetings.register.indexing import index_meeting
from tests.conftest import on_the_tests_day, skip_unless
from tests.meetings.factories import justera, plan_meeting, ready_to_send, sign_all

pytestmark = on_the_tests_day


@pytest.fixture
def justerat(cast):
    meeting = plan_meeting(cast)
    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att godkänna dagordningen.")
    services.assignment_create(actor=None, item=item, decision=decision, what="Följa upp", owner_name="Sara")
    return justera(cast, meeting)


def test_the_orm_refuses_to_change_a_justerat_paragraph(justerat):
    item = justerat.items.get(number=3)
    item.text = "<p>Ändrad i efterhand</p>"
    with pytest.raises(ValidationError, match="justerat"):
        item.save()
    with pytest.raises(ValidationError):
        item.delete()
    with pytest.raises(ValidationError):
        AgendaItem.objects.create(meeting=justerat, position=99, heading="Nytt i efterhand")


def test_the_orm_refuses_to_change_a_decision_or_the_meeting(justerat):
    decision = Decision.objects.get(item__meeting=justerat)
    decision.text = "Något annat"
    with pytest.raises(ValidationError):
        decision.save()
    justerat.place = "Någon annanstans"
    with pytest.raises(ValidationError):
        justerat.save()
    with pytest.raises(ValidationError):
        justerat.delete()


def test_the_personal_data_review_can_still_be_recorded(justerat):
    from django.utils import timezone

    justerat.reviewed_at = timezone.now()
    justerat.save(update_fields=["reviewed_at"])


def test_an_assignment_is_still_followed_up_after_justering(justerat):
    assignment = Assignment.objects.get(item__meeting=justerat)
    assignment.status = Assignment.Status.DONE
    assignment.save(update_fields=["status"])
    assignment.what = "Något annat"
    with pytest.raises(ValidationError):
        assignment.save()


def test_services_refuse_with_a_clear_message(justerat):
    item = justerat.items.get(number=1)
    with pytest.raises(ValidationError, match="Skriv en rättelse"):
        services.item_save_text(actor=None, item_id=item.pk, heading="X", text="Y", base_version=item.version)


@pytest.mark.postgres
def test_the_database_refuses_raw_sql_on_postgresql(justerat):
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    item = justerat.items.get(number=3)
    statements = [
        ("UPDATE meetings_agendaitem SET text = 'x' WHERE id = %s", [item.pk]),
        ("DELETE FROM meetings_decision WHERE item_id = %s", [item.pk]),
        ("UPDATE meetings_meeting SET place = 'x' WHERE id = %s", [justerat.pk]),
        ("DELETE FROM meetings_meeting WHERE id = %s", [justerat.pk]),
    ]
    for sql, params in statements:
        with pytest.raises(IntegrityError, match="justerat"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, params)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE meetings_meeting SET reviewed_at = now() WHERE id = %s", [justerat.pk])


@pytest.fixture
def signed_record(cast, django_capture_on_commit_callbacks):
    """A protocol that went the whole way: commented, signed by everyone, sealed, posted, indexed, corrected."""
    meeting = ready_to_send(cast)
    item = meeting.items.get(number=3)
    services.assignment_create(actor=None, item=item, what="Följa upp", owner_name="Sara")
    services.item_save_text(actor=None, item_id=item.pk, heading=item.heading, text="<p>Skäl</p>", base_version=1)
    decision = item.decisions.get()
    services.decision_save(
        actor=None, item=item, decision=decision, text=decision.text, recipient_emails=["registrator@testby.se"]
    )
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    justering.comment_add(actor=cast.user("chair"), meeting=meeting, item=item, text="Bra.")
    with django_capture_on_commit_callbacks(execute=True):
        sign_all(cast, meeting)
    justering.correction_add(actor=None, item=item, text="Rättelse: datumet.")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    assert SignedDocument.objects.get(meeting=meeting).status == SignedDocument.Status.DONE  # the task finished
    return meeting


def _statements(meeting, draft, stranger):
    m = meeting.pk
    revisions = list(meeting.revisions.values_list("pk", flat=True))
    items = list(meeting.items.values_list("pk", flat=True))
    return {
        "meetings_protocolrevision": [
            ("UPDATE meetings_protocolrevision SET snapshot = '{}' WHERE meeting_id = %s", [m]),
            ("UPDATE meetings_protocolrevision SET sha256 = repeat('0', 64) WHERE meeting_id = %s", [m]),
            ("DELETE FROM meetings_protocolrevision WHERE meeting_id = %s", [m]),
        ],
        "meetings_signature": [
            (
                "UPDATE meetings_signature SET signed_at = now() WHERE revision_id = ANY(%s)",
                [revisions],
            ),
            (
                "UPDATE meetings_signature SET status = 'void' WHERE revision_id = ANY(%s)",
                [revisions],
            ),
            (
                "DELETE FROM meetings_signature WHERE revision_id = ANY(%s)",
                [revisions],
            ),
        ],
        "meetings_signeddocument": [
            ("UPDATE meetings_signeddocument SET sha256 = repeat('0', 64) WHERE meeting_id = %s", [m]),
            ("DELETE FROM meetings_signeddocument WHERE meeting_id = %s", [m]),
        ],
        "meetings_anslag": [
            ("UPDATE meetings_anslag SET appeal_until = appeal_until + 30 WHERE meeting_id = %s", [m]),
            ("DELETE FROM meetings_anslag WHERE meeting_id = %s", [m]),
        ],
        "meetings_meeting_justerare": [
            ("UPDATE meetings_meeting_justerare SET person_id = %s WHERE meeting_id = %s", [stranger.pk, m]),
            ("DELETE FROM meetings_meeting_justerare WHERE meeting_id = %s", [m]),
        ],
        "meetings_assignment": [
            (
                "UPDATE meetings_assignment SET what = 'Något annat' WHERE item_id = ANY(%s)",
                [items],
            ),
            (
                "DELETE FROM meetings_assignment WHERE item_id = ANY(%s)",
                [items],
            ),
        ],
        "meetings_itemrevision": [
            (
                "UPDATE meetings_itemrevision SET text = 'x' WHERE item_id = ANY(%s)",
                [items],
            ),
            (
                "DELETE FROM meetings_itemrevision WHERE item_id = ANY(%s)",
                [items],
            ),
        ],
        "meetings_itemcomment": [
            (
                "UPDATE meetings_itemcomment SET text = 'x' WHERE item_id = ANY(%s)",
                [items],
            ),
            (
                "DELETE FROM meetings_itemcomment WHERE item_id = ANY(%s)",
                [items],
            ),
        ],
        "meetings_correction": [
            (
                "UPDATE meetings_correction SET text = 'x' WHERE item_id = ANY(%s)",
                [items],
            ),
            (
                "DELETE FROM meetings_correction WHERE item_id = ANY(%s)",
                [items],
            ),
        ],
        "meetings_registerentry": [
            ("UPDATE meetings_registerentry SET decision_text = 'Förfalskat' WHERE meeting_id = %s", [m]),
            (
                (
                    "INSERT INTO meetings_registerentry (meeting_id, item_id, decision_id, federation_id, network_id, "
                    "body_id, body_kind, date, number, heading, item_text, decision_text, outcome, method, is_public) "
                    "SELECT meeting_id, item_id, NULL, federation_id, network_id, body_id, body_kind, date, number, "
                    "heading, item_text, 'Förfalskat beslut', outcome, method, is_public "
                    "FROM meetings_registerentry WHERE meeting_id = %s"
                ),
                [m],
            ),
        ],
        "meetings_agendaitem": [
            ("UPDATE meetings_agendaitem SET meeting_id = %s WHERE meeting_id = %s AND number = 1", [draft.pk, m]),
        ],
        "meetings_decisionrecipient": [
            (
                "UPDATE meetings_decisionrecipient SET email = 'annan@example.se' WHERE decision_id IN "
                "(SELECT id FROM meetings_decision WHERE item_id = ANY(%s))",
                [items],
            ),
            (
                "DELETE FROM meetings_decisionrecipient WHERE decision_id IN "
                "(SELECT id FROM meetings_decision WHERE item_id = ANY(%s))",
                [items],
            ),
            (
                "INSERT INTO meetings_decisionrecipient (decision_id, email) "
                "SELECT id, 'till@example.se' FROM meetings_decision WHERE item_id = ANY(%s)",
                [items],
            ),
        ],
    }


@pytest.mark.postgres
def test_the_database_refuses_every_change_to_the_signed_record(signed_record, cast):
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    draft = plan_meeting(cast, date=signed_record.date + datetime.timedelta(days=30))
    for table, statements in _statements(signed_record, draft, cast.substitute).items():
        for sql, params in statements:
            refused = pytest.raises(IntegrityError, match=f"justerat.*{table}")
            with refused, transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, params)
                print("not refused:", sql)  # shown only when the statement went through


@pytest.mark.postgres
def test_the_legitimate_writes_after_justering_still_pass_the_database(signed_record, cast):
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    personal_data_review(actor=cast.user("secretary"), meeting=signed_record)
    entries = RegisterEntry.objects.filter(meeting=signed_record)
    assert entries.exists() and all(entry.is_public for entry in entries)
    assert index_meeting(signed_record) == entries.count()  # the index is rebuilt from the frozen record
    later = plan_meeting(cast, date=signed_record.date + datetime.timedelta(days=30))
    assignment = Assignment.objects.get(item__meeting=signed_record)
    follow_up = later.items.get(heading=services.FOLLOW_UP_HEADING)
    services.assignment_follow_up(actor=cast.user("secretary"), assignment=assignment, item=follow_up, done=True)
    assert Assignment.objects.get(pk=assignment.pk).closed_in == follow_up


@pytest.mark.postgres
def test_a_failed_pdf_is_retried_and_finished_under_the_trigger(cast, django_capture_on_commit_callbacks):
    skip_unless(connection.vendor == "postgresql", "the database trigger exists on PostgreSQL only")
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    failing = mock.patch.object(tasks, "build_signed_pdf", side_effect=ValueError("trasig"))
    with failing, django_capture_on_commit_callbacks(execute=True):
        sign_all(cast, meeting)
    document = SignedDocument.objects.get(meeting=meeting)
    assert document.status == SignedDocument.Status.FAILED
    with django_capture_on_commit_callbacks(execute=True):
        justering.document_retry(actor=cast.user("secretary"), document=document)
    document.refresh_from_db()
    assert document.status == SignedDocument.Status.DONE and document.sha256
