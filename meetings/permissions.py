"""Who may read, sign and write a meeting, its record and the register's entries (the README's "Who may see and
do what"); the one module of the meetings app that decides it.

- read: members of the body, the federation's secretaries and admins, the coordinators of its network (drafts
  included), the chair and the justerare of the meeting; anyone, once the record is justerat and reviewed (public).
- sign (comment, justera, send back): the chair of the meeting, its justerare and its secretary.
- write: the federation's secretaries and admins (for a network body: the network's coordinators); they edit the
  record while it may still change (not justerat, not out for justering), and correct it once it is justerat.
- a document waiting to be imported, and the upload (batch) it came in: its uploader and the secretaries and admins
  of its federation; to anyone else it does not exist (404).

No role in the meeting's federation (or network) at all: 404. A role there, but not this right: 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from federations.models import Body
from federations.permissions import Roles, roles_for
from finsam.types import User
from meetings.models import (
    AgendaItem,
    Anslag,
    Assignment,
    ImportBatch,
    ImportDocument,
    Meeting,
    PendingImport,
    RegisterEntry,
)

READ = "read"
# Reading the drafting behind a record (a §'s saved versions): never public, even once the record is.
READ_DRAFTS = "read_drafts"
SIGN = "sign"
WRITE = "write"


def _in_scope(roles: Roles, meeting: Meeting) -> bool:
    body = meeting.body
    if roles.superuser or body.pk in roles.member_of_bodies:
        return True
    if body.federation_id:
        return body.federation_id in roles.member_of
    return body.network_id in roles.networks_member_of


def can_write(user: User, meeting: Meeting) -> bool:
    roles = roles_for(user)
    body = meeting.body
    if body.federation_id:
        return roles.can_write(body.federation_id)
    return roles.superuser or body.network_id in roles.coordinator_of


def can_edit(user: User, meeting: Meeting) -> bool:
    """The user may write, and the record may still change: it is neither justerat (or approved) nor out for
    justering. What a page offers to edit; the guard (meetings.guards) refuses the same states under the lock."""
    editable = not meeting.is_frozen and meeting.status != Meeting.Status.IN_JUSTERING
    return editable and can_write(user, meeting)


def can_correct(user: User, meeting: Meeting) -> bool:
    """A justerat record is not edited but corrected (a rättelse), by those who may write."""
    return meeting.is_frozen and can_write(user, meeting)


def is_signer(user: User, meeting: Meeting) -> bool:
    person = roles_for(user).person
    if person is None:
        return False
    if person.pk in (meeting.chair_id, meeting.secretary_id):
        return True
    return meeting.justerare.filter(pk=person.pk).exists()


def can_read_drafts(user: User, meeting: Meeting) -> bool:
    """The body's members, its federation's staff, the network's coordinators and the meeting's signers."""
    roles = roles_for(user)
    body = meeting.body
    return (
        can_write(user, meeting)  # a superuser too
        or body.pk in roles.member_of_bodies
        or (body.network_id is not None and body.network_id in roles.coordinator_of)
        or (body.federation_id is not None and body.federation_id in roles.coordinated)
        or is_signer(user, meeting)
    )


def can_read(user: User, meeting: Meeting) -> bool:
    return meeting.is_public or can_read_drafts(user, meeting)


def check_meeting(user: User, meeting: Meeting, need: str = READ) -> Meeting:
    """Raise Http404 or PermissionDenied unless the user has the right on the meeting."""
    if need == READ and meeting.is_public:
        return meeting
    roles = roles_for(user)
    if not _in_scope(roles, meeting) and not is_signer(user, meeting):
        raise Http404
    allowed = {READ: can_read, READ_DRAFTS: can_read_drafts, SIGN: is_signer, WRITE: can_write}[need](user, meeting)
    if not allowed:
        raise PermissionDenied
    return meeting


def get_meeting_for_user(
    user: User, pk: int | str, need: str = READ, queryset: QuerySet[Meeting] | None = None
) -> Meeting:
    """The meeting, fetched with its body and federation, if the user has the right; else 404 or 403."""
    queryset = queryset if queryset is not None else Meeting.objects.all()
    queryset = queryset.select_related("body__federation", "body__network", "chair", "secretary")
    meeting = get_object_or_404(queryset, pk=pk)
    return check_meeting(user, meeting, need)


def visible_meetings(user: User) -> QuerySet[Meeting]:
    """Meetings the user may read: the public ones plus those of the bodies and federations they have roles in."""
    roles = roles_for(user)
    public = Q(status__in=Meeting.FROZEN_STATUSES, reviewed_at__isnull=False)
    if roles.superuser:
        return Meeting.objects.all()
    if roles.person is None:
        return Meeting.objects.filter(public)
    person = roles.person
    mine = (
        Q(body__in=roles.member_of_bodies)
        | Q(body__federation__in=roles.secretary_of)
        | Q(body__network__in=roles.coordinator_of)
        | Q(body__federation__in=roles.coordinated)
        | Q(chair=person)
        | Q(secretary=person)
        | Q(justerare=person)
    )
    return Meeting.objects.filter(public | mine).distinct()


def writable_bodies(user: User) -> QuerySet[Body]:
    """The bodies whose meetings the user may plan and write: their federations' as secretary or admin, their
    networks' as coordinator."""
    roles = roles_for(user)
    if roles.superuser:
        return Body.objects.select_related("federation", "network")
    return Body.objects.filter(federation__in=roles.secretary_of).select_related("federation") | Body.objects.filter(
        network__in=roles.coordinator_of
    ).select_related("network")


