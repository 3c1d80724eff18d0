"""Who is who in a Finsam network: federations, members, people, bodies, mandates, projects."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from finsam.collation import SWEDISH
from finsam.validators import validate_one_line


class Network(models.Model):
    """A regional or national group of federations (Stockholms län; NNS)."""

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regionalt nätverk")
        NATIONAL = "national", _("Nationellt nätverk")

    name = models.CharField(_("namn"), max_length=200, db_collation=SWEDISH)
    short_name = models.CharField(_("kortnamn"), max_length=50, blank=True)
    slug = models.SlugField(_("kortadress"), unique=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.REGIONAL)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nätverk")
        verbose_name_plural = _("nätverk")

    def __str__(self):
        return self.name


class Federation(models.Model):
    """A samordningsförbund."""

    name = models.CharField(_("namn"), max_length=200, db_collation=SWEDISH)
    short_name = models.CharField(_("kortnamn"), max_length=50)
    slug = models.SlugField(_("kortadress"), unique=True)
    network = models.ForeignKey(
        Network, verbose_name=_("nätverk"), null=True, blank=True, on_delete=models.SET_NULL, related_name="federations"
    )
    area = models.CharField(_("område (kommuner)"), max_length=500, blank=True)
    website = models.URLField(_("webbplats"), blank=True)
    protocol_storage = models.CharField(
        _("förvaringsplats för protokoll"), max_length=300, blank=True, help_text=_("Var protokollen förvaras.")
    )
    # When the row was made and last changed: the open-data API's created / modified and its modified_since.
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("samordningsförbund")
        verbose_name_plural = _("samordningsförbund")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("federations:federation_detail", args=[self.slug])


class MemberOrganisation(models.Model):
    """A kommun, a region, Försäkringskassan or Arbetsförmedlingen."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "kommun", _("Kommun")
        REGION = "region", _("Region")
        FK = "forsakringskassan", _("Försäkringskassan")
        AF = "arbetsformedlingen", _("Arbetsförmedlingen")

    name = models.CharField(_("namn"), max_length=200, db_collation=SWEDISH, unique=True)
    slug = models.SlugField(_("kortadress"), unique=True)
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    # When the row was made and last changed: the open-data API's created / modified and its modified_since.
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("medlemsorganisation")
        verbose_name_plural = _("medlemsorganisationer")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A member organisation's membership of a federation, over a period."""

    federation = models.ForeignKey(Federation, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(MemberOrganisation, on_delete=models.PROTECT, related_name="memberships")
    start = models.DateField(_("från"), default=datetime.date(2004, 1, 1))
    end = models.DateField(_("till"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_end_after_start",
                violation_error_message=_("Slutdatum måste vara samma dag som eller efter startdatum."),
            ),
        ]

    def __str__(self):
        return _("%(organisation)s i %(federation)s") % {
            "organisation": self.organisation,
            "federation": self.federation,
        }


class Person(models.Model):
    """A person in the register, optionally linked to a user account."""

    name = models.CharField(_("namn"), max_length=200, db_collation=SWEDISH, validators=[validate_one_line])
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    email = models.EmailField(_("e-post"), blank=True)
    party = models.CharField(_("parti"), max_length=20, blank=True, help_text=_("Partibeteckning, t.ex. S eller M."))
    title = models.CharField(_("titel"), max_length=200, blank=True, validators=[validate_one_line])
    # The language the person chose in the portal (the language switch): their e-mail is written in it. Blank: the
    # portal's own (LANGUAGE_CODE, Swedish).
    language = models.CharField(_("språk"), max_length=10, choices=settings.LANGUAGES, blank=True)
    # When the row was made and last changed: the open-data API's created / modified and its modified_since.
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        indexes = [models.Index(fields=["name"], name="person_name_idx")]  # matching imported names

    def __str__(self):
        return f"{self.name} ({self.party})" if self.party else self.name

    def get_absolute_url(self):
        return reverse("federations:person_detail", args=[self.pk])


class Body(models.Model):
    """An organ of a federation (styrelse, arbetsutskott, ...) or of a network."""

    class Kind(models.TextChoices):
        BOARD = "styrelse", _("Styrelse")
        WORKING_COMMITTEE = "arbetsutskott", _("Arbetsutskott")
        PRESIDIUM = "presidium", _("Presidium")
        PREPARATORY = "beredningsgrupp", _("Beredningsgrupp")
        STEERING = "styrgrupp", _("Styrgrupp")
        MEMBERS = "medlemssamrad", _("Medlemssamråd")
        NETWORK = "natverk", _("Nätverksorgan")

    class RecordKind(models.TextChoices):
        MINUTES = "protokoll", _("Protokoll")
        NOTES = "minnesanteckningar", _("Minnesanteckningar")

    class Numbering(models.TextChoices):
        PER_MEETING = "per_meeting", _("Börjar om på § 1 varje möte")
        PER_YEAR = "per_year", _("Löpande under året")

    federation = models.ForeignKey(
        Federation, null=True, blank=True, on_delete=models.CASCADE, related_name="bodies", verbose_name=_("förbund")
    )
    network = models.ForeignKey(
        Network, null=True, blank=True, on_delete=models.CASCADE, related_name="bodies", verbose_name=_("nätverk")
    )
    name = models.CharField(_("namn"), max_length=200, db_collation=SWEDISH)
    slug = models.SlugField(_("kortadress"))
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    record_kind = models.CharField(
        _("dokumenterar med"), max_length=30, choices=RecordKind.choices, default=RecordKind.MINUTES
    )
    numbering = models.CharField(
        _("paragrafnumrering"), max_length=20, choices=Numbering.choices, default=Numbering.PER_MEETING
    )
    # When the row was made and last changed: the open-data API's created / modified and its modified_since.
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["federation__name", "network__name", "name"]
        verbose_name = _("organ")
        verbose_name_plural = _("organ")
        constraints = [
            models.CheckConstraint(
                condition=Q(federation__isnull=False, network__isnull=True)
                | Q(federation__isnull=True, network__isnull=False),
                name="body_belongs_to_federation_or_network",
                violation_error_message=_("Ett organ hör till antingen ett förbund eller ett nätverk."),
            ),
            models.UniqueConstraint(
                fields=["federation", "slug"],
                name="body_slug_unique_in_federation",
                violation_error_message=_("Förbundet har redan ett organ med den kortadressen."),
            ),
            models.UniqueConstraint(
                fields=["network", "slug"],
                name="body_slug_unique_in_network",
                violation_error_message=_("Nätverket har redan ett organ med den kortadressen."),
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.owner_short_name}"

    @property
    def owner(self):
        return self.federation or self.network

    @property
    def owner_short_name(self):
        owner = self.owner
        return owner.short_name or owner.name


class Mandate(models.Model):
    """A person's seat or role in a body over a period. Mandates end; they are never deleted."""

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

    # Roles that hold a decision-making seat (they count towards quorum).
    VOTING_ROLES = (Role.CHAIR, Role.FIRST_VICE_CHAIR, Role.SECOND_VICE_CHAIR, Role.MEMBER)
    # Order in which a body's composition is listed: chair and vice chairs first.
    ROLE_ORDER = {role: index for index, role in enumerate(Role.values)}

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mandates", verbose_name=_("person"))
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="mandates", verbose_name=_("organ"))
    role = models.CharField(_("roll"), max_length=30, choices=Role.choices)
    role_title = models.CharField(_("titel i rollen"), max_length=100, blank=True, help_text=_("T.ex. processtödjare."))
    organisation = models.ForeignKey(
        MemberOrganisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mandates",
        verbose_name=_("utsedd av"),
    )
    represents = models.ForeignKey(
        Federation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="network_mandates",
        verbose_name=_("representerar förbund"),
        help_text=_("För nätverksorgan: vilket förbund personen representerar."),
    )
    start = models.DateField(_("från"))
    end = models.DateField(_("till"), null=True, blank=True)
    substitute_order = models.PositiveSmallIntegerField(_("inkallelseordning"), null=True, blank=True)
    substitute_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="personal_substitutes",
        verbose_name=_("personlig ersättare för"),
    )
    # When the row was made and last changed: the open-data API's created / modified and its modified_since.
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["body", "start"]
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="mandate_end_after_start",
                violation_error_message=_("Slutdatum måste vara samma dag som eller efter startdatum."),
            ),
            models.CheckConstraint(
                condition=~Q(role="ersattare") | Q(substitute_order__isnull=False) | Q(substitute_for__isnull=False),
                name="mandate_substitute_has_order_or_member",
                violation_error_message=_("En ersättare behöver en inkallelseordning eller en ledamot att ersätta."),
            ),
        ]
        indexes = [
            # "The body as of a date": mandates of one body whose period covers the date.
            models.Index(fields=["body", "start", "end"], name="mandate_body_period_idx"),
        ]

    def __str__(self):
        return _("%(person)s, %(role)s i %(body)s") % {
            "person": self.person.name,
            "role": self.get_role_display(),
            "body": self.body.name,
        }

    def is_active_on(self, day):
        return self.start <= day and (self.end is None or self.end >= day)


