"""Forms of the justering pages: parse and validate input, no side effects.

Small as they are, they are what stands between a posted text and the database: a CharField refuses a NUL
character (which PostgreSQL cannot store) with a clear message instead of a server error.
"""

from django import forms

from meetings.drafting.forms import form_token_field, one_time_token


class CommentForm(forms.Form):
    text_field = "text"  # what the signer wrote, kept when it cannot be saved
    text = forms.CharField(required=False)
    read = forms.IntegerField(required=False, min_value=0)  # the number of the revision the signer read
    form_token = form_token_field()

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))


class SendBackForm(forms.Form):
    text_field = "reason"
    reason = forms.CharField(required=False)
    read = forms.IntegerField(required=False, min_value=0)  # the number of the revision the signer read


class CorrectionForm(forms.Form):
    text = forms.CharField(required=False)
    form_token = form_token_field()

    def clean_form_token(self):
        return one_time_token(self.cleaned_data.get("form_token"))
