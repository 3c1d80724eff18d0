import datetime
import html

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def select_options(field):
    """A bound choice field's <option> elements with the current value selected, built in one pass.

    The register's filters list every federation and project of the network; rendering each option through the
    template language cost more than the page's queries at national scale.
    """
    current = "" if field.value() is None else str(field.value())
    # The standard library's escape (the same five characters as Django's) without Django's lazy-string wrapper,
    # which cost more than the escaping for some 700 values and labels a page.
    options = (
        f'<option value="{html.escape(str(value))}"{" selected" if str(value) == current else ""}>'
        f"{html.escape(str(label))}</option>"
        for value, label in field.field.choices
    )
    return mark_safe("".join(options))  # noqa: S308 - every value and label is escaped above


@register.filter
def iso_date(value):
    """A date stored as ÅÅÅÅ-MM-DD in a snapshot, as a date for the `date` filter; anything else as it is."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


@register.filter
def voted(named_votes, choice):
    """The names in a namnupprop that voted `choice` (ja, nej, avstår)."""
    return [row["name"] for row in named_votes if row["choice"] == choice]


@register.simple_tag
def vote_choices():
    return [("ja", _("Ja")), ("nej", _("Nej")), ("avstar", _("Avstår"))]
