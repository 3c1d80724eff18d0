"""OParl 1.1 objects as plain dicts. Each object has its URL as id, its OParl type, created and modified; Swedish
record facts OParl lacks are extension fields prefixed "finsam:" (documented in docs/open-data.md)."""

import datetime
import functools
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from federations.models import Mandate
from meetings.models import Decision

OPARL = "https://schema.oparl.org/1.1/"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Swedish mandate periods follow the general elections: four years from 1 January after the election year.
FIRST_TERM_START = 2003


def absolute(name, *args):
    """The absolute URL of a named route. A page names thousands of objects: each route is reversed once into a
    template (reverse() costs about 0.1 ms a call, 60 ms for a page of meetings with their §§)."""
    return settings.SITE_URL + _route_template(name, len(args)).format(*args)


@functools.cache
def _route_template(name, arity):
    markers = [str(SENTINEL + index) for index in range(arity)]
    # Numbers fit both converters the routes use (int and slug) and appear nowhere else in a path.
    path = reverse(f"meetings:{name}", args=[int(marker) for marker in markers])
    path = path.replace("{", "{{").replace("}", "}}")
    for index, marker in enumerate(markers):
        path = path.replace(marker, "{" + str(index) + "}")
    return path


SENTINEL = 987650


def type_url(name):
    return f"{OPARL}{name}"


def moment(value):
    """ISO 8601 with the Stockholm offset; a date becomes the start of its day."""
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(0), tzinfo=STOCKHOLM)
    return timezone.localtime(value, STOCKHOLM).isoformat(timespec="seconds")


def _day(value):
    return value.isoformat() if value else None


def system(last_modified):
    return {
        "id": absolute("opendata_system"),
        "type": type_url("System"),
        "oparlVersion": OPARL,
        "name": "Finsamportalen",
        "body": absolute("opendata_body_list"),
        "website": settings.SITE_URL + "/",
        "product": "https://github.com/finsamportalen/finsamportalen",
        "finsam:openapi": absolute("opendata_openapi"),
        "created": moment(last_modified),
        "modified": moment(last_modified),
    }


def body(federation):
    """A federation; its current member organisations come prefetched (selectors.federations)."""
    slug = federation.slug
    member_slugs = [membership.organisation.slug for membership in federation.current_memberships]
    return {
        "id": absolute("opendata_body", slug),
        "type": type_url("Body"),
        "system": absolute("opendata_system"),
        "name": federation.name,
        "shortName": federation.short_name,
        "website": federation.website or None,
        "web": f"{settings.SITE_URL}{federation.get_absolute_url()}",
        "organization": absolute("opendata_organization_list", slug),
        "person": absolute("opendata_person_list", slug),
        "meeting": absolute("opendata_meeting_list", slug),
        "paper": absolute("opendata_paper_list", slug),
        "membership": absolute("opendata_membership_list", slug),
        "agendaItem": absolute("opendata_agendaitem_list", slug),
        "file": absolute("opendata_file_list", slug),
        "legislativeTermList": absolute("opendata_term_list", slug),
        "legislativeTerm": [legislative_term(federation, year) for year in term_years()],
        "finsam:area": federation.area,
        "finsam:protocolStorage": federation.protocol_storage,
        "finsam:memberOrganization": [absolute("opendata_member_organization", s) for s in member_slugs],
        "finsam:anslagFeed": absolute("opendata_federation_anslag_feed", slug),
        "finsam:decisionFeed": absolute("opendata_federation_decision_feed", slug),
        "finsam:embed": absolute("opendata_embed", slug),
        "created": moment(federation.created),
        "modified": moment(federation.modified),
    }


def term_years(today=None):
    today = today or timezone.localdate()
    return list(range(FIRST_TERM_START, today.year + 1, 4))


def legislative_term(federation, year):
    start = datetime.date(year, 1, 1)
    return {
        "id": absolute("opendata_term", federation.slug, year),
        "type": type_url("LegislativeTerm"),
        "body": absolute("opendata_body", federation.slug),
        "name": f"{year}–{year + 3}",
        "startDate": _day(start),
        "endDate": _day(datetime.date(year + 3, 12, 31)),
        "created": moment(start),
        "modified": moment(start),
    }


