"""The register's filter form: every filter in the URL."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from federations.models import Body, Federation, Network, Person, Project
from meetings.models import Assignment, Decision, Reservation
from meetings.permissions import visible_entries
from meetings.register.selectors import Filters


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label=_("Sök"), required=False, max_length=200)
    forbund = forms.ChoiceField(label=_("Förbund eller nätverk"), required=False)
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
    projekt = forms.ChoiceField(label=_("Projekt"), required=False)
    person = forms.ModelChoiceField(
        label=_("Person (uppdrag eller reservation)"), required=False, queryset=Person.objects.none()
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        owners = [("", _("Hela nätverket"))]
        owners += Network.objects.order_by("name").values_list("slug", "name")
        owners += Federation.objects.order_by("name").values_list("slug", "name")
        self.fields["forbund"].choices = owners
        projects = Project.objects.order_by("name").values_list("slug", "name")
        self.fields["projekt"].choices = [("", _("Alla projekt")), *projects]
        if user is not None and user.is_authenticated:
            # Whoever the filter finds: owners of assignments and those who reserved themselves against a decision,
            # in the records this user may see (never names from another federation's unpublished protocols).
            # Two id subqueries, not joins: joining people to their attendances, assignments and reservations
            # multiplies the rows before DISTINCT (ten minutes at 240,000 decisions, with no assignment at all).
            visible = visible_entries(user)
            owners = Assignment.objects.filter(item_id__in=visible.values("item_id")).values("owner_id")
            reserving = Reservation.objects.filter(decision_id__in=visible.values("decision_id"))
            people = Person.objects.filter(
                Q(pk__in=owners) | Q(pk__in=reserving.values("attendance__person_id"))
            ).order_by("name")
            self.fields["person"].queryset = people
            # One query for the options (a ModelChoiceIterator would count, then fetch, when a template loops over it).
            self.fields["person"].choices = [("", _("Alla personer"))] + [(p.pk, p.name) for p in people]
        else:
            del self.fields["person"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fran"), cleaned.get("till")
        if start and end and start > end:
            self.add_error("till", _("Till-datumet ligger före från-datumet."))
        return cleaned

    def filters(self):
        data = {}
        if self.is_bound:
            self.is_valid()  # the valid fields still filter; an invalid one is left out and shows its error
            data = self.cleaned_data
        person = data.get("person")
        return Filters(
            q=data.get("q", ""),
            federation=data.get("forbund", ""),
            body_kind=data.get("organ", ""),
            year=data.get("ar"),
            date_from=data.get("fran"),
            date_to=data.get("till"),
            outcome=data.get("utfall", ""),
            method=data.get("form", ""),
            project=data.get("projekt", ""),
            person=person.pk if person else None,
        )


class AssignmentFilterForm(forms.Form):
    """The assignments overview's federation filter: a slug, or nothing (a NUL character is no slug)."""

    forbund = forms.SlugField(required=False)

    def federation(self):
        return self.cleaned_data["forbund"] if self.is_valid() else ""
