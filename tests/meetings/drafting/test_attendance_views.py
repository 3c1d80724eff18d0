"""The attendance page and the people pickers: proposals, quorum, the body's members first; pinned queries."""

import datetime

import pytest

from federations.models import Body, Federation, Mandate, Person
from meetings.drafting import services
from meetings.drafting.forms import AttendanceForm
from tests.meetings.factories import plan_meeting


@pytest.fixture
def meeting(cast):
    return plan_meeting(cast)


def absent_ledamot_with_personal_substitute(cast, meeting, i):
    """A ledamot who sent word (anmält förhinder) and their personal ersättare, who came."""
    ledamot = Person.objects.create(name=f"Ledamot {i}")
    seat = Mandate.objects.create(
        person=ledamot, body=cast.board, role="ledamot", organisation=cast.kommun, start=datetime.date(2020, 1, 1)
    )
    substitute = Person.objects.create(name=f"Ersättare {i}")
    Mandate.objects.create(
        person=substitute, body=cast.board, role="ersattare", organisation=cast.kommun, substitute_for=seat,
        start=datetime.date(2020, 1, 1),
    )  # fmt: skip
    services.attendance_save(actor=None, meeting=meeting, person=ledamot, role="ledamot", status="anmalt_forhinder")
    services.attendance_save(actor=None, meeting=meeting, person=substitute, role="ersattare", status="narvarande")


@pytest.mark.parametrize("size", [1, 6])
def test_the_attendance_page_runs_a_fixed_number_of_queries(client_for, cast, meeting, django_assert_num_queries, size):
    for i in range(size):
        absent_ledamot_with_personal_substitute(cast, meeting, i)
    client = client_for("secretary")
    # session, user, person, staff roles, mandates (roles); meeting with body, chair and secretary; attendances
    # with people, organisations and whom they serve for; voting seats (quorum); ersättare mandates with the
    # ledamot they stand in for (proposals); the form's choices: people, organisations, federations, attendances;
    # what the register changed since (mandates on the day, the list, its people's seats in the body, justerare)
    with django_assert_num_queries(17):
        response = client.get(f"/moten/{meeting.pk}/narvaro/")
    proposals = response.context["proposals"]
    assert [(a.display_name, s.display_name, paragraphs) for a, s, paragraphs in proposals] == [
        (f"Ledamot {i}", f"Ersättare {i}", "") for i in range(size)
    ]


def optgroups(html, select_id):
    """{group label: [option texts]} of one <select> in the page."""
    import re

    select = html[html.index(f'id="{select_id}"') :]
    select = select[: select.index("</select>")]
    groups = re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S)
    return {label: re.findall(r"<option[^>]*>([^<]*)</option>", body) for label, body in groups}


@pytest.mark.parametrize(
    ("url", "select_id"),
    [("/moten/{pk}/andra/", "id_chair"), ("/moten/{pk}/andra/", "id_secretary"), ("/moten/{pk}/narvaro/", "id_person")],
)
def test_pickers_offer_the_bodys_members_first_and_never_another_federations_people(
    client_for, cast, meeting, url, select_id
):
    html = client_for("secretary").get(url.format(pk=meeting.pk)).content.decode()
    groups = optgroups(html, select_id)
    members, others = groups["Organets ledamöter och ersättare"], groups["Övriga i förbundet"]
    assert members == sorted([cast.chair.name, cast.member.name, cast.substitute.name])
    assert cast.secretary.name in others and cast.admin.name in others
    assert all(cast.outsider.name not in names for names in groups.values())


def test_a_picker_refuses_another_federations_person(client_for, cast, meeting):
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/andra/", {"date": "2026-03-01", "chair": cast.outsider.pk, "secretary": cast.secretary.pk}
    )
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.chair == cast.chair


@pytest.mark.parametrize("page", ["/moten/{pk}/", "/moten/{pk}/narvaro/"])
def test_minnesanteckningar_show_no_quorum(client_for, cast, page):
    notes = plan_meeting(cast, record_kind="minnesanteckningar")
    html = client_for("secretary").get(page.format(pk=notes.pk)).content.decode()
    assert "beslutsfört" not in html.lower() and "ledamöter tjänstgör" not in html


@pytest.mark.parametrize("page", ["/moten/{pk}/", "/moten/{pk}/narvaro/"])
def test_a_body_without_voting_seats_shows_no_quorum(client_for, cast, page):
    group = cast.federation.bodies.create(name="Beredningsgrupp", slug="beredning", kind="beredningsgrupp")
    meeting = plan_meeting(cast, body=group, record_kind="protokoll")
    html = client_for("secretary").get(page.format(pk=meeting.pk)).content.decode()
    assert "ledamöter tjänstgör" not in html


