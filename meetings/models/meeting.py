"""A sammanträde of a body and the record kept of it; the guard that freezes a justerat record."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from federations.models import Body, Person
from finsam.validators import validate_one_line


class FrozenRecord(ValidationError):
    """A justerat (or approved) record is immutable: corrections are new records, never edits. The one refusal of a
    write to a frozen record, from the models and from the guard (meetings.guards) alike."""

    def __init__(self):
        super().__init__(_("Protokollet är justerat och kan inte ändras. Skriv en rättelse i stället."))


class GuardedByMeeting(models.Model):
    """Rows that belong to a meeting's record refuse to change once the record is justerat or approved.

    The model layer checks here; on PostgreSQL a trigger (migration 0004) refuses the same at the database,
    so neither the admin, the ORM nor raw SQL can change a signed protocol.
    """

    # Fields that may still change after justering (e.g. an assignment is followed up at later meetings).
    MUTABLE_AFTER_FREEZE = frozenset()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        allowed = self.pk and update_fields is not None and set(update_fields) <= self.MUTABLE_AFTER_FREEZE
        if not allowed and self._is_frozen():
            raise FrozenRecord()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._is_frozen():
            raise FrozenRecord()
        return super().delete(*args, **kwargs)

    def frozen_meeting_filter(self):
        raise NotImplementedError

    def _is_frozen(self):
        return Meeting.objects.filter(self.frozen_meeting_filter(), status__in=Meeting.FROZEN_STATUSES).exists()


class Meeting(models.Model):
    """A sammanträde of a body, and the record (protokoll or minnesanteckningar) kept of it."""

    # Once justerat, only the personal-data review may still be recorded, once: after it nothing changes.
    MUTABLE_AFTER_FREEZE = frozenset({"reviewed_at", "reviewed_by", "updated"})

    class Status(models.TextChoices):
        PLANNED = "planerat", _("Planerat")
        CALLED = "kallat", _("Kallat")
        DRAFT = "utkast", _("Utkast")
        IN_JUSTERING = "under_justering", _("Under justering")
        JUSTERAT = "justerat", _("Justerat")
        APPROVED = "godkant", _("Lagt till handlingarna")

    class TypedLayout(models.IntegerChoices):
        """How a sealed record lays out its typed texts (meetings.printing.typed_text): written when it is sealed."""

        FLAT = 1, _("utan indrag (förseglat innan indrag bevarades)")
        INDENTED = 2, _("med indrag")

    # Records in these states can no longer be edited.
    FROZEN_STATUSES = (Status.JUSTERAT, Status.APPROVED)
    # Not stored: set by planning and moving a meeting, the other meetings whose § numbers that moved (numbering).
    renumbered: tuple | list = ()

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("organ"))
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=300, blank=True, validators=[validate_one_line])
    remote_link = models.URLField(_("länk för digitalt deltagande"), blank=True)
    record_kind = models.CharField(_("dokumenteras som"), max_length=30, choices=Body.RecordKind.choices)
    title = models.CharField(_("rubrik"), max_length=300, blank=True, validators=[validate_one_line])
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("mötesordförande")
    )
    secretary = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("sekreterare")
    )
    secretary_title = models.CharField(
        _("sekreterarens titel"),
        max_length=100,
        blank=True,
        help_text=_("T.ex. Förbundssekreterare."),
        validators=[validate_one_line],
    )
    justerare = models.ManyToManyField(Person, blank=True, related_name="+", verbose_name=_("justerare"))
    justering_place_time = models.CharField(
        _("justeringens plats och tid"), max_length=300, blank=True, validators=[validate_one_line]
    )
    justerad_at = models.DateTimeField(_("justerat"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.PLANNED)
    kallelse_sent_at = models.DateTimeField(_("kallelse skickad"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("personuppgiftsgranskat"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granskat av"),
    )
    # Written once, when the record's first PDF is sealed or the record is frozen (never changed after): every page and
    # PDF of the record lays its typed texts out by it. Empty until then: laid out as today's portal does.
    typed_layout = models.PositiveSmallIntegerField(
        _("textens layout"), choices=TypedLayout.choices, null=True, blank=True, editable=False
    )
    imported = models.BooleanField(_("importerat"), default=False)
    signed_on_paper = models.BooleanField(_("justerat på papper"), default=False)
    paper_signers = models.CharField(
        _("justerat på papper av"), max_length=500, blank=True, validators=[validate_one_line]
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-start_time"]
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=models.F("start_time")),
                name="meeting_ends_after_it_starts",
                violation_error_message=_("Sluttiden måste vara efter starttiden."),
            ),
        ]
        indexes = [
            # A body's meetings in date order (numbering, follow-up of assignments, history).
            models.Index(fields=["body", "date"], name="meeting_body_date_idx"),
        ]

    def __str__(self):
        return f"{self.body.name}, {self.date:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk:
            stored = Meeting.objects.filter(pk=self.pk).values_list("status", "reviewed_at").first()
            status, reviewed_at = stored or (None, None)
            update_fields = kwargs.get("update_fields")
            allowed = update_fields is not None and set(update_fields) <= self.MUTABLE_AFTER_FREEZE
            if status in self.FROZEN_STATUSES and (reviewed_at is not None or not allowed):
                raise FrozenRecord()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        if Meeting.objects.filter(pk=self.pk, status__in=Meeting.FROZEN_STATUSES).exists():
            raise FrozenRecord()
        return super().delete(*args, **kwargs)

    @property
    def federation(self):
        return self.body.federation

    @property
    def is_frozen(self):
        return self.status in self.FROZEN_STATUSES

    @property
    def is_public(self):
        """Justerade (or approved) records are public once the personal-data review is done."""
        return self.is_frozen and self.reviewed_at is not None

    @property
    def is_protocol(self):
        return self.record_kind == Body.RecordKind.MINUTES

    def legal_standing(self, today=None):
        """Where a justerat protocol stands once its notice is up: ("anslaget", last day to appeal) while the
        appeal period runs, ("overklagat", None) once an appeal is recorded, ("laga_kraft", the first day of legal
        force) after the period ran out. None before the notice (and for minnesanteckningar)."""
        notice = getattr(self, "anslag", None) if self.status == self.Status.JUSTERAT else None
        if notice is None:
            return None
        if self.appeals.exists():
            return ("overklagat", None)
        today = today or timezone.localdate()
        if today <= notice.appeal_until:
            return ("anslaget", notice.appeal_until)
        return ("laga_kraft", notice.appeal_until + datetime.timedelta(days=1))
