"""Drafting services: agenda and § numbers, autosave and conflicts, attendance, decisions, attachments."""

import datetime
from functools import partial

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from federations.models import Body, Mandate, Person
from meetings.drafting import selectors, services
from meetings.models import AgendaItem, Attachment, Attendance, Decision, ItemRevision, Meeting
from tests.conftest import at_once, on_the_tests_day, skip_unless
from tests.meetings.factories import justera, plan_meeting

pytestmark = on_the_tests_day


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


def numbers(meeting):
    return [(item.number, item.heading) for item in meeting.items.order_by("position")]


def test_a_new_protocol_starts_with_the_standard_opening_items(meeting):
    assert numbers(meeting) == [
        (1, "Mötets öppnande"),
        (2, "Val av justerare"),
        (3, "Godkännande av dagordningen"),
        (4, "Föregående protokoll"),
    ]


def test_minnesanteckningar_start_empty(cast):
    meeting = plan_meeting(cast, record_kind="minnesanteckningar")
    assert meeting.items.count() == 0


def test_attendance_is_prefilled_from_the_mandates_on_the_meeting_date(cast, meeting):
    names = [(a.display_name, a.role) for a in meeting.attendances.order_by("position")]
    assert names == [("Cecilia Ordförande", "ordforande"), ("Maja Ledamot", "ledamot"), ("Erik Ersättare", "ersattare")]


def test_personal_ersattare_are_called_in_the_order_of_their_ledamot_and_names_sort_the_swedish_way(cast):
    since = datetime.date(2020, 1, 1)
    seats = {}
    for name in ["Örjan Öst", "Åsa Ås", "Anders Al", "Ärla Äng"]:
        person = Person.objects.create(name=name)
        seats[name] = Mandate.objects.create(
            person=person, body=cast.board, role=Mandate.Role.MEMBER, organisation=cast.kommun, start=since
        )
    for name, stands_in_for in [("Bo Först", "Örjan Öst"), ("Öivind Sist", "Anders Al")]:
        Mandate.objects.create(
            person=Person.objects.create(name=name),
            body=cast.board,
            role=Mandate.Role.SUBSTITUTE,
            organisation=cast.kommun,
            substitute_for=seats[stands_in_for],
            start=since,
        )
    meeting = plan_meeting(cast)
    members = [a.display_name for a in meeting.attendances.filter(role="ledamot").order_by("position")]
    assert members == ["Anders Al", "Maja Ledamot", "Åsa Ås", "Ärla Äng", "Örjan Öst"]
    substitutes = [a.display_name for a in meeting.attendances.filter(role="ersattare").order_by("position")]
    # Öivind stands in for Anders (first ledamot); Erik has call-in number 1; Bo stands in for Örjan (last).
    assert substitutes.index("Öivind Sist") < substitutes.index("Bo Först")


def test_adding_moving_and_deleting_items_renumbers_them(cast, meeting):
    secretary = cast.user("secretary")
    first = meeting.items.get(number=1)
    budget = services.item_add(actor=secretary, meeting=meeting, heading="Budget 2027", after=first)
    assert numbers(meeting)[1] == (2, "Budget 2027")
    services.item_move(actor=secretary, item=budget, offset=10)
    assert numbers(meeting)[-1] == (5, "Budget 2027")
    services.item_delete(actor=secretary, item=meeting.items.get(number=2))
    assert [n for n, _ in numbers(meeting)] == [1, 2, 3, 4]


FORM_TOKEN = "a-form-shown-once-0123"


def test_a_new_item_form_sent_again_adds_nothing_and_names_the_item_it_added(cast, meeting):
    secretary = cast.user("secretary")
    budget = services.item_add(actor=secretary, meeting=meeting, heading="Budget 2027", form_token=FORM_TOKEN)
    with pytest.raises(services.ItemAlreadyAdded) as sent_again:
        services.item_add(actor=secretary, meeting=meeting, heading="Budget 2027", form_token=FORM_TOKEN)
    assert sent_again.value.item == budget
    assert [heading for _, heading in numbers(meeting)].count("Budget 2027") == 1


def test_a_new_item_form_sent_again_after_its_item_was_deleted_adds_it_again(cast, meeting):
    secretary = cast.user("secretary")
    budget = services.item_add(actor=secretary, meeting=meeting, heading="Budget 2027", form_token=FORM_TOKEN)
    services.item_delete(actor=secretary, item=budget)  # nothing left to lead to
    services.item_add(actor=secretary, meeting=meeting, heading="Budget 2027", form_token=FORM_TOKEN)
    assert numbers(meeting)[-1] == (5, "Budget 2027")