def visible_entries(user: User) -> QuerySet[RegisterEntry]:
    """Entries the user may see: public ones, and those of the federations, networks and bodies of their roles."""
    roles = roles_for(user)
    if roles.superuser:
        return RegisterEntry.objects.all()
    return RegisterEntry.objects.filter(
        _register_scope(roles, public=Q(is_public=True), federation="federation", network="network", body="body")
    )


def visible_register_items(user: User) -> QuerySet[AgendaItem]:
    """The §§ of the records the register is made of (justerade protocols, approved minnesanteckningar), on exactly
    the register's terms (visible_entries): public once reviewed, else only to the federations, networks and bodies
    of the user's roles; never a § of a draft. For the §§ the register holds no entry of (no decision): a project's
    timeline shows them beside its decisions."""
    roles = roles_for(user)
    frozen = AgendaItem.objects.filter(meeting__status__in=Meeting.FROZEN_STATUSES)
    if roles.superuser:
        return frozen
    return frozen.filter(
        _register_scope(
            roles,
            public=Q(meeting__reviewed_at__isnull=False),  # RegisterEntry.is_public: Meeting.is_public, when frozen
            federation="meeting__body__federation",
            network="meeting__body__network",
            body="meeting__body",
        )
    )


def _register_scope(roles: Roles, *, public: Q, federation: str, network: str, body: str) -> Q:
    """Who sees what of the register, given where each kind of row keeps its publicity, federation, network and
    body: one rule for its entries and its §§."""
    visible = public
    if roles.person is not None:
        visible |= Q(**{f"{federation}__in": roles.member_of}) | Q(**{f"{network}__in": roles.networks_member_of})
        visible |= Q(**{f"{body}__in": roles.member_of_bodies})
    return visible


def visible_assignments(user: User) -> QuerySet[Assignment]:
    """Assignments (uppdrag) of the bodies, federations and networks the user has a role in."""
    roles = roles_for(user)
    if roles.superuser:
        return Assignment.objects.all()
    return Assignment.objects.filter(
        Q(item__meeting__body__federation__in=roles.member_of)
        | Q(item__meeting__body__network__in=roles.networks_member_of)
        | Q(item__meeting__body__in=roles.member_of_bodies)
    )


def visible_pending_imports(user: User) -> QuerySet[PendingImport]:
    """Documents waiting to be imported that the user may review: their own uploads and their federations'."""
    roles = roles_for(user)
    if roles.superuser:
        return PendingImport.objects.all()
    if not getattr(user, "is_authenticated", False):
        return PendingImport.objects.none()
    return PendingImport.objects.filter(Q(uploaded_by=user) | Q(federation__in=roles.secretary_of))


def get_pending_import_for_user(user: User, pk: int | str) -> PendingImport:
    """A document waiting to be imported, if the user uploaded it or is a secretary of its federation; else 404."""
    return get_object_or_404(visible_pending_imports(user).select_related("federation"), pk=pk)


def visible_import_batches(user: User) -> QuerySet[ImportBatch]:
    """Uploads being read for import, on the same terms as the pending imports they become."""
    roles = roles_for(user)
    if roles.superuser:
        return ImportBatch.objects.all()
    if not getattr(user, "is_authenticated", False):
        return ImportBatch.objects.none()
    return ImportBatch.objects.filter(Q(uploaded_by=user) | Q(federation__in=roles.secretary_of))


def get_import_batch_for_user(user: User, pk: int | str) -> ImportBatch:
    return get_object_or_404(visible_import_batches(user).select_related("federation"), pk=pk)


def get_import_document_for_user(user: User, pk: int | str) -> ImportDocument:
    """A document of an upload the user may see (see visible_import_batches); else 404."""
    return get_object_or_404(
        ImportDocument.objects.filter(batch__in=visible_import_batches(user)).select_related("batch__federation"),
        pk=pk,
    )


def visible_anslag(user: User) -> QuerySet[Anslag]:
    """Notices on the notice board. An anslag is public from the day it is posted, for everyone (KL 8 kap. 12 §):
    what it shows (body, date, §§, the dates) is public even before the personal-data review publishes the
    protocol's content; the protocol itself follows visible_meetings."""
    return Anslag.objects.filter(meeting__status=Meeting.Status.JUSTERAT)


def calendar_meetings(user: User) -> QuerySet[Meeting]:
    """Meetings in a body's public calendar: those already called (the kallelse has gone out) and public records.
    A meeting only planned, with no kallelse yet, is internal. The calendar shows date, time, place and body; the
    agenda only for public records."""
    return Meeting.objects.filter(Q(kallelse_sent_at__isnull=False) | Q(pk__in=visible_meetings(user).values("pk")))
