"""Uppdrag given in a § and followed up at later meetings."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from federations.models import Person
from finsam.types import Actor
from finsam.validators import validate_typed_fields
from meetings.drafting.services.audit import AlreadyAdded, added_from_form, audit, sent_from
from meetings.guards import meeting_for_writing
from meetings.models import AgendaItem, Assignment, Decision


class AssignmentAlreadyAdded(AlreadyAdded):
    """The form that adds an uppdrag was sent again: its uppdrag (`assignment`) is already there, and nothing more
    was added."""

    def __init__(self, assignment: Assignment) -> None:
        super().__init__(assignment)
        self.assignment = assignment


ASSIGNMENT_CREATED = "meetings.assignment.created"


@transaction.atomic
def assignment_create(
    *,
    actor: Actor,
    item: AgendaItem,
    what: str | None,
    owner: Person | None = None,
    owner_name: str = "",
    due: datetime.date | None = None,
    decision: Decision | None = None,
    form_token: str = "",
) -> Assignment:
    """An uppdrag given in the §. `form_token`, the one the form was shown with: if a post of the same form already
    added its uppdrag, raise AssignmentAlreadyAdded with it instead of adding a second. Two forms may give the same
    owner the same uppdrag."""
    meeting_for_writing(item.meeting_id, items=[item])
    if earlier := added_from_form(ASSIGNMENT_CREATED, item.assignments.all(), form_token):
        raise AssignmentAlreadyAdded(earlier)
    what = (what or "").strip()
    if not what:
        raise ValidationError({"what": _("Beskriv uppdraget.")})
    if owner is None and not owner_name.strip():
        raise ValidationError({"owner_name": _("Ange vem som får uppdraget.")})
    validate_typed_fields(Assignment, {"owner_name": owner_name})
    owner_name = owner_name or (owner.name if owner else "")
    assignment = Assignment.objects.create(
        item=item,
        decision=decision,
        owner=owner,
        owner_name=owner_name,
        what=what,
        due=due,
    )
    audit(ASSIGNMENT_CREATED, actor, assignment, item.meeting, what=what[:200], **sent_from(form_token))
    return assignment


@transaction.atomic
def assignment_follow_up(*, actor: Actor, assignment: Assignment, item: AgendaItem, done: bool) -> None:
    """At a later meeting: mark an assignment done (closed in this §) or carry it on.

    The assignment may belong to a justerat record (only its follow-up fields change); the § it is followed up in
    must still be open.
    """
    meeting_for_writing(item.meeting_id, items=[item])
    if done:
        assignment.status = Assignment.Status.DONE
        assignment.closed_in = item
    else:
        assignment.status = Assignment.Status.OPEN
        assignment.closed_in = None
    assignment.save(update_fields=["status", "closed_in"])
    audit("meetings.assignment.followed_up", actor, assignment, item.meeting, done=done)
