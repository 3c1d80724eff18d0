"""The register's filter form: every filter in the URL."""

import datetime
import re

from django import forms
from django.db.models import Value
from django.utils.translation import gettext_lazy as _

from federations.models import Body, Federation, Network, Project
from finsam.collation import swedish_sort_key
from meetings.models import Decision
from meetings.register.analysis import tokens
from meetings.register.selectors import Filters


class ListedChoiceField(forms.CharField):
    """One of many listed values (every network and federation, every project), checked against them when the form
    is cleaned. Django's ChoiceField normalises each of its choices whenever they are set, on every form made: some
    700 calls, 2 ms, for 320 names on each page of the register."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.choices: list[tuple[str, str]] = []

    def validate(self, value):
        super().validate(value)
        if value and value not in {key for key, _label in self.choices}:
            message = forms.ChoiceField.default_error_messages["invalid_choice"]
            raise forms.ValidationError(message, code="invalid_choice", params={"value": value})


# A § typed into the search: "§ 7", "§7", "§§ 3-5", "§ 3–5". The register's entries carry their § number, which no
# word of their text holds: the search's words found nothing, and "§ 7" alone had no word to search for.
PARAGRAPHS = re.compile(r"§+\s*(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?")
# A range of §§ in the search covers at most this many (a meeting's §§ are seldom more than a hundred).
MAX_PARAGRAPHS = 200


def paragraphs(query):
    """The query without its §§, and the § numbers it names."""
    numbers = []
    for match in PARAGRAPHS.finditer(query):
        first = int(match.group(1))
        last = int(match.group(2) or first)
        numbers += range(min(first, last), min(max(first, last), min(first, last) + MAX_PARAGRAPHS - 1) + 1)
    return PARAGRAPHS.sub(" ", query).strip(), tuple(dict.fromkeys(numbers))


# A day typed into the search: "2022-11-23", "23 november 2022", "23 nov. 2022". An entry's date is no word of its
# text: the search looked for the numbers 2022, 11 and 23 in it and found nothing.
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
DAYS = re.compile(
    r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b|(?:\bden\s+)?\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")[a-zåäö]*\.?\s+(\d{4})\b",
    re.IGNORECASE,
)


def days(query):
    """The query without the days it names, and those days; a day that is none (2022-13-45) stays in the query."""
    found = []

    def day(match):
        if match.group(1):
            year, month, number = int(match.group(1)), int(match.group(2)), int(match.group(3))
        else:
            year, month, number = int(match.group(6)), MONTHS.index(match.group(5).lower()[:3]) + 1, int(match.group(4))
        try:
            found.append(datetime.date(year, month, number))
        except ValueError:
            return match[0]
        return " "

    return DAYS.sub(day, query).strip(), tuple(dict.fromkeys(found))


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Sök"), required=False, max_length=200)
    forbund = ListedChoiceField(label=_("Förbund eller nätverk"), required=False)
    organ = forms.ChoiceField(
        label=_("Typ av organ"), required=False, choices=[("", _("Alla organ")), *Body.Kind.choices]
    )
    ar = forms.IntegerField(label=_("År"), required=False, min_value=1990, max_value=2100)
    fran = forms.DateField(label=_("Från"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    till = forms.DateField(label=_("Till"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    utfall = forms.ChoiceField(
        label=_("Utfall"), required=False, choices=[("", _("Alla utfall")), *Decision.Outcome.choices]
    )
    form = forms.ChoiceField(
        label=_("Beslutsform"), required=False, choices=[("", _("Alla beslutsformer")), *Decision.Method.choices]
    )
    projekt = ListedChoiceField(label=_("Projekt"), required=False)
    person = forms.CharField(
        label=_("Person (uppdrag eller reservation)"),
        required=False,
        max_length=200,
        help_text=_("Skriv namnet, helt eller delvis."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Networks, federations and projects in one query (the register's every page builds this form), each kind
        # in Swedish order (å, ä, ö after z) on both databases.
        choices: dict[str, list[tuple[str, str]]] = {"network": [], "federation": [], "project": []}
        named = Network.objects.order_by().values_list(Value("network"), "slug", "name")
        named = named.union(Federation.objects.order_by().values_list(Value("federation"), "slug", "name"), all=True)
        named = named.union(Project.objects.order_by().values_list(Value("project"), "slug", "name"), all=True)
        for kind, slug, name in sorted(named, key=lambda row: swedish_sort_key(row[2])):
            choices[kind].append((slug, name))
        self.fields["forbund"].choices = [("", _("Hela nätverket")), *choices["network"], *choices["federation"]]
        self.fields["projekt"].choices = [("", _("Alla projekt")), *choices["project"]]
        if user is None or not user.is_authenticated:
            # Signed in only. A name typed, not a list to choose from: at national scale the people with an
            # assignment or a reservation are thousands, and listing them would show names from every record.
            del self.fields["person"]

    swapped_dates = False

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start and end and start > end:
            # A range typed backwards is still the range meant: both dates kept, in order, and the page says so.
            cleaned["fran"], cleaned["till"] = end, start
            self.data = self.data.copy()
            self.data["fran"], self.data["till"] = end.isoformat(), start.isoformat()
            self.swapped_dates = True
        return cleaned

    def read_apart(self):
        """The §§ and days typed into the search as written ("§ 16", "23 november 2022"): what a suggestion of other
        words keeps beside them."""
        query = self.data.get("q", "") if self.is_bound else ""
        found = [*PARAGRAPHS.finditer(query), *DAYS.finditer(query)]
        return " ".join(match[0].strip() for match in sorted(found, key=lambda match: match.start()))

    def projects_named(self, query):
        """The projects whose name holds every word searched ("MIA", "studio ludum"), from the choices already read:
        a decision on MIA seldom says "MIA", it is linked to the project, which the project filter finds."""
        words = set(tokens(query))
        if not words:
            return []
        return [(slug, name) for slug, name in self.fields["projekt"].choices if slug and words <= set(tokens(name))]

    def invalid_filters(self):
        """The labels of the filters that could not be read (a date that is none, a federation that does not exist),
        in the form's order: the register lists nothing while any is there."""
        invalid = []
        if self.is_bound and not self.is_valid():
            invalid = [str(field.label) for name, field in self.fields.items() if name in self.errors]
        if "person" not in self.fields and self.data.get("person", "").strip():
            # Signed out the filter is not offered: a link that carries it (a colleague's) is not the whole register.
            invalid.append(str(self.base_fields["person"].label))
        return invalid

    def filters(self):
        data = {}
        if self.is_bound:
            self.is_valid()  # the valid fields are read; an invalid one is left out (invalid_filters names it)
            data = self.cleaned_data
        query, numbers = paragraphs(data.get("q", ""))
        query, on_days = days(query)
        return Filters(
            q=query,
            numbers=numbers,
            days=on_days,
            federation=data.get("forbund", ""),
            body_kind=data.get("organ", ""),
            year=data.get("ar"),
            date_from=data.get("fran"),
            date_to=data.get("till"),
            outcome=data.get("utfall", ""),
            method=data.get("form", ""),
            project=data.get("projekt", ""),
            person=data.get("person", "").strip(),
        )


class AssignmentFilterForm(forms.Form):
    """The assignments overview's federation filter: a slug, or nothing (a NUL character is no slug)."""

    forbund = forms.SlugField(required=False)

    def federation(self):
        return self.cleaned_data["forbund"] if self.is_valid() else ""
