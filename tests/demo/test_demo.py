import io
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo.register import municipality_name
from federations.models import Federation, Mandate, Person
from meetings.justering.pdf import render_protocol_html
from meetings.justering.protocol import snapshot as printed_snapshot
from meetings.models import Meeting


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    call_command("load_demo", stdout=io.StringIO())
    first = row_counts()
    call_command("load_demo", stdout=io.StringIO())
    second = row_counts()
    second.pop("sessions.Session", None), first.pop("sessions.Session", None)
    assert first == second


@pytest.mark.django_db
def test_the_demo_has_the_networks_federations_and_accounts():
    call_command("load_demo", stdout=io.StringIO())
    assert Federation.objects.filter(network__slug="stockholms-lan").count() == 8
    assert Federation.objects.filter(slug__in=["rar-sormland", "skaraborg"]).count() == 2
    assert Person.objects.get(name="Ann Lundqvist").user.email == "sekreterare@demo.finsam.se"


@pytest.mark.django_db
def test_the_demo_has_a_protocol_waiting_for_the_chair_and_the_justerare(client):
    call_command("load_demo", stdout=io.StringIO())
    for email in ["ordforande@demo.finsam.se", "justerare@demo.finsam.se"]:
        client.force_login(get_user_model().objects.get(email=email))
        assert "Att justera senast" in client.get("/").content.decode()
    client.force_login(get_user_model().objects.get(email="sekreterare@demo.finsam.se"))
    assert "Att justera senast" not in client.get("/").content.decode()  # the secretary has signed


@pytest.mark.parametrize(
    ("place", "name"),
    [
        ("Eskilstuna", "Eskilstuna kommun"),
        ("Gnesta", "Gnesta kommun"),
        ("Götene", "Götene kommun"),
        ("Skövde", "Skövde kommun"),
        ("Nyköping", "Nyköpings kommun"),
        ("Flen", "Flens kommun"),
        ("Strängnäs", "Strängnäs kommun"),
        ("Sundbybergs stad", "Sundbybergs stad"),
    ],
)
def test_municipalities_are_named_as_swedish_writes_them(place, name):
    assert municipality_name(place) == name


@pytest.mark.django_db
def test_seed_004_keeps_its_title_and_the_secretary_s_title():
    call_command("load_demo", stdout=io.StringIO())
    meeting = Meeting.objects.get(body__slug="arbetsutskottet", imported=True)
    assert "fört vid planeringsdag med arbetsutskottet" in meeting.title
    assert meeting.secretary_title == "Förbundssekreterare"
    printed = meeting.revisions.order_by("-number").first().snapshot["meeting"]
    html = render_protocol_html(printed_snapshot(meeting))
    assert "Protokoll fört vid planeringsdag med arbetsutskottet" in html
    assert re.search(r"Ann Lundqvist</p>\s*<p[^>]*>Förbundssekreterare<", html)
    assert printed["secretary_title"] == "Förbundssekreterare"


@pytest.mark.django_db
def test_seed_002_attendees_have_their_roles_from_the_register():
    call_command("load_demo", stdout=io.StringIO())
    meeting = Meeting.objects.get(body__federation__slug="skaraborg", body__slug="beredningsgrupp", imported=True)
    roles = {a.name: (a.role, a.role_title) for a in meeting.attendances.all()}
    assert len(roles) == 28
    assert roles["Louise Ahlgren"] == (Mandate.Role.OFFICER, "processtödjare")
    assert roles["Annika Bengtzing"] == (Mandate.Role.OFFICER, "")
    assert not [name for name, (role, _title) in roles.items() if role == Mandate.Role.MEMBER]
    assert meeting.attendances.filter(person__isnull=True).count() == 0


@pytest.mark.django_db
def test_the_demo_with_its_published_password_is_not_loaded_on_a_production_portal(settings):
    settings.DEBUG = settings.TESTING = False
    before = row_counts()
    with pytest.raises(CommandError, match="publicerat"):
        call_command("load_demo", stdout=io.StringIO())
    assert row_counts() == before
    assert not get_user_model().objects.filter(is_superuser=True).exists()
    call_command("load_demo", "--public-demo", stdout=io.StringIO())  # a demonstration site says so
    assert get_user_model().objects.filter(email="sekreterare@demo.finsam.se").exists()
