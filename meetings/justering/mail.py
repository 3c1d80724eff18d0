"""The e-mail of justering, written to the outbox in the transaction of the change it tells about, each in its
recipient's language (meetings.outbox.services.mail_queue_translated)."""

from django.conf import settings
from django.utils.translation import gettext as _

from meetings.models import OutgoingMail, Signature
from meetings.outbox.services import mail_queue_translated


def _meeting_line(meeting):
    return f"{meeting.body.name}, {meeting.body.owner_short_name}, {meeting.date:%Y-%m-%d}"


def _url(meeting):
    return f"{settings.SITE_URL}/moten/{meeting.pk}/justering/"


def signers_notify(revision, actor=None):
    """Tell every signer that a revision waits for them, and what changed since the last one."""
    meeting = revision.meeting

    def compose(language):
        subject = _("Att justera: %(meeting)s") % {"meeting": _meeting_line(meeting)}
        body = _("Protokollet väntar på din justering senast %(deadline)s.\n\n%(url)s") % {
            "deadline": f"{revision.deadline:%Y-%m-%d}",
            "url": _url(meeting),
        }
        if revision.changes:
            body += "\n\n" + _("Ändringar sedan förra revisionen:") + "\n" + revision.changes
        return subject, body

    addresses = [s.person.email for s in revision.signatures.select_related("person")]
    return mail_queue_translated(
        kind=OutgoingMail.Kind.TO_SIGN, meeting=meeting, recipients=addresses, compose=compose, actor=actor
    )


def sent_back_notify(revision, person, actor=None):
    """Tell the secretary that a signer sent the protokoll back, and why."""
    meeting = revision.meeting
    reason = revision.signatures.filter(person=person, status=Signature.Status.RETURNED).values_list(
        "reason", flat=True
    )

    def compose(language):
        subject = _("Protokollet skickades tillbaka: %(meeting)s") % {"meeting": _meeting_line(meeting)}
        body = _("%(name)s skickade tillbaka protokollet:\n\n%(reason)s\n\n%(url)s") % {
            "name": person.name,
            "reason": "\n".join(reason),
            "url": _url(meeting),
        }
        return subject, body

    return mail_queue_translated(
        kind=OutgoingMail.Kind.SENT_BACK,
        actor=actor,
        meeting=meeting,
        recipients=[meeting.secretary.email if meeting.secretary else ""],
        compose=compose,
    )


def reminder_notify(signature):
    meeting = signature.revision.meeting

    def compose(language):
        subject = _("Påminnelse: justera %(meeting)s") % {"meeting": _meeting_line(meeting)}
        body = _("Protokollet ska vara justerat senast %(deadline)s.\n\n%(url)s") % {
            "deadline": f"{signature.revision.deadline:%Y-%m-%d}",
            "url": _url(meeting),
        }
        return subject, body

    return mail_queue_translated(
        kind=OutgoingMail.Kind.REMINDER, meeting=meeting, recipients=[signature.person.email], compose=compose
    )
