"""OParl 1.1 objects as plain dicts. Each object has its URL as id, its OParl type, created and modified; Swedish
record facts OParl lacks are extension fields prefixed "finsam:" (documented in docs/open-data.md)."""

import datetime
import functools

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from federations.models import Body, Mandate, MemberOrganisation
from meetings.calendar.zone import STOCKHOLM
from meetings.models import Decision, Meeting

OPARL = "https://schema.oparl.org/1.1/"
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
        return _start_of_day(value)
    return timezone.localtime(value, STOCKHOLM).isoformat(timespec="seconds")


@functools.cache
def _start_of_day(day):
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=STOCKHOLM).isoformat(timespec="seconds")


# Labels go out as plain strings, translated once per language and value: get_FOO_display() rebuilds a dict of
# lazy labels on every call, and a lazy label would send each object through the JSON encoder's Python fallback;
# on a page of people or §§ that cost more than the rest of the page.
LABELS = {
    "outcome": dict(Decision.Outcome.choices),
    "status": dict(Meeting.Status.choices),
    "role": dict(Mandate.Role.choices),
    "body": dict(Body.Kind.choices),
    "organisation": dict(MemberOrganisation.Kind.choices),
}


def label(field, value):
    return _label(translation.get_language(), field, value)


@functools.cache
def _label(language, field, value):
    return str(LABELS[field].get(value, value))


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
    """A body of a federation or network, from a row of selectors.organizations + organization_page."""
    owner_short_name = (
        (body["federation__short_name"] or body["federation__name"])
        if body["federation_id"]
        else (body["network__short_name"] or body["network__name"])
    )
    data = {
        "id": absolute("opendata_organization", body["id"]),
        "type": type_url("Organization"),
        "name": body["name"],
        "shortName": owner_short_name,
        "organizationType": "Gremium",
        "classification": label("body", body["kind"]),
        "membership": [absolute("opendata_membership", pk) for pk in body["mandate_ids"]],
        "finsam:kind": body["kind"],
        "finsam:recordKind": body["record_kind"],
        "created": moment(body["created"]),
        "modified": moment(body["modified"]),
    }
    if body["federation_id"]:
        federation = body["federation__slug"]
        data["body"] = absolute("opendata_body", federation)
        data["finsam:decisionFeed"] = absolute("opendata_body_decision_feed", federation, body["slug"])
        data["finsam:calendar"] = absolute("opendata_body_calendar", federation, body["slug"])
    else:
        data["finsam:network"] = body["network__name"]
    return data


def member_organization(organisation):
    """A member organisation, from a row of selectors.member_organisations."""
    return {
        "id": absolute("opendata_member_organization", organisation["slug"]),
        "type": type_url("Organization"),
        "name": organisation["name"],
        "organizationType": "Sonstiges",
        "classification": label("organisation", organisation["kind"]),
        "finsam:kind": organisation["kind"],
        "created": moment(organisation["created"]),
        "modified": moment(organisation["modified"]),
    }


def organization_or_member(row):
    """A row of a federation's organization list: a body, or a member organisation (marked "member")."""
    return member_organization(row) if row.get("member") else organization(row)


def membership(mandate, inline=False):
    """A mandate, from a row of selectors.mandates (inline in its person: without the person)."""
    role, title = mandate["role"], mandate["role_title"]
    data = {
        "id": absolute("opendata_membership", mandate["id"]),
        "type": type_url("Membership"),
        "organization": absolute("opendata_organization", mandate["body_id"]),
        "role": label("role", role) + (f", {title}" if title else ""),
        "votingRight": role in Mandate.VOTING_ROLES,
        "startDate": _day(mandate["start"]),
        "endDate": _day(mandate["end"]),
        "finsam:role": role,
        "created": moment(mandate["created"]),
        "modified": moment(mandate["modified"]),
    }
    if not inline:
        data["person"] = absolute("opendata_person", mandate["person_id"])
    if mandate["organisation__slug"]:
        data["onBehalfOf"] = absolute("opendata_member_organization", mandate["organisation__slug"])
    if mandate["substitute_order"]:
        data["finsam:substituteOrder"] = mandate["substitute_order"]
    return data


def person(person):
    """Name, party and title: the public part of the register, from a row of selectors.persons + person_page.
    Never the e-mail address or the account."""
    return {
        "id": absolute("opendata_person", person["id"]),
        "type": type_url("Person"),
        "name": person["name"],
        "title": [person["title"]] if person["title"] else [],
        "membership": [membership(mandate, inline=True) for mandate in person["mandates"]],
        "finsam:party": person["party"],
        "created": moment(person["created"]),
        "modified": moment(person["modified"]),
    }


def file(document, meeting=None):
    """A sealed PDF. From a files row (selectors.files: the meeting's fields prefixed meeting__, published) or,
    inline in its meeting, from the meeting row and the document row."""
    if meeting is None:
        meeting = {key.removeprefix("meeting__"): value for key, value in document.items() if key[:9] == "meeting__"}
        meeting["id"], published = document["meeting_id"], document["published"]
    else:
        published = max(document["finished"] or document["created"], meeting["updated"])
    pdf = absolute("protocol_pdf", meeting["id"])
    justerad_at = meeting["justerad_at"]
    return {
        "id": absolute("opendata_file", document["id"]),
        "type": type_url("File"),
        "name": f"Protokoll {meeting['body__name']} {meeting['date']:%Y-%m-%d}",
        "fileName": f"protokoll-{meeting['body__slug']}-{meeting['date']:%Y-%m-%d}.pdf",
        "mimeType": "application/pdf",
        "date": _day(justerad_at and timezone.localtime(justerad_at).date()),
        "accessUrl": pdf,
        "downloadUrl": pdf,
        "meeting": [absolute("opendata_meeting", meeting["id"])],
        "finsam:sha256Checksum": document["sha256"],
        "finsam:sealed": True,
        "finsam:verify": _verify_url(),
        "created": moment(document["created"]),
        "modified": moment(published),
    }


