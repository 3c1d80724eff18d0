"""Register pages: every URL for every persona, and pinned query counts at two data sizes."""

import datetime
from unittest import mock

import pytest

from federations.models import Body, Federation, Mandate, MemberOrganisation, Membership, Person, Project, StaffRole
from meetings.drafting import services

PUBLIC_PAGES = ["/forbund/", "/forbund/test/", "/projekt/", "/projekt/mia/"]


@pytest.fixture
def project(cast):
    project = Project.objects.create(name="MIA", slug="mia", kind="esf", owner=cast.federation)
    project.participants.add(cast.other_federation)
    return project


@pytest.mark.parametrize("key", [None, "outsider", "member", "secretary"])
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_the_public_register_pages_are_open_to_everyone(client_for, project, key, url):
    assert client_for(key).get(url).status_code == 200


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_the_public_register_pages_refuse_a_post(client_for, project, url):
    assert client_for("secretary").post(url).status_code == 405


def test_an_unknown_federation_or_project_is_404(client_for, db):
    assert client_for(None).get("/forbund/finns-inte/").status_code == 404
    assert client_for(None).get("/projekt/finns-inte/").status_code == 404


def test_the_federation_page_lists_the_board_chair_first_and_substitutes_in_order(client_for, cast):
    second = Person.objects.create(name="Åsa Andra Ersättare")
    Mandate.objects.create(
        person=second,
        body=cast.board,
        role="ersattare",
        organisation=cast.kommun,
        start=cast_start(),
        substitute_order=2,
    )
    html = client_for(None).get("/forbund/test/").content.decode()
    assert html.index("Ordförande: <a") < html.index("Maja Ledamot")
    assert html.index("1. <a") < html.index("2. <a")
    assert html.index("Erik Ersättare") < html.index("Åsa Andra Ersättare")


def test_personal_substitutes_are_listed_in_swedish_order(client_for, cast):
    """Ersättare without a call-in order (each a ledamot's personal substitute) were sorted by their names' code
    points: Ärla (Ä, U+00C4) before Åsa (Å, U+00C5)."""
    seat = Mandate.objects.get(person=cast.member, body=cast.board)
    for name in ("Örjan Personlig", "Ärla Personlig", "Åsa Personlig"):
        Mandate.objects.create(
            person=Person.objects.create(name=name),
            body=cast.board,
            role="ersattare",
            organisation=cast.fk,
            start=cast_start(),
            substitute_for=seat,
        )
    html = client_for(None).get("/forbund/test/").content.decode()
    assert html.index("Åsa Personlig") < html.index("Ärla Personlig") < html.index("Örjan Personlig")


def cast_start():
    return datetime.date(2020, 1, 1)


def test_the_board_as_of_an_earlier_date_shows_who_sat_then(client_for, cast):
    former = Person.objects.create(name="Fredrika Förra")
    Mandate.objects.create(
        person=former,
        body=cast.board,
        role="ledamot",
        organisation=cast.kommun,
        start=datetime.date(2015, 1, 1),
        end=datetime.date(2018, 12, 31),
    )
    assert "Fredrika Förra" not in client_for(None).get("/forbund/test/").content.decode()
    assert "Fredrika Förra" in client_for(None).get("/forbund/test/?datum=2016-06-01").content.decode()
    assert "Cecilia Ordförande" not in client_for(None).get("/forbund/test/?datum=2016-06-01").content.decode()


def test_a_malformed_date_falls_back_to_today_with_a_message(client_for, cast):
    response = client_for(None).get("/forbund/test/?datum=inte-ett-datum")
    assert response.status_code == 200
    assert "Fyll i ett giltigt datum" in response.content.decode()
    assert "Cecilia Ordförande" in response.content.decode()


def test_a_persons_page_is_public_for_everyone(client_for, cast):
    # Was "needs a signed-in user": issue 15 makes the public part (name and mandates, never e-mail) public.
    url = f"/personer/{cast.chair.pk}/"
    assert client_for(None).get(url).status_code == 200
    response = client_for("outsider").get(url)
    assert response.status_code == 200
    assert "Nuvarande uppdrag" in response.content.decode()


def grow(cast, n):
    """Add n federations, each with members, a board of n mandates and a project: more data, same queries."""
    for i in range(n):
        federation = Federation.objects.create(
            name=f"Förbund {i}", short_name=f"F{i}", slug=f"f{i}", network=cast.network
        )
        organisation = MemberOrganisation.objects.create(name=f"Kommun {i}", slug=f"kommun-{i}", kind="kommun")
        Membership.objects.create(federation=federation, organisation=organisation)
        Membership.objects.create(federation=cast.federation, organisation=organisation)
        body = Body.objects.create(federation=federation, name="Styrelse", slug="styrelse", kind="styrelse")
        for j in range(n):
            person = Person.objects.create(name=f"Person {i}-{j}")
            Mandate.objects.create(
                person=person, body=body, role="ledamot", organisation=organisation, start=cast_start()
            )
            Mandate.objects.create(
                person=person, body=cast.board, role="ersattare", organisation=organisation, start=cast_start(),
                substitute_order=j + 10 * i + 2,
            )  # fmt: skip
        project = Project.objects.create(name=f"Projekt {i}", slug=f"projekt-{i}", kind="esf", owner=federation)
        project.participants.add(cast.federation)


