"""An export of the register too large to write within a request: written by the worker into the default storage,
fetched by the one who asked for it within a day."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportJob(models.Model):
    """One CSV or Excel export of the register's rows that matched a search, as asked for. Only its asker reaches it:
    a signed-in user by their account, a visitor by their session. The row and its file are removed a day after it
    was asked for (meetings.register.tasks.clean_exports)."""

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        XLSX = "xlsx", "Excel"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Väntar")
        RUNNING = "running", _("Skrivs")
        DONE = "done", _("Klar")
        FAILED = "failed", _("Misslyckades")

    # The address's id: not a counter, so that one export's address says nothing of how many others there are.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    session_key = models.CharField(max_length=40, blank=True)
    format = models.CharField(max_length=4, choices=Format.choices)
    query = models.TextField(blank=True)  # the register's filters as the address carried them
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    rows_written = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to="exports/%Y/%m/", blank=True)
    filename = models.CharField(max_length=100)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("export av beslut")
        verbose_name_plural = _("exporter av beslut")

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"
