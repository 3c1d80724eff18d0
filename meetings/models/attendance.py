"""Who attended, in what role and for which §§, and who had jäv."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from federations.models import Federation, Mandate, MemberOrganisation, Person
from finsam.validators import validate_one_line

from .agenda import AgendaItem
from .meeting import GuardedByMeeting, Meeting


class Attendance(GuardedByMeeting):
    """Who was called and who came, in what role, for which §§."""

    class Status(models.TextChoices):
        PRESENT = "narvarande", _("Närvarande")
        ABSENT = "franvarande", _("Frånvarande")
        EXCUSED = "anmalt_forhinder", _("Anmält förhinder")

    # The role is the one of the mandate the person is called on (Mandate.Role), or a guest's: someone at the
    # meeting who holds no mandate in the body.
    GUEST = "gast"
    ROLE_CHOICES = [*Mandate.Role.choices, (GUEST, _("Gäst"))]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="attendances")
    name = models.CharField(
        _("namn"), max_length=200, help_text=_("För den som inte finns i registret."), validators=[validate_one_line]
    )
    role = models.CharField(_("roll"), max_length=30, choices=ROLE_CHOICES, default=Mandate.Role.MEMBER)
    role_title = models.CharField(_("titel"), max_length=100, blank=True, validators=[validate_one_line])
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
        """The name the record was written with: the register's name changes it only while the record is being
        written (attendance_names_follow), never on a record sent for justering or justerat."""
        return self.name or (self.person.name if self.person_id else "")

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
        return _("Jäv: %(attendance)s i %(item)s") % {"attendance": self.attendance, "item": self.item}

    def frozen_meeting_filter(self):
        return Q(items__pk=self.item_id)
