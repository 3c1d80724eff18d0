"""Reads of the register, returned already joined."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from finsam.collation import swedish_sort_key

from .models import Body, Federation, Mandate, MemberOrganisation, Membership, Network, Person, Project, active_on

# Chair and vice chairs first, then ledamöter, ersättare, and the staff roles.
ROLE_RANK = {role: rank for rank, role in enumerate(Mandate.Role.values)}


def federations_by_network() -> list[tuple[Network | None, list[Federation]]]:
    """[(network or None, [federation, ...])], each federation with its current member organisations.

    Queries: federations joined with their network; memberships with their organisations.
    """
    today = timezone.localdate()
    memberships = Membership.objects.filter(active_on(today)).select_related("organisation")
    federations = Federation.objects.select_related("network").prefetch_related(
        Prefetch("memberships", queryset=memberships, to_attr="current_memberships")
    )
    groups: defaultdict[Network | None, list[Federation]] = defaultdict(list)
    for federation in federations:
        federation.current_memberships.sort(key=lambda m: swedish_sort_key(m.organisation.name))
        groups[federation.network].append(federation)
    ordered = sorted(groups.items(), key=lambda pair: (pair[0] is None, swedish_sort_key(str(pair[0] or ""))))
    return [(network, sorted(items, key=lambda f: swedish_sort_key(f.name))) for network, items in ordered]


@dataclass
class Composition:
    """A body as of a date: who holds which seat, grouped the way a Swedish board list reads."""

    body: Body
    presidium: list[Mandate] = field(default_factory=list)  # chair and vice chairs
    # [(organisation or None, [ledamöter], [ersättare])]
    seats: list[tuple[MemberOrganisation | None, list[Mandate], list[Mandate]]] = field(default_factory=list)
    staff: list[Mandate] = field(
        default_factory=list
    )  # förbundschef, sekreterare, tjänstepersoner, adjungerade, revisorer

    @property
    def is_empty(self) -> bool:
        return not (self.presidium or self.seats or self.staff)


PRESIDIUM_ROLES = (Mandate.Role.CHAIR, Mandate.Role.FIRST_VICE_CHAIR, Mandate.Role.SECOND_VICE_CHAIR)


def compositions(bodies: list[Body], day: datetime.date) -> list[Composition]:
    """The composition of each body on the day, from one query over all their mandates."""
    mandates = (
        Mandate.objects.filter(active_on(day), body__in=bodies)
        .select_related("person", "organisation", "represents", "substitute_for__person")
        .order_by("body_id", "substitute_order", "person__name")
    )
    by_body: defaultdict[int, list[Mandate]] = defaultdict(list)
    for mandate in mandates:
        by_body[mandate.body_id].append(mandate)
    return [_compose(body, by_body[body.pk]) for body in bodies]


def _compose(body: Body, mandates: Iterable[Mandate]) -> Composition:
    composition = Composition(body=body)
    members: defaultdict[MemberOrganisation | None, list[Mandate]] = defaultdict(list)
    substitutes: defaultdict[MemberOrganisation | None, list[Mandate]] = defaultdict(list)
    for mandate in mandates:
        if mandate.role in PRESIDIUM_ROLES:
            composition.presidium.append(mandate)
        if mandate.role in Mandate.VOTING_ROLES:
            members[mandate.organisation].append(mandate)
        elif mandate.role == Mandate.Role.SUBSTITUTE:
            substitutes[mandate.organisation].append(mandate)
        else:
            composition.staff.append(mandate)
    composition.presidium.sort(key=lambda m: ROLE_RANK[m.role])
    organisations = sorted(set(members) | set(substitutes), key=lambda o: (o is None, swedish_sort_key(str(o or ""))))
    for organisation in organisations:
        ordered_members = sorted(
            members[organisation], key=lambda m: (ROLE_RANK[m.role], swedish_sort_key(m.person.name))
        )
        ordered_subs = sorted(
            substitutes[organisation], key=lambda m: (m.substitute_order or 999, swedish_sort_key(m.person.name))
        )
        composition.seats.append((organisation, ordered_members, ordered_subs))
    composition.staff.sort(key=lambda m: (ROLE_RANK[m.role], swedish_sort_key(m.person.name)))
    return composition


def federation_projects(federation: Federation) -> QuerySet[Project]:
    """Projects the federation owns or takes part in."""
    return (
        Project.objects.filter(Q(owner=federation) | Q(participants=federation))
        .select_related("owner")
        .distinct()
        .order_by("name")
    )


def project_list() -> QuerySet[Project]:
    return Project.objects.select_related("owner").prefetch_related("participants").order_by("name")


def seats_outliving(membership: Membership) -> list[Mandate]:
    """The mandates the member organisation appointed in the federation's bodies that run on past the membership's
    end: ending a membership does not end them, and the secretary is told."""
    end = membership.end
    if end is None:
        return []
    return list(
        Mandate.objects.filter(organisation=membership.organisation, body__federation=membership.federation)
        .filter(Q(end__isnull=True) | Q(end__gt=end))
        .select_related("person", "body")
        .order_by("body__name", "person__name")
    )


def namesake_details(
    people: Iterable[Person],
    *,
    federations: Iterable[int] = (),
    networks: Iterable[int] = (),
    on_date: datetime.date | None = None,
) -> dict[int, str]:
    """{person id: what tells them apart} for the people of a picker who share a name with another there (two "Anna
    Svensson" in one federation): their mandates in the federations' and networks' bodies (role, body, appointed by;
    those held on `on_date` first) and their e-mail address. Nobody shares a name: no query and no details."""
    by_name: dict[str, list[Person]] = defaultdict(list)
    for person in people:
        by_name[" ".join(person.name.split()).casefold()].append(person)
    namesakes = [person for same in by_name.values() if len(same) > 1 for person in same]
    if not namesakes:
        return {}
    day = on_date or timezone.localdate()
    mandates = (
        Mandate.objects.filter(person__in=namesakes)
        .filter(Q(body__federation__in=list(federations)) | Q(body__network__in=list(networks)))
        .select_related("body", "organisation")
        .order_by("start")
    )
    held: dict[int, list[Mandate]] = defaultdict(list)
    for mandate in mandates:
        held[mandate.person_id].append(mandate)
    details = {}
    for person in namesakes:
        seats = sorted(held[person.pk], key=lambda m: not (m.start <= day and (m.end is None or m.end >= day)))
        parts = [_seat(mandate) for mandate in seats[:2]]
        if person.email:
            parts.append(person.email)
        details[person.pk] = "; ".join(parts) or str(_("inget uppdrag, ingen e-postadress"))
    return details


def _seat(mandate: Mandate) -> str:
    seat = f"{mandate.role_title or mandate.get_role_display().lower()}, {mandate.body.name}"
    return f"{seat} ({mandate.organisation.name})" if mandate.organisation is not None else seat


def picker_label(person: Person, details: dict[int, str], name: str | None = None) -> str:
    """A person as a picker offers them: the name, and for a namesake what tells them apart."""
    shown = name if name is not None else str(person)
    return f"{shown} – {details[person.pk]}" if person.pk in details else shown


def languages_by_address(addresses: Iterable[str]) -> dict[str, str]:
    """The language each address's person chose in the portal (Person.language), by the address in lower case: the
    person's own address in the register, or their user account's. Addresses of no such person are left out.

    Queries: one (people with a language, by either address)."""
    wanted = {address.lower() for address in addresses if address}
    if not wanted:
        return {}
    people = (
        Person.objects.exclude(language="")
        .annotate(own=Lower("email"), account=Lower("user__email"))
        .filter(Q(own__in=wanted) | Q(account__in=wanted))
        .order_by("pk")
        .values_list("own", "account", "language")
    )
    found: dict[str, str] = {}
    for own, account, language in people:
        for address in (own, account):
            if address in wanted:
                found.setdefault(address, language)
    return found
