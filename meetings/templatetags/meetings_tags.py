from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def select_options(field):
    """A bound choice field's <option> elements with the current value selected, built in one pass.

    The register's filters list every federation and project of the network; rendering each option through the
    template language cost more than the page's queries at national scale.
    """
    current = "" if field.value() is None else str(field.value())
    options = (
        f'<option value="{escape(value)}"{" selected" if str(value) == current else ""}>{escape(label)}</option>'
        for value, label in field.field.choices
    )
    return mark_safe("".join(options))  # noqa: S308 - every value and label is escaped above
