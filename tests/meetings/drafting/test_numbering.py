"""§ numbers of a body numbered through the year: unique per body and year, in date order whatever order the
meetings are planned or moved in; a signed record's numbers never change and are never given again."""

import datetime
from functools import partial

import pytest
from django.db import IntegrityError, connection, transaction

from federations.models import Body
from meetings.drafting import services
from meetings.justering import services as justering
from meetings.models import AgendaItem, ParagraphNumber
from tests.conftest import at_once, skip_unless
from tests.meetings.factories import plan_meeting, ready_to_send, sign_all


@pytest.fixture
def per_year(cast):
    cast.board.numbering = Body.Numbering.PER_YEAR
    cast.board.save()
    return cast


def span(meeting):
    return [item.number for item in meeting.items.order_by("position")]


def all_numbers(body, year):
    return sorted(
        AgendaItem.objects.filter(meeting__body=body, meeting__date__year=year).values_list("number", flat=True)
    )


def day(month, date=1):
    return datetime.date(2026, month, date)


def test_a_meeting_planned_before_a_later_draft_takes_its_place_in_date_order(per_year):
    february = plan_meeting(per_year, date=day(2))
    april = plan_meeting(per_year, date=day(4))
    assert (span(february), span(april)) == ([1, 2, 3, 4], [5, 6, 7, 8])
    march = plan_meeting(per_year, date=day(3))
    april.refresh_from_db()
    assert (span(march), span(april)) == ([5, 6, 7, 8], [9, 10, 11, 12])
    [change] = march.renumbered
    assert (change.meeting, change.before, change.after) == (april, "§ 5–8", "§ 9–12")
    assert all_numbers(per_year.board, 2026) == list(range(1, 13))


def test_moving_a_meeting_renumbers_both_years_it_touches(per_year):
    february = plan_meeting(per_year, date=day(2))
    april = plan_meeting(per_year, date=day(4))
    services.meeting_update(actor=None, meeting=february, date=day(5))
    assert (span(april), span(february)) == ([1, 2, 3, 4], [5, 6, 7, 8])
    services.meeting_update(actor=None, meeting=april, date=datetime.date(2027, 1, 15))
    assert span(february) == [1, 2, 3, 4] and span(april) == [1, 2, 3, 4]
    assert (
        ParagraphNumber.objects.filter(year=2027).count() == 4
        and ParagraphNumber.objects.filter(year=2026).count() == 4
    )


def test_a_justerat_protocols_numbers_never_change_and_are_never_given_again(
    per_year, django_capture_on_commit_callbacks
):
    february = ready_to_send(per_year, date=day(2))
    justering.protocol_send_for_justering(actor=None, meeting=february)
    with django_capture_on_commit_callbacks(execute=True):
        sign_all(per_year, february)
    january = plan_meeting(per_year, date=day(1))  # planned afterwards, before it in the year
    assert span(february) == [1, 2, 3, 4]
    assert span(january) == [5, 6, 7, 8]
    march = plan_meeting(per_year, date=day(3))
    assert span(march) == [9, 10, 11, 12]
    assert all_numbers(per_year.board, 2026) == list(range(1, 13))


def test_a_protocol_out_for_justering_keeps_its_numbers(per_year):
    april = ready_to_send(per_year, date=day(4))
    justering.protocol_send_for_justering(actor=None, meeting=april)
    march = plan_meeting(per_year, date=day(3))
    assert span(april) == [1, 2, 3, 4] and span(march) == [5, 6, 7, 8]


def test_adding_a_paragraph_renumbers_the_later_drafts(per_year):
    february = plan_meeting(per_year, date=day(2))
    april = plan_meeting(per_year, date=day(4))
    services.item_add(actor=None, meeting=february, heading="Budget 2027")
    april.refresh_from_db()
    assert span(february) == [1, 2, 3, 4, 5] and span(april) == [6, 7, 8, 9]


def test_the_database_refuses_a_number_given_twice(per_year):
    february = plan_meeting(per_year, date=day(2))
    april = plan_meeting(per_year, date=day(4))
    with pytest.raises(IntegrityError), transaction.atomic():
        ParagraphNumber.objects.create(body=per_year.board, year=2026, number=1, item=april.items.first())
    assert {p.number for p in ParagraphNumber.objects.filter(item__meeting=february)} == {1, 2, 3, 4}


def test_a_body_numbered_per_meeting_starts_each_protocol_at_one(cast):
    plan_meeting(cast, date=day(2))
    assert span(plan_meeting(cast, date=day(1))) == [1, 2, 3, 4]
    assert not ParagraphNumber.objects.exists()


def test_the_secretary_is_told_which_meeting_was_renumbered(per_year, client_for):
    plan_meeting(per_year, date=day(4))
    client = client_for("secretary")
    response = client.post(
        "/moten/nytt/",
        {"body": per_year.board.pk, "date": "2026-03-01", "record_kind": "protokoll", "start_time": "09:00"},
        follow=True,
    )
    assert "Paragraferna i Styrelse 1 april 2026 har numrerats om från § 1–4 till § 5–8." in response.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_secretaries_planning_at_once_never_share_a_number(per_year):
    skip_unless(connection.vendor == "postgresql", "concurrent planning needs real row locks (PostgreSQL)")
    secretary = per_year.user("secretary")
    plans = (
        partial(services.meeting_create, actor=secretary, body=per_year.board, date=day(m, 10))
        for m in (6, 2, 9, 4, 11, 1)
    )
    errors = at_once(*plans)
    assert not errors, errors
    assert all_numbers(per_year.board, 2026) == list(range(1, 25))
    by_date = [span(m) for m in per_year.board.meetings.order_by("date")]
    assert [numbers[0] for numbers in by_date] == [1, 5, 9, 13, 17, 21]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_protocol_sent_while_an_earlier_meeting_is_planned_is_signed_with_the_numbers_it_keeps(per_year):
    """Planning renumbers the later drafts; sending one of them fixes its numbers. Raced in real threads, the
    revision the signers get always holds the numbers the § rows keep (each round in a year of its own)."""
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    secretary = per_year.user("secretary")
    differing = 0
    for year in range(2010, 2020):  # held meetings: a protocol is sent after its meeting
        later = ready_to_send(per_year, date=datetime.date(year, 12, 1))
        errors = at_once(
            partial(justering.protocol_send_for_justering, actor=secretary, meeting=later),
            partial(services.meeting_create, actor=secretary, body=per_year.board, date=datetime.date(year, 1, 10)),
        )
        assert not errors, errors
        signed = {i["id"]: i["number"] for i in later.revisions.get(number=1).snapshot["items"]}
        differing += signed != dict(later.items.values_list("pk", "number"))
        numbers = all_numbers(per_year.board, year)
        assert len(numbers) == len(set(numbers)) == 8
    assert differing == 0
