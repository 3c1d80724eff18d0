"""The API as an OParl 1.1 validator walks it: from the System object, every URL-valued field is followed
breadth first, and each object found, linked or inline, must also be in the external list of its kind of a body
("verlinkt, fehlt aber in den externen Listen" otherwise): an Organization with a body in that body's
organization list, the others in some body's list of their kind. Every list page is well-formed (data,
pagination, links), also when empty, and a §'s web address lands on its section of the meeting page."""

import datetime
import io
import re
from collections import defaultdict, deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from federations.models import Body, Mandate, MemberOrganisation, Person
from meetings.models import AgendaItem
from tests.meetings.opendata.conftest import quick_public_record

SITE = "https://portal.example"
ENTRY = f"{SITE}/api/oparl/v1/"
OPARL = "https://schema.oparl.org/1.1/"
# The body's field naming the external list of each kind of object.
LIST_OF = {
    "Body": None,  # the System's body list
    "Organization": "organization",
    "Person": "person",
    "Membership": "membership",
    "Meeting": "meeting",
    "AgendaItem": "agendaItem",
    "File": "file",
    "Paper": "paper",
    "LegislativeTerm": "legislativeTermList",
}
BOUND = 20_000  # requests; the walk must end before this


class Walk:
    def __init__(self, client):
        self.client = client
        self.queue = deque([ENTRY])
        self.queued = {ENTRY}
        self.requests = 0
        self.objects = {}  # id -> the object, as fetched or as found inline
        self.linked = set()  # ids that some field links to (not the object's own id)
        self.listed = defaultdict(set)  # the URL of a list (without its query) -> the ids on its pages
        self.malformed = []  # list pages without data, pagination or links

    def run(self):
        while self.queue:
            assert self.requests < BOUND, "the walk did not end"
            url = self.queue.popleft()
            self.requests += 1
            response = self.client.get(url.removeprefix(SITE))
            assert response.status_code == 200, (url, response.status_code)
            document = response.json()
            if "type" in document:
                self.take(document)
            else:
                self.take_page(url, document)
        return self

    def take_page(self, url, page):
        if not (isinstance(page.get("data"), list) and isinstance(page.get("pagination"), dict)):
            self.malformed.append(url)
        if not isinstance(page.get("links"), dict):
            self.malformed.append(url)
        list_url = url.split("?")[0]
        for obj in page.get("data", []):
            self.listed[list_url].add(obj["id"])
            self.take(obj)
        for link in page.get("links", {}).values():
            self.follow(link)

    def take(self, obj):
        """An object: remember it, and follow every API URL in its fields (inline objects are objects too)."""
        self.objects.setdefault(obj["id"], obj)
        for key, value in obj.items():
            if key != "id":
                self.scan(value)

    def scan(self, value):
        if isinstance(value, str):
            if value.startswith(ENTRY) and not value.endswith("openapi.json"):
                target = urldefrag(value).url
                self.linked.add(target)
                self.follow(target)
        elif isinstance(value, list):
            for item in value:
                self.scan(item)
        elif isinstance(value, dict):
            if "type" in value and "id" in value:
                self.take(value)
            else:  # a reference in a structure of its own (a voter), or a decision with a § anchor
                for item in value.values():
                    self.scan(item)

    def follow(self, url):
        if url not in self.queued:
            self.queued.add(url)
            self.queue.append(url)

    def lists_of(self, kind):
        """The lists of one kind: {body id: URL of the list}, from the bodies found."""
        field = LIST_OF[kind]
        if field is None:
            return {ENTRY: self.objects[ENTRY]["body"]}
        return {body_id: body[field] for body_id, body in self.objects.items() if body["type"] == f"{OPARL}Body"}

    def missing_from_lists(self):
        """Objects (linked or inline) that are in no external list they should be in, as (type, id)."""
        missing = []
        for object_id, obj in self.objects.items():
            kind = obj["type"].removeprefix(OPARL)
            if kind == "System":
                continue
            lists = self.lists_of(kind)
            if kind == "Organization" and obj.get("body"):
                lists = {obj["body"]: lists.get(obj["body"])}
            if not any(object_id in self.listed[url] for url in lists.values() if url):
                missing.append((kind, object_id))
        return sorted(missing)


def report(walk):
    counts = defaultdict(int)
    for obj in walk.objects.values():
        counts[obj["type"].removeprefix(OPARL)] += 1
    return dict(counts)


