"""Names sort the Swedish way in the database itself, on SQLite and on PostgreSQL alike."""

import pytest

from federations.models import MemberOrganisation, Person

NAMES_IN_SWEDISH_ORDER = ["Anna Ek", "Éva Berg", "Oskar Lind", "Zlatan Ås", "Åsa Berg", "Ärla Ek", "Örjan Ek"]


@pytest.mark.django_db
def test_people_are_listed_with_a_a_o_after_z():
    for name in reversed(NAMES_IN_SWEDISH_ORDER):
        Person.objects.create(name=name)
    assert list(Person.objects.values_list("name", flat=True)) == NAMES_IN_SWEDISH_ORDER  # Meta.ordering


@pytest.mark.django_db
def test_equality_and_uniqueness_stay_exact():
    Person.objects.create(name="Anna Ek")
    assert not Person.objects.filter(name="anna ek").exists()
    MemberOrganisation.objects.create(name="Östersunds kommun", slug="a", kind=MemberOrganisation.Kind.MUNICIPALITY)
    MemberOrganisation.objects.create(name="östersunds kommun", slug="b", kind=MemberOrganisation.Kind.MUNICIPALITY)
    assert MemberOrganisation.objects.filter(name="Östersunds kommun").count() == 1
