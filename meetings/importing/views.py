"""Import minutes in the portal: upload (files or zip archives, read in the background), follow the upload's
progress, see the parsed result beside the text, correct, save (or discard)."""

import datetime
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from finsam import storage
from finsam.web import REFUSED, attempt, save_form
from meetings.importing import matching, review, selectors, services
from meetings.importing.forms import ReviewForm, UploadForm
from meetings.models import ImportDocument
from meetings.permissions import (
    WRITE,
    get_import_batch_for_user,
    get_import_document_for_user,
    get_meeting_for_user,
    get_pending_import_for_user,
    visible_pending_imports,
    writable_bodies,
)

# Shown when the broker refused the tasks: the documents are stored and wait in the database for the sweep.
POSTPONED = gettext_lazy("Dokumenten är sparade och läses så snart bakgrundsarbetet är i gång igen.")
# Skipped files are named one by one up to this many; past it the upload's page lists them.
NAMED_SKIPS = 10


def _writable_bodies(user):
    bodies = writable_bodies(user)
    if not bodies.exists():
        raise PermissionDenied
    return bodies


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    """The upload is stored and read in the background; its page follows the reading. What was read at once (tasks
    in-process, on a developer's machine) goes straight to its review, or, several, to the list of those waiting."""
    _writable_bodies(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        create = partial(services.import_batch_create, actor=request.user, uploads=form.cleaned_data["files"])
        batch = attempt(request, create, postponed=str(POSTPONED))
        if batch is not REFUSED:
            return _after_upload(request, batch)
    pending = visible_pending_imports(request.user).select_related("uploaded_by__person")
    batches = selectors.recent_batches(request.user)
    return render(request, "meetings/importing/upload.html", {"form": form, "pending": pending, "batches": batches})


def _after_upload(request, batch):
    skipped = batch.skipped
    if len(skipped) <= NAMED_SKIPS:
        for note in skipped:
            messages.warning(request, f"{note['name']}: {note['reason']}")
    else:
        messages.warning(request, _("%(count)s filer togs inte med; de står i listan nedan.") % {"count": len(skipped)})
    documents = selectors.batch_documents(batch)
    done = [document for document in documents if document.pending_import_id]
    all_read = len(done) == len(documents) and len(skipped) <= NAMED_SKIPS  # tasks in-process, nothing failed
    if all_read and len(done) == 1:
        return redirect("meetings:import_review", pk=done[0].pending_import_id)
    if all_read:  # read already: the batch's page lists them, each with its review
        messages.success(request, _("%(count)s dokument väntar på granskning.") % {"count": len(done)})
        return redirect("meetings:import_batch", pk=batch.pk)
    progress = selectors.batch_progress(documents)
    if not progress["working"]:  # read already (tasks in-process), and some could not be: not "being read now"
        messages.warning(request, _progress_sentence(progress))
        return redirect("meetings:import_batch", pk=batch.pk)
    count = len(documents)
    messages.success(
        request,
        ngettext(
            "%(count)s dokument är uppladdat och läses nu.", "%(count)s dokument är uppladdade och läses nu.", count
        )
        % {"count": count},
    )
    return redirect("meetings:import_batch", pk=batch.pk)


def _document_state(document):
    review = document.pending_import_id
    return {
        "status": document.status,
        "label": str(document.get_status_display()),
        "error": selectors.document_error(document),
        "review_url": reverse("meetings:import_review", args=[review]) if review else "",
        "handled": document.status == ImportDocument.Status.DONE and not review,
    }


def _progress_sentence(progress):
    return _("%(finished)s av %(total)s dokument lästa, %(failed)s misslyckades.") % progress


@login_required
@require_GET
def import_batch(request, pk):
    """An upload's progress: done / total, each document's state, its errors, the link to each review. While
    documents are being read the page polls this view with htmx for its documents' part (_batch_documents.html),
    which stops polling once none is left; the sentence in the page's aria-live region is replaced only when it
    has changed since the page last showed it (`shown`), so a screen reader hears each step once."""
    batch = get_import_batch_for_user(request.user, pk)
    documents = selectors.batch_documents(batch)
    progress = selectors.batch_progress(documents)
    rows = [(document, _document_state(document)) for document in documents]
    shown = "{finished}-{failed}-{total}".format(**progress)
    context = {
        "batch": batch,
        "rows": rows,
        "progress": progress,
        "sentence": _progress_sentence(progress),
        "shown": shown,
        "announce": request.GET.get("shown") != shown,
    }
    template = "meetings/importing/_batch_documents.html" if request.htmx else "meetings/importing/batch.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def import_document_retry(request, pk):
    document = get_import_document_for_user(request.user, pk)
    attempt(
        request,
        partial(services.import_document_retry, actor=request.user, document=document),
        _("%(name)s läses om.") % {"name": document.original_name},
        postponed=str(POSTPONED),
    )
    return redirect("meetings:import_batch", pk=document.batch_id)


@login_required
@require_POST
def import_document_discard(request, pk):
    document = get_import_document_for_user(request.user, pk)
    attempt(
        request,
        partial(services.import_document_discard, actor=request.user, document=document),
        _("%(name)s är borttaget ur importen.") % {"name": document.original_name},
    )
    return redirect("meetings:import_batch", pk=document.batch_id)


def _initial(pending, bodies):
    """The form's starting values: the text, and the body and date the parser found, where the user may write."""
    parsed = pending.parsed
    # the federation the document names, else the one the import was made in (a protocol that names only its body)
    federation = matching.match_federation(parsed.get("organisation")) or pending.federation
    body = matching.match_body(federation, parsed.get("body"))
    return {"text": pending.text, "body": body if body and body in bodies else None, "date": parsed.get("date")}


def _posted_body(request, bodies):
    """The body the secretary chose on the page (one they may write), to suggest its people."""
    pk = request.POST.get("body", "")
    return bodies.filter(pk=pk).first() if pk.isdigit() else None


def _posted_date(request, pending):
    try:
        return datetime.date.fromisoformat(request.POST.get("date") or (pending.parsed or {}).get("date") or "")
    except ValueError:
        return None


def _matching(pending, body, on_date):
    """The attendees of the pending import with the people of the federation they may be (never another
    federation's): of the body chosen, else of the federation the import belongs to."""
    federation = body.federation if body else pending.federation
    candidates = matching.candidates_for(body=body, federation=federation, on_date=on_date)
    organisations = matching.member_organisations(federation)
    attendees = (pending.parsed or {}).get("attendance") or []  # none yet while a document waits to be read
    return matching.attendee_rows(attendees, candidates, organisations), organisations


def _carry(carried, rows):
    """Initial values that offer the choices made before "Tolka om" again, for the attendees still there."""
    initial = {}
    for row in rows:
        before = carried.get(row.attendee["name"]) or {}
        for key in ("match", "new_name", "organisation"):
            if before.get(key) is not None:
                initial[f"{key}_{row.index}"] = before[key]
    return initial


def _ended(request, pk):
    """A review that was saved or discarded (in another tab, by a colleague, or before the back button): where it
    went, said so, rather than "not found". Still a 404 for an id the user never could see."""
    ended = selectors.pending_import_end(request.user, pk)
    if ended is None:
        raise Http404
    if ended.action == "meetings.import.saved" and ended.data.get("meeting"):
        messages.info(request, _("Importen är redan sparad som möte; här är mötet. Inget sparades nu."))
        return redirect("meetings:meeting_detail", pk=ended.data["meeting"])
    messages.info(request, _("Importen är redan borttagen. Inget sparades nu."))
    return redirect("meetings:import_upload")


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request, pk):
    try:
        pending = get_pending_import_for_user(request.user, pk)
    except Http404:
        return _ended(request, pk)
    bodies = _writable_bodies(request.user)
    initial = _initial(pending, bodies)
    body = _posted_body(request, bodies) or initial["body"]
    on_date = _posted_date(request, pending)
    rows, organisations = _matching(pending, body, on_date)
    saving = "save" in request.POST
    form = ReviewForm(
        request.POST or None,
        initial=initial,
        bodies=bodies,
        saving=saving,
        rows=rows,
        organisations=organisations,
    )
    if saving:

        def write(text, body, date, another_meeting, **_fields):
            return services.pending_import_save(
                actor=request.user,
                pending_import=pending,
                text=text,
                body=body,
                date=date,
                choices=form.choices(),
                another_meeting=another_meeting,
            )

        if meeting := save_form(request, form, write, _("Mötet är importerat.")):
            return redirect(meeting)
    elif request.method == "POST":

        def reparse(text, **_choices):  # the body, the date and each attendee's match stay as the user chose them
            return services.pending_import_reparse(actor=request.user, pending_import=pending, text=text)

        if save_form(request, form, reparse):
            rows, organisations = _matching(pending, body, on_date)
            kept = {"text": pending.text, "body": form.cleaned_data["body"], "date": form.cleaned_data["date"]}
            form = ReviewForm(
                initial=kept | _carry(form.carried(), rows),
                bodies=bodies,
                saving=False,
                rows=rows,
                organisations=organisations,
            )
    scope = {"body": body, "federation": body.federation if body else pending.federation}
    marks = review.marks(pending.parsed or {})
    review.describe_fields(form, marks)
    left_out = review.left_out(pending.text, pending.parsed or {})
    context = {
        "form": form,
        "pending": pending,
        "left_out": left_out,
        "left_out_shown": left_out[: review.LEFT_OUT_SHOWN],
        "left_out_more": max(0, len(left_out) - review.LEFT_OUT_SHOWN),
        "scope": scope,
        "marks": marks,
        "warnings": review.warnings(pending.parsed or {}),
        "same_day": selectors.same_day_meetings(body, on_date),
    }
    return render(request, "meetings/importing/review.html", context)


@login_required
@require_GET
def import_original(request, pk):
    """The uploaded file itself, as its uploader and the federation's secretaries may see it."""
    pending = get_pending_import_for_user(request.user, pk)
    try:
        original = storage.stream(pending.original)
    except FileNotFoundError as exc:
        raise Http404 from exc
    return storage.download(original, as_attachment=True, filename=pending.original_name)


@login_required
@require_POST
def import_discard(request, pk):
    try:
        pending = get_pending_import_for_user(request.user, pk)
    except Http404:
        return _ended(request, pk)
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
    if request.POST.get("confirm") != "1":  # it cannot be undone: the box says so, and must be ticked
        messages.error(
            request, _("Kryssa i att du har granskat handlingen: att lägga den till handlingarna går inte att ångra.")
        )
        return redirect(meeting)
    attempt(
        request,
        partial(services.imported_record_file, actor=request.user, meeting=meeting),
        _("Protokollet är lagt till handlingarna."),
    )
    return redirect(meeting)
