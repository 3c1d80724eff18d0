"""The decision register /beslut/, its exports, the assignments overview and the project page's timeline."""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_http_methods

from federations.models import Federation, Project
from federations.sections import Section
from finsam import storage
from finsam.params import whole_number
from meetings import feed_links as links
from meetings.models import ExportJob
from meetings.register import exports, search, selectors, tasks
from meetings.register.forms import AssignmentFilterForm, RegisterFilterForm

PAGE_SIZE = 25


@require_GET
def decision_list(request):
    form = RegisterFilterForm(request.GET or None, user=request.user)
    typed_page = page = max(1, whole_number(request.GET.get("sida"), 1))
    last = request.GET.get("sista") == "1"
    after, before = whole_number(request.GET.get("efter")), whole_number(request.GET.get("fore"))
    # With a key (a link's efter or fore) the number only labels the page; alone it is an offset.
    typed = not (after or before or last)
    typed_too_deep = page > search.TYPED_PAGE_LIMIT and typed
    page = search.TYPED_PAGE_LIMIT if typed_too_deep else min(page, 10**9)  # a label past any register still fits
    filters = form.filters()
    params = request.GET.copy()
    for key in ("sida", "efter", "fore", "sista"):
        params.pop(key, None)
    context = {
        "form": form,
        "rows": [],
        "query_string": params.urlencode(),
        "feeds": _feeds(filters),
        "typed_page_limit": search.TYPED_PAGE_LIMIT,
        "named_projects": [] if filters.project else form.projects_named(filters.q),
        "without_words": _without(params, "q", "projekt"),  # the other filters, kept by a project's link
        "without_query": _without(params, "q"),  # the filters, kept by "Menade du …?"
    }
    invalid = form.invalid_filters()
    if invalid:
        # A filter that cannot be read lists nothing until it is put right: the whole register, or the other
        # filters alone, would look like an answer to what was asked.
        context["invalid_filters"] = ", ".join(f"”{label}”" for label in invalid)
        context["invalid_count"] = len(invalid)
        return render(request, "meetings/register/decision_list.html", context)
    read = functools.partial(selectors.register_page, request.user, filters, page_size=PAGE_SIZE)
    found = read(offset=(page - 1) * PAGE_SIZE, after=after, before=before, last=last)
    past_the_end = typed and page > 1 and not found.rows and found.count != 0
    if past_the_end:
        # A page number past the last page (typed, or the deepest a number reaches): the last page, which says so.
        counted = found.count
        found = read(offset=0, last=True)
        found.count = counted if counted is not None else found.count
        past_the_end = last = bool(found.rows)  # no last page: nothing matches, and the page says that instead
        typed_too_deep = False
    # The last page holds the last PAGE_SIZE rows, read from the end; it and the pages before it by their links have
    # no number: numbering them would mean counting every row before them, which reading backwards avoids.
    if last or ("sida" not in request.GET and (after or before)):
        page = None
    context |= {
        "rows": found.rows,
        "count": found.count,
        "capped": found.capped,
        "cap": found.cap,
        "page": page,
        "typed_page": typed_page,
        "typed_too_deep": typed_too_deep,
        "past_the_end": past_the_end,
        "last": last,
        "has_next": found.has_next,
        "has_previous": found.has_previous,
        "last_id": found.rows[-1].pk if found.rows else None,
        "first_id": found.rows[0].pk if found.rows else None,
        "suggestion": found.suggestion,
        # the suggestion as searched: its words, and the §§ and days typed beside them
        "suggested_query": f"{found.suggestion} {form.read_apart()}".strip() if found.suggestion else "",
        "only_stop_words": found.only_stop_words,
        "no_words": found.no_words,
    }
    return render(request, "meetings/register/decision_list.html", context)


def _without(params, *keys):
    params = params.copy()
    for key in keys:
        params.pop(key, None)
    return params.urlencode()


def _feeds(filters):
    """The decision feeds of what the register is narrowed to: a federation, a project. The whole register, or a
    network's, has none (no feed holds every decision)."""
    chosen: list[object] = []
    if filters.federation:
        chosen += Federation.objects.filter(slug=filters.federation)
    if filters.project:
        chosen += Project.objects.filter(slug=filters.project)
    return [feed for obj in chosen for feed in links.decisions(obj)]


def _export(request, export_format, immediate):
    """An export of every matching row: written here and now up to FINSAM_EXPORT_IMMEDIATE_ROWS rows (counted up to
    one more than that), and past it by the worker, which a request's timeout does not cut off: the page then offers
    to start it (a POST: a link followed by a crawler or a prefetch starts no work), and the POST starts it."""
    form = RegisterFilterForm(request.GET or None, user=request.user)
    if form.invalid_filters():
        # Not the register without the filter: back to the page, which names the filter to put right.
        return redirect(f"{reverse('meetings:decision_list')}?{request.GET.urlencode()}")
    filters = form.filters()
    limit = settings.FINSAM_EXPORT_IMMEDIATE_ROWS
    context = {"form": form, "limit": limit, "format": ExportJob.Format(export_format).label}
    if request.method == "POST":
        job = _start_export(request, export_format)
        if job is None:
            context["busy"] = True
            return render(request, "meetings/register/export_large.html", context, status=429)
        return redirect("meetings:decision_export_job", token=job.token)
    if search.capped_count(selectors.entries(request.user, filters), limit) <= limit:
        return immediate(exports.export_rows(request.user, filters))
    return render(request, "meetings/register/export_large.html", context)


