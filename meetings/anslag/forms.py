"""The appeal form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from federations.forms import DateInput
from meetings.models import Appeal


class AppealForm(forms.ModelForm):
    class Meta:
        model = Appeal
        fields = ["paragraphs", "received_on", "court", "note"]
        widgets = {"received_on": DateInput(), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "paragraphs": _("Till exempel § 5 eller § 5–6."),
            "court": _("Till exempel Förvaltningsrätten i Linköping."),
        }
