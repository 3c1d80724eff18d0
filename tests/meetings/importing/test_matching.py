"""Matching imported attendees to people of the register, and saving the secretary's choices: suggestions only from
the federation in scope, best first, with the reason; the save links, creates, keeps a name or leaves out, all or
nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from federations.models import Body, Mandate, Person
from finsam.models import AuditEntry
from meetings.importing import parse_text
from meetings.importing.matching import (
    AttendeeChoice,
    candidates_for,
    fold,
    name_similarity,
    same_name,
    suggest,
    sure_match,
)
from meetings.importing.services import save_parsed
from meetings.models import Attendance, Meeting

SINCE = datetime.date(2020, 1, 1)
DAY = datetime.date(2021, 6, 2)


def seat(cast, name, body=None, role=Mandate.Role.MEMBER, organisation=None):
    person = Person.objects.create(name=name)
    Mandate.objects.create(person=person, body=body or cast.board, role=role, start=SINCE, organisation=organisation)
    return person


@pytest.mark.parametrize(
    ("written", "register", "same", "similar"),
    [
        ("Anna Bergström", "Anna Bergström", True, True),
        ("anna bergstrom", "Anna Bergström", True, True),  # case and the Swedish letters folded
        ("ANNA BERGSTRÖM", "Anna Bergström", True, True),
        ("Ann-Christine Baar", "Ann Christine Baar", True, True),
        ("Ann Lund qvist", "Ann Lundqvist", True, True),  # a PDF's split word
        ("Bergström Anna", "Anna Bergström", True, True),
        ("Jan Johanson", "Jan Johansson", False, True),  # a typo
        ("Lotta Söderman", "Lotta Lindblad Söderman", False, True),  # a second surname left out
        ("Sören Kvist", "Anna Bergström", False, False),
    ],
)
def test_names_compare_folded_and_by_similarity(written, register, same, similar):
    assert same_name(written, register) is same
    assert (name_similarity(written, register) >= 0.8) is similar


def test_folding_keeps_the_letters_and_drops_the_marks():
    assert fold("  Åsa  Öberg-Ärlig ") == "asa oberg arlig"
    assert fold("Søren Kærgaard") == "soren kargaard"


def reasons(name, organisation, candidates):
    return [(s.person.name, s.reasons) for s in suggest(name, organisation, candidates)]


def test_the_suggestions_table(cast):
    """Exact name, name and organisation, other case and diacritics, a typo, a namesake in another federation that
    is never offered, two namesakes in scope."""
    seat(cast, "Anna Bergström", organisation=cast.kommun)
    seat(cast, "Jan Johansson")
    seat(cast, "Karin Lind", organisation=cast.kommun)
    Person.objects.create(name="Karin Lind")  # known to the register, but to no federation
    namesake = seat(cast, "Karin Lind", body=cast.other_board)
    seat(cast, "Per Holm", organisation=cast.fk)
    staff = seat(cast, "Per Holm", role=Mandate.Role.OFFICER)
    staff.mandates.update(end=datetime.date(2020, 12, 31))  # no seat in the body on the meeting's date
    candidates = candidates_for(body=cast.board, on_date=DAY)
    assert namesake.pk not in {c.person.pk for c in candidates}

    member = "ledamot i organet"
    assert reasons("Anna Bergström", None, candidates) == [("Anna Bergström", ["samma namn", member])]
    assert reasons("Anna Bergström", "Testby kommun", candidates) == [
        ("Anna Bergström", ["samma namn och organisation", member])
    ]
    assert reasons("anna bergstrom", "Testby", candidates) == [
        ("Anna Bergström", ["samma namn och organisation", member])
    ]
    assert reasons("Jan Johanson", None, candidates) == [("Jan Johansson", ["liknande namn", member])]
    # Only the federation's Karin Lind: not the other federation's, nor one who belongs to none.
    assert reasons("Karin Lind", None, candidates) == [("Karin Lind", ["samma namn", member])]
    # Two namesakes in scope: the one from the organisation the text names, with a seat in the body, first.
    assert reasons("Per Holm", "Försäkringskassan", candidates) == [
        ("Per Holm", ["samma namn och organisation", member]),
        ("Per Holm", ["samma namn"]),
    ]
    assert reasons("Sören Kvist", None, candidates) == []


def test_a_sure_match_needs_one_best_namesake(cast):
    seat(cast, "Per Holm", organisation=cast.fk)
    seat(cast, "Per Holm", organisation=cast.kommun)
    seat(cast, "Jan Johansson")
    candidates = candidates_for(body=cast.board, on_date=DAY)
    assert sure_match(suggest("Per Holm", None, candidates)) is None  # alike: the secretary tells them apart
    assert sure_match(suggest("Per Holm", "Testby kommun", candidates)).mandates.get().organisation == cast.kommun
    assert sure_match(suggest("Jan Johanson", None, candidates)) is None  # a close spelling is only a suggestion


def test_a_namesake_of_another_organisation_in_the_federation_is_never_preselected(cast):
    ingela = seat(cast, "Ingela Andersson", organisation=cast.fk)
    candidates = candidates_for(body=cast.board, on_date=DAY)
    # the protocol's Ingela Andersson is Arbetsförmedlingen's: the register's is Försäkringskassan's, seated or not
    assert sure_match(suggest("Ingela Andersson", "Arbetsförmedlingen", candidates)) is None
    assert [s.person for s in suggest("Ingela Andersson", "Arbetsförmedlingen", candidates)] == [ingela]  # offered
    assert sure_match(suggest("Ingela Andersson", "Försäkringskassan", candidates)) == ingela
    assert sure_match(suggest("Ingela Andersson", None, candidates)) == ingela  # a seat in the body on the day


def test_the_same_name_alone_is_no_sure_match(cast):
    group = Body.objects.create(federation=cast.federation, name="Beredning", slug="beredning", kind="beredningsgrupp")
    seat(cast, "Ingela Andersson", body=group, organisation=cast.fk)
    candidates = candidates_for(federation=cast.federation, on_date=DAY)  # no body chosen yet: no seat is known
    suggestions = suggest("Ingela Andersson", None, candidates)
    assert suggestions and suggestions[0].same_name and not suggestions[0].is_member
    assert sure_match(suggestions) is None


def test_people_an_earlier_import_created_are_suggested_again(cast):
    """A new person created by an import belongs to the federation through its records."""
    text = "Protokoll\n\nDatum: 2021-06-02\n\nNärvarande: Greta Ny, ordf\n\n§ 1 Öppnande\n\nMötet öppnades.\n"
    save_parsed(parse_text(text), body=cast.board, choices={"Greta Ny": AttendeeChoice(AttendeeChoice.NEW)})
    candidates = candidates_for(body=cast.board, on_date=DAY)
    assert reasons("Greta Ny", None, candidates) == [("Greta Ny", ["samma namn"])]
    assert candidates_for(body=cast.other_board, on_date=DAY)[0].person.name != "Greta Ny"


def test_the_candidates_take_two_queries_however_many_people(cast, django_assert_num_queries):
    for index in range(3):
        seat(cast, f"Person {index}", organisation=cast.kommun)
    # the people in scope (mandates, staff roles, earlier records), their mandates in the federation's bodies
    with django_assert_num_queries(2):
        few = candidates_for(body=cast.board, on_date=DAY)
    for index in range(3, 30):
        seat(cast, f"Person {index}", organisation=cast.fk)
    with django_assert_num_queries(2):
        many = candidates_for(body=cast.board, on_date=DAY)
    assert len(many) == len(few) + 27


TEXT = (
    "Protokoll\n\nDatum: 2021-06-02\n\n"
    "Närvarande: Anna Bergström, ordf, Testby kommun\nJan Johanson, ledamot\nGreta Ny, ledamot, Försäkringskassan\n"
    "Sidan Ett, ledamot\nPer Holm, ledamot\n\n"
    "§ 1 Öppnande\n\nMötet öppnades.\n"
)


@pytest.fixture
def people(cast):
    return {
        "anna": seat(cast, "Anna Bergström", organisation=cast.kommun),
        "jan": seat(cast, "Jan Johansson"),
        "per": seat(cast, "Per Holm"),
        "stranger": seat(cast, "Per Holm", body=cast.other_board),
    }


def test_the_save_honours_each_choice(cast, people):
    choices = {
        "Jan Johanson": AttendeeChoice(AttendeeChoice.PERSON, person_id=people["jan"].pk),
        "Greta Ny": AttendeeChoice(AttendeeChoice.NEW, new_name="Greta Nyström", organisation=cast.fk),
        "Sidan Ett": AttendeeChoice(AttendeeChoice.SKIP),
        "Per Holm": AttendeeChoice(AttendeeChoice.NAME_ONLY),
    }
    meeting = save_parsed(parse_text(TEXT), body=cast.board, keep_as_draft=True, choices=choices)
    rows = {a.name: a for a in meeting.attendances.select_related("person", "organisation")}
    assert set(rows) == {"Anna Bergström", "Jan Johanson", "Greta Ny", "Per Holm"}  # "Sidan Ett" left out
    assert rows["Anna Bergström"].person == people["anna"]  # nothing chosen: the sure match
    assert rows["Jan Johanson"].person == people["jan"]
    greta = rows["Greta Ny"].person
    assert greta.name == "Greta Nyström" and rows["Greta Ny"].organisation == cast.fk
    assert rows["Per Holm"].person is None
    assert meeting.chair == people["anna"] and meeting.status == Meeting.Status.DRAFT
    entry = AuditEntry.objects.get(action="federations.person.created")
    assert entry.federation == cast.federation


@pytest.mark.parametrize("who", ["stranger", "tampered"])
def test_a_person_outside_the_federation_is_refused_and_nothing_is_saved(cast, people, who):
    person_id = people["stranger"].pk if who == "stranger" else 999999
    choices = {
        "Greta Ny": AttendeeChoice(AttendeeChoice.NEW),
        "Per Holm": AttendeeChoice(AttendeeChoice.PERSON, person_id=person_id),
    }
    before = Person.objects.count()
    with pytest.raises(ValidationError) as refusal:
        save_parsed(parse_text(TEXT), body=cast.board, keep_as_draft=True, choices=choices)
    assert "Per Holm: den valda personen finns inte bland förbundets personer" in refusal.value.messages[0]
    assert not Meeting.objects.exists() and not Attendance.objects.exists() and Person.objects.count() == before


def test_the_chair_is_the_attendee_the_secretary_chose(cast, people):
    """The chair, justerare and owners named in the text are the attendees as matched, a new person too."""
    text = TEXT.replace("Utses", "") + "\nUtses att justera: Greta Ny\n"
    choices = {"Greta Ny": AttendeeChoice(AttendeeChoice.NEW), "Anna Bergström": AttendeeChoice(AttendeeChoice.SKIP)}
    meeting = save_parsed(parse_text(text), body=cast.board, keep_as_draft=True, choices=choices)
    assert list(meeting.justerare.values_list("name", flat=True)) == ["Greta Ny"]
    assert meeting.chair.name == "Greta Ny"  # Anna, the chair in the text, was left out: the first justerare


def test_service_votes_reservations_and_jav_are_kept(cast, people):
    """What the parser read about people in the §§ is hung on the attendance rows the secretary matched."""
    text = (
        "Protokoll\n\nDatum: 2021-06-02\n\n"
        "Beslutande: Anna Bergström, ordf\nJan Johansson, ledamot\nPer Holm, ersättare för Maja Ledamot\n"
        "Maja Ledamot, ledamot, tom § 1\n\n"
        "§ 1 Öppnande\n\nMötet öppnades.\n\n"
        "§ 2 Budget\n\nPer Holm anmäler jäv och deltar inte i handläggningen.\n\n"
        "Beslut: Styrelsen beslutar att fastställa budgeten.\n\nParagrafen förklaras omedelbart justerad.\n"
    )
    parsed = parse_text(text)
    assert parsed["items"][1]["recused"] == ["Per Holm"] and parsed["items"][1]["immediate"]
    decision = parsed["items"][1]["decisions"][0]
    decision.update(
        named_votes={"Anna Bergström": "ja", "jan johansson": "nej", "Maja Ledamot": "avstår"},
        reservations=["Jan Johansson"],
        votes={"ja": 1, "nej": 1, "avstår": 1},
    )
    meeting = save_parsed(parsed, body=cast.board, keep_as_draft=True)
    holm = meeting.attendances.get(name="Per Holm")
    assert holm.serving_for.name == "Maja Ledamot"
    budget = meeting.items.get(number=2)
    assert budget.immediate_justering and [r.attendance for r in budget.recusals.all()] == [holm]
    saved = budget.decisions.get()
    assert saved.method == "votering" and (saved.votes_yes, saved.votes_no, saved.votes_abstain) == (1, 1, 1)
    assert {v.attendance.name: v.choice for v in saved.votes.all()} == {
        "Anna Bergström": "ja",
        "Jan Johansson": "nej",
        "Maja Ledamot": "avstar",
    }
    assert [r.attendance.person for r in saved.reservations.all()] == [people["jan"]]