# Background exports not yet written, at most: one asker's (a second click on the same export finds the first), and
# all visitors' together (a visitor without a cookie is a new asker each time, so only a shared bound holds them).
EXPORTS_UNFINISHED_PER_ASKER = 2
EXPORTS_UNFINISHED_FOR_VISITORS = 5


def _start_export(request, export_format):
    """Record the export for the asker (a visitor by their session, which gets a key now) and queue it after commit.
    The same export not yet written is the one already asked for; None when the asker (or the visitors together)
    already have as many waiting as the worker should take on."""
    if not request.user.is_authenticated:
        request.session["register_exports"] = True  # the session is kept (and its cookie sent) for the job's sake
        if not request.session.session_key:
            request.session.save()
    params = request.GET.copy()
    for key in ("sida", "efter", "fore", "sista"):
        params.pop(key, None)
    asker = {
        "user": request.user if request.user.is_authenticated else None,
        "session_key": "" if request.user.is_authenticated else request.session.session_key,
    }
    unfinished = ExportJob.objects.filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])
    mine = unfinished.filter(**asker)
    same = mine.filter(format=export_format, query=params.urlencode()).first()
    if same is not None:
        return same
    if mine.count() >= EXPORTS_UNFINISHED_PER_ASKER or (
        asker["user"] is None and unfinished.filter(user=None).count() >= EXPORTS_UNFINISHED_FOR_VISITORS
    ):
        return None
    job = ExportJob.objects.create(
        **asker, format=export_format, query=params.urlencode(), filename=exports.filename(export_format)
    )
    tasks.write_export.delay_on_commit(job.pk)
    return job


def _csv_response(rows):
    response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename("csv")}"'
    return response


def _xlsx_response(rows):
    return FileResponse(
        exports.xlsx_file(rows), as_attachment=True, filename=exports.filename("xlsx"), content_type=XLSX_TYPE
    )


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_http_methods(["GET", "POST"])
def export_csv(request):
    """Every matching row, streamed as it is written (or, past the limit, written by the worker)."""
    return _export(request, ExportJob.Format.CSV, _csv_response)


@require_http_methods(["GET", "POST"])
def export_xlsx(request):
    """Every matching row, the workbook written to a temporary file in write-only mode and streamed from it (or, past
    the limit, written by the worker)."""
    return _export(request, ExportJob.Format.XLSX, _xlsx_response)


@require_GET
def export_job(request, token):
    """An export's progress, polled with htmx while it is written, then its download link; only for its asker."""
    job = tasks.visible_job(request, token)
    if job is None:
        raise Http404
    working = job.status in (ExportJob.Status.QUEUED, ExportJob.Status.RUNNING)
    context = {"job": job, "working": working, "expires": job.created + tasks.KEEP}
    template = "meetings/register/_export_progress.html" if request.htmx else "meetings/register/export_job.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def export_download(request, token):
    """The export's file, from the default storage; 404 to anyone but its asker, and before it is written."""
    job = tasks.visible_job(request, token)
    if job is None or job.status != ExportJob.Status.DONE or not job.file:
        raise Http404
    try:
        source = storage.stream(job.file)
    except FileNotFoundError as exc:
        raise Http404 from exc
    content_type = XLSX_TYPE if job.format == ExportJob.Format.XLSX else "text/csv; charset=utf-8"
    return storage.download(source, as_attachment=True, filename=job.filename, content_type=content_type)


@login_required
@require_GET
def assignments(request):
    """Open, overdue and done assignments of the bodies the user may see, per federation and per person."""
    federation = AssignmentFilterForm(request.GET).federation()
    overview = selectors.assignments_overview(
        request.user, federation=federation, person=whole_number(request.GET.get("person"))
    )
    if federation and federation not in {choice.slug for choice in overview.federations}:
        # A federation the user has no role in (or none at all): not its existence, nor empty lists under "Alla".
        raise Http404
    groups = {"overdue": overview.overdue, "open": overview.open, "done": overview.done}
    context = {"groups": groups, "federations": overview.federations, "federation": federation}
    return render(request, "meetings/register/assignments.html", context)


def project_timeline_section(request, project):
    """The project page's "Ärendets gång": added to the register's project page (federations.sections)."""
    timeline = selectors.project_timeline(project, request.user)
    return Section("meetings/register/_project_timeline.html", {"timeline": timeline})
