"""The decision register /beslut/, its exports, the assignments overview and the project page's timeline."""

import csv
import datetime
import io

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from federations.models import Federation
from federations.permissions import roles_for
from federations.sections import Section
from finsam.params import whole_number
from meetings.models import AgendaItem, Anslag, Appeal, Assignment, Decision
from meetings.permissions import visible_assignments, visible_entries
from meetings.register import exports, search, selectors
from meetings.register.forms import AssignmentFilterForm, RegisterFilterForm

# Past the last page of any register, and small enough that its offset fits a 64-bit integer.
MAX_PAGE = 10**9


PAGE_SIZE = 25


def _entries(request):
    form = RegisterFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    queryset = selectors.apply_filters(visible_entries(request.user), filters)
    queryset = search.search(queryset, filters.q)
    return form, filters, queryset


def _joined(queryset):
    return queryset.select_related("body__federation", "body__network").defer("search_vector")


def _attach_projects(rows):
    """The projects linked to each row's § or decision: two queries on the link tables, whatever the page size."""
    by_item, by_decision = {}, {}
    item_links = AgendaItem.projects.through.objects.filter(agendaitem_id__in=[r.item_id for r in rows])
    for link in item_links.select_related("project"):
        by_item.setdefault(link.agendaitem_id, []).append(link.project)
    decision_links = Decision.projects.through.objects.filter(
        decision_id__in=[r.decision_id for r in rows if r.decision_id]
    )
    for link in decision_links.select_related("project"):
        by_decision.setdefault(link.decision_id, []).append(link.project)
    for row in rows:
        projects = by_item.get(row.item_id, []) + by_decision.get(row.decision_id, [])
        row.projects = list({p.pk: p for p in projects}.values())


def _attach_standing(rows):
    """Which rows are not final yet: appealed, or still within the appeal period. Two queries, whatever the page."""
    meeting_ids = {row.meeting_id for row in rows}
    appealed = set(Appeal.objects.filter(meeting_id__in=meeting_ids).values_list("meeting_id", flat=True))
    running = dict(
        Anslag.objects.filter(meeting_id__in=meeting_ids, appeal_until__gte=timezone.localdate()).values_list(
            "meeting_id", "appeal_until"
        )
    )
    for row in rows:
        row.appealed = row.meeting_id in appealed
        row.appeal_until = running.get(row.meeting_id)


@require_GET
def decision_list(request):
    form, filters, queryset = _entries(request)
    page = min(max(1, whole_number(request.GET.get("sida"), 1)), MAX_PAGE)
    offset = (page - 1) * PAGE_SIZE
    ordered = _joined(queryset.order_by("-date", "-meeting_id", "number", "id"))
    rows, count = search.page_and_count(ordered, queryset, filters.q, offset, PAGE_SIZE + 1)
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    snippets = search.headlines(rows, filters.q)
    _attach_projects(rows)
    _attach_standing(rows)
    for row in rows:
        row.snippet = snippets.get(row.pk)
    params = request.GET.copy()
    params.pop("sida", None)
    context = {
        "form": form,
        "rows": rows,
        "count": count,
        "capped": count is not None and count > search.COUNT_CAP,
        "page": page,
        "has_next": has_next,
        "query_string": params.urlencode(),
        "suggestion": search.suggestion(filters.q) if filters.q and not count else None,
    }
    return render(request, "meetings/register/decision_list.html", context)


def _export_rows(request):
    _form, _filters, queryset = _entries(request)
    queryset = queryset.select_related("body__federation", "body__network").order_by(
        "-date", "-meeting_id", "number", "id"
    )[: exports.EXPORT_LIMIT]
    for entry in queryset:
        owner = entry.body.federation or entry.body.network
        yield [
            entry.date.isoformat(),
            owner.name if owner else "",
            entry.body.name,
            f"§ {entry.number}" if entry.number else "",
            entry.heading,
            entry.decision_text,
            entry.get_outcome_display() if entry.outcome else "",
            entry.get_method_display() if entry.method else "",
            f"{settings.SITE_URL}/moten/{entry.meeting_id}/#p{entry.item_id}",
        ]


@require_GET
def export_csv(request):
    """CSV for Swedish Excel: semicolons, UTF-8 with a byte-order mark, a Swedish header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(h) for h in exports.CSV_HEADER])
    writer.writerows([exports.csv_cell(value) for value in row] for row in _export_rows(request))
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename("csv")}"'
    return response


@require_GET
def export_xlsx(request):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Beslut"
    sheet.append([str(h) for h in exports.CSV_HEADER])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in _export_rows(request):
        row[0] = datetime.date.fromisoformat(row[0])
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            exports.xlsx_cell(cell)
    for column, width in zip("ABCDEFGHI", (12, 34, 22, 8, 40, 70, 16, 16, 40), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename("xlsx")}"'
    return response


@login_required
@require_GET
def assignments(request):
    """Open, overdue and done assignments of the bodies the user may see, per federation and per person."""
    roles = roles_for(request.user)
    queryset = visible_assignments(request.user).select_related(
        "owner", "item__meeting__body__federation", "item__meeting__body__network", "closed_in__meeting"
    )
    federation = AssignmentFilterForm(request.GET).federation()
    if federation:
        queryset = queryset.filter(item__meeting__body__federation__slug=federation)
    person = whole_number(request.GET.get("person"))
    if person is not None:
        queryset = queryset.filter(owner_id=person)
    today = timezone.localdate()
    rows = list(queryset.order_by("status", "due", "item__meeting__date")[:500])
    groups = {
        "overdue": [a for a in rows if a.status == Assignment.Status.OPEN and a.due and a.due < today],
        "open": [a for a in rows if a.status == Assignment.Status.OPEN and not (a.due and a.due < today)],
        "done": [a for a in rows if a.status == Assignment.Status.DONE],
    }
    return render(
        request,
        "meetings/register/assignments.html",
        {
            "groups": groups,
            "federations": Federation.objects.filter(pk__in=roles.member_of).order_by("name")
            if not roles.superuser
            else Federation.objects.order_by("name"),
            "federation": federation,
            "today": today,
        },
    )


def project_timeline(project, user):
    """Every visible § and decision linked to the project, in date order, with the matter's forward links."""
    entries = (
        visible_entries(user)
        .filter(Q(item__projects=project) | Q(decision__projects=project))
        .select_related("body__federation", "body__network", "item__continues__meeting")
        .prefetch_related("item__continued_in__meeting")
        .distinct()
        .order_by("date", "number", "id")
    )
    return list(entries)


def project_timeline_section(request, project):
    """The project page's "Ärendets gång": added to the register's project page (federations.sections)."""
    return Section("meetings/register/_project_timeline.html", {"timeline": project_timeline(project, request.user)})
