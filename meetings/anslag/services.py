"""Writes after justering: the personal-data review that publishes a protocol, and appeals. Atomic and audited."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from finsam.audit import log_action
from finsam.types import Actor, signed_in
from meetings.guards import meeting_locked
from meetings.models import (
    Anslag,
    Appeal,
    Meeting,
)
from meetings.register.indexing import set_public


def _audit(action: str, actor: Actor, obj: Model, meeting: Meeting, **data: Any) -> None:
    log_action(action, actor=actor, obj=obj, federation=meeting.body.federation, **data)


@transaction.atomic
def personal_data_review(*, actor: Actor, meeting: Meeting) -> None:
    """The personal-data review is done: the full record may be published on the web."""
    meeting = meeting_locked(meeting.pk)
    if not meeting.is_frozen:
        raise ValidationError(_("Bara justerade protokoll och godkända anteckningar kan publiceras."))
    if meeting.reviewed_at is not None:  # recorded once: the database refuses a second review of a published record
        raise ValidationError(_("Protokollet är redan granskat och publicerat."))
    meeting.reviewed_at = timezone.now()
    meeting.reviewed_by = signed_in(actor)
    meeting.save(update_fields=["reviewed_at", "reviewed_by", "updated"])
    set_public(meeting)
    _audit("meetings.minutes.reviewed", actor, meeting, meeting)


@transaction.atomic
def appeal_add(
    *,
    actor: Actor,
    meeting: Meeting,
    paragraphs: str,
    received_on: datetime.date,
    court: str = "",
    note: str = "",
) -> Appeal:
    """Record that decisions of a justerat protocol were appealed: they do not win legal force for now."""
    meeting = meeting_locked(meeting.pk)
    if meeting.status != Meeting.Status.JUSTERAT or not Anslag.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("Bara ett justerat och anslaget protokoll kan överklagas."))
    if received_on > timezone.localdate():
        raise ValidationError({"received_on": _("Dagen då överklagandet kom in kan inte ligga i framtiden.")})
    appeal = Appeal.objects.create(
        meeting=meeting,
        paragraphs=paragraphs.strip(),
        received_on=received_on,
        court=court.strip(),
        note=note.strip(),
        created_by=signed_in(actor),
    )
    _audit("meetings.minutes.appealed", actor, appeal, meeting, paragraphs=appeal.paragraphs)
    return appeal
