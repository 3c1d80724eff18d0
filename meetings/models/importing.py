"""Documents uploaded for import: a batch (one upload of many files or a zip) whose documents are read by the worker,
and the pending imports they become, waiting for the secretary's review: the original file, its text and what the
parser made of it, kept in the database (not in the session) so that several uploads, another device or a
colleague in the same federation can pick them up."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from federations.models import Federation


class PendingImport(models.Model):
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pending_imports",
        verbose_name=_("uppladdad av"),
    )
    # The federation whose secretaries may review it too; none for a document only its uploader handles.
    federation = models.ForeignKey(
        Federation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pending_imports",
        verbose_name=_("förbund"),
    )
    original = models.FileField(_("originalfil"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("filnamn"), max_length=255)
    sha256 = models.CharField(max_length=64)
    text = models.TextField(_("text"))
    # What text recognition (OCR) read from a scanned document, as it read it: kept beside the original while `text`
    # is corrected. Empty for a document with a text layer of its own.
    ocr_text = models.TextField(_("igenkänd text (OCR)"), blank=True, default="")
    parsed = models.JSONField(_("tolkat resultat"))
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("import som väntar på granskning")
        verbose_name_plural = _("importer som väntar på granskning")

    def __str__(self):
        return self.original_name

    @property
    def from_ocr(self) -> bool:
        return bool(self.ocr_text)


class ImportBatch(models.Model):
    """One upload: many files or the documents of a zip archive, read one by one in the background."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="import_batches",
        verbose_name=_("uppladdad av"),
    )
    federation = models.ForeignKey(
        Federation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_batches",
        verbose_name=_("förbund"),
    )
    # What was left out of the upload and why, as [{"name": ..., "reason": ...}]: folders, OS files, duplicates,
    # files of a type or size the importer does not take.
    skipped = models.JSONField(_("utelämnat"), default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("importomgång")
        verbose_name_plural = _("importomgångar")

    def __str__(self):
        return f"{timezone.localtime(self.created):%Y-%m-%d %H:%M}"


class ImportDocument(models.Model):
    """One document of a batch: its original, kept until it becomes a meeting's source document, and how far the
    worker has come with it. The worker claims it (queued -> reading) with a conditional UPDATE and a token, under a
    lease: a worker that dies leaves it in "reading" until the lease expires and the sweep queues it again."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("i kö")
        READING = "reading", _("läses")
        DONE = "done", _("klar")
        FAILED = "failed", _("misslyckades")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="documents")
    original = models.FileField(_("originalfil"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("filnamn"), max_length=255)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    # Why it could not be read: a code of the importer's messages (shown in the reader's language), or, for an
    # error nobody foresaw, its text.
    error_code = models.CharField(max_length=40, blank=True, default="")
    error = models.TextField(_("fel"), blank=True, default="")
    # When a task for it was handed to the broker; null while no task carries it (the broker was down): the sweep
    # queues those.
    queued_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True, default="")
    attempts = models.PositiveSmallIntegerField(default=0)
    # The review it became; null before it is read, and again once the review is saved or discarded.
    pending_import = models.OneToOneField(
        PendingImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="batch_document"
    )
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("importerat dokument")
        verbose_name_plural = _("importerade dokument")
        indexes = [
            # The sweep: queued documents no task carries, and reading ones whose lease has expired.
            models.Index(fields=["status", "claimed_at"], name="importdoc_status_claimed"),
            # Duplicates: the same original already uploaded.
            models.Index(fields=["sha256"], name="importdoc_sha256"),
        ]

    def __str__(self):
        return self.original_name

    @property
    def finished_reading(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
