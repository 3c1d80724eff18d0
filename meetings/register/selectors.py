"""Reads of the register: filters over visible entries, the project timeline, the assignments overview."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from meetings.models import AgendaItem, Assignment, Decision, RegisterEntry, Reservation


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
    person: int | None = None


def apply_filters(queryset: QuerySet[RegisterEntry], filters: Filters) -> QuerySet[RegisterEntry]:
    if filters.federation:
        queryset = queryset.filter(Q(federation__slug=filters.federation) | Q(network__slug=filters.federation))
    if filters.body_kind:
        queryset = queryset.filter(body_kind=filters.body_kind)
    if filters.year:
        queryset = queryset.filter(date__year=filters.year)
    if filters.date_from:
        queryset = queryset.filter(date__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(date__lte=filters.date_to)
    if filters.outcome:
        queryset = queryset.filter(outcome=filters.outcome)
    if filters.method:
        queryset = queryset.filter(method=filters.method)
    if filters.project:
        linked_item = AgendaItem.projects.through.objects.filter(
            agendaitem_id=OuterRef("item_id"), project__slug=filters.project
        )
        linked_decision = Decision.projects.through.objects.filter(
            decision_id=OuterRef("decision_id"), project__slug=filters.project
        )
        queryset = queryset.filter(Exists(linked_item) | Exists(linked_decision))
    if filters.person:
        owner = Assignment.objects.filter(decision_id=OuterRef("decision_id"), owner_id=filters.person)
        reserved = Reservation.objects.filter(decision_id=OuterRef("decision_id"), attendance__person_id=filters.person)
        queryset = queryset.filter(Exists(owner) | Exists(reserved))
    return queryset
