"""The public reads of the open-data API and feeds. Every queryset starts from meetings.permissions for the
anonymous user, whoever asks: the API shows the public record only, also to a signed-in secretary."""

import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.shortcuts import get_object_or_404
from django.utils import timezone

from federations.models import Body, Federation, Mandate, MemberOrganisation, Membership, Person, Project, active_on
from meetings import permissions
from meetings.models import (
    AgendaItem,
    Anslag,
    Appeal,
    Decision,
    Meeting,
    ProtocolRevision,
    RegisterEntry,
    SignedDocument,
    Vote,
)

PUBLIC = AnonymousUser()


def federations() -> QuerySet[Federation]:
    """Federations with their current member organisations: two queries for any number."""
    current = Membership.objects.filter(active_on(timezone.localdate())).select_related("organisation")
    return Federation.objects.prefetch_related(
        Prefetch("memberships", queryset=current.order_by("id"), to_attr="current_memberships")
    ).order_by("id")


def federation(slug: str) -> Federation:
    return get_object_or_404(Federation, slug=slug)


def public_meetings(federation: Federation | None = None) -> QuerySet[Meeting]:
    queryset = permissions.visible_meetings(PUBLIC)
    return queryset if federation is None else queryset.filter(body__federation=federation)


# Reading a page by key. A list is one federation's share of a national table (its meetings among 40,000, its §§
# among 480,000), so "the next rows by id" must not walk the national id index and throw away the other
# federations' rows: a federation whose records were entered late (an imported history) sits at the end of it, and
# that walk read the whole table (a second for the first page of §§). Instead a page reads its scope's ids without
# LIMIT (an index scan of the federation's bodies, a few hundred integers), then the page by those ids. Never an
# OFFSET: the cursor is the last key of the page before.


def _cursor(after: str, parts: int = 1) -> list[int]:
    try:
        values = [int(part) for part in after.split("-")] if after else [0] * parts
    except ValueError:
        values = []
    if len(values) != parts or min(values) < 0:
        raise ValueError("after")
    return values