def test_numbering_runs_on_through_the_year_when_the_body_says_so(cast):
    cast.board.numbering = Body.Numbering.PER_YEAR
    cast.board.save()
    plan_meeting(cast, date=datetime.date(2026, 2, 1))
    second = plan_meeting(cast, date=datetime.date(2026, 4, 1))
    next_year = plan_meeting(cast, date=datetime.date(2027, 2, 1))
    assert [n for n, _ in numbers(second)] == [5, 6, 7, 8]
    assert [n for n, _ in numbers(next_year)] == [1, 2, 3, 4]


def test_an_end_time_before_the_start_is_refused(cast):
    with pytest.raises(ValidationError, match="Sluttiden måste vara efter starttiden"):
        services.meeting_create(
            actor=None,
            body=cast.board,
            date=datetime.date(2026, 3, 1),
            start_time=datetime.time(12),
            end_time=datetime.time(9),
        )
    assert not Meeting.objects.exists()


def test_autosave_makes_a_revision_and_sanitises_the_html(cast, meeting):
    item = meeting.items.first()
    saved = services.item_save_text(
        actor=cast.user("secretary"),
        item_id=item.pk,
        heading="Mötets öppnande",
        text='<p onclick="steal()">Ordföranden <b>hälsade</b> välkommen.<script>alert(1)</script></p>'
        '<a href="javascript:x">l</a>',
        base_version=1,
    )
    assert saved.version == 2
    assert saved.text == '<p>Ordföranden <b>hälsade</b> välkommen.</p><a rel="noopener noreferrer">l</a>'
    assert "script" not in saved.text and "onclick" not in saved.text
    assert list(item.revisions.values_list("version", flat=True)) == [2]
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


def test_the_editors_html_is_stored_as_it_is_sent(cast, meeting):
    """What the ProseMirror editor sends (paragraphs, marks, lists of paragraphs, links) passes nh3 unchanged, so a
    saved § never differs from the editor's own text and the paragraph breaks reach the protocol."""
    item = meeting.items.first()
    html = (
        "<p>Rad ett.</p><p>Rad <strong>två</strong> och <em>tre</em>.<br>Fyra.</p>"
        '<ul><li><p>Punkt</p></li></ul><ol><li><p>Första</p></li></ol><p><a href="https://example.se/" '
        'rel="noopener noreferrer">länk</a></p>'
    )
    saved = services.item_save_text(
        actor=cast.user("secretary"), item_id=item.pk, heading=item.heading, text=html, base_version=1
    )
    assert saved.text == html


def test_a_stale_save_is_a_conflict_that_keeps_the_first_text(cast, meeting):
    item = meeting.items.first()
    services.item_save_text(actor=None, item_id=item.pk, heading="A", text="<p>Först</p>", base_version=1)
    with pytest.raises(services.EditConflict) as conflict:
        services.item_save_text(actor=None, item_id=item.pk, heading="A", text="<p>Sen</p>", base_version=1)
    assert conflict.value.item.text == "<p>Först</p>"
    item.refresh_from_db()
    assert (item.text, item.version) == ("<p>Först</p>", 2)


def test_restoring_a_revision_makes_a_new_one(cast, meeting):
    item = meeting.items.first()
    services.item_save_text(actor=None, item_id=item.pk, heading="A", text="<p>Ett</p>", base_version=1)
    services.item_save_text(actor=None, item_id=item.pk, heading="A", text="<p>Två</p>", base_version=2)
    old = item.revisions.get(version=2)
    restored = services.item_restore(actor=None, item=item, revision=old)
    assert (restored.version, restored.text) == (4, "<p>Ett</p>")
    assert ItemRevision.objects.filter(item=item).count() == 3


def test_a_justerat_protocol_cannot_be_edited(cast, meeting):
    justera(cast, meeting)
    item = meeting.items.first()
    with pytest.raises(ValidationError, match="justerat"):
        services.item_save_text(actor=None, item_id=item.pk, heading="A", text="x", base_version=1)


def test_partial_presence_is_normalised_and_nonsense_refused(cast, meeting):
    attendance = meeting.attendances.get(person=cast.member)
    services.attendance_save(actor=None, meeting=meeting, attendance=attendance, paragraphs="§§ 1–2, 4")
    attendance.refresh_from_db()
    assert attendance.paragraphs == "1-2, 4"
    with pytest.raises(ValidationError, match="Ange paragrafer"):
        services.attendance_save(actor=None, meeting=meeting, attendance=attendance, paragraphs="4-1")
    with pytest.raises(ValidationError, match="§ 6, 9-12 finns inte på mötet, som har § 1–4"):
        services.attendance_save(actor=None, meeting=meeting, attendance=attendance, paragraphs="1-4, 6, 9-12")


