"""The kallelse e-mail: its subject and text, in Swedish, from the meeting and its agenda."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _


def kallelse_text(meeting):
    """(subject, body) of the kallelse."""
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
    return subject, body