def organization(body):
    data = {
        "id": absolute("opendata_organization", body.pk),
        "type": type_url("Organization"),
        "name": body.name,
        "shortName": body.owner_short_name,
        "organizationType": "Gremium",
        "classification": body.get_kind_display(),
        "membership": [absolute("opendata_membership", mandate.pk) for mandate in body.mandates.all()],
        "finsam:kind": body.kind,
        "finsam:recordKind": body.record_kind,
        "created": moment(body.created),
        "modified": moment(body.modified),
    }
    if body.federation_id:
        data["body"] = absolute("opendata_body", body.federation.slug)
        data["finsam:decisionFeed"] = absolute("opendata_body_decision_feed", body.federation.slug, body.slug)
        data["finsam:calendar"] = absolute("opendata_body_calendar", body.federation.slug, body.slug)
    else:
        data["finsam:network"] = body.network.name
    return data


def member_organization(organisation):
    return {
        "id": absolute("opendata_member_organization", organisation.slug),
        "type": type_url("Organization"),
        "name": organisation.name,
        "organizationType": "Sonstiges",
        "classification": organisation.get_kind_display(),
        "finsam:kind": organisation.kind,
        "created": moment(organisation.created),
        "modified": moment(organisation.modified),
    }


def membership(mandate, inline=False):
    data = {
        "id": absolute("opendata_membership", mandate.pk),
        "type": type_url("Membership"),
        "organization": absolute("opendata_organization", mandate.body_id),
        "role": mandate.get_role_display() + (f", {mandate.role_title}" if mandate.role_title else ""),
        "votingRight": mandate.role in Mandate.VOTING_ROLES,
        "startDate": _day(mandate.start),
        "endDate": _day(mandate.end),
        "finsam:role": mandate.role,
        "created": moment(mandate.created),
        "modified": moment(mandate.modified),
    }
    if not inline:
        data["person"] = absolute("opendata_person", mandate.person_id)
    if mandate.organisation_id:
        data["onBehalfOf"] = absolute("opendata_member_organization", mandate.organisation.slug)
    if mandate.substitute_order:
        data["finsam:substituteOrder"] = mandate.substitute_order
    return data


def person(person):
    """Name, party and title: the public part of the register. Never the e-mail address or the account."""
    return {
        "id": absolute("opendata_person", person.pk),
        "type": type_url("Person"),
        "name": person.name,
        "title": [person.title] if person.title else [],
        "membership": [membership(mandate, inline=True) for mandate in person.mandates.all()],
        "finsam:party": person.party,
        "created": moment(person.created),
        "modified": moment(person.modified),
    }


def file(document, meeting=None):
    meeting = meeting or document.meeting
    pdf = absolute("protocol_pdf", meeting.pk)
    published = getattr(document, "published", None) or max(document.finished or document.created, meeting.updated)
    return {
        "id": absolute("opendata_file", document.pk),
        "type": type_url("File"),
        "name": f"Protokoll {meeting.body.name} {meeting.date:%Y-%m-%d}",
        "fileName": f"protokoll-{meeting.body.slug}-{meeting.date:%Y-%m-%d}.pdf",
        "mimeType": "application/pdf",
        "date": _day(meeting.justerad_at and timezone.localtime(meeting.justerad_at).date()),
        "accessUrl": pdf,
        "downloadUrl": pdf,
        "meeting": [absolute("opendata_meeting", meeting.pk)],
        "finsam:sha256Checksum": document.sha256,
        "finsam:sealed": True,
        "finsam:verify": f"{settings.SITE_URL}{reverse('meetings:verify')}",
        "created": moment(document.created),
        "modified": moment(published),
    }


