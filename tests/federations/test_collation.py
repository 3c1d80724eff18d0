"""Names sort the Swedish way in the database itself, on SQLite and on PostgreSQL alike."""

import pytest

from federations.models import Federation, MemberOrganisation, Person, Project
from finsam.collation import swedish_sort_key

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


PROJECTS_IN_SWEDISH_ORDER = [
    "MIA – Mot arbetsmarknaden i samverkan",
    "MIA 2",
    "MIA vidare",
    "MIA-projektet",
    "Stoppa våldet",
    "Studio Ludum Skövde",
    "Ögonblick",
]


@pytest.mark.django_db
def test_spaces_and_punctuation_sort_before_letters_in_the_database_and_in_python():
    """As ICU's sv-SE: "MIA – Mot arbetsmarknaden i samverkan" before "MIA vidare" (the en dash sorted after every
    letter by its code point on SQLite and in Python)."""
    owner = Federation.objects.create(name="Östra Södertörn", short_name="ÖS", slug="os")
    for i, name in enumerate(reversed(PROJECTS_IN_SWEDISH_ORDER)):
        Project.objects.create(name=name, slug=f"p{i}", kind="esf", owner=owner)
    assert list(Project.objects.order_by("name").values_list("name", flat=True)) == PROJECTS_IN_SWEDISH_ORDER
    for names in (PROJECTS_IN_SWEDISH_ORDER, NAMES_IN_SWEDISH_ORDER):
        assert sorted([*names[3:], *names[:3]], key=swedish_sort_key) == names


# Letters that no accent makes sort as the letter they are written from (ð as d, ł as l, þ as th), as ICU's sv-SE
# has them; they sorted after ö ("Łukasz" after "Östlund").
LETTERS_OF_THEIR_OWN_IN_SWEDISH_ORDER = [
    "Dahl",
    "Ðan",
    "Deland",
    "Ljung",
    "Łukasz",
    "Lund",
    "Tham",
    "Þóra",
    "Tora",
    "Ö",
]


@pytest.mark.django_db
def test_letters_of_their_own_sort_as_the_letters_they_are_written_from():
    for name in reversed(LETTERS_OF_THEIR_OWN_IN_SWEDISH_ORDER):
        Person.objects.create(name=name)
    assert list(Person.objects.values_list("name", flat=True)) == LETTERS_OF_THEIR_OWN_IN_SWEDISH_ORDER
    shuffled = LETTERS_OF_THEIR_OWN_IN_SWEDISH_ORDER[5:] + LETTERS_OF_THEIR_OWN_IN_SWEDISH_ORDER[:5]
    assert sorted(shuffled, key=swedish_sort_key) == LETTERS_OF_THEIR_OWN_IN_SWEDISH_ORDER


@pytest.mark.django_db
def test_names_that_differ_only_in_case_sort_lower_case_first():
    """As ICU's tertiary order on PostgreSQL; SQLite put the capital first (its code point is lower)."""
    for name in ("Af Klint", "af Klint", "Åa", "ÅA"):
        Person.objects.create(name=name)
    assert list(Person.objects.values_list("name", flat=True)) == ["af Klint", "Af Klint", "Åa", "ÅA"]
