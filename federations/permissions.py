"""Who may see and do what in the register, in one place (the README's "Who may see and do what").

Roles follow from a person's current mandates and staff roles:

- federation admin and secretary (StaffRole, or a current förbundschef/sekreterare mandate in a body of the
  federation) write everything of their federation;
- a member of a body (any current mandate in it) reads the body's meetings and drafts;
- the chair of a meeting and its justerare read, comment and sign (meetings.permissions);
- a network coordinator reads everything of the federations in the network, drafts included (DESIGN: the
  coordinator "sees the whole regional network"), and writes the network's own bodies' meetings;
- the public reads the public part of the register, the notice board and reviewed justerade protocols.

An object of a federation the user has no role in answers 404 (its existence is not revealed);
a right the user lacks inside their own federation answers 403.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Federation, Mandate, Person, StaffRole, active_on

STAFF_MANDATE_ROLES = (Mandate.Role.DIRECTOR, Mandate.Role.SECRETARY)


@dataclass(frozen=True)
class Roles:
    """What one user is, computed once per request."""

    person: Person | None = None
    superuser: bool = False
    secretary_of: frozenset = field(default_factory=frozenset)  # federation ids (admins included)
    member_of_bodies: frozenset = field(default_factory=frozenset)  # body ids
    member_of: frozenset = field(default_factory=frozenset)  # federation ids with any role
    networks_member_of: frozenset = field(default_factory=frozenset)  # network ids with a body mandate
    coordinator_of: frozenset = field(default_factory=frozenset)  # network ids
    coordinated: frozenset = field(default_factory=frozenset)  # federation ids in the networks coordinated

    def has_role_in(self, federation_id):
        return self.superuser or federation_id in self.member_of

    def can_write(self, federation_id):
        return self.superuser or federation_id in self.secretary_of


PUBLIC = Roles()


# The roles worked out during the current request, by user id; None outside a request (a task, a command, a test
# calling a service), where each call asks the database, so a changed mandate counts at once.
_request_roles: ContextVar[dict | None] = ContextVar("finsam_request_roles", default=None)


@contextmanager
def roles_cached_for_one_request() -> Iterator[None]:
    """Within the block, roles_for works each user's roles out once; they are forgotten when the block ends."""
    token = _request_roles.set({})
    try:
        yield
    finally:
        _request_roles.reset(token)


class RolesPerRequestMiddleware:
    """Each request works out its users' roles afresh, once: a user whose mandates changed sees it on the next
    request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with roles_cached_for_one_request():
            return self.get_response(request)


def roles_for(user):
    """The user's roles today, remembered for the rest of the request (RolesPerRequestMiddleware)."""
    if not getattr(user, "is_authenticated", False):
        return PUBLIC
    cache = _request_roles.get()
    if cache is not None and user.pk in cache:
        return cache[user.pk]
    roles = _work_out_roles(user)
    if cache is not None:
        cache[user.pk] = roles
    return roles


def _work_out_roles(user):
    try:
        person = user.person  # cached on the user: the page header shows the name without another query
    except Person.DoesNotExist:
        person = None
    secretary_of, member_of, bodies, networks, coordinator_of, coordinated = set(), set(), set(), set(), set(), set()
    if person is not None:
        for staff in StaffRole.objects.filter(person=person):
            if staff.role == StaffRole.Role.COORDINATOR:
                coordinator_of.add(staff.network_id)
                continue
            secretary_of.add(staff.federation_id)  # a federation admin has the secretary's rights
        today = timezone.localdate()
        mandates = Mandate.objects.filter(active_on(today), person=person).select_related("body")
        for mandate in mandates:
            bodies.add(mandate.body_id)
            if mandate.body.network_id:
                networks.add(mandate.body.network_id)
                continue
            member_of.add(mandate.body.federation_id)
            if mandate.role in STAFF_MANDATE_ROLES:
                secretary_of.add(mandate.body.federation_id)
        if coordinator_of:
            coordinated = set(Federation.objects.filter(network_id__in=coordinator_of).values_list("id", flat=True))
            member_of |= coordinated
        member_of |= secretary_of
    roles = Roles(
        person=person,
        superuser=user.is_superuser,
        secretary_of=frozenset(secretary_of),
        member_of_bodies=frozenset(bodies),
        member_of=frozenset(member_of),
        networks_member_of=frozenset(networks | coordinator_of),
        coordinator_of=frozenset(coordinator_of),
        coordinated=frozenset(coordinated),
    )
    return roles


