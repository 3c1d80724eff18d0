"""Forms of the drafting pages: parse and validate input, no side effects."""

import re
import secrets

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from federations.forms import DateInput
from federations.models import Federation, Mandate, MemberOrganisation, Person, Project, active_on
from federations.permissions import people_for_bodies
from federations.selectors import namesake_details, picker_label
from finsam.validators import validate_one_line
from meetings.models import AgendaItem, Attendance, Decision, Meeting


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


def offer_people(fields, bodies, on_date):
    """Restrict person pickers to the people of the bodies' federations (or networks), the bodies' members first
    and then the rest, in two groups. One query for all the fields."""
    people = people_for_bodies(bodies, on_date)
    evaluated = list(people)
    details = _namesakes(evaluated, bodies, on_date)
    members = [(p.pk, picker_label(p, details, p.name)) for p in evaluated if p.is_member]
    others = [(p.pk, picker_label(p, details, p.name)) for p in evaluated if not p.is_member]
    groups = [(_("Organets ledamöter och ersättare"), members)] if members else []
    groups += [(_("Övriga i förbundet"), others)] if others else []
    for field in fields:
        field.queryset = people
        field.choices = [("", "---------"), *groups]


def _namesakes(people, bodies, on_date):
    """What tells apart the people of a picker who share a name, from the mandates in the bodies' owners' bodies."""
    bodies = list(bodies)
    return namesake_details(
        people,
        federations={b.federation_id for b in bodies if b.federation_id},
        networks={b.network_id for b in bodies if b.network_id},
        on_date=on_date,
    )


def offer_listed(field, people, bodies, on_date, *, empty=True):
    """A picker of `people` (a queryset, read once here) whose namesakes say what tells them apart."""
    evaluated = list(people)
    details = _namesakes(evaluated, bodies, on_date)
    field.queryset = people
    choices = [(p.pk, picker_label(p, details)) for p in evaluated]
    field.choices = [("", "---------"), *choices] if empty else choices


def new_form_token():
    return secrets.token_urlsafe(16)


def form_token_field():
    """The one-time token of a form that adds a row (a meeting, a §, a decision, an uppdrag, someone to the
    attendance, an attachment; in justering a signer's comment and a rättelse): a new one with every form shown,
    so the same form sent twice (a double click, a resend after a slow answer, back and send again) is known by it
    and its service adds the row once. Without one (a form from before there was one) the row is added as always.
    The form cleans it with one_time_token."""
    return forms.CharField(
        widget=forms.HiddenInput(attrs={"data-form-token": ""}), required=False, initial=new_form_token, max_length=64
    )


def one_time_token(token):
    token = token or ""
    return token if re.fullmatch(r"[A-Za-z0-9_-]{16,64}", token) else ""  # not ours: as if there were none


class MeetingEditForm(forms.ModelForm):
    """The fields a secretary may change once a meeting is planned: not its body nor its record kind."""

    class Meta:
        model = Meeting
        fields = [
            "date",
            "start_time",
            "end_time",
            "place",
            "remote_link",
            "chair",
            "secretary",
            "secretary_title",
            "justerare",
            "justering_place_time",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "end_time": TimeInput(),
            "justerare": forms.CheckboxSelectMultiple,
        }
        labels = {"justerare": _("Justerare (jämte ordföranden)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            offer_people([self.fields["chair"], self.fields["secretary"]], [self.instance.body], self.instance.date)
        # The justerare are chosen among those at the meeting (or, before attendance is kept, the body's members).
        meeting = self.instance
        if "justerare" not in self.fields or meeting.pk is None:
            return
        attending = Person.objects.filter(attendances__meeting=meeting)
        members = Person.objects.filter(mandates__in=Mandate.objects.filter(active_on(meeting.date), body=meeting.body))
        people = (attending | members).distinct().order_by("name")
        offer_listed(self.fields["justerare"], people, [meeting.body], meeting.date, empty=False)
        self.fields["justerare"].required = False

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("Sluttiden måste vara efter starttiden."))
        return data

    def validate_constraints(self, exclude=None):
        """The end-after-start constraint is checked in clean() with the same message."""


class MeetingForm(MeetingEditForm):
    form_token = form_token_field()

    class Meta(MeetingEditForm.Meta):
        fields = ["body", "date", "start_time", "end_time", "place", "remote_link", "record_kind", "chair", "secretary"]

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        offer_people([self.fields["chair"], self.fields["secretary"]], bodies, timezone.localdate())
        self.fields["record_kind"].required = False
        self.fields["record_kind"].help_text = _("Lämna tomt för organets vanliga sätt att dokumentera.")

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))


