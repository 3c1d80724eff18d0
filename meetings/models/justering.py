"""Justering: frozen revisions, signatures, comments per §, the sealed PDF and corrections."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from federations.models import Person

from .agenda import AgendaItem
from .meeting import Meeting


class ProtocolRevision(models.Model):
    """A frozen snapshot of the whole record, as sent for justering. Signatures point at one revision."""

    class Kind(models.TextChoices):
        FULL = "full", _("Protokoll")
        EXTRACT = "extract", _("Protokollsutdrag (omedelbar justering)")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.FULL)
    item_ids = models.JSONField(default=list, blank=True)  # an extract's §§
    snapshot = models.JSONField()
    sha256 = models.CharField(max_length=64)
    changes = models.TextField(_("ändringar mot förra revisionen"), blank=True)
    deadline = models.DateField(_("justeras senast"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting", "-number"]
        verbose_name = _("protokollrevision")
        verbose_name_plural = _("protokollrevisioner")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="protocolrevision_unique_number",
                violation_error_message=_("Revisionen finns redan."),
            ),
        ]

    def __str__(self):
        return _("%(meeting)s, revision %(number)s") % {"meeting": self.meeting, "number": self.number}


class Signature(models.Model):
    """One required signer of one revision: pending, signed, or sent back with a reason."""

    class Role(models.TextChoices):
        CHAIR = "ordforande", _("Ordförande")
        JUSTERARE = "justerare", _("Justerare")
        SECRETARY = "sekreterare", _("Vid protokollet")

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar")
        SIGNED = "signed", _("Justerat")
        RETURNED = "returned", _("Skickat tillbaka")
        VOID = "void", _("Upphävd (ny revision)")

    revision = models.ForeignKey(ProtocolRevision, on_delete=models.CASCADE, related_name="signatures")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    signed_at = models.DateTimeField(_("tid (UTC)"), null=True, blank=True)
    # the signer's name as it was when they signed: a later change in the register never changes the record
    signed_name = models.CharField(_("namn vid justeringen"), max_length=200, blank=True)
    method = models.CharField(_("metod"), max_length=30, blank=True)
    # E-legitimation: the provider (its slug), the level of assurance (acr) and its ID token, kept as evidence,
    # encrypted with FINSAM_ENCRYPTION_KEY (the token carries the identity number).
    provider = models.CharField(_("leverantör av e-legitimation"), max_length=50, blank=True)
    provider_name = models.CharField(_("e-legitimation"), max_length=100, blank=True)
    level = models.CharField(_("tillitsnivå"), max_length=200, blank=True)
    evidence = models.TextField(_("ID-token (krypterad)"), blank=True)
    sha256 = models.CharField(_("SHA-256 för revisionen"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    reason = models.TextField(_("skäl"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["revision", "id"]
        verbose_name = _("justering")
        verbose_name_plural = _("justeringar")
        constraints = [
            models.UniqueConstraint(
                fields=["revision", "person", "role"],
                name="signature_once_per_role",
                violation_error_message=_("Personen har redan den rollen i justeringen."),
            ),
            models.CheckConstraint(
                condition=~Q(status="signed") | (Q(signed_at__isnull=False) & ~Q(sha256="")),
                name="signature_signed_has_time_and_hash",
                violation_error_message=_("En justering behöver tid och kontrollsumma."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()}): {self.get_status_display()}"

    @property
    def name(self):
        return self.signed_name or self.person.name  # pending, or signed before the name was kept


class ItemComment(models.Model):
    """A signer's comment on a § of one revision."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="comments")
    revision = models.ForeignKey(ProtocolRevision, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("kommentar"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")

    def __str__(self):
        return f"{self.author.name}: {self.text[:60]}"


def signed_document_path(instance, filename):
    return f"protocols/{instance.meeting_id}/{filename}"


class SignedDocument(models.Model):
    """The rendered, sealed PDF of a justerat revision. One per revision: the task never makes a second."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Väntar")
        RENDERING = "rendering", _("Skapas")
        DONE = "done", _("Klar")
        FAILED = "failed", _("Misslyckades")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    revision = models.OneToOneField(ProtocolRevision, on_delete=models.PROTECT, related_name="document")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to=signed_document_path, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, db_index=True)  # looked up by /verifiera/
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    # The lease of the worker rendering it: when it claimed the document, and a token only that claim knows. A claim
    # older than FINSAM_PDF_LEASE_SECONDS may be taken over; only the holder of the token may store the result.
    claimed_at = models.DateTimeField(null=True, blank=True)
    claim = models.CharField(max_length=32, blank=True)

    class Meta:
        verbose_name = _("justerat protokoll (PDF)")
        verbose_name_plural = _("justerade protokoll (PDF)")
        indexes = [
            # The sweep's query: documents still pending or rendering (few rows, however many are done).
            models.Index(
                fields=["status", "claimed_at"],
                name="signeddocument_unfinished",
                condition=Q(status__in=["pending", "rendering"]),
            ),
        ]

    def __str__(self):
        return f"{self.meeting} ({self.get_status_display()})"

    @property
    def stalled(self):
        """Waiting, but no worker is at it: pending, or rendering, for longer than a lease."""
        since = self.claimed_at if self.status == self.Status.RENDERING and self.claimed_at else self.created
        lease = datetime.timedelta(seconds=settings.FINSAM_PDF_LEASE_SECONDS)
        return self.status in (self.Status.PENDING, self.Status.RENDERING) and since < timezone.now() - lease


class Correction(models.Model):
    """A rättelse: a visible record linked to the § it corrects. The justerat text itself never changes."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="corrections")
    text = models.TextField(_("rättelse"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("rättelse")
        verbose_name_plural = _("rättelser")

    def __str__(self):
        return _("Rättelse till %(item)s") % {"item": self.item}
