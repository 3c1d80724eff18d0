"""The audit entry every justering write leaves, under the federation of the meeting it belongs to."""

from typing import Any

from django.db.models import Model

from finsam.audit import log_action
from finsam.types import Actor
from meetings.models import (
    Meeting,
)


def audit(action: str, actor: Actor, obj: Model, meeting: Meeting, **data: Any) -> None:
    log_action(action, actor=actor, obj=obj, federation=meeting.body.federation, **data)
