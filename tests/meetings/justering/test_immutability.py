"""A justerat record cannot change: not through services, the ORM, or (on PostgreSQL) raw SQL."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from meetings.drafting import services
from meetings.models import AgendaItem, Assignment, Decision, Meeting
from tests.conftest import skip_unless
from tests.meetings.factories import plan_meeting


@pytest.fixture
def justerat(cast):
    meeting = plan_meeting(cast)
    item = meeting.items.get(number=3)
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att godkänna dagordningen.")
    services.assignment_create(actor=None, item=item, decision=decision, what="Följa upp", owner_name="Sara")
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.JUSTERAT)
    meeting.refresh_from_db()
    return meeting


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
