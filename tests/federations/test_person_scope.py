"""One federation's secretary cannot take over another federation's people (their name and e-mail, where that
federation's kallelse goes)."""

import datetime

import pytest

from federations.models import Mandate, StaffRole


@pytest.fixture
def other_secretary(cast):
    """The member of the other federation's board is also its secretary."""
    StaffRole.objects.create(person=cast.outsider, role=StaffRole.Role.SECRETARY, federation=cast.other_federation)
    return cast.user("outsider")


def test_the_mandate_form_offers_only_people_of_the_federation(client, cast, other_secretary):
    client.force_login(other_secretary)
    html = client.get(f"/forbund/{cast.other_federation.slug}/uppdrag/nytt/").content.decode()
    assert cast.member.name not in html and "Olle Utomstående" in html
    response = client.post(
        f"/forbund/{cast.other_federation.slug}/uppdrag/nytt/",
        {"person": cast.member.pk, "body": cast.other_board.pk, "role": "ledamot", "start": "2026-01-01"},
    )
    assert response.status_code == 200 and "giltigt" in response.content.decode()
    assert not Mandate.objects.filter(person=cast.member, body=cast.other_board).exists()


def test_a_person_with_a_current_mandate_elsewhere_is_edited_only_by_every_federation_concerned(
    client, cast, other_secretary
):
    # An ended mandate in the other federation (or one an administrator made) must not open the person for editing.
    Mandate.objects.create(person=cast.member, body=cast.other_board, role="ledamot", start=datetime.date(2020, 1, 1))
    client.force_login(other_secretary)
    url = f"/forbund/{cast.other_federation.slug}/personer/{cast.member.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Kapad", "email": "angripare@example.com"}).status_code == 403
    cast.member.refresh_from_db()
    assert (cast.member.name, cast.member.email) == ("Maja Ledamot", "member@example.se")


def test_the_own_secretary_edits_the_person(client_for, cast):
    url = f"/forbund/{cast.federation.slug}/personer/{cast.member.pk}/"
    assert client_for("secretary").get(url).status_code == 200


def test_a_person_outside_the_federation_is_not_found(client, cast, other_secretary):
    client.force_login(other_secretary)
    assert client.get(f"/forbund/{cast.other_federation.slug}/personer/{cast.chair.pk}/").status_code == 404


def test_a_persons_page_leads_the_secretary_to_the_edit_form_and_no_one_else(client_for, cast):
    """The edit form was reachable only by typing its address (or from a kallelse lacking an e-mail address): a
    secretary who found a misspelt name in the register had no way to mend it."""
    edit = f"/forbund/test/personer/{cast.member.pk}/"
    assert edit in client_for("secretary").get(f"/personer/{cast.member.pk}/").content.decode()
    for key in ("member", "chair", "outsider", None):
        assert edit not in client_for(key).get(f"/personer/{cast.member.pk}/").content.decode(), key
