"""Import minutes in the portal: upload, see the parsed result beside the text, correct, save (or discard)."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from finsam.web import REFUSED, attempt, save_form
from meetings.importing import services
from meetings.importing.forms import ReviewForm, UploadForm
from meetings.permissions import (
    WRITE,
    get_meeting_for_user,
    get_pending_import_for_user,
    visible_pending_imports,
    writable_bodies,
)


def _writable_bodies(user):
    bodies = writable_bodies(user)
    if not bodies.exists():
        raise PermissionDenied
    return bodies


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """Every file uploaded becomes a pending import; one goes straight to its review, several wait in the list."""
    _writable_bodies(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        created = []
        for upload in form.cleaned_data["files"]:
            pending = attempt(request, partial(services.pending_import_create, actor=request.user, upload=upload))
            if pending is not REFUSED:
                created.append(pending)
        if len(created) == 1:
            return redirect("meetings:import_review", pk=created[0].pk)
        if created:
            messages.success(request, _("%(count)s dokument väntar på granskning.") % {"count": len(created)})
            return redirect("meetings:import_upload")
    pending = visible_pending_imports(request.user).select_related("uploaded_by__person")
    return render(request, "meetings/importing/upload.html", {"form": form, "pending": pending})


def _initial(pending, bodies):
    """The form's starting values: the text, and the body and date the parser found, where the user may write."""
    parsed = pending.parsed
    federation = services.match_federation(parsed.get("organisation"))
    body = services.match_body(federation, parsed.get("body"))
    return {"text": pending.text, "body": body if body and body in bodies else None, "date": parsed.get("date")}


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request, pk):
    pending = get_pending_import_for_user(request.user, pk)
    bodies = _writable_bodies(request.user)
    saving = "save" in request.POST
    form = ReviewForm(request.POST or None, initial=_initial(pending, bodies), bodies=bodies, saving=saving)
    if saving:
        write = partial(services.pending_import_save, actor=request.user, pending_import=pending)
        if meeting := save_form(request, form, write, _("Mötet är importerat.")):
            return redirect(meeting)
    elif request.method == "POST":

        def reparse(text, **_choices):  # the body and date stay on the page, as the user chose them
            return services.pending_import_reparse(actor=request.user, pending_import=pending, text=text)

        save_form(request, form, reparse)
    return render(request, "meetings/importing/review.html", {"form": form, "pending": pending})


@login_required
@require_POST
def import_discard(request, pk):
    pending = get_pending_import_for_user(request.user, pk)
    attempt(
        request,
        partial(services.pending_import_discard, actor=request.user, pending_import=pending),
        _("Importen av %(name)s är borttagen.") % {"name": pending.original_name},
    )
    return redirect("meetings:import_upload")


@login_required
@require_POST
def imported_record_file(request, pk):
    """Lägg till handlingarna: the reviewed import becomes the record (justerat on paper, or approved notes)."""
    meeting = get_meeting_for_user(request.user, pk, WRITE)
    attempt(
        request,
        partial(services.imported_record_file, actor=request.user, meeting=meeting),
        _("Protokollet är lagt till handlingarna."),
    )
    return redirect(meeting)