def get_federation_for_user(user, slug):
    """A federation's public page: anyone may see it."""
    return get_object_or_404(Federation.objects.select_related("network"), slug=slug)


def get_federation_for_editing(user, slug):
    """A federation whose register the user edits: 404 without a role there, 403 without the right."""
    federation = get_object_or_404(Federation, slug=slug)
    roles = roles_for(user)
    if not roles.has_role_in(federation.pk):
        raise Http404
    if not roles.can_write(federation.pk):
        raise PermissionDenied
    return federation


def people_in_scope(federation):
    """The people a federation's secretary may pick and edit: those with a mandate (current or past) in one of the
    federation's bodies, or a staff role in it."""
    return Person.objects.filter(
        Q(mandates__body__federation=federation) | Q(staff_roles__federation=federation)
    ).distinct()


def people_for_bodies(bodies, on_date):
    """The people who may be picked for the meetings of `bodies` (chair, secretary, attendance, assignments): those
    in the scope of the bodies' federations and networks, never another federation's. Each is annotated with
    `is_member`: holds a mandate in one of the bodies on `on_date`, so a picker can offer them first."""
    bodies = list(bodies)
    federations = {b.federation_id for b in bodies if b.federation_id}
    networks = {b.network_id for b in bodies if b.network_id}
    scope = (
        Q(mandates__body__federation__in=federations)
        | Q(staff_roles__federation__in=federations)
        | Q(mandates__body__network__in=networks)
        | Q(staff_roles__network__in=networks)
    )
    membership = Mandate.objects.filter(active_on(on_date), person=OuterRef("pk"), body__in=bodies)
    return Person.objects.filter(scope).distinct().annotate(is_member=Exists(membership)).order_by("name")


def get_person_for_user(user, pk):
    """A person's public page: name and mandates (never the e-mail address). Anyone may see a person who holds or
    has held a mandate, as the register is public. A person known only from attendance lists or a staff role belongs
    to the federations (and networks) whose meetings or staff they are in: 404 to everyone without a role there,
    signed in or not, as their drafts are."""
    roles = roles_for(user)
    if roles.superuser:
        return get_object_or_404(Person, pk=pk)
    federations = roles.member_of | roles.coordinated
    networks = roles.networks_member_of | roles.coordinator_of
    visible = (
        Q(mandates__isnull=False)
        | Q(attendances__meeting__body__federation__in=federations)
        | Q(attendances__meeting__body__network__in=networks)
        | Q(staff_roles__federation__in=federations)
        | Q(staff_roles__network__in=networks)
    )
    if roles.person is not None:
        visible |= Q(pk=roles.person.pk)
    return get_object_or_404(Person.objects.filter(visible).distinct(), pk=pk)


def get_person_for_editing(user, federation, pk):
    """A person the user may edit through `federation`: 404 unless the person belongs to the federation's scope;
    403 unless the user may write every federation in which the person holds a current mandate (a secretary must
    not change the name or e-mail that another federation's kallelse goes to)."""
    person = get_object_or_404(people_in_scope(federation), pk=pk)
    roles = roles_for(user)
    today = timezone.localdate()
    federations = set(
        Mandate.objects.filter(active_on(today), person=person, body__federation__isnull=False).values_list(
            "body__federation_id", flat=True
        )
    )
    if not all(roles.can_write(federation_id) for federation_id in federations):
        raise PermissionDenied
    return person


def federation_for_editing_person(user, person):
    """The federation through which the user may edit the person (the edit page's address), or None: one the user
    writes whose scope holds the person, when get_person_for_editing would let the user in."""
    roles = roles_for(user)
    if not (roles.superuser or roles.secretary_of):
        return None
    writable = Federation.objects.all() if roles.superuser else Federation.objects.filter(pk__in=roles.secretary_of)
    for federation in writable.order_by("pk"):
        if people_in_scope(federation).filter(pk=person.pk).exists():
            try:
                return get_person_for_editing(user, federation, person.pk) and federation
            except PermissionDenied:
                return None
    return None
