"""The OParl-shaped API (/api/oparl/v1/) and the embeddable notice board. Thin: a selector, a serializer, the
HTTP wrapper. Lists are ordered by id (§§ by meeting and place) and paged by key (links.next), so a page costs the
same at any depth and a harvester never sees an object twice or misses one while it pages."""

import dataclasses
import datetime
from collections.abc import Callable
from operator import itemgetter
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Max
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.clickjacking import xframe_options_exempt

from finsam.middleware import content_security_policy
from meetings.opendata import openapi, selectors, serializers
from meetings.opendata.http import api_view, open_data
from meetings.printing.paragraphs import paragraph_range

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _as_is(rows):
    return rows


@dataclasses.dataclass(frozen=True)
class Listing:
    """How one list is filtered, read and shown: the fields the _since / _until filters compare with, how a page
    is read by key (selectors.rows_by_id and its kin), what a page's rows need besides themselves (a constant
    number of queries, whatever the page size), and how one is shown."""

    modified_field: str
    created_field: str
    modified_of: Callable
    serialize: Callable
    page_size: int = PAGE_SIZE
    max_page_size: int = MAX_PAGE_SIZE
    complete: Callable = _as_is
    read: Callable = selectors.rows_by_id


def _since(request, name):
    raw = request.GET.get(name)
    if not raw:
        return None
    value = parse_datetime(raw.replace(" ", "+"))
    if value is None:
        day = parse_date(raw)
        value = datetime.datetime.combine(day, datetime.time(0)) if day else None
    if value is None:
        raise ValueError(name)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, serializers.STOCKHOLM)
    return value


def _bad_request(message):
    return JsonResponse({"error": message}, status=400)


# OParl's filters (modified_since, ...) and its elementsPerPage; limit is this API's older name for the latter.
FILTERS = {"modified_since": "gte", "modified_until": "lte", "created_since": "gte", "created_until": "lte"}
KEPT = (*FILTERS, "elementsPerPage", "limit")


def _filtered(queryset, bounds, modified_field, created_field):
    for name, value in bounds.items():
        if value is not None:
            field = modified_field if name.startswith("modified") else created_field
            queryset = queryset.filter(**{f"{field}__{FILTERS[name]}": value})
    return queryset


def paginated(request, queryset, listing, list_url, meetings=None, members=None):
    """One page of a list: {data, pagination, links}. In a stable order (id; a § by its meeting and place) and paged
    by key (after=<the last key of the page before>), never by offset: a page costs the same at any depth, and a
    harvester walking the list while rows change neither skips nor repeats one (an object changed behind the
    cursor comes in the next modified_since run). The cursor and the filters travel in links.next. meetings: the
    public meetings a list of §§ is drawn from."""
    try:
        bounds = {name: _since(request, name) for name in FILTERS}
        size = request.GET.get("elementsPerPage") or request.GET.get("limit") or listing.page_size
        limit = min(max(int(size), 1), listing.max_page_size)
        queryset = _filtered(queryset, bounds, listing.modified_field, listing.created_field)
        extra = {} if meetings is None else {"meetings": _filtered(meetings, bounds, "updated", "created")}
        if members is not None:
            extra["members"] = _filtered(members, bounds, "modified", "created")
        page, following = listing.read(queryset, request.GET.get("after", ""), limit, **extra)
    except ValueError as error:
        return _bad_request(f"invalid parameter: {error}")
    kept = {key: request.GET[key] for key in KEPT if request.GET.get(key)}
    links = {"first": list_url + (f"?{urlencode(kept)}" if kept else "")}
    if following:
        links["next"] = f"{list_url}?{urlencode({**kept, 'after': following})}"
    page = listing.complete(page)
    data = {"data": [listing.serialize(row) for row in page], "pagination": {"elementsPerPage": limit}, "links": links}
    return data, max((listing.modified_of(row) for row in page), default=None)


# Page sizes, chosen for the time of a page: 50 objects; 10 meetings (at most 50), which carry their §§ inline
# (about twelve each, lean: OParl's AgendaItem fields), about 75 KB and 12 ms of Python a page; 20 bodies (a Body
# carries its legislative terms and every list's address). The §§ themselves, with their text, decisions and
# votes, come 50 a page from the agendaitem list.
MEETINGS = Listing(
    "updated",
    "created",
    itemgetter("updated"),
    serializers.meeting,
    page_size=10,
    max_page_size=50,
    complete=selectors.meeting_page,
    read=selectors.rows_by_id_in_scope,
)
AGENDA_ITEMS = Listing(
    "meeting__updated",
    "meeting__created",
    itemgetter("meeting__updated"),
    serializers.agenda_item,
    complete=selectors.agenda_item_page,
    read=selectors.items_by_meeting,
)
FILES = Listing("published", "created", itemgetter("published"), serializers.file, read=selectors.rows_by_id_in_scope)
ORGANIZATIONS = Listing(
    "modified",
    "created",
    itemgetter("modified"),
    serializers.organization_or_member,
    complete=selectors.organization_page,
    read=selectors.bodies_then_members,
)
PERSONS = Listing("modified", "created", itemgetter("modified"), serializers.person, complete=selectors.person_page)
MEMBERSHIPS = Listing("modified", "created", itemgetter("modified"), serializers.membership)
BODIES = Listing("modified", "created", lambda f: f.modified, serializers.body, page_size=20)


