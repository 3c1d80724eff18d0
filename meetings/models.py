"""Meetings, their agenda (§§), attendance, decisions and assignments, and the revisions of a draft."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from federations.models import Body, Federation, MemberOrganisation, Person, Project


class FrozenRecord(ValidationError):
    """A justerat (or approved) record is immutable: corrections are new records, never edits."""

    def __init__(self):
        super().__init__(_("Protokollet är justerat och kan inte ändras. Skriv en rättelse i stället."))


FROZEN = ("justerat", "godkant")


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
        return Meeting.objects.filter(self.frozen_meeting_filter(), status__in=FROZEN).exists()


class Meeting(models.Model):
    """A sammanträde of a body, and the record (protokoll or minnesanteckningar) kept of it."""

    # Once justerat, only the personal-data review may still be recorded.
    MUTABLE_AFTER_FREEZE = frozenset({"reviewed_at", "reviewed_by", "updated"})

    class Status(models.TextChoices):
        PLANNED = "planerat", _("Planerat")
        CALLED = "kallat", _("Kallat")
        DRAFT = "utkast", _("Utkast")
        IN_ADJUSTMENT = "under_justering", _("Under justering")
        ADJUSTED = "justerat", _("Justerat")
        APPROVED = "godkant", _("Lagt till handlingarna")

    # Records in these states can no longer be edited.
    FROZEN_STATUSES = (Status.ADJUSTED, Status.APPROVED)

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("organ"))
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=300, blank=True)
    remote_link = models.URLField(_("länk för digitalt deltagande"), blank=True)
    record_kind = models.CharField(_("dokumenteras som"), max_length=30, choices=Body.RecordKind.choices)
    title = models.CharField(_("rubrik"), max_length=300, blank=True)
    chair = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("mötesordförande")
    )
    secretary = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("sekreterare")
    )
    adjusters = models.ManyToManyField(Person, blank=True, related_name="+", verbose_name=_("justerare"))
    adjustment_place_time = models.CharField(_("justeringens plats och tid"), max_length=300, blank=True)
    adjusted_at = models.DateTimeField(_("justerat"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.PLANNED)
    notice_sent_at = models.DateTimeField(_("kallelse skickad"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("personuppgiftsgranskat"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("granskat av"),
    )
    imported = models.BooleanField(_("importerat"), default=False)
    signed_on_paper = models.BooleanField(_("justerat på papper"), default=False)
    paper_signers = models.CharField(_("justerat på papper av"), max_length=500, blank=True)
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
            stored = Meeting.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            update_fields = kwargs.get("update_fields")
            allowed = update_fields is not None and set(update_fields) <= self.MUTABLE_AFTER_FREEZE
            if stored in FROZEN and not allowed:
                raise FrozenRecord()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        if Meeting.objects.filter(pk=self.pk, status__in=FROZEN).exists():
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
        notice = getattr(self, "notice", None) if self.status == self.Status.ADJUSTED else None
        if notice is None:
            return None
        if self.appeals.exists():
            return ("overklagat", None)
        today = today or timezone.localdate()
        if today <= notice.appeal_until:
            return ("anslaget", notice.appeal_until)
        return ("laga_kraft", notice.appeal_until + datetime.timedelta(days=1))


class AgendaItem(GuardedByMeeting):
    """A § of a meeting: heading, kind, text (sanitised HTML) and a version for conflict detection."""

    class Kind(models.TextChoices):
        DECISION = "beslut", _("Beslutsärende")
        INFORMATION = "information", _("Informationsärende")
        OTHER = "ovrigt", _("Övrigt")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("ordning"))
    number = models.PositiveIntegerField(_("§"), null=True, blank=True)
    heading = models.CharField(_("rubrik"), max_length=300)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION)
    case_number = models.CharField(_("diarienummer"), max_length=50, blank=True)
    text = models.TextField(_("text"), blank=True)
    version = models.PositiveIntegerField(default=1)
    immediate_adjustment = models.BooleanField(_("omedelbar justering"), default=False)
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


class Attendance(GuardedByMeeting):
    """Who was called and who came, in what role, for which §§."""

    class Status(models.TextChoices):
        PRESENT = "narvarande", _("Närvarande")
        ABSENT = "franvarande", _("Frånvarande")
        EXCUSED = "anmalt_forhinder", _("Anmält förhinder")

    class Role(models.TextChoices):
        CHAIR = "ordforande", _("Ordförande")
        FIRST_VICE_CHAIR = "vice_ordforande_1", _("1:e vice ordförande")
        SECOND_VICE_CHAIR = "vice_ordforande_2", _("2:e vice ordförande")
        MEMBER = "ledamot", _("Ledamot")
        SUBSTITUTE = "ersattare", _("Ersättare")
        CO_OPTED = "adjungerad", _("Adjungerad")
        DIRECTOR = "forbundschef", _("Förbundschef")
        SECRETARY = "sekreterare", _("Sekreterare")
        OFFICER = "tjansteperson", _("Tjänsteperson")
        AUDITOR = "revisor", _("Revisor")
        GUEST = "gast", _("Gäst")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances")
    name = models.CharField(_("namn"), max_length=200, help_text=_("För den som inte finns i registret."))
    role = models.CharField(_("roll"), max_length=30, choices=Role.choices, default=Role.MEMBER)
    role_title = models.CharField(_("titel"), max_length=100, blank=True)
    status = models.CharField(_("närvaro"), max_length=30, choices=Status.choices, default=Status.PRESENT)
    organisation = models.ForeignKey(
        MemberOrganisation, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("representerar")
    )
    represents = models.ForeignKey(
        Federation, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("representerar förbund")
    )
    serving_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="served_by",
        verbose_name=_("tjänstgör för"),
    )
    paragraphs = models.CharField(_("endast §§"), max_length=100, blank=True, help_text=_("T.ex. 1-4."))
    remote = models.BooleanField(_("deltar digitalt"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return self.person.name if self.person_id else self.name

    def frozen_meeting_filter(self):
        return Q(pk=self.meeting_id)


class Recusal(GuardedByMeeting):
    """Jäv: the person takes no part in the §."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="recusals")
    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="recusals")
    reason = models.CharField(_("skäl"), max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "attendance"], name="recusal_once_per_item")]

    def __str__(self):
        return f"Jäv: {self.attendance} i {self.item}"

    def frozen_meeting_filter(self):
        return Q(items__pk=self.item_id)


