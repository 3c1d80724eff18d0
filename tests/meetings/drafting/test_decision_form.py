"""The secretary's decision and uppdrag forms: no save is lost to another's, nothing is deleted unasked, a refused
form keeps what was typed and says why, and a decision's votes, outcome and reservations agree."""

from functools import partial

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from meetings.drafting import services
from meetings.models import Decision
from tests.conftest import at_once, skip_unless
from tests.meetings.factories import plan_meeting


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


@pytest.fixture
def item(meeting):
    return meeting.items.get(number=3)


@pytest.fixture
def decision(item):
    return services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.")


def decision_url(decision, suffix=""):
    item = decision.item
    return f"/moten/{item.meeting_id}/paragrafer/{item.pk}/beslut/{decision.pk}/{suffix}"


def posted(decision, **changes):
    """What the decision form posts, as it was loaded, with `changes`."""
    data = {"text": decision.text, "outcome": decision.outcome, "method": decision.method, "version": decision.version}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# 1. A lost update


def test_the_decision_form_carries_the_version_it_was_loaded_at(client_for, decision):
    page = client_for("secretary").get(decision_url(decision)).content.decode()
    assert '<input type="hidden" name="version" value="1"' in page


def test_a_save_from_an_older_version_is_refused_and_keeps_what_was_typed(client_for, item, decision):
    loaded = posted(decision)  # B opens the form
    services.decision_save(actor=None, item=item, decision=decision, text="A:s nya beslutstext.", version=1)
    response = client_for("secretary").post(decision_url(decision), {**loaded, "notes": "B:s anteckning."})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Krock: någon annan har sparat beslutet" in page
    assert "B:s anteckning." in page  # B's input stays on the page
    assert "Den andra versionen" in page and "A:s nya beslutstext." in page  # and A's is shown beside it
    assert '<input type="hidden" name="version" value="2"' in page  # saving again is made knowing A's version
    decision.refresh_from_db()
    assert (decision.text, decision.notes, decision.version) == ("A:s nya beslutstext.", "", 2)


def test_the_user_who_has_seen_the_other_version_can_save_again(client_for, item, decision):
    services.decision_save(actor=None, item=item, decision=decision, text="A:s nya beslutstext.", version=1)
    client = client_for("secretary")
    merged = posted(decision, text="A:s nya beslutstext.", notes="B:s anteckning.", version=2)
    assert client.post(decision_url(decision), merged).status_code == 302
    decision.refresh_from_db()
    assert (decision.text, decision.notes, decision.version) == ("A:s nya beslutstext.", "B:s anteckning.", 3)


def test_the_service_refuses_a_stale_version_and_writes_nothing(item, decision):
    services.decision_save(actor=None, item=item, decision=decision, text="Först.", version=1)
    with pytest.raises(services.DecisionConflict) as conflict:
        services.decision_save(actor=None, item=item, decision=decision, text="Sen.", version=1)
    assert conflict.value.decision.text == "Först."
    decision.refresh_from_db()
    assert (decision.text, decision.version) == ("Först.", 2)


def test_a_form_without_its_version_is_refused(client_for, decision):
    data = posted(decision, text="Ny text.", version=None)
    response = client_for("secretary").post(decision_url(decision), data)
    assert "Sidan är inaktuell" in response.content.decode()
    decision.refresh_from_db()
    assert decision.text == "Styrelsen beslutar att bifalla."


def test_recipients_share_the_decisions_version(client_for, cast, item, decision):
    loaded = posted(decision)
    services.decision_save(actor=None, item=item, decision=decision, recipient_people=[cast.member], **posted(decision))
    client_for("secretary").post(decision_url(decision), {**loaded, "recipient_emails": "registrator@kommun.se"})
    assert [r.person for r in decision.addressees.all()] == [cast.member]


def test_a_namnupprop_raises_the_version_so_a_form_loaded_before_it_cannot_wipe_its_counts(
    client_for, cast, meeting, item
):
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.", method="votering")
    loaded = posted(decision)
    chair = meeting.attendances.get(person=cast.chair)
    services.votes_set(actor=None, decision=decision, choices={chair.pk: "ja"}, version=1)
    response = client_for("secretary").post(decision_url(decision), {**loaded, "notes": "Senare."})
    assert "Krock" in response.content.decode()
    decision.refresh_from_db()
    assert (decision.votes_yes, decision.votes_no, decision.version) == (1, 0, 2)


