"""Write audit entries. Call inside the transaction of the change being recorded."""

import logging

from .models import AuditEntry

logger = logging.getLogger("finsam.audit")


def log_action(action, *, actor=None, obj=None, federation=None, **data):
    user = actor if getattr(actor, "is_authenticated", False) else None
    entry = AuditEntry.objects.create(
        action=action,
        actor=user,
        federation=federation,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )
    # The same event in the log, with the request's id (finsam.logs): a signature's line there leads to its request
    # and to the tasks that request queued, the sealed PDF's among them.
    target = f"{entry.object_type}:{entry.object_id}"
    logger.info("%s %s", action, target, extra={"action": action, "object": target, "actor": user.pk if user else None})
    return entry
