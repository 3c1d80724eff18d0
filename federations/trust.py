"""What makes a signature trustworthy, per person and per federation: the identity number linked to a person (as a
keyed hash), the signing methods a federation allows, and the certificate a federation seals its protocols with.

Imported at the end of federations/models.py, so that Django sees these models as the app's."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from federations.models import Federation, Person
from finsam.identity import masked


class PersonIdentity(models.Model):
    """A person's personnummer or samordningsnummer: only its HMAC (finsam.identity) and its last four digits."""

    class Source(models.TextChoices):
        ADMIN = "admin", _("Angivet av förbundsadministratör")
        EID = "eid", _("Kopplat med e-legitimation")

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="identity")
    keyed_hash = models.CharField(max_length=64, unique=True)
    last_four = models.CharField(_("fyra sista siffrorna"), max_length=4)
    source = models.CharField(_("källa"), max_length=10, choices=Source.choices)
    linked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("identitetsnummer")
        verbose_name_plural = _("identitetsnummer")

    def __str__(self):
        return f"{self.person.name}: {masked(self.last_four)}"

    @property
    def masked(self):
        return masked(self.last_four)


class FederationSigning(models.Model):
    """How the federation's signers may justera: the built-in way (password, plus TOTP where the user has it) and
    the e-legitimation providers of the installation it allows; or e-legitimation only."""

    federation = models.OneToOneField(Federation, on_delete=models.CASCADE, related_name="signing")
    providers = models.JSONField(_("tillåtna e-legitimationer"), default=list, blank=True)
    eid_required = models.BooleanField(_("kräv e-legitimation för justering"), default=False)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("justeringsmetoder")
        verbose_name_plural = _("justeringsmetoder")

    def __str__(self):
        return str(self.federation)

    @property
    def password_allowed(self):
        return not self.eid_required


class FederationSeal(models.Model):
    """The federation's own sealing certificate (PKCS#12), encrypted with FINSAM_ENCRYPTION_KEY (finsam.encryption).
    Without one, the installation's certificate seals its protocols."""

    federation = models.OneToOneField(Federation, on_delete=models.CASCADE, related_name="seal")
    pkcs12 = models.BinaryField()
    password = models.BinaryField()
    subject = models.CharField(_("certifikatets innehavare"), max_length=300)
    not_after = models.DateTimeField(_("giltigt till"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sigillcertifikat")
        verbose_name_plural = _("sigillcertifikat")

    def __str__(self):
        return f"{self.federation}: {self.subject}"
