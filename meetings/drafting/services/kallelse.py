"""Calling the members to a meeting: the kallelse goes out by e-mail through the outbox."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from finsam.types import Actor
from meetings.drafting.ics import meeting_calendar
from meetings.drafting.kallelse import kallelse_recipients, kallelse_text
from meetings.drafting.services.attendance import attendance_follow_mandates
from meetings.drafting.services.audit import audit
from meetings.guards import meeting_for_writing
from meetings.models import Meeting, OutgoingMail
from meetings.outbox.services import mail_queue_translated


@transaction.atomic
def kallelse_send(*, actor: Actor, meeting: Meeting) -> int:
    """Call everyone to the meeting: the kallelse goes to the outbox, one e-mail per person, and a task sends it after
    commit. `kallelse_sent_at` is set when an e-mail has actually gone out (meetings.outbox.tasks)."""
    meeting = meeting_for_writing(meeting.pk)
    if meeting.imported:  # a record brought in from the archive: the meeting was held, no one is to be called to it
        raise ValidationError(_("Mötet är importerat ur arkivet och har redan hållits; ingen kallelse skickas."))
    attendance_follow_mandates(meeting)
    reached, _missed = kallelse_recipients(meeting)
    recipients = [a.person.email for a in reached]
    if not recipients:
        raise ValidationError(_("Ingen av de kallade har en e-postadress i registret."))
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.CALLED
        meeting.save(update_fields=["status"])
    queued = mail_queue_translated(
        kind=OutgoingMail.Kind.KALLELSE,
        actor=actor,
        meeting=meeting,
        recipients=recipients,
        compose=lambda language: kallelse_text(meeting, language),
        attachment_name=f"sammantrade-{meeting.date:%Y-%m-%d}.ics",
        attachment=meeting_calendar(meeting),
    )
    audit("meetings.kallelse.queued", actor, meeting, meeting, recipients=len(queued))
    return len(queued)
