"""The import pages' forms: several files or zip archives in one upload, and the review of one document before it
is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from federations.forms import DateInput

from .matching import AttendeeChoice, choice_value

INVALID_CHOICE = _(
    "Den personen kan inte väljas här. Välj bland förslagen, skapa en ny person, spara bara namnet eller ta inte med."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by the importer, which says what is wrong with it. (Django refuses
    a request with more than DATA_UPLOAD_MAX_NUMBER_FILES files: more go in a zip archive.)"""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in files if item]
        return cleaned or super().clean(None)


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Protokoll eller minnesanteckningar"),
        help_text=_(
            "Text (.txt), Word (.docx) eller PDF, även inskannad. Högst 20 MB per dokument. Många dokument på en "
            "gång: välj flera filer eller ladda upp en zip-fil (högst 500 dokument)."
        ),
        widget=MultipleFileInput(attrs={"accept": ".txt,.docx,.pdf,.zip"}),
    )


class ReviewForm(forms.Form):
    """The document's text, where the meeting goes, and whom each attendee is. Re-reading the text needs only the
    text; saving needs the body too. Per attendee (by position in the list shown): `match_N` (a suggested person,
    "new", "name" or "skip"), `new_name_N` (the new person's name) and `organisation_N`."""

    text = forms.CharField(label=_("Dokumentets text"), widget=forms.Textarea(attrs={"rows": 30}), strip=False)
    body = forms.ModelChoiceField(label=_("Organ"), queryset=None)
    date = forms.DateField(label=_("Mötesdatum"), required=False, widget=DateInput())
    another_meeting = forms.BooleanField(
        label=_("Det här är ett annat möte än det som redan finns den dagen"), required=False
    )

    def __init__(self, *args, bodies, saving, rows=(), organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["body"].required = saving
        self.rows = list(rows)
        self.organisations = {str(o.pk): o for o in organisations}
        organisation_choices = [("", _("Som i texten"))] + [(pk, o.name) for pk, o in self.organisations.items()]
        for row in self.rows:
            self.fields[f"match_{row.index}"] = forms.ChoiceField(
                label=row.attendee["name"],
                choices=self._choices(row),
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": INVALID_CHOICE},
            )
            self.initial.setdefault(f"match_{row.index}", row.initial)
            self.fields[f"new_name_{row.index}"] = forms.CharField(
                label=_("Namn på ny person"), max_length=200, required=False
            )
            self.initial.setdefault(f"new_name_{row.index}", row.attendee["name"])
            self.fields[f"organisation_{row.index}"] = forms.ChoiceField(
                label=_("Representerar"), choices=organisation_choices, required=False
            )
            self.initial.setdefault(f"organisation_{row.index}", row.organisation_pk or "")

    @staticmethod
    def _choices(row):
        people = [
            (
                choice_value(AttendeeChoice.PERSON, s.person.pk),
                _("%(name)s (%(reasons)s)") % {"name": s.person.name, "reasons": ", ".join(s.reasons)},
            )
            for s in row.suggestions
        ]
        return people + [
            (AttendeeChoice.NEW, _("Skapa ny person")),
            (AttendeeChoice.NAME_ONLY, _("Spara bara namnet")),
            (AttendeeChoice.SKIP, _("Ta inte med")),
        ]

    def clean(self):
        cleaned = super().clean()
        for row in self.rows:
            if cleaned.get(f"match_{row.index}") == AttendeeChoice.NEW and not cleaned.get(f"new_name_{row.index}"):
                self.add_error(f"new_name_{row.index}", _("Ange den nya personens namn."))
        return cleaned

    def attendee_fields(self):
        """Per attendee, what the page shows: the row and its three bound fields."""
        return [
            (row, self[f"match_{row.index}"], self[f"new_name_{row.index}"], self[f"organisation_{row.index}"])
            for row in self.rows
        ]

    def choices(self):
        """What the secretary chose, by the attendee's name (as the service takes it); attendees with nothing
        posted are left to the register's sure match."""
        chosen = {}
        for row in self.rows:
            value = self.cleaned_data.get(f"match_{row.index}") or AttendeeChoice.AUTOMATIC
            action, _sep, person = value.partition("-")
            chosen[row.attendee["name"]] = AttendeeChoice(
                action=action,
                person_id=int(person) if person.isdigit() else None,
                new_name=self.cleaned_data.get(f"new_name_{row.index}") or "",
                organisation=self.organisations.get(self.cleaned_data.get(f"organisation_{row.index}") or ""),
            )
        return chosen

    def carried(self):
        """The posted choices by attendee name, to offer again after "Tolka om" for the attendees still there."""
        return {
            row.attendee["name"]: {
                "match": self.data.get(f"match_{row.index}"),
                "new_name": self.data.get(f"new_name_{row.index}"),
                "organisation": self.data.get(f"organisation_{row.index}"),
            }
            for row in self.rows
        }