def test_a_namnupprop_from_an_older_page_is_refused(client_for, cast, meeting, item):
    decision = services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bifalla.", method="votering")
    services.decision_save(actor=None, item=item, decision=decision, **posted(decision, votes_yes=2, votes_no=0))
    member = meeting.attendances.get(person=cast.member)
    response = client_for("secretary").post(
        decision_url(decision, "roster/"), {"version": 1, f"vote-{member.pk}": "nej"}, follow=True
    )
    assert "Dina röster är inte sparade" in response.content.decode()
    decision.refresh_from_db()
    assert (decision.votes_yes, decision.votes_no) == (2, 0) and not decision.votes.exists()


# 2. Deleting asks first


def test_deleting_a_decision_asks_first_and_says_it_is_done(client_for, meeting, decision):
    client = client_for("secretary")
    page = client.get(f"/moten/{meeting.pk}/").content.decode()
    assert 'data-confirm="Ta bort beslutet? Dess röster, reservationer och uppdrag tas också bort."' in page
    response = client.post(decision_url(decision, "ta-bort/"), follow=True)
    assert "Beslutet är borttaget." in response.content.decode()
    assert not Decision.objects.exists()


def test_deleting_a_paragraph_names_the_decisions_and_uppdrag_that_go_with_it(client_for, meeting, item, decision):
    services.decision_save(actor=None, item=item, text="Styrelsen beslutar också att avslå.", outcome="avslag")
    services.assignment_create(actor=None, item=item, what="Utreda.", owner_name="Ola")
    page = client_for("secretary").get(f"/moten/{meeting.pk}/").content.decode()
    assert "Ta bort ärendet? § 3 har 2 beslut och 1 uppdrag som också tas bort. Paragraferna numreras om." in page
    assert 'data-confirm="Ta bort ärendet? Paragraferna numreras om."' in page  # a § with nothing more


# 3. A refused uppdrag


def test_an_uppdrag_with_an_impossible_date_shows_why_and_keeps_what_was_typed(client_for, meeting, item):
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/",
        {"owner_name": "Ola Utredare", "what": "Utreda lokalfrågan.", "due": "2026-02-31"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Fyll i ett giltigt datum." in page and "Beskriv uppdraget." not in page
    assert 'value="Ola Utredare"' in page and "Utreda lokalfrågan." in page and 'value="2026-02-31"' in page
    assert not item.assignments.exists()


def test_an_uppdrag_without_an_owner_says_so_beside_the_field(client_for, meeting, item):
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/", {"what": "Utreda lokalfrågan."}
    )
    page = response.content.decode()
    assert "Ange vem som får uppdraget." in page and "Utreda lokalfrågan." in page
    assert not item.assignments.exists()


def test_a_valid_uppdrag_is_saved_and_the_editor_shown_again(client_for, meeting, item):
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/uppdrag/",
        {"owner_name": "Ola", "what": "Utreda.", "due": "2026-04-30"},
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#p{item.pk}")
    assert item.assignments.get().due.isoformat() == "2026-04-30"


# 4. A decision that agrees with itself


def test_a_votering_saved_without_counts_asks_for_the_votes_and_the_editor_shows_none(client_for, meeting, item):
    client = client_for("secretary")
    response = client.post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/",
        {"text": "Styrelsen beslutar att bifalla.", "outcome": "bifall", "method": "votering"},
    )
    decision = item.decisions.get()
    assert response["Location"] == f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/{decision.pk}/#votes-heading"
    page = client.get(f"/moten/{meeting.pk}/").content.decode()
    assert "Rösterna är inte inskrivna än." in page and "Ja 0, nej 0, avstår 0." not in page


def test_a_votering_with_ja_but_no_nej_is_refused(item):
    with pytest.raises(ValidationError, match="Ange antalet ja-röster och nej-röster"):
        services.decision_save(actor=None, item=item, text="Bifall.", method="votering", votes_yes=2)


@pytest.mark.parametrize(("outcome", "yes", "no"), [("bifall", 0, 2), ("avslag", 2, 0)])
def test_an_outcome_the_counts_contradict_is_refused(client_for, meeting, item, outcome, yes, no):
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/paragrafer/{item.pk}/beslut/",
        {"text": "Styrelsen beslutar.", "outcome": outcome, "method": "votering", "votes_yes": yes, "votes_no": no},
    )
    assert f"Utfallet {outcome} stämmer inte med rösterna: {yes} ja och {no} nej." in response.content.decode()
    assert not item.decisions.exists()


