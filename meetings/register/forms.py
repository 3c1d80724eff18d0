"""The register's filter form: every filter in the URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

from federations.models import Body, Federation, Network, Project
from meetings.models import Decision
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
    person = forms.CharField(
        label=_("Person (uppdrag eller reservation)"),
        required=False,
        max_length=200,
        help_text=_("Skriv namnet, helt eller delvis."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        owners = [("", _("Hela nätverket"))]
        owners += Network.objects.order_by("name").values_list("slug", "name")
        owners += Federation.objects.order_by("name").values_list("slug", "name")
        self.fields["forbund"].choices = owners
        projects = Project.objects.order_by("name").values_list("slug", "name")
        self.fields["projekt"].choices = [("", _("Alla projekt")), *projects]
        if user is None or not user.is_authenticated:
            # Signed in only. A name typed, not a list to choose from: at national scale the people with an
            # assignment or a reservation are thousands, and listing them would show names from every record.
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
            person=data.get("person", "").strip(),
        )


class AssignmentFilterForm(forms.Form):
    """The assignments overview's federation filter: a slug, or nothing (a NUL character is no slug)."""

    forbund = forms.SlugField(required=False)

    def federation(self):
        return self.cleaned_data["forbund"] if self.is_valid() else ""
