"""Uppdrag given in a § and followed up at later meetings."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from federations.models import Person
from finsam.types import Actor
from finsam.validators import validate_typed_fields
from meetings.drafting.services.audit import audit
from meetings.guards import meeting_for_writing
from meetings.models import AgendaItem, Assignment, Decision


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
) -> Assignment:
    meeting_for_writing(item.meeting_id, items=[item])
    what = (what or "").strip()
    if not what:
        raise ValidationError({"what": _("Beskriv uppdraget.")})
    if owner is None and not owner_name.strip():
        raise ValidationError({"owner_name": _("Ange vem som får uppdraget.")})
    validate_typed_fields(Assignment, {"owner_name": owner_name})
    owner_name = owner_name or (owner.name if owner else "")
    # The same uppdrag twice in a § is a form sent twice (back and send again); the meeting's row is locked above.
    if item.assignments.filter(owner=owner, owner_name=owner_name, what=what).exists():
        raise ValidationError(
            _(
                "Paragrafen har redan exakt det uppdraget till %(owner)s: formuläret skickades troligen två gånger. "
                "Inget nytt uppdrag är sparat."
            )
            % {"owner": owner_name}
        )
    assignment = Assignment.objects.create(
        item=item,
        decision=decision,
        owner=owner,
        owner_name=owner_name,
        what=what,
        due=due,
    )
    audit("meetings.assignment.created", actor, assignment, item.meeting, what=what[:200])
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
