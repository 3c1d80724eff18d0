"""Parse and validate register input. No side effects: services do the writes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Body, Mandate, MemberOrganisation, Person
from .permissions import people_in_scope
from .selectors import namesake_details, picker_label
from .services import validate_mandate


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AsOfForm(forms.Form):
    datum = forms.DateField(label=_("Sammansättning per datum"), required=False, widget=DateInput())


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "email", "party", "title"]


class MandateForm(forms.ModelForm):
    new_person = forms.CharField(
        label=_("…eller ny person (namn)"),
        required=False,
        max_length=200,
        help_text=_("Fyll i om personen inte finns i registret."),
    )

    class Meta:
        model = Mandate
        fields = [
            "person",
            "new_person",
            "body",
            "role",
            "role_title",
            "organisation",
            "start",
            "end",
            "substitute_order",
            "substitute_for",
        ]
        widgets = {"start": DateInput(), "end": DateInput()}

    def __init__(self, *args, federation, **kwargs):
        super().__init__(*args, **kwargs)
        self.federation = federation
        self.fields["person"].required = False
        # Only people already in this federation's scope (or a new person): picking anyone in the register would let
        # one federation's secretary take over another federation's people.
        people = people_in_scope(federation).order_by("name")
        self.fields["person"].queryset = people
        evaluated = list(people)  # read once, for the choices and what tells two "Anna Svensson" apart
        details = namesake_details(evaluated, federations=[federation.pk])
        self.fields["person"].choices = [("", "---------"), *((p.pk, picker_label(p, details)) for p in evaluated)]
        self.fields["body"].queryset = Body.objects.filter(federation=federation)
        self.fields["organisation"].queryset = MemberOrganisation.objects.filter(
            memberships__federation=federation
        ).distinct()
        # seats not yet ended: a mandate period's seat has an end date, and a new period's seat may start later
        self.fields["substitute_for"].queryset = (
            Mandate.objects.filter(body__federation=federation, role__in=Mandate.VOTING_ROLES)
            .filter(Q(end__isnull=True) | Q(end__gte=timezone.localdate()))
            .select_related("person", "body")
        )

    def clean(self):
        data = super().clean()
        person, new_person = data.get("person"), (data.get("new_person") or "").strip()
        if person is None and not new_person:
            self.add_error("person", _("Välj en person eller skriv namnet på en ny."))
        if person is not None and new_person:
            self.add_error("new_person", _("Välj en befintlig person eller skriv ett nytt namn, inte båda."))
        if self.errors or data.get("body") is None:
            return data
        candidate = person or Person(name=new_person)
        try:
            validate_mandate(
                person=candidate,
                body=data["body"],
                role=data["role"],
                start=data["start"],
                end=data.get("end"),
                organisation=data.get("organisation"),
                substitute_order=data.get("substitute_order"),
                substitute_for=data.get("substitute_for"),
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data

    def validate_constraints(self, exclude=None):
        """The database constraints are checked by validate_mandate and the service, with the same messages."""


class EndForm(forms.Form):
    end = forms.DateField(label=_("Slutdatum"), widget=DateInput())


class MembershipForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Medlemsorganisation"), queryset=MemberOrganisation.objects.all())
    start = forms.DateField(label=_("Medlem från"), widget=DateInput())


class RosterUploadForm(forms.Form):
    MAX_BYTES = 2 * 1024 * 1024

    file = forms.FileField(label=_("CSV-fil med ledamöter"), help_text=_("Högst 2 MB, UTF-8 eller Windows-1252."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("Filen är för stor (högst 2 MB)."))
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise ValidationError(_("Filen måste vara en CSV-fil (.csv)."))
        raw = upload.read()
        if b"\x00" in raw[:4096]:
            raise ValidationError(_("Filen ser inte ut att vara text. Spara den som CSV och försök igen."))
        return raw


class IdentityNumberForm(forms.Form):
    """Never shows the number again: a refused number is typed anew, not rendered back into the page."""

    number = forms.CharField(
        label=_("Personnummer eller samordningsnummer"),
        max_length=20,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text=_("ÅÅÅÅMMDD-NNNN. Sparas bara som en nyckelkodad kontrollsumma och de fyra sista siffrorna."),
    )


class SigningMethodsForm(forms.Form):
    providers = forms.MultipleChoiceField(
        label=_("Tillåtna e-legitimationer"), required=False, widget=forms.CheckboxSelectMultiple
    )
    eid_required = forms.BooleanField(
        label=_("Kräv e-legitimation för justering (lösenord och engångskod räcker då inte)"), required=False
    )

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["providers"].choices = [(p.slug, p.name) for p in providers]


class SealUploadForm(forms.Form):
    certificate = forms.FileField(label=_("Certifikat (PKCS#12, .p12 eller .pfx)"))
    password = forms.CharField(
        label=_("Lösenord till filen"), required=False, widget=forms.PasswordInput(render_value=False)
    )

    def clean_certificate(self):
        upload = self.cleaned_data["certificate"]
        if upload.size > 100_000:
            raise forms.ValidationError(_("Filen är för stor för ett certifikat."))
        return upload.read()