def rows_by_id(queryset: QuerySet[Any, Any], after: str, limit: int) -> tuple[list[Any], str | None]:
    """The next rows (or objects: the federations) by id with LIMIT: for the small tables (the federations, a
    federation's bodies, people, mandates)."""
    [start] = _cursor(after)
    rows = list(queryset.filter(pk__gt=start).order_by("pk")[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], str(last["id"] if isinstance(last, dict) else last.pk)


def rows_by_id_in_scope(queryset: QuerySet[Any, Any], after: str, limit: int) -> tuple[list[Any], str | None]:
    """The next rows by id, their ids read first in full (see above): two queries, whatever the depth."""
    [start] = _cursor(after)
    ids = list(queryset.filter(pk__gt=start).order_by("pk").values_list("pk", flat=True))
    chosen = ids[:limit]
    rows = list(queryset.filter(pk__in=chosen).order_by("pk")) if chosen else []
    return rows, (str(chosen[-1]) if len(ids) > limit else None)


MAX_POSITION = 2**31 - 1


def items_by_meeting(
    queryset: QuerySet[Any, Any], after: str, limit: int, meetings: QuerySet[Meeting]
) -> tuple[list[Any], str | None]:
    """The next §§ in the order of their meeting (by id) and their place in it; the cursor is meeting-place. The
    ids of the public meetings from the cursor's on are read in full, then the §§ of the first limit + 1 of them
    through the (meeting, position) index: two queries at any depth. A public record is frozen, so a § keeps its
    meeting and place. A page may hold fewer §§ than asked when meetings have none; links.next then goes on."""
    meeting, position = _cursor(after, 2)
    ids = list(meetings.filter(pk__gte=meeting).order_by("pk").values_list("pk", flat=True))
    chosen = ids[: limit + 1]
    following = Q(meeting_id__gt=meeting) | Q(meeting_id=meeting, position__gt=position)
    rows = list(queryset.filter(following, meeting_id__in=chosen).order_by("meeting_id", "position")[: limit + 1])
    if len(rows) > limit:
        last = rows[limit - 1]
        return rows[:limit], f"{last['meeting_id']}-{last['position']}"
    if len(ids) > len(chosen):
        return rows, f"{chosen[-1]}-{MAX_POSITION}"
    return rows, None


def public_persons() -> QuerySet[Person]:
    """People of the public register: those who hold (or held) a mandate. Never their e-mail or account."""
    return Person.objects.filter(Exists(Mandate.objects.filter(person=OuterRef("pk")))).defer("email", "user")


def _sealed_documents() -> QuerySet[SignedDocument]:
    return SignedDocument.objects.filter(status=SignedDocument.Status.DONE, revision__kind=ProtocolRevision.Kind.FULL)


# The API's lists read plain rows (values()), not model instances: a page of meetings names hundreds of §§, and
# building instances, related managers and prefetch caches for them cost more than the queries. Each list reads
# its page by key (above) and then one query per kind of related row, whatever the page size.

MEETING_FIELDS = (
    "id", "title", "date", "start_time", "end_time", "status", "place", "record_kind", "justerad_at",
    "justering_place_time", "signed_on_paper", "reviewed_at", "created", "updated", "body_id", "body__name",
    "body__slug", "anslag__posted_on", "anslag__appeal_until",
)  # fmt: skip
ITEM_FIELDS = ("id", "meeting_id", "position", "number", "heading", "kind", "case_number", "immediate_justering")


DOCUMENT_FIELDS = ("id", "sha256", "created", "finished")


def meetings(federation: Federation | None = None) -> QuerySet[Meeting, dict[str, Any]]:
    """Public meetings as rows, with their body, anslag, whether an appeal is recorded and their newest sealed PDF
    (document_id, document_sha256, ...: scalar subqueries, computed for the page's rows only); meeting_page adds
    the §§."""
    queryset = public_meetings(federation)
    appealed = Exists(Appeal.objects.filter(meeting=OuterRef("pk")))
    newest = _sealed_documents().filter(meeting=OuterRef("pk")).order_by("-created", "-id")
    documents = {f"document_{field}": Subquery(newest.values(field)[:1]) for field in DOCUMENT_FIELDS}
    return queryset.annotate(appealed=appealed, **documents).values(*MEETING_FIELDS, "appealed", *documents)


def meeting_page(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Adds to each meeting row its §§, lean (what OParl's inline AgendaItem holds), each with its decisions'
    outcome and text (for result and resolutionText): one query, §§ joined to their decisions, for a page of any
    size."""
    items: dict[int, dict[str, Any]] = {}
    for row in (
        AgendaItem.objects.filter(meeting_id__in=[row["id"] for row in rows])
        .order_by("meeting_id", "position", "decisions__position", "decisions__id")
        .values(*ITEM_FIELDS, "decisions__outcome", "decisions__text")
    ):
        outcome, text = row.pop("decisions__outcome"), row.pop("decisions__text")
        item = items.setdefault(row["id"], {**row, "decisions": []})
        if outcome is not None:
            item["decisions"].append({"outcome": outcome, "text": text})
    by_meeting = _group(items.values(), "meeting_id")
    for row in rows:
        row["items"] = by_meeting.get(row["id"], [])
        document = {field: row.pop(f"document_{field}") for field in DOCUMENT_FIELDS}
        row["document"] = document if document["id"] is not None else None
    return rows


def _group(rows: Any, key: str) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def agenda_items(federation: Federation | None = None) -> QuerySet[AgendaItem, dict[str, Any]]:
    """§§ of public meetings as rows, with their meeting's times (created and modified are the meeting's)."""
    queryset = AgendaItem.objects.filter(meeting__in=public_meetings(federation))
    return queryset.values(*ITEM_FIELDS, "text", "meeting__created", "meeting__updated")


def agenda_item_page(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Adds to each § row its decisions and their votes (with whether the voter is in the public register): two
    queries for a page of any size."""
    decisions: list[Any] = list(
        Decision.objects.filter(item_id__in=[row["id"] for row in rows])
        .order_by("item_id", "position", "id")
        .values("id", "item_id", "text", "outcome", "method", "notes", "votes_yes", "votes_no", "votes_abstain")
    )
    has_mandate = Exists(Mandate.objects.filter(person=OuterRef("attendance__person_id")))
    votes = _group(
        Vote.objects.filter(decision_id__in=[d["id"] for d in decisions])
        .annotate(voter_is_public=has_mandate)
        .order_by("id")
        .values("decision_id", "choice", "attendance__person_id", "attendance__name", "attendance__person__name",
                "voter_is_public"),
        "decision_id",
    )  # fmt: skip
    by_item = _group(decisions, "item_id")
    for decision in decisions:
        decision["votes"] = votes.get(decision["id"], [])
    for row in rows:
        row["decisions"] = by_item.get(row["id"], [])
    return rows


FILE_FIELDS = (
    "id", "sha256", "created", "meeting_id", "meeting__date", "meeting__justerad_at", "meeting__body__name",
    "meeting__body__slug", "published",
)  # fmt: skip


def files(federation: Federation | None = None) -> QuerySet[Any]:
    """Sealed protocol PDFs of public meetings as rows. Published when both sealed and reviewed: modified is the
    later of the two."""
    queryset = _sealed_documents().filter(meeting__in=public_meetings(federation))
    return queryset.annotate(published=Greatest("finished", "meeting__updated")).values(*FILE_FIELDS)


BODY_FIELDS = (
    "id", "name", "slug", "kind", "record_kind", "created", "modified", "federation_id", "federation__slug",
    "federation__name", "federation__short_name", "network__name", "network__short_name",
)  # fmt: skip
MANDATE_FIELDS = (
    "id", "person_id", "body_id", "role", "role_title", "start", "end", "substitute_order", "organisation__slug",
    "created", "modified",
)  # fmt: skip


def bodies_of(federation: Federation) -> Q:
    """The bodies whose organisations, mandates and people a federation's lists carry: its own, and those of its
    network (a network is no OParl Body of its own; its organs are reached through the federations in it)."""
    scope = Q(federation=federation)
    if federation.network_id is not None:
        scope |= Q(network_id=federation.network_id)
    return scope


def _mandates_in(federation: Federation) -> QuerySet[Mandate]:
    return Mandate.objects.filter(body__in=Body.objects.filter(bodies_of(federation)).values("pk"))


def organizations(federation: Federation | None = None) -> QuerySet[Body, dict[str, Any]]:
    """Bodies of federations and networks as rows (organization_page adds their mandates' ids)."""
    queryset = Body.objects.all()
    if federation is not None:
        queryset = queryset.filter(bodies_of(federation))
    return queryset.values(*BODY_FIELDS)


def organization_page(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Adds to each body row its mandates' ids; member organisations' rows (marked "member") are left as they are."""
    bodies = [row["id"] for row in rows if not row.get("member")]
    mandates = _group(
        Mandate.objects.filter(body_id__in=bodies).order_by("id").values("id", "body_id"),
        "body_id",
    )
    for row in rows:
        if not row.get("member"):
            row["mandate_ids"] = [mandate["id"] for mandate in mandates.get(row["id"], [])]
    return rows


MEMBER_FIELDS = ("id", "slug", "name", "kind", "created", "modified")


def member_organisations(federation: Federation | None = None) -> QuerySet[MemberOrganisation, dict[str, Any]]:
    """Member organisations as rows. Of a federation: those that are or were its members and those on whose behalf
    someone holds a mandate in its bodies (what its memberships' onBehalfOf link to)."""
    queryset = MemberOrganisation.objects.all()
    if federation is not None:
        member = Exists(Membership.objects.filter(federation=federation, organisation=OuterRef("pk")))
        appointing = Exists(_mandates_in(federation).filter(organisation=OuterRef("pk")))
        queryset = queryset.filter(member | appointing)
    return queryset.values(*MEMBER_FIELDS)


def bodies_then_members(
    queryset: QuerySet[Any, Any], after: str, limit: int, members: QuerySet[Any, Any]
) -> tuple[list[Any], str | None]:
    """A page of a federation's organization list: its bodies by id, then its member organisations by id (rows
    marked "member"). The cursor is part-id, the part 0 for bodies and 1 for member organisations."""
    part, start = _cursor(after, 2)
    if part > 1:
        raise ValueError("after")
    rows: list[Any] = []
    if part == 0:
        rows = list(queryset.filter(pk__gt=start).order_by("pk")[: limit + 1])
        if len(rows) > limit:
            return rows[:limit], f"0-{rows[limit - 1]['id']}"
        start = 0
    room = limit - len(rows)
    others = [{**row, "member": True} for row in members.filter(pk__gt=start).order_by("pk")[: room + 1]]
    if len(others) <= room:
        return rows + others, None
    others = others[:room]
    return rows + others, f"1-{others[-1]['id'] if others else 0}"


def mandates(federation: Federation | None = None) -> QuerySet[Mandate, dict[str, Any]]:
    queryset = _mandates_in(federation) if federation is not None else Mandate.objects.all()
    return queryset.values(*MANDATE_FIELDS)


def persons(federation: Federation | None = None) -> QuerySet[Person, Any]:
    """People of the public register as rows: name, party, title (person_page adds their mandates). Never the
    e-mail address or the account."""
    queryset = public_persons()
    if federation is not None:
        queryset = queryset.filter(Exists(_mandates_in(federation).filter(person=OuterRef("pk"))))
    return queryset.values("id", "name", "party", "title", "created", "modified")


def person_page(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    mandates = _group(
        Mandate.objects.filter(person_id__in=[row["id"] for row in rows]).order_by("id").values(*MANDATE_FIELDS),
        "person_id",
    )
    for row in rows:
        row["mandates"] = mandates.get(row["id"], [])
    return rows


def current_anslag(federation: Federation | None = None, today: datetime.date | None = None) -> QuerySet[Anslag]:
    """Notices whose appeal period runs, newest first, with what the board shows (the §§ range, the PDF)."""
    today = today or timezone.localdate()
    queryset = permissions.visible_anslag(PUBLIC).filter(appeal_until__gte=today)
    return _with_meeting(queryset, federation)


def recent_anslag(federation: Federation | None = None, limit: int = 50) -> QuerySet[Anslag]:
    return _with_meeting(permissions.visible_anslag(PUBLIC), federation)[:limit]


def _with_meeting(queryset: QuerySet[Anslag], federation: Federation | None) -> QuerySet[Anslag]:
    """Each notice with its meeting and body, the range of its §§ (first_number, last_number) and whether its
    sealed PDF exists (sealed): scalar subqueries on the notice's own row, one query for the whole board."""
    if federation is not None:
        queryset = queryset.filter(meeting__body__federation=federation)
    numbers = AgendaItem.objects.filter(meeting=OuterRef("meeting_id")).exclude(number=None).values("number")
    # A scalar subquery with LIMIT, not EXISTS: PostgreSQL would hash EXISTS over every sealed document in the
    # country to answer it for the fifty notices of a page.
    sealed = _sealed_documents().filter(meeting=OuterRef("meeting_id")).values("id")[:1]
    shown = ("posted_on", "appeal_until", "meeting__date", "meeting__reviewed_at", "meeting__body__name")
    owners = ("meeting__body__federation__name", "meeting__body__federation__short_name")
    return (
        queryset.select_related("meeting__body__federation", "meeting__body__network")
        .only(*shown, *owners, "meeting__body__network__name", "meeting__body__network__short_name")
        .annotate(
            first_number=Subquery(numbers.order_by("number")[:1]),
            last_number=Subquery(numbers.order_by("-number")[:1]),
            sealed=Subquery(sealed),
        )
        .order_by("-posted_on", "-id")
    )


def recent_decisions(
    *,
    federation: Federation | None = None,
    body: Body | None = None,
    project: Project | None = None,
    limit: int = 50,
) -> QuerySet[RegisterEntry]:
    """The newest public decisions (register entries with a decision) of a federation, a body or a project."""
    queryset = permissions.visible_entries(PUBLIC).filter(decision__isnull=False)
    if federation is not None:
        queryset = queryset.filter(federation=federation)
    if body is not None:
        queryset = queryset.filter(body=body)
    if project is not None:
        # The project's decisions and §§ first (two small reads), then the entries by their indexed keys: joining
        # both many-to-many tables into the register and DISTINCT over it read the whole register.
        decisions = Decision.projects.through.objects.filter(project=project).values_list("decision_id", flat=True)
        items = AgendaItem.projects.through.objects.filter(project=project).values_list("agendaitem_id", flat=True)
        queryset = queryset.filter(Q(decision_id__in=list(decisions)) | Q(item_id__in=list(items)))
    # What a feed entry shows, not the entry's search terms and § text.
    shown = ("number", "heading", "decision_text", "outcome", "date", "item_id", "decision_id")
    return (
        queryset.select_related("meeting", "body")
        .only(*shown, "meeting__reviewed_at", "meeting__updated", "meeting__date", "body__name")
        .order_by("-date", "-meeting_id", "number", "id")[:limit]
    )


def calendar_meetings(body: Body, since: datetime.date) -> QuerySet[Meeting]:
    """The body's called and public meetings from a date on, in date order."""
    return (
        permissions.calendar_meetings(PUBLIC)
        .filter(body=body, date__gte=since)
        .select_related("body__federation", "body__network")
        .order_by("date", "start_time", "id")
    )
