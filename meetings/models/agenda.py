"""The agenda: §§, their saved revisions and their attachments."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from federations.models import Body, Project
from finsam.validators import validate_one_line

from .meeting import GuardedByMeeting, Meeting


class AgendaItem(GuardedByMeeting):
    """A § of a meeting: heading, kind, text (sanitised HTML) and a version for conflict detection."""

    class Kind(models.TextChoices):
        DECISION = "beslut", _("Beslutsärende")
        INFORMATION = "information", _("Informationsärende")
        OTHER = "ovrigt", _("Övrigt")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("ordning"))
    number = models.PositiveIntegerField(_("§"), null=True, blank=True)
    heading = models.CharField(_("rubrik"), max_length=300, validators=[validate_one_line])
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION)
    case_number = models.CharField(_("diarienummer"), max_length=50, blank=True, validators=[validate_one_line])
    text = models.TextField(_("text"), blank=True)
    version = models.PositiveIntegerField(default=1)
    immediate_justering = models.BooleanField(_("omedelbar justering"), default=False)
    projects = models.ManyToManyField(Project, blank=True, related_name="agenda_items", verbose_name=_("projekt"))
    continues = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_in",
        verbose_name=_("fortsättning på"),
        help_text=_("Ett återremitterat eller bordlagt ärende som kommer tillbaka."),
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("paragraf")
        verbose_name_plural = _("paragrafer")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="item_position_unique_in_meeting",
                violation_error_message=_("Två ärenden kan inte ha samma plats på dagordningen."),
            ),
        ]

    def __str__(self):
        return f"§ {self.number} {self.heading}" if self.number else self.heading

    @property
    def label(self):
        return f"§ {self.number}" if self.number else ""

    def frozen_meeting_filter(self):
        return Q(pk=self.meeting_id)


class ParagraphNumber(models.Model):
    """The § numbers a body numbered through the year has given, one row a §: the database holds that no two §§ of
    one body and year share a number, whatever order meetings are planned or moved in. The rows are renumber's
    (meetings.drafting.services.numbering); a justerad §'s row, like its number, never changes."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    number = models.PositiveIntegerField()
    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE, related_name="paragraph_number")

    class Meta:
        verbose_name = _("paragrafnummer")
        verbose_name_plural = _("paragrafnummer")
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"],
                name="paragraph_number_unique_per_body_and_year",
                violation_error_message=_("Paragrafnumret är redan använt i organets protokoll samma år."),
            ),
        ]

    def __str__(self):
        return f"§ {self.number} ({self.year})"


class ItemRevision(models.Model):
    """Every saved state of a § is kept; restoring one makes a new revision."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    heading = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["item", "version"], name="itemrevision_unique_version"),
        ]

    def __str__(self):
        return f"{self.item} v{self.version}"


def attachment_path(instance, filename):
    return f"attachments/{instance.meeting_id}/{filename}"


class Attachment(GuardedByMeeting):
    """A file attached to a meeting or a § (checked by type and size on upload)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attachments")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(_("filnamn"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.name

    def frozen_meeting_filter(self):
        return Q(pk=self.meeting_id)