def without_maxlength(form, *names):
    """A browser cuts a paste at a field's maxlength without a word, and the rest is lost: these fields take any
    length in the browser, and the form says in words what is too long, with the text still there."""
    for name in names:
        form.fields[name].widget.attrs.pop("maxlength", None)


class ItemAddForm(forms.Form):
    heading = forms.CharField(
        label=_("Rubrik"),
        max_length=300,
        error_messages={
            "max_length": _("Rubriken är för lång: högst %(limit_value)s tecken."),
            "required": _("Ärendet behöver en rubrik."),
        },
    )
    kind = forms.ChoiceField(label=_("Typ"), choices=AgendaItem.Kind.choices, initial=AgendaItem.Kind.INFORMATION)
    case_number = forms.CharField(label=_("Diarienummer"), max_length=50, required=False)
    form_token = form_token_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        without_maxlength(self, "heading", "case_number")

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))

    def clean_case_number(self):
        return without_dnr(self.cleaned_data.get("case_number"))


def without_dnr(value):
    """ "Dnr 2026/12-4", "Dnr: 2026/12-4": the number alone, as the protocol prints "Dnr" before it."""
    return re.sub(r"^\s*(?i:dnr)\.?\s*:?\s*", "", value or "").strip()


class ItemDetailsForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["kind", "case_number", "immediate_justering", "projects"]
        widgets = {"projects": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = Project.objects.order_by("name")

    def clean_case_number(self):
        return without_dnr(self.cleaned_data.get("case_number"))


# The longest § text autosave takes (characters of HTML). A request is also bounded by DATA_UPLOAD_MAX_MEMORY_SIZE.
ITEM_TEXT_MAX_LENGTH = 500_000


class ItemTextForm(forms.Form):
    heading = forms.CharField(
        max_length=300,
        validators=[validate_one_line],
        error_messages={
            "max_length": _("Rubriken är för lång: högst %(limit_value)s tecken."),
            # the autosave shows this under the text: it says which field, or the text seems refused
            "required": _("Ärendet behöver en rubrik."),
        },
    )
    text = forms.CharField(
        required=False,
        max_length=ITEM_TEXT_MAX_LENGTH,
        strip=False,
        error_messages={"max_length": _("Texten är för lång: högst %(limit_value)s tecken.")},
    )
    version = forms.IntegerField(min_value=1)


class AttendanceForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = [
            "person",
            "name",
            "role",
            "status",
            "organisation",
            "represents",
            "serving_for",
            "paragraphs",
            "remote",
        ]

    form_token = form_token_field()  # of a row added only

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            del self.fields["form_token"]
        offer_people([self.fields["person"]], [meeting.body], meeting.date)
        self.fields["person"].required = False
        self.fields["name"].required = False
        # The choices are labelled with each attendance's name, which may come from its person.
        self.fields["serving_for"].queryset = meeting.attendances.exclude(
            pk=getattr(self.instance, "pk", None)
        ).select_related("person")
        self.fields["paragraphs"].help_text = _("Lämna tomt om personen var med hela mötet. T.ex. 1-4.")
        federation_id = meeting.body.federation_id
        if federation_id is not None:  # the federation's members (and the row's own), not every one in the portal
            own = Q(pk=self.instance.organisation_id) if self.instance.organisation_id else Q(pk__in=[])
            self.fields["organisation"].queryset = (
                MemberOrganisation.objects.filter(Q(memberships__federation_id=federation_id) | own)
                .distinct()
                .order_by("name")
            )
        self.fields["represents"].queryset = self._federations_one_may_represent(meeting.body)

    def _federations_one_may_represent(self, body):
        """The federations of the body's network (a federation's body: its own and its network's), and the row's
        own: an attendee of one network's meeting never represents a federation outside it."""
        network_id = body.network_id if body.federation_id is None else body.federation.network_id
        scope = Q(network_id=network_id) if network_id is not None else Q(pk__in=[])
        if body.federation_id is not None:
            scope |= Q(pk=body.federation_id)
        if self.instance.represents_id:
            scope |= Q(pk=self.instance.represents_id)
        return Federation.objects.filter(scope).order_by("name")

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))