@pytest.fixture
def several_organisations(cast, db):
    """Mandates on behalf of the kommun, Försäkringskassan and a member organisation of no federation (appointing
    to the other federation's board), mandates in an organ of the federation's network (one of someone who has no
    other), three public meetings with §§ and sealed PDFs."""
    other = MemberOrganisation.objects.create(name="Annanby kommun", slug="annanby", kind="kommun")
    cast.federation.network = cast.network
    cast.federation.save()
    presidia = Body.objects.create(network=cast.network, name="Presidienätverket", slug="presidier", kind="natverk")
    only_there = Person.objects.create(name="Nora Nätverk")
    for person in (cast.chair, only_there):
        Mandate.objects.create(
            person=person, body=presidia, role="ledamot", start="2022-01-01", represents=cast.federation
        )
    Mandate.objects.create(
        person=cast.outsider, body=cast.other_board, role="ledamot", start="2022-01-01", organisation=other
    )
    Mandate.objects.create(person=cast.member, body=cast.other_board, role="ersattare", start="2022-01-01",
                           substitute_order=1, organisation=other)  # fmt: skip
    return [
        quick_public_record(cast, day)
        for day in (datetime.date(2025, 2, 3), datetime.date(2025, 3, 3), datetime.date(2025, 4, 7))
    ]


def test_every_object_a_walk_finds_is_in_an_external_list(several_organisations, cast):
    walk = Walk(Client()).run()
    counts = report(walk)
    assert counts["Meeting"] == 3 and counts["AgendaItem"] >= 6 and counts["File"] == 3, counts
    assert counts["Organization"] >= 4 and counts["Membership"] >= 5, counts
    assert walk.malformed == []
    assert walk.missing_from_lists() == []
    assert f"{ENTRY}organization/member/annanby/" in walk.linked  # linked from a membership (onBehalfOf)
    network_organ = Body.objects.get(slug="presidier")
    assert f"{ENTRY}organization/{network_organ.pk}/" in walk.linked
    assert any(p["name"] == "Nora Nätverk" for p in walk.objects.values() if p["type"] == f"{OPARL}Person")


def test_the_organization_list_pages_from_the_bodies_on_to_the_member_organisations(several_organisations, cast):
    url = f"/api/oparl/v1/body/{cast.federation.slug}/organization/"
    whole = [o["id"] for o in Client().get(f"{url}?limit=200").json()["data"]]
    for size in (1, 2, 3):
        ids, page_url = [], f"{url}?limit={size}"
        while page_url:
            page = Client().get(page_url).json()
            assert len(page["data"]) <= size
            ids += [o["id"] for o in page["data"]]
            page_url = page["links"].get("next", "").removeprefix(SITE)
        assert ids == whole, size
    bodies = [i for i in whole if "/member/" not in i]
    assert whole[: len(bodies)] == bodies and len(bodies) == 2  # the board, then the network's organ
    assert {i.rsplit("/", 2)[1] for i in whole[len(bodies) :]} == {"testby", "fk"}


def test_an_empty_list_is_well_formed(cast, db):
    for kind in ("paper", "meeting", "agendaitem", "file", "legislativeterm"):
        url = f"/api/oparl/v1/body/{cast.federation.slug}/{kind}/"
        page = Client().get(url).json()
        assert isinstance(page["data"], list), kind
        assert page["pagination"]["elementsPerPage"] > 0, kind
        assert page["links"]["first"] == f"{SITE}{url}", kind
    assert Client().get(f"/api/oparl/v1/body/{cast.federation.slug}/paper/").json()["data"] == []


def test_a_web_address_of_a_paragraph_lands_on_its_section(several_organisations, cast):
    meeting = several_organisations[0]
    item = AgendaItem.objects.filter(meeting=meeting).order_by("position").first()
    data = Client().get(f"/api/oparl/v1/agendaitem/{item.pk}/").json()
    inline = Client().get(f"/api/oparl/v1/meeting/{meeting.pk}/").json()["agendaItem"][0]
    for web in (data["web"], inline["web"]):
        address, anchor = urldefrag(web)
        page = Client().get(urlsplit(address).path)
        assert page.status_code == 200
        assert re.search(rf'<[^>]+ id="{re.escape(anchor)}"', page.content.decode()), web


@pytest.mark.django_db
def test_the_demo_walks_with_nothing_missing_from_the_lists(capsys):
    call_command("load_demo", stdout=io.StringIO())
    walk = Walk(Client()).run()
    counts = report(walk)
    missing = walk.missing_from_lists()
    with capsys.disabled():
        missing_counts = {kind: sum(1 for k, _ in missing if k == kind) for kind, _ in missing}
        print(
            f"\ndemo walk: {walk.requests} requests, {len(walk.objects)} objects {counts}; in no list: {missing_counts}"
        )
        for kind, object_id in missing:
            print("  in no list:", kind, object_id)
    assert walk.malformed == []
    assert missing == []
