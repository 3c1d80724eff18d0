"""Secretaries and admins edit the register in the portal, with validation; nobody else can."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from federations.models import Mandate, MemberOrganisation, Membership, Person
from federations.permissions import roles_cached_for_one_request, roles_for
from finsam.models import AuditEntry

CREATE = "/forbund/test/uppdrag/nytt/"


def mandate_data(cast, **overrides):
    data = {
        "person": cast.member.pk,
        "body": cast.board.pk,
        "role": "ledamot",
        "organisation": cast.kommun.pk,
        "start": "2027-01-01",
        "end": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("key", "status"), [(None, 302), ("outsider", 404), ("member", 403), ("chair", 403), ("coordinator", 403)]
)
def test_only_the_federations_secretaries_and_admins_edit_the_register(client_for, cast, key, status):
    for url in ("/forbund/test/register/", CREATE, "/forbund/test/importera-ledamoter/"):
        assert client_for(key).get(url).status_code == status, url


@pytest.mark.parametrize("key", ["secretary", "admin"])
def test_a_secretary_adds_a_mandate_with_a_new_person(client_for, cast, key):
    data = mandate_data(cast, person="", new_person="Nina Ny", role="ersattare", substitute_order="2")
    response = client_for(key).post(CREATE, data)
    assert response.status_code == 302
    mandate = Mandate.objects.get(person__name="Nina Ny")
    assert (mandate.role, mandate.substitute_order, mandate.organisation) == ("ersattare", 2, cast.kommun)
    assert AuditEntry.objects.filter(action="federations.mandate.created", actor=cast.user(key)).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"start": "2019-01-01", "end": "2020-06-01"}, "har redan ett uppdrag i Styrelse"),
        ({"end": "2026-01-01"}, "Slutdatum måste vara samma dag som eller efter startdatum."),
        ({"role": "ersattare", "person": "", "new_person": "Nils Ny"}, "En ersättare behöver en inkallelseordning"),
        ({"role": "ordforande", "person": "", "new_person": "Nils Ny"}, "Någon annan är redan ordförande"),
        ({"person": "", "new_person": ""}, "Välj en person eller skriv namnet på en ny."),
    ],
)
def test_an_invalid_mandate_is_refused_with_a_reason_and_nothing_is_saved(client_for, cast, overrides, message):
    before = (Mandate.objects.count(), Person.objects.count())
    response = client_for("secretary").post(CREATE, mandate_data(cast, **overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Mandate.objects.count(), Person.objects.count()) == before


def test_the_appointing_organisation_must_be_a_member_of_the_federation(client_for, cast):
    stranger = MemberOrganisation.objects.create(name="Annanstans kommun", slug="annan", kind="kommun")
    Membership.objects.create(federation=cast.other_federation, organisation=stranger)
    response = client_for("secretary").post(
        CREATE, mandate_data(cast, person="", new_person="X", organisation=stranger.pk)
    )
    assert response.status_code == 200
    assert not Mandate.objects.filter(person__name="X").exists()


def test_ending_a_mandate_keeps_it_in_history(client_for, cast):
    mandate = Mandate.objects.get(person=cast.member)
    url = f"/forbund/test/uppdrag/{mandate.pk}/avsluta/"
    assert client_for("secretary").post(url, {"end": "2019-01-01"}).status_code == 200  # before the start
    assert client_for("secretary").post(url, {"end": "2026-06-30"}).status_code == 302
    mandate.refresh_from_db()
    assert mandate.end == datetime.date(2026, 6, 30)


def test_an_ended_mandate_is_not_revived_by_ending_it_later(client_for, cast):
    """ "Avsluta" on a mandate ended in 2014, with an end in 2030, made a second chair beside the present one."""
    mandate = Mandate.objects.get(person=cast.member)
    url = f"/forbund/test/uppdrag/{mandate.pk}/avsluta/"
    client = client_for("secretary")
    client.post(url, {"end": "2026-06-30"})
    html = client.post(url, {"end": "2030-12-31"}).content.decode()
    assert "Uppdraget slutade redan 30 juni 2026" in html
    assert client.post(url, {"end": "2026-05-31"}).status_code == 302  # ending it earlier mends a slip
    mandate.refresh_from_db()
    assert mandate.end == datetime.date(2026, 5, 31)


def test_a_mandate_of_another_federation_cannot_be_ended_through_this_one(client_for, cast):
    foreign = Mandate.objects.get(person=cast.outsider)
    assert (
        client_for("secretary").post(f"/forbund/test/uppdrag/{foreign.pk}/avsluta/", {"end": "2026-06-30"}).status_code
        == 404
    )


def test_writes_need_a_csrf_token(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.user("secretary"))
    assert client.post(CREATE, mandate_data(cast)).status_code == 403


GOOD_CSV = (
    "namn;e-post;parti;organ;roll;utsedd_av;från;till;inkallelseordning\n"
    "Karin Ny;karin@example.se;S;Styrelse;ersättare;Testby kommun;2027-01-01;;3\n"
    "Maja Ledamot;;;Styrelse;ledamot;Försäkringskassan;2020-01-01;;\n"
)


def upload(client, text, name="roster.csv", encoding="utf-8"):
    return client.post(
        "/forbund/test/importera-ledamoter/", {"file": SimpleUploadedFile(name, text.encode(encoding), "text/csv")}
    )


def test_a_roster_dry_run_says_what_would_happen_and_saves_nothing(client_for, cast):
    client = client_for("secretary")
    response = upload(client, GOOD_CSV)
    html = response.content.decode()
    assert "Ny person: Karin Ny." in html
    assert "Uppdraget finns redan – ingen ändring." in html
    assert not Person.objects.filter(name="Karin Ny").exists()
    response = client.post("/forbund/test/importera-ledamoter/", {"confirm": "1"})
    assert response.status_code == 302
    assert Mandate.objects.get(person__name="Karin Ny").substitute_order == 3


def test_a_windows_1252_roster_with_commas_is_read(client_for, cast):
    client = client_for("admin")
    text = GOOD_CSV.replace(";", ",").replace("Karin Ny", "Åke Öberg")
    response = upload(client, text, encoding="cp1252")
    assert "Ny person: Åke Öberg." in response.content.decode()


def test_a_roster_with_one_bad_row_saves_nothing_and_says_why(client_for, cast):
    text = GOOD_CSV + "Bo Fel;;;Finns inte;ledamot;;2027-13-01;;\n" + "Per Ers;;;Styrelse;ersättare;;2027-01-01;;\n"
    client = client_for("secretary")
    html = upload(client, text).content.decode()
    assert "Förbundet har inget organ som heter Finns inte." in html
    assert "från är inte ett datum" in html
    assert "En ersättare behöver en inkallelseordning" in html
    assert "Importera alla rader" not in html
    assert client.post("/forbund/test/importera-ledamoter/", {"confirm": "1"}).status_code == 200
    assert not Person.objects.filter(name__in=["Karin Ny", "Bo Fel", "Per Ers"]).exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "tom.csv", "tom"),
        (b"\x00\x01\x02binary", "data.csv", "ser inte ut att vara text"),
        (b"namn;organ;roll;fr\xe5n\nBo \x81;Styrelse;ledamot;2027-01-01\n", "trasig.csv", "ser inte ut att vara text"),
        (b"namn;organ\nA;B\n", "roster.csv", "Kolumner saknas: roll, från."),
        (b"x" * 10, "roster.xlsx", "måste vara en CSV-fil"),
        (b"x" * (2 * 1024 * 1024 + 1), "stor.csv", "för stor"),
    ],
)
def test_a_bad_roster_file_is_refused_with_a_clear_message(client_for, cast, content, name, message):
    response = client_for("secretary").post(
        "/forbund/test/importera-ledamoter/", {"file": SimpleUploadedFile(name, content, "text/csv")}
    )
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_member_given_a_secretary_mandate_edits_the_register_from_the_next_request(client_for, cast):
    client = client_for("member")
    assert client.get("/forbund/test/register/").status_code == 403
    mandate = Mandate.objects.create(
        person=cast.member, body=cast.board, role=Mandate.Role.SECRETARY, start=datetime.date(2020, 1, 1)
    )
    assert client.get("/forbund/test/register/").status_code == 200
    mandate.delete()
    assert client.get("/forbund/test/register/").status_code == 403


def test_roles_are_worked_out_once_per_request_and_afresh_outside_one(cast, django_assert_num_queries):
    user = cast.user("member")
    with roles_cached_for_one_request():
        assert not roles_for(user).can_write(cast.federation.pk)
        Mandate.objects.create(
            person=cast.member, body=cast.board, role=Mandate.Role.SECRETARY, start=datetime.date(2020, 1, 1)
        )
        with django_assert_num_queries(0):
            assert not roles_for(user).can_write(cast.federation.pk)  # the request's own answer
    with roles_cached_for_one_request():  # the next request, with the same user object
        assert roles_for(user).can_write(cast.federation.pk)
    Mandate.objects.filter(person=cast.member, role=Mandate.Role.SECRETARY).delete()
    assert not roles_for(user).can_write(cast.federation.pk)  # outside a request (a task, a command): never cached


def test_a_roster_row_never_links_another_federations_namesake(client_for, cast):
    """The roster matched names across the whole register: a row naming another federation's chair made her a
    member here, reading this federation's drafts. The row makes a new person of the federation instead."""
    outsider = Person.objects.get(name="Olle Utomstående")
    client = client_for("secretary")
    row = "namn;organ;roll;från\nolle utomstående;Styrelse;adjungerad;2027-01-01\n"
    assert "Ny person: olle utomstående." in upload(client, row).content.decode()
    client.post("/forbund/test/importera-ledamoter/", {"confirm": "1"})
    assert not outsider.mandates.filter(body=cast.board).exists()
    assert Mandate.objects.get(body=cast.board, role="adjungerad").person != outsider