def active_on(day):
    """A Q object: mandates (or memberships) whose period covers the day."""
    return Q(start__lte=day) & (Q(end__isnull=True) | Q(end__gte=day))


class StaffRole(models.Model):
    """A role in the portal that does not follow from a mandate: admin, secretary, network coordinator."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Förbundsadministratör")
        SECRETARY = "secretary", _("Sekreterare")
        COORDINATOR = "coordinator", _("Nätverkssamordnare")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices)
    federation = models.ForeignKey(Federation, null=True, blank=True, on_delete=models.CASCADE)
    network = models.ForeignKey(Network, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("portalroll")
        verbose_name_plural = _("portalroller")
        constraints = [
            models.CheckConstraint(
                condition=Q(role="coordinator", network__isnull=False, federation__isnull=True)
                | (~Q(role="coordinator") & Q(federation__isnull=False, network__isnull=True)),
                name="staffrole_scope_matches_role",
                violation_error_message=_("En samordnare hör till ett nätverk, övriga roller till ett förbund."),
            ),
            models.UniqueConstraint(
                fields=["person", "role", "federation", "network"],
                name="staffrole_unique",
                violation_error_message=_("Personen har redan den rollen."),
            ),
        ]

    def __str__(self):
        return f"{self.person.name}: {self.get_role_display()} ({self.federation or self.network})"


from federations.projects import Project, ProjectResult  # noqa: E402, F401 (app's models)
from federations.trust import FederationSeal, FederationSigning, PersonIdentity  # noqa: E402, F401 (app's models)
