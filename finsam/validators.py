"""Validators of typed text shared by the models (so forms and the admin run them) and by services that take text."""

import unicodedata
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Control characters (a line break, a tab, NUL, ESC ...) and the Unicode line and paragraph separators.
NOT_IN_ONE_LINE = {"Cc", "Zl", "Zp"}


def validate_one_line(value: str) -> None:
    """Names, titles, places and other one-line fields hold no control characters: a name with a line break in it
    ("Eva Evil\\r\\nBcc: ...") has no honest use and could end up in an e-mail header or a PDF's metadata."""
    if any(unicodedata.category(character) in NOT_IN_ONE_LINE for character in value or ""):
        raise ValidationError(
            _("Texten får inte innehålla radbrytningar, tabbar eller andra styrtecken."), code="control_character"
        )


def validate_typed_fields(model: type[models.Model], values: dict[str, Any]) -> None:
    """Run the validators of the model's text fields on the given values ({field name: value}), as a form would: for
    services that take typed text without a form (an htmx view, the importer, the demo). Other fields are left to
    the caller."""
    errors = {}
    for name, value in values.items():
        field = model._meta.get_field(name)
        if not isinstance(field, models.CharField) or not isinstance(value, str):
            continue
        try:
            field.run_validators(value)
        except ValidationError as exc:
            errors[name] = exc.messages
    if errors:
        raise ValidationError(errors)