def test_a_roster_row_names_the_federations_own_person_whatever_the_case(client_for, cast):
    row = "namn;organ;roll;från;utsedd_av\nmaja ledamot;Styrelse;ledamot;2020-01-01;Försäkringskassan\n"
    assert "Uppdraget finns redan" in upload(client_for("secretary"), row).content.decode()


def test_two_rows_of_a_roster_holding_one_chair_at_once_are_named_in_the_preview(client_for, cast):
    """The preview passed both and the import then refused the file naming no row."""
    rows = (
        "namn;organ;roll;från\n"
        "Ada Ett;Styrelse;1:e vice ordförande;2031-01-01\nBo Två;Styrelse;1:e vice ordförande;2031-06-01\n"
    )
    html = upload(client_for("secretary"), rows).content.decode()
    assert "Rad 2 är redan 1:e vice ordförande i Styrelse under samma period." in html
    assert "Importera alla rader" not in html


@pytest.mark.parametrize(
    ("role", "order", "message"),
    [
        ("ledamot", "", "Bara en ersättare kan vara personlig ersättare"),
        ("ersattare", "0", "Inkallelseordningen börjar på 1."),
    ],
)
def test_a_personal_substitute_is_an_ersattare_for_a_ledamot(client_for, cast, role, order, message):
    seat = Mandate.objects.get(person=cast.member)
    data = mandate_data(
        cast, person="", new_person="Ny Ersättare", role=role, substitute_for=seat.pk, substitute_order=order
    )
    assert message in client_for("secretary").post(CREATE, data).content.decode()
    assert not Person.objects.filter(name="Ny Ersättare").exists()


