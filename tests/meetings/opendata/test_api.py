"""The OParl-shaped API: a harvester that knows only the entry URL finds every public object by following links,
each object has OParl's required fields, nothing non-public appears, and modified_since fetches only what changed."""

import datetime
import json
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.utils import timezone

from federations.models import Mandate
from meetings.anslag import services as anslag_services
from meetings.models import AgendaItem, Meeting
from tests.conftest import frozen_record_triggers_off, on_the_tests_day
from tests.meetings.opendata.conftest import public_protocol, quick_public_record

pytestmark = on_the_tests_day

SITE = "https://portal.example"
ENTRY = f"{SITE}/api/oparl/v1/"
OPARL = "https://schema.oparl.org/1.1/"
# OParl 1.1's required properties per type (beyond id, type, created, modified, which every object here has).
REQUIRED = {
    "System": {"oparlVersion": str, "body": str},
    "Body": {"name": str, "organization": str, "person": str, "meeting": str, "paper": str, "legislativeTerm": list},
    "LegislativeTerm": {"startDate": str, "endDate": str},
    "Organization": {"name": str},
    "Person": {"name": str, "membership": list},
    "Membership": {"organization": str},
    "Meeting": {"name": str, "start": str, "agendaItem": list},
    "AgendaItem": {"name": str, "public": bool},
    "File": {"accessUrl": str, "mimeType": str, "fileName": str},
}


def get(client, url, **headers):
    assert url.startswith(SITE), url
    return client.get(url.removeprefix(SITE), **headers)


class Harvester:
    """Follows only URLs it finds in answers: lists through links.next, objects through their id and every other
    string that is an API URL."""

    def __init__(self, client):
        self.client = client
        self.objects = {}
        self.fetched = []

    def run(self, entry=ENTRY, params=""):
        self.params = params
        self.queue, self.seen = [entry], {entry}
        while self.queue:
            self.visit(self.queue.pop())
        return self

    def visit(self, url):
        if url.endswith("/") and any(url.endswith(f"/{kind}/") for kind in LIST_KINDS) and self.params:
            url = f"{url}?{self.params}"
        response = get(self.client, url)
        assert response.status_code == 200, (url, response.status_code)
        self.fetched.append(url)
        data = response.json()
        if isinstance(data.get("data"), list):
            for item in data["data"]:
                self.take(item)
            if "next" in data.get("links", {}):
                self.follow(data["links"]["next"])
        else:
            self.take(data)

    def take(self, obj):
        check_shape(obj)
        self.objects[obj["id"]] = obj
        for url in api_urls(obj):
            self.follow(url)

    def follow(self, url):
        url = url.split("#")[0]
        if url not in self.seen:
            self.seen.add(url)
            self.queue.append(url)

    def of_type(self, name):
        return [o for o in self.objects.values() if o["type"] == OPARL + name]


LIST_KINDS = ("organization", "person", "membership", "meeting", "agendaitem", "file", "paper")


def api_urls(value):
    if isinstance(value, str):
        if value.startswith(ENTRY) and not value.endswith("openapi.json"):
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from api_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from api_urls(item)


def check_shape(obj):
    assert obj["type"].startswith(OPARL), obj
    assert obj["id"].startswith(SITE), obj
    for field in ("created", "modified"):
        assert datetime.datetime.fromisoformat(obj[field]).tzinfo is not None, (field, obj)
    for field, kind in REQUIRED[obj["type"].removeprefix(OPARL)].items():
        assert isinstance(obj.get(field), kind), (field, obj)
    inline = {"Meeting": "agendaItem", "Person": "membership", "Body": "legislativeTerm"}
    for nested in obj.get(inline.get(obj["type"].removeprefix(OPARL), ""), []):
        check_shape(nested)