def split_addresses(text):
    """E-mail addresses typed one a line or separated by commas, semicolons or spaces."""
    return [part for part in re.split(r"[\s,;]+", text or "") if part]


class DecisionForm(forms.ModelForm):
    recipient_people = forms.ModelMultipleChoiceField(
        label=_("Protokollsutdrag till personer i förbundet"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Får utdraget med e-post när protokollet är justerat. Håll ned Ctrl för att välja flera."),
    )
    recipient_emails = forms.CharField(
        label=_("Protokollsutdrag till e-postadresser"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("En adress per rad, t.ex. registrator@kommun.se."),
    )
    # The decision's version this form was loaded at (not a model field of the form: the service compares it).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    form_token = form_token_field()  # of a new decision only: a decision saved has its version

    class Meta:
        model = Decision
        fields = [
            "text",
            "outcome",
            "method",
            "votes_yes",
            "votes_no",
            "votes_abstain",
            "notes",
            "recipients",
            "projects",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "projects": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = Project.objects.order_by("name")
        self.fields["recipients"].help_text = _(
            "Skrivs i protokollet, t.ex. ”Försäkringskassan, förbundschefen”. Mottagarna nedan får utdraget."
        )
        # The service trims them, keeping the spaces and tabs that indent the first line (strip would take them).
        self.fields["text"].strip = self.fields["notes"].strip = False
        if meeting is not None:  # only the people of the meeting's federation, never another's
            field = self.fields["recipient_people"]
            offer_people([field], [meeting.body], meeting.date)
            field.choices = field.choices[1:]  # no empty choice in a list that takes several
        if self.instance.pk is not None:
            del self.fields["form_token"]
            self.initial["version"] = self.instance.version
            addressees = list(self.instance.addressees.all())
            self.initial["recipient_people"] = [a.person_id for a in addressees if a.person_id]
            self.initial["recipient_emails"] = "\n".join(a.email for a in addressees if not a.person_id)

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))

    def clean_recipient_emails(self):
        addresses = split_addresses(self.cleaned_data.get("recipient_emails"))
        field = forms.EmailField()
        bad = []
        for address in addresses:
            try:
                field.clean(address)
            except forms.ValidationError:
                bad.append(address)
        if bad:
            raise forms.ValidationError(_("Inte en giltig e-postadress: %(addresses)s") % {"addresses": ", ".join(bad)})
        return addresses

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None and data.get("version") is None:  # a page from before versions, or tampered
            self.add_error(None, _("Sidan är inaktuell. Ladda om den och gör ändringen igen."))
        return data

    def rebase(self, version):
        """After a conflict: the user's input stays, and saving it again replaces the version they have now seen."""
        self.data = self.data.copy()
        self.data["version"] = version


class AssignmentForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=_("Ansvarig i registret"), queryset=Person.objects.order_by("name"), required=False
    )
    owner_name = forms.CharField(label=_("…eller ansvarig (namn)"), max_length=200, required=False)
    what = forms.CharField(
        label=_("Uppdrag"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Beskriv uppdraget.")},
    )
    due = forms.DateField(label=_("Klart senast"), required=False, widget=DateInput())
    form_token = form_token_field()

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None:  # an owner from the register is one of the meeting's federation, never another's
            self.fields["owner"].queryset = people_for_bodies([meeting.body], meeting.date)

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Bilaga"), help_text=_("PDF, Word, Excel, PNG, JPEG eller text. Högst 10 MB."))
    form_token = form_token_field()

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))


class ReasonForm(forms.Form):
    """The written reason of a jäv or a reservation (the services check its length and whether it is needed)."""

    reason = forms.CharField(required=False)
