import datetime
import html
from urllib.parse import parse_qs, urlsplit

from django import template
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from federations.models import Body
from finsam.params import whole_number
from meetings.drafting.forms import form_token_field, new_form_token
from meetings.justering.selectors import revision_read
from meetings.models import Attendance, Decision
from meetings.permissions import SIGN, get_meeting_for_user
from meetings.printing.failures import failure_text
from meetings.printing.paragraphs import paragraph_range

register = template.Library()


@register.simple_tag
def form_token():
    """The hidden one-time token of a form written out in the template (drafting.forms.form_token_field): a new one
    each time, so each § has its own "Nytt uppdrag" form."""
    return form_token_field().widget.render("form_token", new_form_token())


@register.filter
def seal_failure(stored):
    """Why a sealed PDF failed, in the page's language (meetings.printing.failures)."""
    return failure_text(stored)


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
def item_name(item, heading=True):
    """The § a control acts on, for a screen reader: " – § 3 Budget 2027" after the control's own words ("Ta bort
    ärendet"). The number and the heading are spans of their own, which the editor renews when the § gets another
    number (a colleague moved a § above it) or heading while the page is open (static/js/editor.js, showName)."""
    if not heading:
        return format_html('<span class="visually-hidden"> – <span data-item-label>{}</span></span>', item.label)
    return format_html(
        '<span class="visually-hidden"> – <span data-item-label>{}</span> <span lang="sv" data-item-heading>{}</span>'
        "</span>",
        item.label,
        item.heading,
    )


@register.simple_tag
def item_delete_question(item):
    """The question asked before a § is deleted, naming the decisions and uppdrag deleted with it (counted from the
    editor's prefetch: no query). It names the § by its label: the editor puts the new one in its place when the §
    is renumbered while the page is open (data-confirm-names-item)."""
    decisions, assignments = len(item.decisions.all()), len(item.assignments.all())
    parts = []
    if decisions:
        parts.append(ngettext("%(count)s beslut", "%(count)s beslut", decisions) % {"count": decisions})
    if assignments:
        parts.append(ngettext("%(count)s uppdrag", "%(count)s uppdrag", assignments) % {"count": assignments})
    if not parts:
        return _("Ta bort ärendet? Paragraferna numreras om.")
    things = parts[0] if len(parts) == 1 else _("%(first)s och %(second)s") % {"first": parts[0], "second": parts[1]}
    return _("Ta bort ärendet? %(item)s har %(things)s som också tas bort. Paragraferna numreras om.") % {
        "item": item.label or _("Ärendet"),
        "things": things,
    }


@register.simple_tag
def vote_choices():
    return [("ja", _("Ja")), ("nej", _("Nej")), ("avstar", _("Avstår"))]


@register.simple_tag(takes_context=True)
def signing_intent(context):
    """On the re-authentication before signing: which protocol and revision the user is about to justera, read from
    where allauth will send them next (only a signing page of a protocol the user may sign says anything)."""
    request = context.get("request")
    target = urlsplit((request.GET.get("next") or request.POST.get("next") or "") if request else "")
    try:
        match = resolve(target.path)
    except Resolver404:
        return None
    if match.view_name != "meetings:justering_sign":
        return None
    try:
        meeting = get_meeting_for_user(request.user, match.kwargs["pk"], SIGN)
    except (Http404, PermissionDenied):
        return None
    revision = revision_read(meeting, whole_number(parse_qs(target.query).get("revision", [""])[0]))
    if revision is None:
        return None
    numbers = [item["number"] for item in revision.snapshot["items"] if item["number"]]
    return {"meeting": meeting, "revision": revision, "paragraphs": paragraph_range(numbers)}


@register.filter
def entry(mapping, key):
    """mapping[key] in a template, or None: the import review's doubts by row number (importing.review.Marks)."""
    return mapping.get(key) if mapping else None


# The importer's fixed words (docs/import-schema.md) and the portal's labels for them.
PARSED_WORDS = {
    "protokoll": Body.RecordKind.MINUTES.label,
    "minnesanteckningar": Body.RecordKind.NOTES.label,
    "närvarande": Attendance.Status.PRESENT.label,
    "frånvarande": Attendance.Status.ABSENT.label,
    "anmält förhinder": Attendance.Status.EXCUSED.label,
    "bifall": Decision.Outcome.APPROVED.label,
    "avslag": Decision.Outcome.REJECTED.label,
    "återremiss": Decision.Outcome.REFERRED_BACK.label,
    "bordläggning": Decision.Outcome.TABLED.label,
    "lägga till handlingarna": Decision.Outcome.NOTED.label,
    "uppdrag": Decision.Outcome.ASSIGNMENT.label,
    "acklamation": Decision.Method.ACCLAMATION.label,
    "omröstning": Decision.Method.VOTE.label,
}


@register.filter
def parsed_word(value):
    """One of the importer's fixed words (docs/import-schema.md: a record's kind, an attendee's status, a decision's
    outcome and method, stored in Swedish) as the portal's own label in the reader's language, lower case; any other
    value (a role or title as the document wrote it) as it is."""
    label = PARSED_WORDS.get(value) if isinstance(value, str) else None
    return str(label).lower() if label is not None else value
