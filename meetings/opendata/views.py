"""The OParl-shaped API (/api/oparl/v1/) and the embeddable notice board. Thin: a selector, a serializer, the
HTTP wrapper. Lists are ordered by id and paged by an id cursor (links.next), so a page costs the same at any depth
and a harvester never sees an object twice or misses one while it pages."""

import dataclasses
import datetime
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.clickjacking import xframe_options_exempt

from finsam.middleware import content_security_policy
from meetings.opendata import openapi, selectors, serializers
from meetings.opendata.http import api_view, open_data

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclasses.dataclass(frozen=True)
class Listing:
    """How one list is filtered and shown: the fields modified_since / created_since compare with."""

    modified_field: str
    created_field: str
    modified_of: Callable
    serialize: Callable
    page_size: int = PAGE_SIZE


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


def paginated(request, queryset, listing, list_url):
    """One page of a list: {data, pagination, links}; the cursor and filters travel in links.next."""
    try:
        modified_since = _since(request, "modified_since")
        created_since = _since(request, "created_since")
        limit = min(max(int(request.GET.get("limit", listing.page_size)), 1), MAX_PAGE_SIZE)
        after = int(request.GET.get("after", 0))
    except ValueError as error:
        return _bad_request(f"invalid parameter: {error}")
    if modified_since:
        queryset = queryset.filter(**{f"{listing.modified_field}__gte": modified_since})
    if created_since:
        queryset = queryset.filter(**{f"{listing.created_field}__gte": created_since})
    rows = list(queryset.filter(pk__gt=after)[: limit + 1])
    page, more = rows[:limit], len(rows) > limit
    kept = {key: request.GET[key] for key in ("modified_since", "created_since", "limit") if request.GET.get(key)}
    links = {"first": list_url + (f"?{urlencode(kept)}" if kept else "")}
    if more:
        links["next"] = f"{list_url}?{urlencode({**kept, 'after': page[-1].pk})}"
    data = {"data": [listing.serialize(row) for row in page], "pagination": {"elementsPerPage": limit}, "links": links}
    return data, max((listing.modified_of(row) for row in page), default=None)


# A meeting carries its §§ inline (about twelve each, with their text): smaller pages.
MEETINGS = Listing("updated", "created", lambda m: m.updated, serializers.meeting, page_size=20)
AGENDA_ITEMS = Listing(
    "meeting__updated", "meeting__created", lambda i: i.meeting.updated, lambda i: serializers.agenda_item(i)
)
FILES = Listing("published", "created", lambda d: d.published, lambda d: serializers.file(d))
ORGANIZATIONS = Listing("modified", "created", lambda b: b.modified, serializers.organization)
PERSONS = Listing("modified", "created", lambda p: p.modified, serializers.person)
MEMBERSHIPS = Listing("modified", "created", lambda m: m.modified, lambda m: serializers.membership(m))
BODIES = Listing("modified", "created", lambda f: f.modified, serializers.body)


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
agendaitem_list = _list("opendata_agendaitem_list", selectors.agenda_items, AGENDA_ITEMS)
file_list = _list("opendata_file_list", selectors.files, FILES)
organization_list = _list("opendata_organization_list", selectors.organizations, ORGANIZATIONS)
person_list = _list("opendata_person_list", selectors.persons, PERSONS)
membership_list = _list("opendata_membership_list", selectors.mandates, MEMBERSHIPS)


@api_view
def paper_list(request, slug):
    """OParl's Paper (a Drucksache) has no counterpart in a Finsam record: the list is always empty."""
    selectors.federation(slug)
    return {"data": [], "pagination": {"elementsPerPage": 0}, "links": {}}, None


@api_view
def term_list(request, slug):
    federation = selectors.federation(slug)
    terms = [serializers.legislative_term(federation, year) for year in serializers.term_years()]
    return {"data": terms, "pagination": {"elementsPerPage": len(terms)}, "links": {}}, None


@api_view
def term(request, slug, year):
    federation = selectors.federation(slug)
    if year not in serializers.term_years():
        return JsonResponse({"error": "not found"}, status=404)
    return serializers.legislative_term(federation, year), None


@api_view
def meeting(request, pk):
    meeting = get_object_or_404(selectors.meetings(), pk=pk)
    return serializers.meeting(meeting), meeting.updated


@api_view
def agendaitem(request, pk):
    item = get_object_or_404(selectors.agenda_items(), pk=pk)
    return serializers.agenda_item(item), item.meeting.updated


@api_view
def file(request, pk):
    document = get_object_or_404(selectors.files(), pk=pk)
    return serializers.file(document), document.published


@api_view
def organization(request, pk):
    body = get_object_or_404(selectors.organizations(), pk=pk)
    return serializers.organization(body), body.modified


@api_view
def member_organization(request, slug):
    organisation = get_object_or_404(selectors.member_organisations(), slug=slug)
    return serializers.member_organization(organisation), organisation.modified


@api_view
def person(request, pk):
    person = get_object_or_404(selectors.persons(), pk=pk)
    return serializers.person(person), person.modified


@api_view
def membership(request, pk):
    mandate = get_object_or_404(selectors.mandates(), pk=pk)
    return serializers.membership(mandate), mandate.modified


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
            "paragraphs": _paragraphs(anslag.meeting),
            "document": anslag.meeting.sealed[0] if anslag.meeting.sealed and anslag.meeting.reviewed_at else None,
        }
        for anslag in selectors.current_anslag(federation)
    ]
    context = {"federation": federation, "rows": rows, "site_url": settings.SITE_URL}
    response = render(request, "meetings/opendata/embed.html", context)
    response["Content-Security-Policy"] = content_security_policy(settings.FINSAM_EMBED_ORIGINS)
    return response


def _paragraphs(meeting):
    numbers = [item.number for item in meeting.items.all()]
    return f"§ {min(numbers)}–{max(numbers)}" if numbers else ""
