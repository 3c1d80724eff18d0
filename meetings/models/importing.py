"""Documents uploaded for import that wait for the secretary's review: the original file, its text and what the
parser made of it, kept in the database (not in the session) so that several uploads, another device or a
colleague in the same federation can pick them up."""

from django.conf import settings
from django.db import models
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
    parsed = models.JSONField(_("tolkat resultat"))
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("import som väntar på granskning")
        verbose_name_plural = _("importer som väntar på granskning")

    def __str__(self):
        return self.original_name
