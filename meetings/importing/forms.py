"""The import pages' forms: several files or zip archives in one upload, and the review of one document before it
is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from federations.forms import DateInput


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
    """The document's text and where the meeting goes. Re-reading the text needs only the text; saving needs the
    body too."""

    text = forms.CharField(label=_("Dokumentets text"), widget=forms.Textarea(attrs={"rows": 30}), strip=False)
    body = forms.ModelChoiceField(label=_("Organ"), queryset=None)
    date = forms.DateField(label=_("Mötesdatum"), required=False, widget=DateInput())

    def __init__(self, *args, bodies, saving, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["body"].required = saving
