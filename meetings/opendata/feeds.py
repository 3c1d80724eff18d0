"""Atom feeds (django.contrib.syndication) of the notice board and of decisions, and the iCalendar feed of a
body's meetings. Public data only: the selectors read through meetings.permissions for the anonymous user."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from federations.models import Body, Project
from meetings.calendar.ics import escape_text, fold_line, utc_stamp
from meetings.calendar.zone import STOCKHOLM
from meetings.opendata import selectors
from meetings.opendata.serializers import absolute

FEED_SIZE = 50
CALENDAR_PAST_DAYS = 365


def _start_of(day):
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=STOCKHOLM)


class AnslagFeed(Feed):
    """The notice board, all federations or one: every notice, newest first. A notice is public when posted; its
    link goes to the sealed PDF once the protocol is published, to the notice board until then."""

    feed_type = Atom1Feed
    author_name = "Finsamportalen"

    def get_object(self, request, slug=None):
        return selectors.federation(slug) if slug else None

    def title(self, federation):
        if federation is None:
            return _("Anslagstavla – Finsamportalen")
        return _("Anslagstavla: %(name)s") % {"name": federation.name}

    def subtitle(self, federation):
        return _("Anslag om justerade protokoll, med sista dag att överklaga.")

    def link(self, federation):
        return reverse("meetings:anslagstavla")

    def items(self, federation):
        return selectors.recent_anslag(federation, FEED_SIZE)

    def item_title(self, anslag):
        meeting = anslag.meeting
        return _("%(body)s, %(owner)s: sammanträde %(date)s") % {
            "body": meeting.body.name,
            "owner": meeting.body.owner_short_name,
            "date": f"{meeting.date:%Y-%m-%d}",
        }

    def item_description(self, anslag):
        text = _("Anslaget %(posted)s. Sista dag att överklaga: %(until)s.") % {
            "posted": f"{anslag.posted_on:%Y-%m-%d}",
            "until": f"{anslag.appeal_until:%Y-%m-%d}",
        }
        if anslag.first_number is not None:
            text += " " + _("Paragrafer: § %(first)s–%(last)s.") % {
                "first": anslag.first_number,
                "last": anslag.last_number,
            }
        return text

    def item_link(self, anslag):
        meeting = anslag.meeting
        if meeting.reviewed_at and anslag.sealed is not None:
            return absolute("protocol_pdf", meeting.pk)
        return absolute("anslagstavla")

    def item_guid(self, anslag):
        return f"{absolute('anslagstavla')}#anslag-{anslag.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, anslag):
        return _start_of(anslag.posted_on)

    def item_updateddate(self, anslag):
        return _start_of(anslag.posted_on)


class DecisionFeed(Feed):
    """The newest public decisions of a federation, a body or a project."""

    feed_type = Atom1Feed
    author_name = "Finsamportalen"

    def subtitle(self, obj):
        return _("Beslut ur justerade och publicerade protokoll.")

    def link(self, obj):
        return reverse("meetings:decision_list")

    def filters(self, obj):
        raise NotImplementedError

    def items(self, obj):
        return selectors.recent_decisions(**self.filters(obj), limit=FEED_SIZE)

    def item_title(self, entry):
        return f"§ {entry.number} {entry.heading}" if entry.number else entry.heading

    def item_description(self, entry):
        return f"{entry.outcome_label}: {entry.decision_text}" if entry.outcome else entry.decision_text

    def item_link(self, entry):
        return f"{absolute('meeting_detail', entry.meeting_id)}#p{entry.item_id}"

    def item_guid(self, entry):
        return f"{absolute('meeting_detail', entry.meeting_id)}#beslut-{entry.decision_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.meeting.reviewed_at or _start_of(entry.date)

    def item_updateddate(self, entry):
        return entry.meeting.updated

    def item_categories(self, entry):
        return [entry.body.name]


class FederationDecisionFeed(DecisionFeed):
    def get_object(self, request, slug):
        return selectors.federation(slug)

    def title(self, federation):
        return _("Beslut: %(name)s") % {"name": federation.name}

    def filters(self, federation):
        return {"federation": federation}


class BodyDecisionFeed(DecisionFeed):
    def get_object(self, request, slug, body):
        return get_object_or_404(Body.objects.select_related("federation"), federation__slug=slug, slug=body)

    def title(self, body):
        return _("Beslut: %(body)s, %(owner)s") % {"body": body.name, "owner": body.owner_short_name}

    def filters(self, body):
        return {"body": body}


class ProjectDecisionFeed(DecisionFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Project, slug=slug)

    def title(self, project):
        return _("Beslut om %(project)s") % {"project": project.name}

    def link(self, project):
        return project.get_absolute_url()

    def filters(self, project):
        return {"project": project}


def body_calendar(request, slug, body):
    """The body's called and public meetings from a year back, as one iCalendar (RFC 5545) a calendar subscribes
    to. The same UID as the kallelse's invitation, so a member's calendar does not show a meeting twice."""
    body = get_object_or_404(Body.objects.select_related("federation"), federation__slug=slug, slug=body)
    since = timezone.localdate() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Finsamportalen//SV",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(f'{body.name}, {body.owner_short_name}')}",
    ]
    for meeting in selectors.calendar_meetings(body, since):
        lines += _event(meeting)
    lines.append("END:VCALENDAR")
    text = "\r\n".join(fold_line(line) for line in lines) + "\r\n"
    return HttpResponse(text, content_type="text/calendar; charset=utf-8")


def _event(meeting):
    start = meeting.start_time or datetime.time(9, 0)
    end = meeting.end_time or (datetime.datetime.combine(meeting.date, start) + datetime.timedelta(hours=2)).time()
    lines = [
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@finsamportalen",
        f"DTSTAMP:{meeting.updated.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}",
        f"DTSTART:{utc_stamp(meeting.date, start)}",
        f"DTEND:{utc_stamp(meeting.date, end)}",
        f"SUMMARY:{escape_text(f'{meeting.body.name}, {meeting.body.owner_short_name}')}",
        f"LOCATION:{escape_text(meeting.place)}",
        "STATUS:CONFIRMED",
    ]
    if meeting.is_public:
        lines.append(f"URL:{settings.SITE_URL}{meeting.get_absolute_url()}")
    lines.append("END:VEVENT")
    return lines
