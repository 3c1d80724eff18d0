"""The outbox: every e-mail the portal sends, one row per recipient, written in the same transaction as the change
that causes it. A task delivers each unsent row and marks it sent, so a retry never mails someone twice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .meeting import Meeting


class OutgoingMail(models.Model):
    class Kind(models.TextChoices):
        KALLELSE = "kallelse", _("Kallelse")
        TO_SIGN = "to_sign", _("Att justera")
        SENT_BACK = "sent_back", _("Skickat tillbaka")
        REMINDER = "reminder", _("Påminnelse")
        CALL_IN = "call_in", _("Inkallelse av ersättare")
        EXTRACT = "extract", _("Protokollsutdrag")
        ABSENCE = "absence", _("Anmält förhinder")

    kind = models.CharField(_("slag"), max_length=20, choices=Kind.choices)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="outgoing_mail")
    recipient = models.EmailField(_("mottagare"))
    subject = models.CharField(_("ämne"), max_length=300)
    body = models.TextField(_("text"))
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment = models.TextField(blank=True)  # the kallelse's calendar invitation (text/calendar)
    # A protokollsutdrag: the decision it tells about, and its sealed PDF (shared by the rows of one decision).
    decision = models.ForeignKey("Decision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attachment_file = models.FileField(upload_to="utdrag/%Y/", blank=True)
    # Who caused it, for the rate of outgoing mail (meetings.outbox.services): the federation whose meeting it tells
    # about, and the user whose action queued it (for a protokollsutdrag: who sent the protocol for justering).
    federation = models.ForeignKey(
        "federations.Federation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )
    queued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", db_index=False
    )  # both indexed by the rate's indexes below
    # Not sent before this: now, or later when the federation or the user has sent their hour's worth of e-mail.
    send_after = models.DateTimeField(_("skickas tidigast"), default=timezone.now)
    created = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)  # a task is sending it now
    sent_at = models.DateTimeField(_("skickat"), null=True, blank=True)
    # Not sent, for good, because what it tells about had changed when its turn came (a kallelse to a meeting whose
    # protocol is already justerat, "att justera" to someone with nothing left to sign): when, and why.
    withdrawn_at = models.DateTimeField(_("inte skickat"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("varför inte skickat"), max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created", "id"]
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")
        indexes = [
            # The sweep's query: the unsent rows (few, however much has been sent).
            models.Index(
                fields=["created"],
                name="outgoingmail_unsent",
                condition=Q(sent_at__isnull=True, withdrawn_at__isnull=True),
            ),
            # The rate: the latest send times of a federation's and of a user's e-mail.
            models.Index(fields=["federation", "-send_after"], name="outgoingmail_federation_rate"),
            models.Index(fields=["queued_by", "-send_after"], name="outgoingmail_user_rate"),
        ]
        constraints = [
            # One protokollsutdrag per decision and address, however often the queueing runs.
            models.UniqueConstraint(
                fields=["decision", "recipient"], condition=Q(kind="extract"), name="outgoingmail_extract_once"
            )
        ]

    def __str__(self):
        return _("%(kind)s till %(recipient)s") % {"kind": self.get_kind_display(), "recipient": self.recipient}