def test_a_board_protocol_still_shows_its_quorum(client_for, meeting):
    assert "ledamöter tjänstgör" in client_for("secretary").get(f"/moten/{meeting.pk}/narvaro/").content.decode()


def test_a_row_changed_to_no_person_and_no_name_is_refused_and_kept(client_for, cast, meeting):
    """Clearing both the person and the name of a row saved nobody: "Beslutande: , ordförande" in the protocol and
    a nameless row counted towards the quorum. The page says why and the row stays as it was."""
    ledamot = Person.objects.create(name="Karin Ek")
    row = services.attendance_save(actor=None, meeting=meeting, person=ledamot, role="ledamot", status="narvarande")
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/narvaro/{row.pk}/",
        {"person": "", "name": "  ", "role": "ledamot", "status": "narvarande"},
    )
    assert response.status_code == 200
    assert "Välj en person eller skriv ett namn." in response.content.decode()
    row.refresh_from_db()
    assert (row.person, row.name) == (ledamot, "Karin Ek")


def test_a_row_may_drop_its_person_and_keep_a_typed_name(meeting):
    row = services.attendance_save(
        actor=None, meeting=meeting, person=Person.objects.create(name="Karin Ek"), role="ledamot"
    )
    services.attendance_save(actor=None, meeting=meeting, attendance=row, person=None, name="Karin Ek-Lund")
    row.refresh_from_db()
    assert (row.person, row.display_name) == (None, "Karin Ek-Lund")


def test_a_row_changed_after_the_protocol_went_for_justering_says_why_and_keeps_what_was_typed(
    client_for, cast, meeting
):
    """The form was open when the protocol was sent: the secretary is told why, with the typed name kept, not a
    bare 403."""
    from meetings.justering import services as justering

    row = services.attendance_save(actor=None, meeting=meeting, name="Karin Ek", role="ledamot", status="narvarande")
    meeting.justerare.add(cast.member)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    response = client_for("secretary").post(
        f"/moten/{meeting.pk}/narvaro/{row.pk}/", {"name": "Karin Ek-Lund", "role": "ledamot", "status": "narvarande"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Protokollet är skickat på justering" in html and 'value="Karin Ek-Lund"' in html
    row.refresh_from_db()
    assert row.name == "Karin Ek"
    assert client_for("member").post(f"/moten/{meeting.pk}/narvaro/{row.pk}/", {"name": "X"}).status_code == 403


def test_a_refused_form_opens_with_a_summary_linking_each_error_to_its_field(client_for, meeting):
    """A screen reader was told nothing after a failed save: the focus stayed on the page. The summary takes the
    focus (static/js/portal.js) and links each error to its field."""
    html = (
        client_for("secretary")
        .post(
            f"/moten/{meeting.pk}/narvaro/",
            {"name": "Eva Ek", "role": "ledamot", "status": "narvarande", "paragraphs": "x"},
        )
        .content.decode()
    )
    assert "data-error-summary" in html and 'role="alert"' in html
    assert '<a href="#id_paragraphs">Endast §§: Ange paragrafer som t.ex. 1-4 eller 2, 5-7.</a>' in html


def test_the_attendance_form_offers_the_federations_member_organisations_only(client_for, cast, meeting):
    from federations.models import MemberOrganisation

    elsewhere = MemberOrganisation.objects.create(name="Annanstads kommun")
    html = client_for("secretary").get(f"/moten/{meeting.pk}/narvaro/").content.decode()
    assert f">{cast.kommun.name}</option>" in html and "Annanstads kommun" not in html
    assert elsewhere.pk


def test_an_attendee_represents_only_a_federation_of_the_bodys_network(client_for, cast, meeting):
    """A network's meeting offers its federations; a federation's own body offers itself and its network's; never a
    federation outside them, even when its id is posted."""
    neighbour = Federation.objects.create(name="Samordningsförbundet Granne", slug="granne", network=cast.network)
    presidia = Body.objects.create(network=cast.network, name="Presidienätverket", slug="presidier", kind="natverk")
    network_meeting = services.meeting_create(actor=None, body=presidia, date=datetime.date(2026, 3, 1))
    other_meeting = services.meeting_create(actor=None, body=cast.other_board, date=datetime.date(2026, 3, 1))

    def offered(m):
        return set(AttendanceForm(meeting=m).fields["represents"].queryset)

    assert offered(network_meeting) == {cast.federation, neighbour}
    assert offered(meeting) == {cast.federation, neighbour}
    assert offered(other_meeting) == {cast.other_federation}
    guest = {"name": "Gäst", "role": "adjungerad", "status": "narvarande", "represents": cast.other_federation.pk}
    response = client_for("secretary").post(f"/moten/{meeting.pk}/narvaro/", guest)
    assert response.status_code == 200 and "Välj ett giltigt alternativ" in response.content.decode()
    assert not meeting.attendances.filter(name="Gäst").exists()
