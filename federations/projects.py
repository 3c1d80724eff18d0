"""Projects (insatser) and their results: owned by one federation, often run with others. The app's models
(federations.models imports them), kept here apart from the federations' people and bodies."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from federations.models import Federation, Person
from finsam.collation import SWEDISH


class Project(models.Model):
    """A project or insats: owned by one federation, often run with others."""

    class Kind(models.TextChoices):
        INDIVIDUAL = "individinriktad", _("Individinriktad insats")
        STRUCTURAL = "strukturovergripande", _("Strukturövergripande insats")
        ESF = "esf", _("ESF-projekt")
        PREPARATORY = "forberedande", _("Förberedande insats")

    class Funding(models.TextChoices):
        ESF = "esf", _("ESF")
        FINSAM = "finsam", _("Finsam-medel")
        OWN = "egen", _("Egen finansiering")

    class Status(models.TextChoices):
        APPLIED = "ansokan", _("Ansökan")
        IN_PREPARATION = "under_beredning", _("Under beredning")
        REFERRED_BACK = "aterremitterad", _("Återremitterad")
        GRANTED = "beviljad", _("Beviljad")
        REJECTED = "avslagen", _("Avslagen")
        RUNNING = "pagaende", _("Pågående")
        FINISHED = "avslutad", _("Avslutad")
        IMPLEMENTED = "implementerad", _("Implementerad")

    name = models.CharField(_("namn"), max_length=200, db_collation=SWEDISH)
    slug = models.SlugField(_("kortadress"), unique=True)
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    owner = models.ForeignKey(
        Federation, on_delete=models.PROTECT, related_name="owned_projects", verbose_name=_("ägare")
    )
    participants = models.ManyToManyField(
        Federation, blank=True, related_name="projects", verbose_name=_("deltagande förbund")
    )
    funding = models.CharField(_("finansiering"), max_length=20, choices=Funding.choices, default=Funding.FINSAM)
    start = models.DateField(_("från"), null=True, blank=True)
    end = models.DateField(_("till"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.APPLIED)
    lead = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_projects",
        verbose_name=_("projektledare"),
    )
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("projekt")
        verbose_name_plural = _("projekt")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="project_end_after_start",
                violation_error_message=_("Slutdatum måste vara samma dag som eller efter startdatum."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("federations:project_detail", args=[self.slug])


class ProjectResult(models.Model):
    """Results for one period, as aggregates only: never data about individual participants."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    period = models.CharField(_("period"), max_length=50, help_text=_("T.ex. 2022 eller 2023 H1."))
    women = models.PositiveIntegerField(_("deltagare, kvinnor"), default=0)
    men = models.PositiveIntegerField(_("deltagare, män"), default=0)
    total = models.PositiveIntegerField(_("deltagare totalt"), default=0)
    exits_to_work_or_studies = models.PositiveIntegerField(_("avslut till arbete eller studier"), default=0)
    note = models.CharField(_("kommentar"), max_length=500, blank=True)

    class Meta:
        ordering = ["project", "period"]
        verbose_name = _("resultat")
        verbose_name_plural = _("resultat")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "period"],
                name="projectresult_one_per_period",
                violation_error_message=_("Projektet har redan resultat för den perioden."),
            ),
            models.CheckConstraint(
                condition=Q(total__gte=models.F("women") + models.F("men")),
                name="projectresult_total_covers_women_and_men",
                violation_error_message=_("Totalen kan inte vara mindre än kvinnor plus män."),
            ),
            models.CheckConstraint(
                condition=Q(exits_to_work_or_studies__lte=models.F("total")),
                name="projectresult_exits_within_total",
                violation_error_message=_("Fler avslut än deltagare är inte möjligt."),
            ),
        ]

    def __str__(self):
        return f"{self.project}: {self.period}"
