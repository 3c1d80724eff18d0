"""What the portal as a whole keeps: the audit trail."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One state change, written in the same transaction as the change itself."""

    action = models.CharField(_("händelse"), max_length=100)  # dotted code, e.g. meetings.minutes.signed
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    federation = models.ForeignKey("federations.Federation", null=True, blank=True, on_delete=models.SET_NULL)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("loggpost")
        verbose_name_plural = _("logg")
        indexes = [
            # The history of one object, newest first.
            models.Index(fields=["object_type", "object_id", "-created"], name="audit_object_idx"),
        ]

    def __str__(self):
        return f"{self.created:%Y-%m-%d %H:%M} {self.action}"


class Heartbeat(models.Model):
    """When something that runs out of sight last did its work: the sweep (so beat and a worker run), the last
    backup (its archive and size). The status page and its warnings read them; one row per name, overwritten."""

    name = models.CharField(max_length=50, primary_key=True)
    at = models.DateTimeField()
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("livstecken")
        verbose_name_plural = _("livstecken")

    def __str__(self):
        return f"{self.name} {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, name, **detail):
        return cls.objects.update_or_create(name=name, defaults={"at": timezone.now(), "detail": detail})[0]