def test_ending_a_membership_names_the_seats_its_organisation_still_holds(client_for, cast):
    """Eskilstuna left and its chair and ersättare stayed in the composition, with no word of it."""
    from federations.models import Membership

    membership = Membership.objects.get(federation=cast.federation, organisation=cast.fk)
    response = client_for("secretary").post(
        f"/forbund/test/medlemmar/{membership.pk}/avsluta/", {"end": "2026-06-30"}, follow=True
    )
    html = response.content.decode()
    assert "Medlemskapet är avslutat." in html
    assert f"{cast.fk.name} har utsett {cast.member.name} (ledamot, Styrelse), som gäller efter 30 juni 2026" in html


def test_a_personal_substitute_pairs_with_a_ledamot_whose_mandate_period_has_an_end(client_for, cast):
    """Only open-ended seats were offered: a ledamot elected for the period 2027–2030 (an end date, as mandate periods
    have) could not be given a personal ersättare ("Välj ett giltigt alternativ")."""
    seat = Mandate.objects.get(person=cast.member)
    Mandate.objects.filter(pk=seat.pk).update(end=datetime.date(2030, 12, 31))
    data = mandate_data(
        cast, person="", new_person="Ny Ersättare", role="ersattare", organisation=cast.fk.pk, substitute_for=seat.pk
    )
    response = client_for("secretary").post(CREATE, data)
    assert response.status_code == 302, response.content.decode()
    assert Mandate.objects.get(person__name="Ny Ersättare").substitute_for == seat


def test_an_ended_seat_is_not_offered_for_a_personal_substitute(client_for, cast):
    seat = Mandate.objects.get(person=cast.member)
    Mandate.objects.filter(pk=seat.pk).update(end=datetime.date(2021, 12, 31))
    html = client_for("secretary").get(CREATE).content.decode()
    choices = html[html.index('name="substitute_for"') :].split("</select>")[0]
    assert f'<option value="{seat.pk}">' not in choices


def test_an_ended_membership_is_not_revived_over_a_later_one(client_for, cast):
    """Posting a later end date to a membership that had ended revived it, overlapping the organisation's new one."""
    old = Membership.objects.get(federation=cast.federation, organisation=cast.fk)
    Membership.objects.filter(pk=old.pk).update(end=datetime.date(2025, 12, 31))
    Membership.objects.create(federation=cast.federation, organisation=cast.fk, start=datetime.date(2026, 6, 1))
    response = client_for("secretary").post(
        f"/forbund/test/medlemmar/{old.pk}/avsluta/", {"end": "2026-12-31"}, follow=True
    )
    assert "Medlemskapet slutade redan 31 december 2025." in response.content.decode()
    old.refresh_from_db()
    assert old.end == datetime.date(2025, 12, 31)


def test_each_end_button_of_the_register_names_its_row_for_a_screen_reader(client_for, cast):
    """Every membership's button read "Avsluta", and a person's two mandates "Avsluta uppdraget för X": a screen
    reader's list of buttons and links could not tell which row each ended."""
    page = client_for("secretary").get("/forbund/test/register/").content.decode()
    for membership in Membership.objects.filter(federation__slug="test"):
        name = membership.organisation.name
        assert f'Avsluta<span class="visually-hidden"> medlemskapet för {name}</span></button>' in page
    for mandate in Mandate.objects.filter(body__federation__slug="test", end__isnull=True).select_related("body"):
        role = mandate.get_role_display().lower()
        assert f"uppdraget för {mandate.person.name} som {role} i {mandate.body.name}</span>" in page