@pytest.mark.parametrize("size", [1, 6])
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # session + user are not loaded for the public; 1 federations with networks, 1 current memberships
        ("/forbund/", 2),
        # 1 federation, 1 bodies, 1 memberships, 1 mandates of all bodies, 1 projects
        ("/forbund/test/", 5),
        # 1 projects with owners, 1 participants
        ("/projekt/", 2),
    ],
)
def test_register_pages_run_a_fixed_number_of_queries(client, cast, django_assert_num_queries, size, url, queries):
    grow(cast, size)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [1, 6])
def test_the_project_page_runs_a_fixed_number_of_queries(client, cast, django_assert_num_queries, size):
    grow(cast, size)
    project = Project.objects.get(slug="projekt-0")
    for i in range(size):
        project.participants.add(Federation.objects.get(slug=f"f{i}"))
    # 1 project with owner and lead, 1 participants, 1 results, 1 the timeline's register entries, 1 the linked §§
    # the register holds no entry of (a § without a decision)
    with django_assert_num_queries(5):
        assert client.get("/projekt/projekt-0/").status_code == 200


def test_the_federation_page_shows_the_stockholm_date_just_after_midnight(client_for, cast):
    """23:30 UTC on 14 March is 00:30 on 15 March in Stockholm: the page shows the composition of the 15th."""
    committee = Body.objects.create(federation=cast.federation, name="Arbetsutskott", slug="au", kind="au")
    outgoing = Person.objects.create(name="Ulla Avgående")
    incoming = Person.objects.create(name="Ivar Tillträdande")
    Mandate.objects.create(
        person=outgoing,
        body=committee,
        role=Mandate.Role.CHAIR,
        start=datetime.date(2030, 1, 1),
        end=datetime.date(2031, 3, 14),
    )
    Mandate.objects.create(person=incoming, body=committee, role=Mandate.Role.CHAIR, start=datetime.date(2031, 3, 15))
    late_evening_utc = datetime.datetime(2031, 3, 14, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=late_evening_utc):
        response = client_for(None).get("/forbund/test/")
    assert response.context["day"] == datetime.date(2031, 3, 15)
    (composition,) = [c for c in response.context["compositions"] if c.body == committee]
    assert [m.person for m in composition.presidium] == [incoming]


def test_a_persons_public_part_needs_no_sign_in_and_never_shows_the_email(client, cast):
    response = client.get(f"/personer/{cast.member.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert cast.member.name in html and "Styrelse" in html
    assert cast.member.email not in html


def test_a_person_known_only_from_attendance_lists_is_not_public(client, client_for, cast):
    assert client.get(f"/personer/{cast.secretary.pk}/").status_code == 404
    assert client_for("member").get(f"/personer/{cast.secretary.pk}/").status_code == 200


def test_a_person_known_only_from_another_federations_records_is_not_found_by_its_outsiders(client_for, cast):
    """A guest written into a draft of the other federation's board (and its staff): its own people see them, a
    member of this federation gets 404, as for the draft itself; a mandate holder stays public to all."""
    guest = Person.objects.create(name="Gustav Gäst", title="Utredare")
    draft = services.meeting_create(actor=None, body=cast.other_board, date=datetime.date(2026, 3, 1))
    services.attendance_save(actor=None, meeting=draft, person=guest, role="adjungerad", status="narvarande")
    staff = Person.objects.create(name="Stina Stab")
    StaffRole.objects.create(person=staff, role=StaffRole.Role.SECRETARY, federation=cast.other_federation)
    for someone in (guest, staff):
        assert client_for("member").get(f"/personer/{someone.pk}/").status_code == 404
        assert client_for("secretary").get(f"/personer/{someone.pk}/").status_code == 404
        assert client_for("outsider").get(f"/personer/{someone.pk}/").status_code == 200
    assert client_for("outsider").get(f"/personer/{cast.secretary.pk}/").status_code == 404
    assert client_for("outsider").get(f"/personer/{cast.member.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("start", "end", "period"),
    [
        (datetime.date(2024, 1, 1), datetime.date(2026, 12, 31), "1 januari 2024 – 31 december 2026"),
        (datetime.date(2024, 1, 1), None, "från 1 januari 2024"),
        (None, datetime.date(2026, 12, 31), "till 31 december 2026"),
        (None, None, "Ej angiven"),
    ],
)
def test_a_projects_period_reads_as_a_sentence_whatever_is_known(client, cast, start, end, period):
    project = Project.objects.create(
        name="Stoppa våldet", slug="stoppa-valdet", kind="samverkan", owner=cast.federation, start=start, end=end
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert f"<dt>Period</dt><dd>{period}</dd>" in html and "– –" not in html
