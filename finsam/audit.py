"""Write audit entries. Call inside the transaction of the change being recorded."""

from .models import AuditEntry


def log_action(action, *, actor=None, obj=None, federation=None, **data):
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        action=action,
        actor=user,
        federation=federation,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        data=data,
    )
