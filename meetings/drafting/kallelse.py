"""The kallelse e-mail: who gets it, its subject and text (in the language asked for, Swedish unless told), from the
meeting, its agenda and handlingar."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from meetings.drafting.selectors import mandate_changes
from meetings.models import Attendance
from meetings.printing.pdf import write_pdf


def kallelse_recipients(meeting):
    """(reached, missed): the called attendances with an e-mail address in the register, and those without one (a
    name not linked to a person, or a person with no address), whom the secretary must reach another way. Called are
    those the mandates on the meeting's day give (what sending brings the list to): never one whose mandate has ended,
    always one appointed since the meeting was planned."""
    changes = mandate_changes(meeting)
    lapsed = {a.pk for a in changes.lapsed}
    called = [a for a in meeting.attendances.select_related("person").order_by("position", "id") if a.pk not in lapsed]
    called += [Attendance(meeting=meeting, person=m.person, name=m.person.name, role=m.role) for m in changes.missing]
    reached, missed = [], []
    for attendance in called:
        (reached if attendance.person and attendance.person.email else missed).append(attendance)
    return reached, missed


def _handlingar(meeting):
    """One line per attachment, under the heading of its § (meeting-wide attachments first), as links."""
    lines = []
    for attachment in meeting.attachments.select_related("item").order_by("item__position", "created"):
        url = settings.SITE_URL + reverse("meetings:attachment_download", args=[meeting.pk, attachment.pk])
        where = (attachment.item.label or attachment.item.heading) if attachment.item else _("Mötet")
        lines.append(f"{where}: {attachment.name}\n  {url}")
    return "\n".join(lines)


def kallelse_text(meeting, language=None):
    """(subject, body) of the kallelse."""
    with translation.override(language or settings.LANGUAGE_CODE):
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
        if handlingar := _handlingar(meeting):
            body += "\n\n" + _("Handlingar:") + "\n" + handlingar
        absence = settings.SITE_URL + reverse("meetings:absence_report", args=[meeting.pk])
        body += "\n\n" + _("Kan du inte komma? Anmäl förhinder här, så kallas din ersättare:") + "\n" + absence
    return subject, body


def call_in_text(meeting, substitute, absent, language=None):
    """(subject, body) of the e-mail that calls an ersättare in to serve for an absent ledamot."""
    with translation.override(language or settings.LANGUAGE_CODE):
        when = f"{meeting.date:%Y-%m-%d}" + (f" kl. {meeting.start_time:%H:%M}" if meeting.start_time else "")
        subject = _("Du kallas att tjänstgöra: %(body)s %(when)s") % {
            "body": f"{meeting.body.name}, {meeting.body.owner_short_name}",
            "when": when,
        }
        body = _(
            "%(absent)s har förhinder. Du kallas att tjänstgöra i %(absent)s ställe vid sammanträdet.\n\n"
            "Tid: %(when)s\nPlats: %(place)s\n\n%(url)s"
        ) % {
            "absent": absent.display_name,
            "when": when,
            "place": meeting.place or meeting.remote_link or "–",
            "url": f"{settings.SITE_URL}{meeting.get_absolute_url()}",
        }
    return subject, body


def absence_text(meeting, absent, language=None):
    """(subject, body) of the e-mail that tells the meeting's secretary of a förhinder, so an ersättare is called."""
    with translation.override(language or settings.LANGUAGE_CODE):
        when = f"{meeting.date:%Y-%m-%d}" + (f" kl. {meeting.start_time:%H:%M}" if meeting.start_time else "")
        subject = _("Förhinder anmält: %(name)s, %(body)s %(when)s") % {
            "name": absent.display_name,
            "body": meeting.body.name,
            "when": when,
        }
        body = _(
            "%(name)s har anmält förhinder till sammanträdet med %(body)s %(when)s.\n\n"
            "Kalla in en ersättare under Närvaro: %(url)s"
        ) % {
            "name": absent.display_name,
            "body": f"{meeting.body.name}, {meeting.body.owner_short_name}",
            "when": when,
            "url": f"{settings.SITE_URL}{reverse('meetings:attendance', args=[meeting.pk])}",
        }
    return subject, body


def kallelse_pdf(meeting):
    """The kallelse as a PDF in the portal's print look: the meeting, time and place, the ärenden with their
    handlingar as links, and where to report absence."""
    attachments = {}
    loose = []
    for attachment in meeting.attachments.select_related("item").order_by("created"):
        url = settings.SITE_URL + reverse("meetings:attachment_download", args=[meeting.pk, attachment.pk])
        (attachments.setdefault(attachment.item_id, []) if attachment.item_id else loose).append((attachment, url))
    items = [(item, attachments.get(item.pk, [])) for item in meeting.items.order_by("position")]
    with translation.override("sv"):
        html = render_to_string(
            "meetings/pdf/kallelse.html",
            {
                "meeting": meeting,
                "owner": meeting.body.federation or meeting.body.network,
                "items": items,
                "loose": loose,
                "meeting_url": f"{settings.SITE_URL}{meeting.get_absolute_url()}",
                "absence_url": settings.SITE_URL + reverse("meetings:absence_report", args=[meeting.pk]),
            },
        )
    return write_pdf(html)