@pytest.mark.django_db
def test_a_harvester_finds_every_public_object_from_the_entry_url_and_nothing_else(world, cast):
    harvest = Harvester(Client()).run()
    public = world["public"]
    meetings = harvest.of_type("Meeting")
    assert [m["id"] for m in meetings] == [f"{ENTRY}meeting/{public.pk}/"]
    items = harvest.of_type("AgendaItem")
    assert {i["id"] for i in items} == {f"{ENTRY}agendaitem/{item.pk}/" for item in public.items.all()}
    decided = next(i for i in items if i["finsam:decisions"])
    vote_event = decided["finsam:decisions"][0]["voteEvent"]
    assert {"option": "yes", "value": 2} in vote_event["counts"]
    assert {v["voter"]["name"] for v in vote_event["votes"]} == {cast.chair.name, cast.member.name}
    assert all(v["voter"]["id"].startswith(f"{ENTRY}person/") for v in vote_event["votes"])
    [pdf] = harvest.of_type("File")
    document = public.documents.get()
    assert pdf["finsam:sha256Checksum"] == document.sha256
    assert Client().get(pdf["accessUrl"].removeprefix(SITE)).status_code == 200
    meeting = meetings[0]
    assert meeting["resultsProtocol"]["id"] == pdf["id"]
    assert meeting["finsam:anslag"]["appealUntil"] == f"{public.anslag.appeal_until:%Y-%m-%d}"
    assert meeting["finsam:justeradAt"] and meeting["finsam:reviewedAt"]
    assert {p["name"] for p in harvest.of_type("Person")} >= {cast.chair.name, cast.member.name, cast.outsider.name}
    assert len(harvest.of_type("Membership")) == Mandate.objects.count()
    assert {b["name"] for b in harvest.of_type("Body")} == {cast.federation.name, cast.other_federation.name}
    assert harvest.of_type("LegislativeTerm") and harvest.of_type("Organization") and harvest.of_type("System")