def _one(queryset, complete=_as_is):
    """One row of a list's queryset, completed as a page of one is; 404 when it is not public."""
    rows = list(queryset[:1])
    if not rows:
        raise Http404
    return complete(rows)[0]


@api_view
def system(request):
    last = selectors.federations().aggregate(last=Max("modified"))["last"]
    return serializers.system(last), last


@api_view
def body_list(request):
    return paginated(request, selectors.federations(), BODIES, serializers.absolute("opendata_body_list"))


@api_view
def body(request, slug):
    federation = get_object_or_404(selectors.federations(), slug=slug)
    return serializers.body(federation), federation.modified


def _list(name, selector, listing):
    @api_view
    def view(request, slug):
        federation = selectors.federation(slug)
        return paginated(request, selector(federation), listing, serializers.absolute(name, slug))

    view.__name__ = name
    return view


meeting_list = _list("opendata_meeting_list", selectors.meetings, MEETINGS)
file_list = _list("opendata_file_list", selectors.files, FILES)
person_list = _list("opendata_person_list", selectors.persons, PERSONS)
membership_list = _list("opendata_membership_list", selectors.mandates, MEMBERSHIPS)


@api_view
def organization_list(request, slug):
    """The federation's bodies and its network's, then the member organisations its memberships name: OParl wants
    every Organization a Membership links to (onBehalfOf) in a list of its Body."""
    federation = selectors.federation(slug)
    url = serializers.absolute("opendata_organization_list", slug)
    bodies, members = selectors.organizations(federation), selectors.member_organisations(federation)
    return paginated(request, bodies, ORGANIZATIONS, url, members=members)


@api_view
def agendaitem_list(request, slug):
    federation = selectors.federation(slug)
    url = serializers.absolute("opendata_agendaitem_list", slug)
    items, meetings = selectors.agenda_items(federation), selectors.public_meetings(federation)
    return paginated(request, items, AGENDA_ITEMS, url, meetings=meetings)


def whole_list(rows, list_url):
    """A list that always fits on one page (the legislative terms; the papers, of which there are none): shaped
    like every other list page, data, pagination and links, also when it is empty."""
    size = max(len(rows), PAGE_SIZE)
    return {"data": rows, "pagination": {"elementsPerPage": size}, "links": {"first": list_url}}, None


@api_view
def paper_list(request, slug):
    """OParl's Paper (a Drucksache) has no counterpart in a Finsam record: the list is always empty."""
    selectors.federation(slug)
    return whole_list([], serializers.absolute("opendata_paper_list", slug))


@api_view
def term_list(request, slug):
    federation = selectors.federation(slug)
    terms = [serializers.legislative_term(federation, year) for year in serializers.term_years()]
    return whole_list(terms, serializers.absolute("opendata_term_list", slug))


@api_view
def term(request, slug, year):
    federation = selectors.federation(slug)
    if year not in serializers.term_years():
        return JsonResponse({"error": "not found"}, status=404)
    return serializers.legislative_term(federation, year), None


@api_view
def meeting(request, pk):
    row = _one(selectors.meetings().filter(pk=pk), selectors.meeting_page)
    return serializers.meeting(row), row["updated"]


@api_view
def agendaitem(request, pk):
    row = _one(selectors.agenda_items().filter(pk=pk), selectors.agenda_item_page)
    return serializers.agenda_item(row), row["meeting__updated"]


@api_view
def file(request, pk):
    row = _one(selectors.files().filter(pk=pk))
    return serializers.file(row), row["published"]


@api_view
def organization(request, pk):
    row = _one(selectors.organizations().filter(pk=pk), selectors.organization_page)
    return serializers.organization(row), row["modified"]


@api_view
def member_organization(request, slug):
    row = _one(selectors.member_organisations().filter(slug=slug))
    return serializers.member_organization(row), row["modified"]


@api_view
def person(request, pk):
    row = _one(selectors.persons().filter(pk=pk), selectors.person_page)
    return serializers.person(row), row["modified"]


@api_view
def membership(request, pk):
    row = _one(selectors.mandates().filter(pk=pk))
    return serializers.membership(row), row["modified"]


@api_view
def openapi_description(request):
    return openapi.description(), None


@open_data
@xframe_options_exempt
def embed(request, slug):
    """The notice board of one federation, for its own website's iframe: only the origins configured in
    FINSAM_EMBED_ORIGINS may frame it (every other page keeps frame-ancestors 'none')."""
    federation = selectors.federation(slug)
    rows = [
        {
            "anslag": anslag,
            "meeting": anslag.meeting,
            "paragraphs": paragraph_range([n for n in (anslag.first_number, anslag.last_number) if n is not None]),
            "document": anslag.sealed is not None and anslag.meeting.reviewed_at is not None,
        }
        for anslag in selectors.current_anslag(federation)
    ]
    context = {"federation": federation, "rows": rows, "site_url": settings.SITE_URL}
    response = render(request, "meetings/opendata/embed.html", context)
    response["Content-Security-Policy"] = content_security_policy(settings.FINSAM_EMBED_ORIGINS)
    return response