def vote_event(decision, item_url):
    """A Popolo VoteEvent: the counts per option and, for a namnupprop, each voter's option."""
    counts = [
        {"option": option, "value": value}
        for option, value in (
            ("yes", decision.votes_yes),
            ("no", decision.votes_no),
            ("abstain", decision.votes_abstain),
        )
        if value is not None
    ]
    votes = []
    for vote in decision.votes.all():
        attendance = vote.attendance
        voter = {"name": attendance.display_name}
        if attendance.person_id and vote.voter_is_public:
            voter["id"] = absolute("opendata_person", attendance.person_id)
        votes.append({"option": VOTE_OPTIONS[vote.choice], "voter": voter})
    if not counts and not votes:
        return None
    return {
        "identifier": f"{item_url}#beslut-{decision.pk}",
        "motion": {"text": decision.text},
        "result": decision.outcome,
        "counts": counts,
        "votes": votes,
    }


VOTE_OPTIONS = {"ja": "yes", "nej": "no", "avstar": "abstain"}


def decision(decision, item_url):
    return {
        "id": f"{item_url}#beslut-{decision.pk}",
        "text": decision.text,
        "outcome": decision.outcome,
        "outcomeLabel": Decision.Outcome(decision.outcome).label,
        "method": decision.method,
        "notes": decision.notes,
        "voteEvent": vote_event(decision, item_url),
    }


def agenda_item(item, meeting=None, inline=False):
    meeting = meeting or item.meeting
    url = absolute("opendata_agendaitem", item.pk)
    decisions = list(item.decisions.all())
    data = {
        "id": url,
        "type": type_url("AgendaItem"),
        "number": item.label,
        "order": item.position,
        "name": item.heading,
        "public": True,
        "result": Decision.Outcome(decisions[0].outcome).label if decisions else None,
        "resolutionText": "\n\n".join(d.text for d in decisions) or None,
        "web": f"{absolute('meeting_detail', meeting.pk)}#paragraf-{item.pk}",
        "finsam:kind": item.kind,
        "finsam:caseNumber": item.case_number,
        "finsam:textHtml": item.text,
        "finsam:immediateJustering": item.immediate_justering,
        "finsam:decisions": [decision(d, url) for d in decisions],
        "created": moment(meeting.created),
        "modified": moment(meeting.updated),
    }
    if not inline:
        data["meeting"] = absolute("opendata_meeting", meeting.pk)
    return data


def _start_end(meeting):
    def at(time):
        return moment(datetime.datetime.combine(meeting.date, time, tzinfo=STOCKHOLM)) if time else None

    return at(meeting.start_time) or moment(meeting.date), at(meeting.end_time)


def meeting(meeting, today=None):
    start, end = _start_end(meeting)
    sealed = meeting.sealed[0] if meeting.sealed else None
    anslag = getattr(meeting, "anslag", None)  # selected with the meeting; None when not posted
    appealed = bool(meeting.appeal_list)
    today = today or timezone.localdate()
    legal_force = None
    if anslag and not appealed and today > anslag.appeal_until:
        legal_force = _day(anslag.appeal_until + datetime.timedelta(days=1))
    return {
        "id": absolute("opendata_meeting", meeting.pk),
        "type": type_url("Meeting"),
        "name": meeting.title or f"{meeting.body.name}, {meeting.date:%Y-%m-%d}",
        "meetingState": meeting.get_status_display(),
        "cancelled": False,
        "start": start,
        "end": end,
        "organization": [absolute("opendata_organization", meeting.body_id)],
        "resultsProtocol": file(sealed, meeting) if sealed else None,
        "agendaItem": [agenda_item(item, meeting, inline=True) for item in meeting.items.all()],
        "web": absolute("meeting_detail", meeting.pk),
        "finsam:place": meeting.place,
        "finsam:recordKind": meeting.record_kind,
        "finsam:justeradAt": moment(meeting.justerad_at),
        "finsam:justeringPlaceTime": meeting.justering_place_time,
        "finsam:signedOnPaper": meeting.signed_on_paper,
        "finsam:reviewedAt": moment(meeting.reviewed_at),
        "finsam:anslag": {"postedOn": _day(anslag.posted_on), "appealUntil": _day(anslag.appeal_until)}
        if anslag
        else None,
        "finsam:appealed": appealed,
        "finsam:legalForceFrom": legal_force,
        "created": moment(meeting.created),
        "modified": moment(meeting.updated),
    }