@pytest.mark.parametrize(
    ("outcome", "yes", "no"),
    [("bifall", 1, 1), ("avslag", 1, 1), ("bifall", 2, 0), ("aterremiss", 0, 2), ("bordlaggning", 2, 0)],
)
def test_a_tie_an_agreeing_outcome_and_an_outcome_of_either_sense_are_accepted(item, outcome, yes, no):
    fields = {"outcome": outcome, "method": "votering", "votes_yes": yes, "votes_no": no}
    assert services.decision_save(actor=None, item=item, text="Styrelsen beslutar.", **fields).pk


def test_a_namnupprop_the_outcome_contradicts_is_refused(cast, meeting, item, decision):
    chair, member = (meeting.attendances.get(person=p) for p in (cast.chair, cast.member))
    with pytest.raises(ValidationError, match="Utfallet bifall stämmer inte med rösterna: 0 ja och 2 nej"):
        services.votes_set(actor=None, decision=decision, choices={chair.pk: "nej", member.pk: "nej"})


def test_whoever_voted_with_the_decision_cannot_reserve_against_it(client_for, cast, meeting, decision):
    chair, member = (meeting.attendances.get(person=p) for p in (cast.chair, cast.member))
    services.votes_set(actor=None, decision=decision, choices={chair.pk: "ja", member.pk: "nej"})
    client = client_for("secretary")
    response = client.post(decision_url(decision, "reservation/"), {"attendance": chair.pk}, follow=True)
    assert "röstade ja, alltså för beslutet (bifall), och kan inte reservera sig mot det" in response.content.decode()
    client.post(decision_url(decision, "reservation/"), {"attendance": member.pk, "reason": "Eget yrkande."})
    assert [r.attendance for r in decision.reservations.all()] == [member]


def test_a_vote_or_an_outcome_that_contradicts_a_reservation_is_refused(cast, meeting, item, decision):
    chair, member = (meeting.attendances.get(person=p) for p in (cast.chair, cast.member))
    services.reservation_set(actor=None, decision=decision, attendance=member)
    with pytest.raises(ValidationError, match="kan inte reservera sig"):
        services.votes_set(actor=None, decision=decision, choices={member.pk: "ja"})
    services.votes_set(actor=None, decision=decision, choices={chair.pk: "ja", member.pk: "nej"})
    decision.refresh_from_db()
    with pytest.raises(ValidationError, match="kan inte reservera sig"):
        services.decision_save(actor=None, item=item, decision=decision, **posted(decision, outcome="avslag"))


def test_the_preview_of_a_votering_not_yet_counted_says_so_not_ja_0_nej_0(client_for, cast):
    meeting = plan_meeting(cast)
    item = meeting.items.get(number=3)
    services.decision_save(actor=None, item=item, text="Styrelsen beslutar att bevilja.", method="votering")
    html = client_for("secretary").get(f"/moten/{meeting.pk}/forhandsgranska/").content.decode()
    assert "Votering: rösterna är inte inskrivna än." in html and "ja 0, nej 0" not in html


# Raced in real threads on PostgreSQL


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_decision_at_once_keep_one_and_refuse_the_other(decision):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    texts = ["Styrelsen beslutar att bifalla med tillägg A.", "Styrelsen beslutar att bifalla med tillägg B."]
    saves = (
        partial(services.decision_save, actor=None, item=decision.item, decision=decision, text=text, version=1)
        for text in texts
    )
    errors = at_once(*saves)
    assert [type(error) for error in errors] == [services.DecisionConflict]
    decision.refresh_from_db()
    assert decision.text in texts and decision.version == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_ersattare_called_in_at_once_for_one_ledamot_never_both_serve(cast, meeting):
    skip_unless(connection.vendor == "postgresql", "the race needs real row locks (PostgreSQL)")
    member = meeting.attendances.get(person=cast.member)
    services.attendance_save(actor=None, meeting=meeting, attendance=member, status="anmalt_forhinder")
    first = meeting.attendances.get(person=cast.substitute)
    second = services.attendance_save(actor=None, meeting=meeting, name="Olle Ersättare", role="ersattare")
    calls = (
        partial(services.substitute_call_in, actor=None, meeting=meeting, substitute=row, absent=member)
        for row in (first, second)
    )
    errors = at_once(*calls)
    assert len(errors) == 1 and "tjänstgör redan" in str(errors[0])
    assert meeting.attendances.filter(serving_for=member).count() == 1
