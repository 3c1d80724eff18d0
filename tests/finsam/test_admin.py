"""Administrators set up the register in the Django admin; a signed record cannot be changed there either."""

import pytest

from federations.models import Federation, Mandate
from meetings.justering import services as justering
from meetings.models import Meeting
from tests.conftest import on_the_tests_day

from ..meetings.factories import ready_to_send, sign_all

pytestmark = on_the_tests_day


@pytest.fixture
def superuser(client, django_user_model):
    user = django_user_model.objects.create_superuser("root@example.se", "root@example.se", "x")
    client.force_login(user)
    return client


def test_an_administrator_adds_a_federation(superuser, cast):
    response = superuser.post(
        "/admin/federations/federation/add/",
        {
            "name": "Samordningsförbundet Östra Skaraborg",
            "short_name": "ÖS",
            "slug": "ostra-skaraborg",
            "network": cast.network.pk,
            "memberships-TOTAL_FORMS": 0,
            "memberships-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Federation.objects.get(slug="ostra-skaraborg").network == cast.network


def test_a_mandate_ends_in_the_admin_it_is_never_deleted(superuser, cast):
    mandate = Mandate.objects.filter(body=cast.board).first()
    assert superuser.get(f"/admin/federations/mandate/{mandate.pk}/delete/").status_code == 403
    assert Mandate.objects.filter(pk=mandate.pk).exists()


def test_a_justerat_meeting_is_only_read_in_the_admin(superuser, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = ready_to_send(cast)
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    sign_all(cast, meeting)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.JUSTERAT
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    page = superuser.get(url)
    assert page.status_code == 200 and 'name="place"' not in page.content.decode()  # a view, not a form
    assert superuser.post(url, {"place": "Någon annanstans"}).status_code == 403
    assert superuser.post(f"/admin/meetings/meeting/{meeting.pk}/delete/", {"post": "yes"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.place != "Någon annanstans"
