"""Celery tasks of drafting: the kallelse. They take ids and can run twice harmlessly."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext as _

from meetings.drafting.ics import meeting_calendar
from meetings.models import Meeting


@shared_task(
    name="meetings.tasks.send_notice", autoretry_for=(OSError,), retry_backoff=30, retry_backoff_max=600, max_retries=5
)
def kallelse_mail(meeting_id):
    """E-mail the kallelse with the agenda and a calendar invitation to everyone called."""
    meeting = Meeting.objects.select_related("body__federation", "body__network").get(pk=meeting_id)
    with translation.override("sv"):
        items = "\n".join(f"§ {i.number} {i.heading}" if i.number else i.heading for i in meeting.items.all())
        when = f"{meeting.date:%Y-%m-%d}" + (f" kl. {meeting.start_time:%H:%M}" if meeting.start_time else "")
        subject = _("Kallelse: %(body)s %(when)s") % {
            "body": f"{meeting.body.name}, {meeting.body.owner_short_name}",
            "when": when,
        }
        body = _(
            "Du kallas till sammanträde.\n\nTid: %(when)s\nPlats: %(place)s\n\nDagordning:\n%(items)s\n\n%(url)s"
        ) % {
            "when": when,
            "place": meeting.place or meeting.remote_link or "–",
            "items": items,
            "url": f"{settings.SITE_URL}{meeting.get_absolute_url()}",
        }
        recipients = sorted(
            {a.person.email for a in meeting.attendances.select_related("person") if a.person and a.person.email}
        )
        for address in recipients:
            message = EmailMessage(subject, body, to=[address])
            message.attach(f"sammantrade-{meeting.date:%Y-%m-%d}.ics", meeting_calendar(meeting), "text/calendar")
            message.send()
    return len(recipients)