@pytest.mark.django_db
def test_nothing_non_public_appears_anywhere(world, cast):
    harvest = Harvester(Client()).run()
    text = json.dumps(harvest.objects, ensure_ascii=False)
    assert "@" not in text, "an e-mail address"
    assert "Ogranskat" not in text and "Utkastsammanträde" not in text
    for key in ("unreviewed", "draft"):
        assert f"meeting/{world[key].pk}/" not in text
        assert Client().get(f"/api/oparl/v1/meeting/{world[key].pk}/").status_code == 404
        for item in world[key].items.all():
            assert Client().get(f"/api/oparl/v1/agendaitem/{item.pk}/").status_code == 404
    for document in world["unreviewed"].documents.all():
        assert Client().get(f"/api/oparl/v1/file/{document.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_signed_in_secretary_sees_the_same_public_record(world, client_for):
    assert client_for("secretary").get(f"/api/oparl/v1/meeting/{world['draft'].pk}/").status_code == 404


@pytest.mark.django_db
def test_a_second_run_with_modified_since_fetches_only_what_changed(world, cast, django_capture_on_commit_callbacks):
    first = Harvester(Client()).run()
    since = timezone.now()
    later = public_protocol(cast, django_capture_on_commit_callbacks, datetime.date(2026, 6, 1))
    second = Harvester(Client()).run(params=f"modified_since={since.isoformat()}".replace("+", "%2B"))
    new_meetings = second.of_type("Meeting")
    assert [m["id"] for m in new_meetings] == [f"{ENTRY}meeting/{later.pk}/"]
    assert len(second.of_type("File")) == 1
    assert {i["id"] for i in second.of_type("AgendaItem")} == {
        f"{ENTRY}agendaitem/{item.pk}/" for item in later.items.all()
    }
    assert len(first.of_type("Meeting")) == 1


@pytest.mark.django_db
def test_a_review_after_a_harvest_counts_as_a_change(world, cast):
    since = timezone.now()
    anslag_services.personal_data_review(actor=cast.user("secretary"), meeting=world["unreviewed"])
    url = f"/api/oparl/v1/body/{cast.federation.slug}/meeting/?modified_since={since.isoformat()}"
    data = Client().get(url.replace("+", "%2B")).json()["data"]
    assert [m["id"] for m in data] == [f"{ENTRY}meeting/{world['unreviewed'].pk}/"]


def test_lists_page_through_links_next_in_a_stable_order(db, cast):
    for number in range(5):
        Mandate.objects.create(
            person=cast.chair, body=cast.board, role="ledamot", start=datetime.date(2010 + number, 1, 1)
        )
    url = f"/api/oparl/v1/body/{cast.federation.slug}/membership/?limit=2"
    ids = []
    while url:
        page = Client().get(url).json()
        ids += [m["id"] for m in page["data"]]
        url = page["links"].get("next", "").removeprefix(SITE)
    assert len(ids) == Mandate.objects.filter(body__federation=cast.federation).count() == len(set(ids))
    assert ids == sorted(ids, key=lambda u: int(u.rstrip("/").rsplit("/", 1)[1]))


def walk(url):
    """Follow links.next from url; the objects' ids in the order read, and a hook between pages."""
    ids = []
    while url:
        page = Client().get(url).json()
        ids += [m["id"] for m in page["data"]]
        yield ids
        url = page["links"].get("next", "").removeprefix(SITE)


def test_modified_since_and_keyset_paging_neither_skip_nor_repeat_while_rows_change(db, cast):
    """Six public meetings modified at the same instant, read two a page with modified_since. Between the pages one
    meeting already read changes, one not yet read changes and a new one is published: the walk reads each object
    once (the one changed behind the cursor comes in the next run, which reads exactly what changed)."""
    meetings = [quick_public_record(cast, datetime.date(2025, 1, 6) + datetime.timedelta(days=7 * n)) for n in range(6)]
    stamp = timezone.now() - datetime.timedelta(hours=1)
    with frozen_record_triggers_off():  # a published record no longer changes: the test moves it
        Meeting.objects.filter(pk__in=[m.pk for m in meetings]).update(updated=stamp)
    url = f"/api/oparl/v1/body/{cast.federation.slug}/meeting/?" + urlencode(
        {"modified_since": stamp.isoformat(), "limit": 2}
    )
    started = timezone.now()
    pages = walk(url)
    first = list(next(pages))
    assert first == [f"{ENTRY}meeting/{m.pk}/" for m in meetings[:2]]
    with frozen_record_triggers_off():
        Meeting.objects.filter(pk__in=[meetings[0].pk, meetings[4].pk]).update(updated=timezone.now())
    added = quick_public_record(cast, datetime.date(2025, 3, 3))
    *_, read = pages
    expected = [f"{ENTRY}meeting/{m.pk}/" for m in [*meetings, added]]
    assert read == expected and len(set(read)) == len(read)
    second = list(walk(url.replace(quote(stamp.isoformat()), quote(started.isoformat()))))[-1]
    assert second == [f"{ENTRY}meeting/{m.pk}/" for m in (meetings[0], meetings[4], added)]


def test_equal_timestamps_at_a_page_boundary_lose_nothing(db, cast):
    """Memberships created in one bulk share their timestamps; paging two at a time with created_since and
    modified_since reads every one exactly once, in id order."""
    Mandate.objects.bulk_create(
        [
            Mandate(person=cast.chair, body=cast.board, role="ledamot", start=datetime.date(2000 + n, 1, 1))
            for n in range(7)
        ]
    )
    stamp = timezone.now() - datetime.timedelta(minutes=5)
    Mandate.objects.update(created=stamp, modified=stamp)
    query = urlencode({"created_since": stamp.isoformat(), "modified_since": stamp.isoformat(), "limit": 2})
    read = list(walk(f"/api/oparl/v1/body/{cast.federation.slug}/membership/?{query}"))[-1]
    expected = Mandate.objects.filter(body__federation=cast.federation).order_by("pk").values_list("pk", flat=True)
    assert read == [f"{ENTRY}membership/{pk}/" for pk in expected]
    before = urlencode({"modified_until": (stamp - datetime.timedelta(seconds=1)).isoformat()})
    assert Client().get(f"/api/oparl/v1/body/{cast.federation.slug}/membership/?{before}").json()["data"] == []


def test_every_list_pages_through_links_next_to_the_same_objects_as_one_page(db, cast):
    """Each list read one object a page through links.next gives what one large page gives, in the same order:
    the bodies and organisations by id, the §§ by meeting and place (cursor meeting-place), the rest by id."""
    for number in range(3):
        quick_public_record(cast, datetime.date(2025, 2, 3) + datetime.timedelta(days=7 * number))
    lists = ["/api/oparl/v1/body/"] + [
        f"/api/oparl/v1/body/{cast.federation.slug}/{kind}/"
        for kind in ("meeting", "agendaitem", "file", "person", "membership", "organization")
    ]
    for url in lists:
        whole = [o["id"] for o in Client().get(f"{url}?limit=200").json()["data"]]
        *_, paged = walk(f"{url}?limit=1")
        assert paged == whole and len(whole) == len(set(whole)) > 0, url
    items = [i["id"] for i in Client().get(f"{lists[2]}?limit=200").json()["data"]]
    expected = AgendaItem.objects.filter(meeting__in=Meeting.objects.filter(reviewed_at__isnull=False))
    assert items == [
        f"{ENTRY}agendaitem/{pk}/" for pk in expected.order_by("meeting_id", "position").values_list("pk", flat=True)
    ]


def test_a_bad_cursor_is_a_bad_request(db, cast):
    for after in ("x", "-1", "3-4-5"):
        response = Client().get(f"/api/oparl/v1/body/{cast.federation.slug}/agendaitem/?after={after}")
        assert response.status_code == 400 and "after" in response.json()["error"]