class Decision(GuardedByMeeting):
    """A structured decision under a §."""

    class Outcome(models.TextChoices):
        APPROVED = "bifall", _("Bifall")
        REJECTED = "avslag", _("Avslag")
        REFERRED_BACK = "aterremiss", _("Återremiss")
        TABLED = "bordlaggning", _("Bordläggning")
        NOTED = "handlingarna", _("Lägga till handlingarna")
        ASSIGNMENT = "uppdrag", _("Uppdrag")

    class Method(models.TextChoices):
        ACCLAMATION = "acklamation", _("Acklamation")
        SHOW_OF_HANDS = "handupprackning", _("Handuppräckning")
        VOTE = "votering", _("Votering")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("beslut"))
    outcome = models.CharField(_("utfall"), max_length=20, choices=Outcome.choices, default=Outcome.APPROVED)
    method = models.CharField(_("beslutsform"), max_length=20, choices=Method.choices, default=Method.ACCLAMATION)
    votes_yes = models.PositiveSmallIntegerField(_("ja"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(_("nej"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("avstår"), null=True, blank=True)
    notes = models.TextField(_("protokollsanteckningar"), blank=True)
    recipients = models.CharField(_("beslutet skickas till"), max_length=500, blank=True)
    projects = models.ManyToManyField(Project, blank=True, related_name="decisions", verbose_name=_("projekt"))

    class Meta:
        ordering = ["item", "position", "id"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self):
        return self.text[:80]

    def frozen_meeting_filter(self):
        return Q(items__pk=self.item_id)


class Vote(GuardedByMeeting):
    """One member's vote in a votering (optional: the counts stand on their own)."""

    class Choice(models.TextChoices):
        YES = "ja", _("Ja")
        NO = "nej", _("Nej")
        ABSTAIN = "avstar", _("Avstår")

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField(_("röst"), max_length=10, choices=Choice.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["decision", "attendance"], name="vote_once_per_decision")]

    def __str__(self):
        return f"{self.attendance}: {self.choice}"

    def frozen_meeting_filter(self):
        return Q(items__decisions__pk=self.decision_id)


class Reservation(GuardedByMeeting):
    """A recorded dissent, with its written reason."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="reservations")
    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="reservations")
    reason = models.TextField(_("motivering"), blank=True)

    def __str__(self):
        return f"Reservation: {self.attendance}"

    def frozen_meeting_filter(self):
        return Q(items__decisions__pk=self.decision_id)


class Assignment(GuardedByMeeting):
    """An uppdrag: it comes back at the body's next meeting until it is done."""

    MUTABLE_AFTER_FREEZE = frozenset({"status", "closed_in"})

    class Status(models.TextChoices):
        OPEN = "open", _("Pågående")
        DONE = "done", _("Klart")

    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.CASCADE, related_name="assignments")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="assignments")
    owner = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments")
    owner_name = models.CharField(_("ansvarig"), max_length=200, blank=True)
    what = models.TextField(_("uppdrag"))
    due = models.DateField(_("klart senast"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_in = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="closed_assignments"
    )

    class Meta:
        ordering = ["due", "id"]
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        indexes = [models.Index(fields=["status", "due"], name="assignment_status_due_idx")]  # overviews

    def __str__(self):
        return self.what[:80]

    def frozen_meeting_filter(self):
        return Q(items__pk=self.item_id)


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


# Justering ---------------------------------------------------------------------------------------------------------


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
        return f"{self.meeting}, revision {self.number}"


class Signature(models.Model):
    """One required signer of one revision: pending, signed, or sent back with a reason."""

    class Role(models.TextChoices):
        CHAIR = "ordforande", _("Ordförande")
        ADJUSTER = "justerare", _("Justerare")
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
    method = models.CharField(_("metod"), max_length=30, blank=True)
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
        return f"{self.person.name} ({self.get_role_display()}): {self.get_status_display()}"


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

    class Meta:
        verbose_name = _("justerat protokoll (PDF)")
        verbose_name_plural = _("justerade protokoll (PDF)")

    def __str__(self):
        return f"{self.meeting} ({self.get_status_display()})"


class Notice(models.Model):
    """The anslag on the federation's notice board: up from posting until the last day to appeal."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="notice")
    posted_on = models.DateField(_("anslaget"))
    appeal_until = models.DateField(_("sista dag att överklaga"))

    class Meta:
        ordering = ["-posted_on"]
        verbose_name = _("anslag")
        verbose_name_plural = _("anslag")
        indexes = [models.Index(fields=["appeal_until"], name="notice_appeal_until_idx")]  # the board's current list

    def __str__(self):
        return f"Anslag: {self.meeting}"


class Appeal(models.Model):
    """An överklagande of a justerat protocol, recorded when the federation learns of it. Until one is recorded,
    the decisions win legal force (laga kraft) the day after the last day to appeal."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="appeals")
    paragraphs = models.CharField(_("paragrafer som överklagas"), max_length=100)
    received_on = models.DateField(_("inkom"))
    court = models.CharField(_("domstol"), max_length=200, blank=True)
    note = models.TextField(_("anteckning"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "created"]
        verbose_name = _("överklagande")
        verbose_name_plural = _("överklaganden")

    def __str__(self):
        return f"Överklagande av {self.paragraphs}: {self.meeting}"


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
        return f"Rättelse till {self.item}"


# Decision register ------------------------------------------------------------------------------------------------


class RegisterEntry(models.Model):
    """One line of the decision register: a decision of a justerat protocol, or an item of approved minutes.

    Denormalised so that the register filters and searches one table; written when a record is frozen
    (meetings.register.index_meeting), never for drafts. On PostgreSQL a trigger keeps `search_vector`
    (Swedish full text: heading and decision weight A, the § text weight B) and a GIN index serves the search.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="register_entries")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="register_entries")
    decision = models.OneToOneField(
        Decision, null=True, blank=True, on_delete=models.CASCADE, related_name="register_entry"
    )
    federation = models.ForeignKey(Federation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    network = models.ForeignKey(
        "federations.Network", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    body_kind = models.CharField(max_length=30, choices=Body.Kind.choices)
    date = models.DateField()
    number = models.PositiveIntegerField(null=True, blank=True)
    heading = models.CharField(max_length=300)
    item_text = models.TextField(blank=True)
    decision_text = models.TextField(blank=True)
    outcome = models.CharField(max_length=20, choices=Decision.Outcome.choices, blank=True)
    method = models.CharField(max_length=20, choices=Decision.Method.choices, blank=True)
    is_public = models.BooleanField(default=False)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-date", "-meeting_id", "number", "id"]
        verbose_name = _("beslut i registret")
        verbose_name_plural = _("beslutsregistret")
        indexes = [
            # The register's default order, newest first (§ order within a meeting), read through with LIMIT.
            models.Index(fields=["-date", "-meeting", "number"], name="register_newest_idx"),
            # Filters by federation and body kind within a date range.
            models.Index(fields=["federation", "-date"], name="register_federation_date_idx"),
            models.Index(fields=["outcome", "-date"], name="register_outcome_date_idx"),
        ]

    def __str__(self):
        return f"{self.heading} ({self.date})"

    @property
    def outcome_label(self):
        """The outcome's name, from the enum (get_outcome_display rebuilds a dict of lazy labels on every call)."""
        return Decision.Outcome(self.outcome).label if self.outcome else ""
