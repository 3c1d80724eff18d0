"""The agenda: adding, moving and deleting §§, their details, the autosaving text and its history."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finsam.params import whole_number
from finsam.web import REFUSED, attempt, attempt_json, save_form
from meetings.drafting import services
from meetings.drafting.forms import (
    ItemAddForm,
    ItemDetailsForm,
    ItemTextForm,
)
from meetings.drafting.views.common import item_in
from meetings.models import AgendaItem
from meetings.permissions import (
    READ_DRAFTS,
    WRITE,
    can_edit,
    get_meeting_for_user,
)
from meetings.text_diff import MOVED, SAME, changed_lines, html_lines, moved_message, moved_parts


@login_required
@require_POST
def item_add(request, pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    form = ItemAddForm(request.POST)
    if not form.is_valid():  # what is wrong, in words; the heading typed comes back from the browser's draft
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        return redirect(meeting)
    try:
        item = attempt(request, lambda: services.item_add(actor=request.user, meeting=meeting, **form.cleaned_data))
    except services.ItemAlreadyAdded as sent_twice:
        messages.info(
            request,
            _("Formuläret skickades två gånger: ärendet ”%(heading)s” är bara tillagt en gång.")
            % {"heading": sent_twice.item.heading},
        )
        return redirect(f"{meeting.get_absolute_url()}#p{sent_twice.item.pk}")
    if item is REFUSED:
        return redirect(meeting)
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@login_required
@require_POST
def item_move(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    attempt(request, lambda: services.item_move(actor=request.user, item=item, offset=offset))
    return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")


@login_required
@require_POST
def item_delete(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
    attempt(
        request,
        lambda: services.item_delete(actor=request.user, item=item),
        _("Ärendet är borttaget och paragraferna är omnumrerade."),
    )
    return redirect(meeting)


@login_required
@require_http_methods(["GET", "POST"])
def item_details(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
    form = ItemDetailsForm(request.POST or None, instance=item)
    if save_form(request, form, partial(services.item_update_details, actor=request.user, item=item)):
        return redirect(f"{meeting.get_absolute_url()}#p{item.pk}")
    return render(request, "meetings/drafting/item_details.html", {"meeting": meeting, "item": item, "form": form})


def _item_state(item):
    return {
        "heading": item.heading,
        "text": item.text,
        "version": item.version,
        "label": item.label,  # "§ 5": a colleague may have moved or deleted a § above since the page was loaded
        "saved_at": timezone.localtime(item.updated).strftime("%H:%M"),
    }


def _labels(meeting):
    """Every § of the meeting by its number as it is now ({"12": "§ 3"}): a colleague may have added, moved or
    deleted a § above any of them since the page was loaded, and the page renames each § it has by it (editor.js,
    showLabels). One query."""
    return {str(pk): AgendaItem(number=number).label for pk, number in meeting.items.values_list("pk", "number")}


@require_POST
def item_save_text(request, pk, item_pk):
    """Autosave endpoint (JSON). 409 with the server's version on a conflict; 401 when the session has expired."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"error": _("Du är utloggad. Logga in igen – din text finns kvar i webbläsaren.")}, status=401
        )
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = AgendaItem.objects.filter(pk=item_pk, meeting=meeting).first()
    if item is None:
        # Most often a colleague deleted the § while this editor had it open. The script keeps the text and shows
        # it; the answer is the same 404 for a § of another meeting, so nothing is revealed.
        return JsonResponse(
            {
                "error": _(
                    "Paragrafen finns inte längre – någon har tagit bort den. Din text är inte sparad men står kvar "
                    "här och i webbläsaren: kopiera den till en annan paragraf."
                ),
                "gone": True,
            },
            status=404,
        )
    form = ItemTextForm(request.POST)
    if not form.is_valid():  # what is wrong, in words (a text too long, a line break in the heading)
        reasons = [message for errors in form.errors.values() for message in errors]
        return JsonResponse(
            {"error": " ".join(reasons) or _("Texten kunde inte sparas: ogiltiga uppgifter.")}, status=400
        )
    save = partial(
        services.item_save_text,
        actor=request.user,
        item_id=item.pk,
        heading=form.cleaned_data["heading"],
        text=form.cleaned_data["text"],
        base_version=form.cleaned_data["version"],
    )
    try:
        item, refused = attempt_json(save)
    except services.EditConflict as conflict:
        return JsonResponse(
            {
                "error": _("Någon annan har sparat paragrafen."),
                "server": _item_state(conflict.item),
                "labels": _labels(meeting),
            },
            status=409,
        )
    return refused or JsonResponse({**_item_state(item), "labels": _labels(meeting)})


@login_required
@require_GET
def item_history(request, pk, item_pk):
    meeting = get_meeting_for_user(request.user, pk, READ_DRAFTS)
    item = item_in(meeting, item_pk)
    revisions = list(item.revisions.select_related("author").order_by("-version"))
    by_version = {r.version: r for r in revisions}
    diff = None
    a, b = whole_number(request.GET.get("a"), 0), whole_number(request.GET.get("b"), 0)
    if a in by_version and b in by_version:
        diff = _version_diff(by_version[a], by_version[b])
    return render(
        request,
        "meetings/drafting/item_history.html",
        {
            "meeting": meeting,
            "item": item,
            "revisions": revisions,
            "diff": diff,
            "a": a,
            "b": b,
            "writable": can_edit(request.user, meeting),
        },
    )


def _version_diff(old, new):
    """(kind, line) for the lines of two versions of a § (its heading, then its text, each paragraph at its indent),
    empty where they are the same. A line only moved in or out is said in words, as the signers' change list says it
    (meetings.text_diff); the §'s words in it are marked Swedish, whatever the page's language."""
    rows = changed_lines([f"# {old.heading}", *html_lines(old.text)], [f"# {new.heading}", *html_lines(new.text)])
    if all(kind == SAME for kind, _before, _after in rows):
        return []
    return [(kind, _moved(before, after) if kind == MOVED else before or after) for kind, before, after in rows]


def _moved(before, after):
    said = moved_parts(before, after)
    parts = {
        **{key: escape(words) for key, words in said.items()},
        "text": format_html('<span lang="sv">{}</span>', said["text"]),
    }
    return mark_safe(conditional_escape(moved_message()) % parts)  # noqa: S308 (the message escaped, its parts too)


@login_required
@require_POST
def item_restore(request, pk, item_pk, revision_pk):
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    item = item_in(meeting, item_pk)
    revision = get_object_or_404(item.revisions, pk=revision_pk)
    try:
        attempt(
            request,
            lambda: services.item_restore(actor=request.user, item=item, revision=revision),
            lambda restored: (
                _("Version %(old)s är återställd som version %(new)s.")
                % {"old": revision.version, "new": restored.version}
            ),
        )
    except services.EditConflict:
        messages.error(request, _("Försök igen."))
    return redirect("meetings:item_history", pk=meeting.pk, item_pk=item.pk)