def test_an_ersattare_serves_for_one_ledamot_who_is_not_there_and_never_beside_another(cast, meeting):
    """Two ersättare serving for one absent ledamot both voted (13 voters for 12 seats), and one served all meeting
    for the chair, who was there; an ersättare in a § of jäv still may."""
    member = meeting.attendances.get(person=cast.member)
    substitute = meeting.attendances.get(person=cast.substitute)
    other = services.attendance_save(actor=None, meeting=meeting, name="Olle Ersättare", role="ersattare")
    with pytest.raises(ValidationError, match="är med under hela mötet"):
        services.attendance_save(actor=None, meeting=meeting, attendance=substitute, serving_for=member)
    services.attendance_save(actor=None, meeting=meeting, attendance=substitute, serving_for=member, paragraphs="3")
    services.attendance_save(actor=None, meeting=meeting, attendance=member, status="anmalt_forhinder")
    with pytest.raises(ValidationError, match="tjänstgör redan för Maja Ledamot"):
        services.attendance_save(actor=None, meeting=meeting, attendance=other, serving_for=member)
    with pytest.raises(ValidationError, match="inte ledamot"):
        services.attendance_save(actor=None, meeting=meeting, attendance=other, serving_for=substitute)
    services.attendance_save(actor=None, meeting=meeting, attendance=other, serving_for=member, paragraphs="1-2, 4")
    assert set(meeting.attendances.filter(serving_for=member)) == {substitute, other}


def test_a_guest_not_in_the_register_can_be_added(meeting):
    guest = services.attendance_save(actor=None, meeting=meeting, name="Tina Song", role="gast", status="narvarande")
    assert guest.person is None and guest.display_name == "Tina Song"


def test_an_absent_ledamot_gets_the_next_ersattare_proposed_and_quorum_counts_them(cast, meeting):
    member = meeting.attendances.get(person=cast.member)
    substitute = meeting.attendances.get(person=cast.substitute)
    services.attendance_save(actor=None, meeting=meeting, attendance=member, status=Attendance.Status.EXCUSED)
    assert selectors.quorum(meeting).present == 1
    assert selectors.proposed_substitutes(meeting) == [(member, substitute, "")]
    services.attendance_save(actor=None, meeting=meeting, attendance=substitute, serving_for=member)
    assert selectors.quorum(meeting).present == 2
    assert selectors.quorum(meeting).is_quorate
    assert selectors.proposed_substitutes(meeting) == []


def test_vote_counts_cannot_exceed_the_voters(cast, meeting):
    item = meeting.items.get(number=3)
    with pytest.raises(ValidationError, match="fler än de 2 som får rösta"):
        services.decision_save(
            actor=None, item=item, text="Styrelsen beslutar att godkänna.", method="votering", votes_yes=2, votes_no=1
        )
    assert not Decision.objects.exists()
    decision = services.decision_save(
        actor=None, item=item, text="Styrelsen beslutar att godkänna.", method="votering", votes_yes=1, votes_no=1
    )
    assert decision.votes_yes == 1


def test_jav_removes_a_voter_from_the_count(cast, meeting):
    item = meeting.items.get(number=3)
    services.recusal_set(actor=None, item=item, attendance=meeting.attendances.get(person=cast.member), recused=True)
    with pytest.raises(ValidationError):
        services.decision_save(actor=None, item=item, text="Beslut", method="votering", votes_yes=2)


def test_open_assignments_come_back_at_the_next_meeting_until_done(cast, meeting):
    item = meeting.items.get(number=3)
    assignment = services.assignment_create(actor=None, item=item, what="Utreda kartläggning", owner=cast.secretary)
    later = plan_meeting(cast, date=datetime.date(2026, 5, 1))
    follow_up = later.items.get(heading=services.FOLLOW_UP_HEADING)
    assert list(selectors.open_assignments_before(later)) == [assignment]
    services.assignment_follow_up(actor=None, assignment=assignment, item=follow_up, done=True)
    assert not selectors.open_assignments_before(later).exists()
    assignment.refresh_from_db()
    assert assignment.closed_in == follow_up


def test_a_referred_back_matter_is_linked_both_ways(cast, meeting):
    item = services.item_add(actor=None, meeting=meeting, heading="Ansökan Studio Ludum")
    later = plan_meeting(cast, date=datetime.date(2026, 5, 1))
    again = services.item_continue(actor=None, earlier_item=item, meeting=later)
    assert again.continues == item and list(item.continued_in.all()) == [again]
    with pytest.raises(ValidationError):
        services.item_continue(actor=None, earlier_item=again, meeting=meeting)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ...", "Filtypen är inte tillåten"),
        ("fake.pdf", b"<html>not a pdf</html>", "stämmer inte med filtypen"),
        ("tom.txt", b"", "Filen är tom"),
        ("stor.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024), "för stor"),
    ],
)
def test_a_bad_attachment_is_refused_and_nothing_is_saved(meeting, name, content, message, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError, match=message):
        services.attachment_add(actor=None, meeting=meeting, upload=SimpleUploadedFile(name, content))
    assert not Attachment.objects.exists()
    assert not any(tmp_path.rglob("*.*"))


