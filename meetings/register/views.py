"""The decision register /beslut/, its exports, the assignments overview and the project page's timeline."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from federations.models import Federation, Project
from federations.sections import Section
from finsam.params import whole_number
from meetings import feed_links as links
from meetings.register import exports, selectors
from meetings.register.forms import AssignmentFilterForm, RegisterFilterForm

PAGE_SIZE = 25
# A page number typed into the address (no link makes one without the key of the page before it) is read by
# offset, which costs what comes before it: ?sida=19200 read 480,000 rows (0.9-1.7 s). A typed number goes this
# deep at most; the page says so and offers the links, which read by key whatever the depth.
TYPED_PAGE_LIMIT = 10


@require_GET
def decision_list(request):
    form = RegisterFilterForm(request.GET or None, user=request.user)
    page = max(1, whole_number(request.GET.get("sida"), 1))
    last = request.GET.get("sista") == "1"
    after, before = whole_number(request.GET.get("efter")), whole_number(request.GET.get("fore"))
    # With a key (a link's efter or fore) the number only labels the page; alone it is an offset.
    typed_too_deep = page > TYPED_PAGE_LIMIT and not (after or before or last)
    page = TYPED_PAGE_LIMIT if typed_too_deep else min(page, 10**9)  # a label past any register still fits
    filters = form.filters()
    found = selectors.register_page(
        request.user,
        filters,
        offset=(page - 1) * PAGE_SIZE,
        page_size=PAGE_SIZE,
        after=after,
        before=before,
        last=last,
    )
    params = request.GET.copy()
    for key in ("sida", "efter", "fore", "sista"):
        params.pop(key, None)
    # The last page holds the last PAGE_SIZE rows, read from the end; it and the pages before it by their links have
    # no number: numbering them would mean counting every row before them, which reading backwards avoids.
    if last or ("sida" not in request.GET and (after or before)):
        page = None
    context = {
        "form": form,
        "rows": found.rows,
        "count": found.count,
        "capped": found.capped,
        "cap": found.cap,
        "page": page,
        "typed_too_deep": typed_too_deep,
        "typed_page_limit": TYPED_PAGE_LIMIT,
        "last": last,
        "has_next": found.has_next,
        "has_previous": found.has_previous,
        "last_id": found.rows[-1].pk if found.rows else None,
        "first_id": found.rows[0].pk if found.rows else None,
        "query_string": params.urlencode(),
        "suggestion": found.suggestion,
        "only_stop_words": found.only_stop_words,
        "feeds": _feeds(filters),
    }
    return render(request, "meetings/register/decision_list.html", context)


def _feeds(filters):
    """The decision feeds of what the register is narrowed to: a federation, a project. The whole register, or a
    network's, has none (no feed holds every decision)."""
    chosen: list[object] = []
    if filters.federation:
        chosen += Federation.objects.filter(slug=filters.federation)
    if filters.project:
        chosen += Project.objects.filter(slug=filters.project)
    return [feed for obj in chosen for feed in links.decisions(obj)]


def _export_rows(request):
    form = RegisterFilterForm(request.GET or None, user=request.user)
    return exports.export_rows(request.user, form.filters())


@require_GET
def export_csv(request):
    """Every matching row, streamed as it is written."""
    response = StreamingHttpResponse(exports.csv_lines(_export_rows(request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename("csv")}"'
    return response


@require_GET
def export_xlsx(request):
    """Every matching row, the workbook written to a temporary file in write-only mode and streamed from it."""
    return FileResponse(
        exports.xlsx_file(_export_rows(request)),
        as_attachment=True,
        filename=exports.filename("xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
@require_GET
def assignments(request):
    """Open, overdue and done assignments of the bodies the user may see, per federation and per person."""
    federation = AssignmentFilterForm(request.GET).federation()
    overview = selectors.assignments_overview(
        request.user, federation=federation, person=whole_number(request.GET.get("person"))
    )
    groups = {"overdue": overview.overdue, "open": overview.open, "done": overview.done}
    context = {"groups": groups, "federations": overview.federations, "federation": federation}
    return render(request, "meetings/register/assignments.html", context)


def project_timeline_section(request, project):
    """The project page's "Ärendets gång": added to the register's project page (federations.sections)."""
    timeline = selectors.project_timeline(project, request.user)
    return Section("meetings/register/_project_timeline.html", {"timeline": timeline})
