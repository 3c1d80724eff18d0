"""The anslag (public notice) of a justerat protocol and appeals (överklaganden) against it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .meeting import Meeting


class Anslag(models.Model):
    """The anslag on the federation's notice board: up from posting until the last day to appeal."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="anslag")
    posted_on = models.DateField(_("anslaget"))
    appeal_until = models.DateField(_("sista dag att överklaga"))

    class Meta:
        ordering = ["-posted_on"]
        verbose_name = _("anslag")
        verbose_name_plural = _("anslag")
        indexes = [
            models.Index(fields=["appeal_until"], name="notice_appeal_until_idx"),  # the board's current list
            # The notice-board feed: the newest notices of the whole country, read through with LIMIT.
            models.Index(fields=["-posted_on", "-id"], name="notice_newest_idx"),
        ]

    def __str__(self):
        return _("Anslag: %(meeting)s") % {"meeting": self.meeting}


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
        return _("Överklagande av %(paragraphs)s: %(meeting)s") % {
            "paragraphs": self.paragraphs,
            "meeting": self.meeting,
        }
