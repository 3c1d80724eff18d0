"""Reads of the register: filters over visible entries, a page of them, the project timeline, the assignments
overview."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.utils import timezone

from federations.models import Federation, Network, Person, Project
from federations.permissions import roles_for
from finsam.types import User
from meetings.models import AgendaItem, Anslag, Appeal, Assignment, Decision, Meeting, RegisterEntry, Reservation
from meetings.permissions import visible_assignments, visible_entries, visible_register_items
from meetings.register import analysis, search, snippets, suggestions
from meetings.sanitize import html_to_text

# The register's order: newest meeting first, its §§ in order.
NEWEST_FIRST = ("-date", "-meeting_id", "number", "id")


@dataclass
class Filters:
    q: str = ""
    federation: str = ""
    body_kind: str = ""
    year: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    outcome: str = ""
    method: str = ""
    project: str = ""
    person: str = ""  # a name, whole or in part (or a person's id, as the filter's addresses once carried)
    numbers: tuple[int, ...] = ()  # the §§ typed into the search ("§ 7", "§§ 3-5")
    days: tuple[datetime.date, ...] = ()  # the days typed into the search ("2022-11-23", "23 november 2022")


def apply_filters(queryset: QuerySet[RegisterEntry], filters: Filters) -> QuerySet[RegisterEntry]:
    return filtered(queryset, filters)[0]


def filtered(queryset: QuerySet[RegisterEntry], filters: Filters) -> tuple[QuerySet[RegisterEntry], int | None]:
    """The queryset narrowed by the filters, and at most how many entries a project or person filter leaves (None
    without one): their links are looked up first, so that the entries are found through the indexes on item and
    decision, and the search knows how few there are before it reads one."""
    bound = None
    if filters.federation:
        # A federation, or a network: then its own bodies' entries and those of every federation in it. The ids are
        # looked up first, so that the entries are found through the indexes on federation and network rather than
        # by a subquery tested row by row.
        slug = filters.federation
        federations = list(Federation.objects.filter(Q(slug=slug) | Q(network__slug=slug)).values_list("pk", flat=True))
        networks = list(Network.objects.filter(slug=slug).values_list("pk", flat=True))
        if connection.vendor == "sqlite" and len(federations) > 1:
            # SQLite keeps no statistics of its own: it takes each federation for a handful of entries and sorts
            # every entry of a network's federations (330 ms at 120,000 decisions), where a walk of the date index
            # meets one every few rows. Tested on the row (an expression, which no index serves), it walks.
            queryset = queryset.alias(of_federation=F("federation_id") + 0, of_network=F("network_id") + 0)
            queryset = queryset.filter(Q(of_federation__in=federations) | Q(of_network__in=networks))
        else:
            queryset = queryset.filter(Q(federation_id__in=federations) | Q(network_id__in=networks))
    if filters.body_kind:
        queryset = queryset.filter(body_kind=filters.body_kind)
    if filters.year:
        queryset = queryset.filter(date__year=filters.year)
    if filters.date_from:
        queryset = queryset.filter(date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(date__lte=filters.date_to)
    if filters.days:
        queryset = queryset.filter(date__in=filters.days)
    if filters.numbers:
        queryset = queryset.filter(number__in=filters.numbers)
    if filters.outcome:
        queryset = queryset.filter(outcome=filters.outcome)
    if filters.method:
        queryset = queryset.filter(method=filters.method)
    if filters.project:
        items = AgendaItem.projects.through.objects.filter(project__slug=filters.project)
        decisions = Decision.projects.through.objects.filter(project__slug=filters.project)
        item_ids = list(items.values_list("agendaitem_id", flat=True))
        decision_ids = list(decisions.values_list("decision_id", flat=True))
        queryset = queryset.filter(Q(item_id__in=item_ids) | Q(decision_id__in=decision_ids))
        bound = _smaller(bound, len(item_ids) + len(decision_ids))  # an item has at most one entry per decision
    if filters.person:
        people = people_named(filters.person)
        owned = Assignment.objects.filter(owner_id__in=people, decision_id__isnull=False)
        reserved = Reservation.objects.filter(attendance__person_id__in=people)
        decision_ids = list(
            owned.order_by().values_list("decision_id", flat=True).union(reserved.order_by().values_list("decision_id"))
        )
        queryset = queryset.filter(decision_id__in=decision_ids)
        bound = _smaller(bound, len(decision_ids))
    return queryset, bound


def people_named(name: str) -> list[int]:
    """The people the person filter means: those with an assignment or a reservation whose name holds every word
    typed, compared case-folded in Python (SQLite's LIKE folds only ASCII: "åsa" would miss "Åsa"); a number is a
    person's id. The entries they lead to are still only those the user may see."""
    if name.isdecimal() and int(name) < 2**31:  # "²" is a digit, but no number; an id fits the key's 32 bits
        return [int(name)]
    words = name.casefold().split()
    owners = Assignment.objects.filter(owner_id__isnull=False).values("owner_id")
    reserving = Reservation.objects.filter(attendance__person_id__isnull=False).values("attendance__person_id")
    candidates = Person.objects.filter(Q(pk__in=owners) | Q(pk__in=reserving)).values_list("pk", "name")
    return [pk for pk, full in candidates if all(word in full.casefold() for word in words)]


def _smaller(bound: int | None, other: int) -> int:
    return other if bound is None else min(bound, other)


def entries(user: User, filters: Filters) -> QuerySet[RegisterEntry]:
    """The entries the user may see that match the filters and the search words, unordered."""
    return search.search(apply_filters(visible_entries(user), filters), filters.q)


def joined(queryset: QuerySet[RegisterEntry]) -> QuerySet[RegisterEntry]:
    """Entries with what a row shows of its body; the stored search terms and vector are never shown."""
    return queryset.select_related("body__federation", "body__network").defer(
        "search_vector", "heading_terms", "text_terms"
    )


@dataclass
class RegisterPage:
    rows: list[RegisterEntry]
    count: int | None  # None: too many to count cheaply (a common word), newest first
    has_next: bool
    has_previous: bool = False
    suggestion: str | None = None
    only_stop_words: bool = False  # every word searched was too common to search ("att")
    no_words: bool = False  # something was searched, but no word of two letters or digits ("%", "b")
    cap: int = search.COUNT_CAP  # the count is exact up to this; above it, "över <cap>" (that many were read)

    @property
    def capped(self) -> bool:
        return self.count is not None and self.count > self.cap


def register_page(
    user: User,
    filters: Filters,
    *,
    offset: int,
    page_size: int,
    after: int | None = None,
    before: int | None = None,
    last: bool = False,
) -> RegisterPage:
    """One page of the register: its rows with snippets, projects and standing, and the (capped) count. `after` is
    the id of the previous page's last row (the "next page" link), `before` the id of the next page's first row (the
    "previous page" link): the page is read from that row's sort key, not by an offset; an id the user cannot see,
    or that the filters exclude, is ignored. `last`: the last page, read from the end."""
    narrowed, bound = filtered(visible_entries(user), filters)
    queryset = search.search(narrowed, filters.q)
    ordered = joined(queryset.order_by(*NEWEST_FIRST))
    anchor = after or before
    key = queryset.filter(pk=anchor).values_list("pk", "date", "meeting_id", "number").first() if anchor else None
    position = search.Position(
        offset=offset, after=key if after else None, before=key if before and not after else None, last=last
    )
    walked = joined(search.search(narrowed, filters.q, per_row=True).order_by(*NEWEST_FIRST))
    rows, count = search.page_and_count(
        ordered,
        queryset,
        filters.q,
        position,
        page_size + 1,
        bound=bound,
        narrowed=narrowed.order_by(*NEWEST_FIRST),
        walked=walked,
    )
    more = len(rows) > page_size
    counted_here = count is None and not more and not (offset or anchor or last)
    if counted_here:
        count = len(rows)  # the first page holds every match (none, perhaps): that is the count, never "many"
    if position.backwards:
        rows = rows[-page_size:]
        has_next, has_previous = not position.last, more
    else:
        rows = rows[:page_size]
        has_next, has_previous = more, bool(offset or position.after)
    marked = snippets.headlines(rows, filters.q)
    attach_projects(rows)
    attach_standing(rows)
    for row in rows:
        row.snippet = marked.get(row.pk)
    analysed = analysis.analyse_query(filters.q)
    wants_suggestion = filters.q and count == 0 and not analysed.only_stop_words
    suggestion = suggestions.suggestion(filters.q, visible_entries(user)) if wants_suggestion else None
    return RegisterPage(
        rows=rows,
        count=count,
        has_next=has_next,
        has_previous=has_previous,
        suggestion=suggestion,
        only_stop_words=analysed.only_stop_words,
        no_words=analysed.no_words,
        cap=max(
            search.COUNT_CAP
            if analysed or (bound is not None and bound <= search.COUNT_CAP)
            else search.FILTER_COUNT_CAP,
            count if counted_here and count is not None else 0,  # an exact count is never "över"
        ),
    )


def attach_projects(rows: list[Any]) -> None:
    """The projects linked to each row's § or decision (id, name and address): one query on both link tables,
    whatever the page size."""
    item_links = AgendaItem.projects.through.objects.filter(agendaitem_id__in=[r.item_id for r in rows]).values_list(
        Value("item"), "agendaitem_id", "project_id", "project__slug", "project__name"
    )
    decision_links = Decision.projects.through.objects.filter(
        decision_id__in=[r.decision_id for r in rows if r.decision_id]
    ).values_list(Value("decision"), "decision_id", "project_id", "project__slug", "project__name")
    linked: dict[tuple[str, int], list[Project]] = {}
    for kind, owner, pk, slug, name in item_links.union(decision_links, all=True):
        linked.setdefault((kind, owner), []).append(Project(pk=pk, slug=slug, name=name))
    for row in rows:
        projects = linked.get(("item", row.item_id), []) + linked.get(("decision", row.decision_id), [])
        row.projects = list({project.pk: project for project in projects}.values())


def attach_standing(rows: list[Any]) -> None:
    """Which rows are not final yet: appealed, or still within the appeal period. One query, whatever the page."""
    meeting_ids = {row.meeting_id for row in rows}
    appealed = Exists(Appeal.objects.filter(meeting_id=OuterRef("pk")))
    running = Anslag.objects.filter(meeting_id=OuterRef("pk"), appeal_until__gte=timezone.localdate())
    standing = {
        pk: (is_appealed, until)
        for pk, is_appealed, until in Meeting.objects.filter(pk__in=meeting_ids)
        .annotate(appealed=appealed, appeal_until=Subquery(running.values("appeal_until")[:1]))
        .values_list("pk", "appealed", "appeal_until")
    }
    for row in rows:
        row.appealed, row.appeal_until = standing.get(row.meeting_id, (False, None))


def project_timeline(project: Project, user: User) -> list[RegisterEntry]:
    """Every visible § and decision linked to the project, in date order, with the matter's forward links.

    The register holds decisions only: a § linked to the project without a decision (an information item, a §
    of minnesanteckningar) has no entry, and is read from the records on the register's own terms
    (visible_register_items) and shown as an entry without a decision would be (unsaved, never written)."""
    later = AgendaItem.objects.select_related("meeting")
    entries = list(
        visible_entries(user)
        .filter(Q(item__projects=project) | Q(decision__projects=project))
        .select_related("body__federation", "body__network", "item__continues__meeting")
        # The §§ that take the matter up again, with their meetings in the same query: one query, or none to
        # skip when nothing continues.
        .prefetch_related(Prefetch("item__continued_in", queryset=later))
        .distinct()
        .order_by("date", "number", "id")
    )
    in_register = {entry.item_id for entry in entries}
    items = (
        visible_register_items(user)
        .filter(projects=project)
        .exclude(pk__in=in_register)  # a project's §§ are a few dozen
        .select_related("meeting__body__federation", "meeting__body__network", "continues__meeting")
        .prefetch_related(Prefetch("continued_in", queryset=later))
        .order_by("meeting__date", "number", "id")
    )
    undecided = [_entry_of(item) for item in items]
    return sorted(entries + undecided, key=lambda entry: (entry.date, entry.number or 0, entry.meeting_id))


def _entry_of(item: AgendaItem) -> RegisterEntry:
    """A § without a decision in the shape of a register entry (not saved): what the timeline shows of it."""
    meeting = item.meeting
    return RegisterEntry(
        meeting=meeting,
        item=item,
        body=meeting.body,
        date=meeting.date,
        number=item.number,
        heading=item.heading,
        item_text=html_to_text(item.text),
    )


# At most this many assignments are shown; the filters narrow them down.
ASSIGNMENTS_SHOWN = 500


@dataclass
class AssignmentsOverview:
    overdue: list[Assignment] = field(default_factory=list)
    open: list[Assignment] = field(default_factory=list)
    done: list[Assignment] = field(default_factory=list)
    federations: list[Federation] = field(default_factory=list)  # to filter by: those the user has a role in


def assignments_overview(
    user: User, *, federation: str = "", person: int | None = None, today: datetime.date | None = None
) -> AssignmentsOverview:
    """Open, overdue and done assignments of the bodies the user may see, optionally of one federation or person."""
    today = today or timezone.localdate()
    queryset = visible_assignments(user).select_related(
        "owner", "item__meeting__body__federation", "item__meeting__body__network", "closed_in__meeting"
    )
    if federation:
        queryset = queryset.filter(item__meeting__body__federation__slug=federation)
    if person is not None:
        queryset = queryset.filter(owner_id=person)
    overview = AssignmentsOverview(federations=list(_federations_to_filter_by(user)))
    # Soonest due first and those without a date last, on SQLite too (which puts NULL first).
    soonest = ("status", F("due").asc(nulls_last=True), "item__meeting__date")
    for assignment in queryset.order_by(*soonest)[:ASSIGNMENTS_SHOWN]:
        if assignment.status == Assignment.Status.DONE:
            overview.done.append(assignment)
        elif assignment.status == Assignment.Status.OPEN:
            late = assignment.due is not None and assignment.due < today
            (overview.overdue if late else overview.open).append(assignment)
    return overview


def _federations_to_filter_by(user: User) -> QuerySet[Federation]:
    roles = roles_for(user)
    federations = Federation.objects.order_by("name")
    return federations if roles.superuser else federations.filter(pk__in=roles.member_of)