def test_a_good_attachment_is_stored_with_its_hash(meeting, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = services.attachment_add(
        actor=None, meeting=meeting, upload=SimpleUploadedFile("budget.pdf", b"%PDF-1.7 x")
    )
    assert attachment.content_type == "application/pdf" and len(attachment.sha256) == 64


def test_the_notice_goes_out_after_commit_with_a_calendar_invitation(
    cast, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        count = services.kallelse_send(actor=None, meeting=meeting)
    assert count == 3
    assert len(mailoutbox) == 3
    assert mailoutbox[0].subject.startswith("Kallelse: Styrelse, Test 2026-03-01")
    assert "§ 2 Val av justerare" in mailoutbox[0].body
    assert mailoutbox[0].attachments[0][2] == "text/calendar"
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CALLED


def test_no_mandates_means_nobody_is_called(cast):
    Mandate.objects.all().delete()
    meeting = plan_meeting(cast)
    assert not meeting.attendances.exists()
    with pytest.raises(ValidationError):
        services.kallelse_send(actor=None, meeting=meeting)


def test_items_are_renumbered_without_breaking_the_position_constraint(meeting):
    AgendaItem.objects.filter(meeting=meeting).update(number=None)
    services.renumber(meeting)
    assert [n for n, _ in numbers(meeting)] == [1, 2, 3, 4]


def test_a_reservation_is_recorded_with_its_reason_and_can_be_withdrawn(cast, meeting):
    decision = services.decision_save(actor=None, item=meeting.items.get(number=3), text="Beslut.")
    member = meeting.attendances.get(person=cast.member)
    services.reservation_set(actor=None, decision=decision, attendance=member, reason="Till förmån för eget yrkande.")
    assert decision.reservations.get().reason == "Till förmån för eget yrkande."
    services.reservation_set(actor=None, decision=decision, attendance=member, reserved=False)
    assert not decision.reservations.exists()


def test_individual_votes_set_the_counts(cast, meeting):
    decision = services.decision_save(actor=None, item=meeting.items.get(number=3), text="Beslut.")
    chair = meeting.attendances.get(person=cast.chair)
    member = meeting.attendances.get(person=cast.member)
    services.votes_set(actor=None, decision=decision, choices={chair.pk: "ja", member.pk: "nej"})
    decision.refresh_from_db()
    assert (decision.method, decision.votes_yes, decision.votes_no, decision.votes_abstain) == ("votering", 1, 1, 0)


def test_a_substitute_who_does_not_serve_cannot_vote(cast, meeting):
    decision = services.decision_save(actor=None, item=meeting.items.get(number=3), text="Beslut.")
    substitute = meeting.attendances.get(person=cast.substitute)
    with pytest.raises(ValidationError, match="får rösta"):
        services.votes_set(actor=None, decision=decision, choices={substitute.pk: "ja"})


def test_an_autosave_records_when_the_text_was_saved(cast):
    meeting = plan_meeting(cast)
    item = meeting.items.first()
    AgendaItem.objects.filter(pk=item.pk).update(updated=timezone.now() - datetime.timedelta(hours=3))
    saved = services.item_save_text(actor=None, item_id=item.pk, heading=item.heading, text="<p>Ny</p>", base_version=1)
    item.refresh_from_db()
    assert timezone.now() - item.updated < datetime.timedelta(minutes=1)
    assert (saved.version, saved.text, saved.updated) == (item.version, item.text, item.updated)


def test_who_was_there_for_some_paragraphs_keeps_them_when_the_paragraphs_are_renumbered(cast, meeting):
    """ "Sara Lundgren, § 3-4" still meant the old § 3-4 after a § before them was deleted: other matters."""
    services.item_add(actor=None, meeting=meeting, heading="Budget 2027")  # § 5
    member = meeting.attendances.get(person=cast.member)
    services.attendance_save(actor=None, meeting=meeting, attendance=member, paragraphs="3-5")
    budget = meeting.items.get(number=5)
    services.item_delete(actor=None, item=meeting.items.get(number=2))
    member.refresh_from_db()
    budget.refresh_from_db()
    assert (budget.number, member.paragraphs) == (4, "2-4")


# Raced in real threads on PostgreSQL


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_new_item_form_posted_twice_at_once_adds_one_item(cast):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    meeting = plan_meeting(cast)
    secretary = cast.user("secretary")
    posts = (
        partial(services.item_add, actor=secretary, meeting=meeting, heading="Budget 2027", form_token=FORM_TOKEN)
        for _click in range(2)  # a double click
    )
    errors = at_once(*posts)
    assert [type(error) for error in errors] == [services.ItemAlreadyAdded]
    assert meeting.items.filter(heading="Budget 2027").count() == 1
