"""Decisions, votes, reservations and assignments (uppdrag)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from federations.models import Person, Project
from finsam.validators import validate_one_line

from .agenda import AgendaItem
from .attendance import Attendance
from .meeting import GuardedByMeeting


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

    # Not columns: what meetings.drafting.selectors.meeting_for_editor reads for the page and the snapshot alike.
    named_votes: list[dict[str, str]]  # the namnupprop, {"name", "choice"} by name
    recipients_line: str  # "Beslutet skickas till" as printed

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("beslut"))
    outcome = models.CharField(_("utfall"), max_length=20, choices=Outcome.choices, default=Outcome.APPROVED)
    method = models.CharField(_("beslutsform"), max_length=20, choices=Method.choices, default=Method.ACCLAMATION)
    votes_yes = models.PositiveSmallIntegerField(_("ja"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(_("nej"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("avstår"), null=True, blank=True)
    notes = models.TextField(_("protokollsanteckningar"), blank=True)
    recipients = models.CharField(
        _("beslutet skickas till"), max_length=500, blank=True, validators=[validate_one_line]
    )
    projects = models.ManyToManyField(Project, blank=True, related_name="decisions", verbose_name=_("projekt"))
    # Raised by every save of the decision or its votes: a form loaded at an older version is refused (a lost update).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["item", "position", "id"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self):
        return self.text[:80]

    def frozen_meeting_filter(self):
        return Q(items__pk=self.item_id)


class DecisionRecipient(GuardedByMeeting):
    """Who gets the protokollsutdrag of a decision by e-mail once the protocol is justerat: a person of the
    federation (at their address in the register) or an address typed by the secretary."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="addressees")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    email = models.EmailField(_("e-post"), blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(email=""), name="decision_recipient_person_or_email"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.person.name if self.person_id else self.email

    @property
    def address(self):
        return self.person.email if self.person_id else self.email

    def frozen_meeting_filter(self):
        return Q(items__decisions__pk=self.decision_id)


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
        return _("Reservation: %(attendance)s") % {"attendance": self.attendance}

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
    owner_name = models.CharField(_("ansvarig"), max_length=200, blank=True, validators=[validate_one_line])
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
