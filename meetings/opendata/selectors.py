"""The public reads of the open-data API and feeds. Every queryset starts from meetings.permissions for the
anonymous user, whoever asks: the API shows the public record only, also to a signed-in secretary."""

import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
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


def public_meetings() -> QuerySet[Meeting]:
    return permissions.visible_meetings(PUBLIC)


def public_persons() -> QuerySet[Person]:
    """People of the public register: those who hold (or held) a mandate. Never their e-mail or account."""
    return Person.objects.filter(Exists(Mandate.objects.filter(person=OuterRef("pk")))).defer("email", "user")


def _sealed_documents() -> QuerySet[SignedDocument]:
    return SignedDocument.objects.filter(status=SignedDocument.Status.DONE, revision__kind=ProtocolRevision.Kind.FULL)


def _votes() -> QuerySet[Any]:
    has_mandate = Exists(Mandate.objects.filter(person=OuterRef("attendance__person_id")))
    return Vote.objects.select_related("attendance__person").annotate(voter_is_public=has_mandate).order_by("id")


def _decisions() -> QuerySet[Decision]:
    return Decision.objects.order_by("item", "position", "id").prefetch_related(Prefetch("votes", queryset=_votes()))


def _items() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.order_by("position").prefetch_related(Prefetch("decisions", queryset=_decisions()))


def meetings(federation: Federation | None = None) -> QuerySet[Meeting]:
    """Public meetings, each with its body, anslag, appeals, §§ with decisions and votes, and its sealed PDF: seven
    queries for a page of any size (meetings, §§, decisions, votes, documents, appeals; the federation before)."""
    queryset = public_meetings().select_related("body__federation", "body__network", "anslag")
    if federation is not None:
        queryset = queryset.filter(body__federation=federation)
    return queryset.prefetch_related(
        Prefetch("items", queryset=_items()),
        Prefetch("documents", queryset=_sealed_documents().order_by("-created"), to_attr="sealed"),
        Prefetch("appeals", queryset=Appeal.objects.only("id", "meeting_id"), to_attr="appeal_list"),
    ).order_by("id")


def agenda_items(federation: Federation | None = None) -> QuerySet[AgendaItem]:
    """§§ of public meetings with their decisions and votes: three queries a page. Modified is the meeting's."""
    queryset = AgendaItem.objects.filter(meeting__in=public_meetings()).select_related("meeting__body")
    if federation is not None:
        queryset = queryset.filter(meeting__body__federation=federation)
    return queryset.prefetch_related(Prefetch("decisions", queryset=_decisions())).order_by("id")


def files(federation: Federation | None = None) -> QuerySet[Any]:
    """Sealed protocol PDFs of public meetings. Published when both sealed and reviewed: modified is the later."""
    queryset = (
        _sealed_documents()
        .filter(meeting__in=public_meetings())
        .select_related("meeting__body", "revision")
        .annotate(published=Greatest("finished", "meeting__updated"))
    )
    if federation is not None:
        queryset = queryset.filter(meeting__body__federation=federation)
    return queryset.order_by("id")


def organizations(federation: Federation | None = None) -> QuerySet[Body]:
    queryset = Body.objects.select_related("federation", "network").prefetch_related(
        Prefetch("mandates", queryset=Mandate.objects.only("id", "body_id").order_by("id"))
    )
    if federation is not None:
        queryset = queryset.filter(federation=federation)
    return queryset.order_by("id")


def member_organisations() -> QuerySet[MemberOrganisation]:
    return MemberOrganisation.objects.order_by("id")


def mandates(federation: Federation | None = None) -> QuerySet[Mandate]:
    queryset = Mandate.objects.select_related("organisation")
    if federation is not None:
        queryset = queryset.filter(body__federation=federation)
    return queryset.order_by("id")


def persons(federation: Federation | None = None) -> QuerySet[Person]:
    queryset = public_persons()
    if federation is not None:
        queryset = queryset.filter(Exists(Mandate.objects.filter(person=OuterRef("pk"), body__federation=federation)))
    return queryset.prefetch_related(
        Prefetch("mandates", queryset=Mandate.objects.select_related("organisation").order_by("id"))
    ).order_by("id")


def current_anslag(federation: Federation | None = None, today: datetime.date | None = None) -> QuerySet[Anslag]:
    """Notices whose appeal period runs, newest first, with what the board shows (the §§ range, the PDF)."""
    today = today or timezone.localdate()
    queryset = permissions.visible_anslag(PUBLIC).filter(appeal_until__gte=today)
    return _with_meeting(queryset, federation)


def recent_anslag(federation: Federation | None = None, limit: int = 50) -> QuerySet[Anslag]:
    return _with_meeting(permissions.visible_anslag(PUBLIC), federation)[:limit]


def _with_meeting(queryset: QuerySet[Anslag], federation: Federation | None) -> QuerySet[Anslag]:
    if federation is not None:
        queryset = queryset.filter(meeting__body__federation=federation)
    return (
        queryset.select_related("meeting__body__federation", "meeting__body__network")
        .prefetch_related(
            Prefetch("meeting__items", queryset=AgendaItem.objects.exclude(number=None).only("meeting_id", "number")),
            Prefetch("meeting__documents", queryset=_sealed_documents().order_by("-created"), to_attr="sealed"),
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
        queryset = queryset.filter(Q(decision__projects=project) | Q(item__projects=project)).distinct()
    return queryset.select_related("meeting", "body").order_by("-date", "-meeting_id", "number", "id")[:limit]


def calendar_meetings(body: Body, since: datetime.date) -> QuerySet[Meeting]:
    """The body's called and public meetings from a date on, in date order."""
    return (
        permissions.calendar_meetings(PUBLIC)
        .filter(body=body, date__gte=since)
        .select_related("body__federation", "body__network")
        .order_by("date", "start_time", "id")
    )