@functools.cache
def _verify_url():
    return f"{settings.SITE_URL}{reverse('meetings:verify')}"


def vote_event(decision, item_url):
    """A Popolo VoteEvent: the counts per option and, for a namnupprop, each voter's option."""
    counts = [
        {"option": option, "value": decision[field]}
        for option, field in (("yes", "votes_yes"), ("no", "votes_no"), ("abstain", "votes_abstain"))
        if decision[field] is not None
    ]
    votes = []
    for vote in decision["votes"]:
        person_id = vote["attendance__person_id"]
        voter = {"name": vote["attendance__person__name"] if person_id else vote["attendance__name"]}
        if person_id and vote["voter_is_public"]:
            voter["id"] = absolute("opendata_person", person_id)
        votes.append({"option": VOTE_OPTIONS[vote["choice"]], "voter": voter})
    if not counts and not votes:
        return None
    return {
        "identifier": f"{item_url}#beslut-{decision['id']}",
        "motion": {"text": decision["text"]},
        "result": decision["outcome"],
        "counts": counts,
        "votes": votes,
    }


VOTE_OPTIONS = {"ja": "yes", "nej": "no", "avstar": "abstain"}


def decision(decision, item_url):
    return {
        "id": f"{item_url}#beslut-{decision['id']}",
        "text": decision["text"],
        "outcome": decision["outcome"],
        "outcomeLabel": label("outcome", decision["outcome"]),
        "method": decision["method"],
        "notes": decision["notes"],
        "voteEvent": vote_event(decision, item_url),
    }


def agenda_item(item, inline=None):
    """A §. Alone or in the agendaitem list (selectors.agenda_items + agenda_item_page): the whole §, its text
    (sanitised HTML) and its decisions with their vote events. Inline in its meeting (meeting given): the fields of
    OParl's AgendaItem only, with result and resolutionText from the decisions; the text and the decisions' votes
    are at the §'s id. created and modified are the meeting's: a § changes only with its record. inline: the
    meeting's web address, created and modified, formatted once for all its §§."""
    url = absolute("opendata_agendaitem", item["id"])
    decisions = item["decisions"]
    if inline is None:
        web = absolute("meeting_detail", item["meeting_id"])
        created, modified = moment(item["meeting__created"]), moment(item["meeting__updated"])
    else:
        web, created, modified = inline
    data = {
        "id": url,
        "type": type_url("AgendaItem"),
        "number": f"§ {item['number']}" if item["number"] else "",
        "order": item["position"],
        "name": item["heading"],
        "public": True,
        "result": label("outcome", decisions[0]["outcome"]) if decisions else None,
        "resolutionText": "\n\n".join(d["text"] for d in decisions) or None,
        "web": f"{web}#p{item['id']}",  # the § section's id on the meeting page
        "finsam:kind": item["kind"],
        "finsam:caseNumber": item["case_number"],
        "finsam:immediateJustering": item["immediate_justering"],
        "created": created,
        "modified": modified,
    }
    if inline is None:
        data["meeting"] = absolute("opendata_meeting", item["meeting_id"])
        data["finsam:textHtml"] = item["text"]
        data["finsam:decisions"] = [decision(d, url) for d in decisions]
    return data


def _start_end(meeting):
    def at(time):
        return moment(datetime.datetime.combine(meeting["date"], time, tzinfo=STOCKHOLM)) if time else None

    return at(meeting["start_time"]) or moment(meeting["date"]), at(meeting["end_time"])


def meeting(meeting, today=None):
    """A meeting row (selectors.meetings + meeting_page) with its §§ inline and its sealed PDF."""
    start, end = _start_end(meeting)
    document = meeting["document"]
    posted_on, appeal_until = meeting["anslag__posted_on"], meeting["anslag__appeal_until"]
    appealed = meeting["appealed"]
    today = today or timezone.localdate()
    web, created, modified = (
        absolute("meeting_detail", meeting["id"]),
        moment(meeting["created"]),
        moment(meeting["updated"]),
    )
    legal_force = None
    if appeal_until and not appealed and today > appeal_until:
        legal_force = _day(appeal_until + datetime.timedelta(days=1))
    return {
        "id": absolute("opendata_meeting", meeting["id"]),
        "type": type_url("Meeting"),
        "name": meeting["title"] or f"{meeting['body__name']}, {meeting['date']:%Y-%m-%d}",
        "meetingState": label("status", meeting["status"]),
        "cancelled": False,
        "start": start,
        "end": end,
        "organization": [absolute("opendata_organization", meeting["body_id"])],
        "resultsProtocol": file(document, meeting) if document else None,
        "agendaItem": [agenda_item(item, (web, created, modified)) for item in meeting["items"]],
        "web": web,
        "finsam:place": meeting["place"],
        "finsam:recordKind": meeting["record_kind"],
        "finsam:justeradAt": moment(meeting["justerad_at"]),
        "finsam:justeringPlaceTime": meeting["justering_place_time"],
        "finsam:signedOnPaper": meeting["signed_on_paper"],
        "finsam:reviewedAt": moment(meeting["reviewed_at"]),
        "finsam:anslag": {"postedOn": _day(posted_on), "appealUntil": _day(appeal_until)} if posted_on else None,
        "finsam:appealed": appealed,
        "finsam:legalForceFrom": legal_force,
        "created": created,
        "modified": modified,
    }
