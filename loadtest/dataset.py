"""The load test's data: a small, fast set that still has every kind of work of a real day, and the manifest the
simulated users read (who logs in as whom, which § each secretary edits, which protocols each signer justerar).

Written through the same services a secretary uses, except where bulk is the point (generate_network_data fills the
decision register and the open data). Imported only by the `generate_loadtest_data` command, after Django is set up.
"""

import datetime
import io
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from federations.models import Body, Federation, Mandate, Network, Person, StaffRole
from meetings.drafting import services as drafting
from meetings.justering import services as justering
from meetings.models import Meeting

SLUG = "lasttest"
# Words a chair types into the register's search: topics generate_network_data writes.
SEARCH_TERMS = ["budget", "årsredovisning", "samverkan", "projektmedel", "psykisk ohälsa", "insatser", "delårsrapport"]
TOPICS = ["Budget och verksamhetsplan", "Uppföljning av insatser", "Ansökan om projektmedel", "Delårsrapport"]


def generate(*, password, manifest, editors=200, signer_triples=20, protocols_per_triple=8, chairs=10,
             network_federations=2, network_years=2):  # fmt: skip
    """Fill the (empty) database and write the manifest; returns the manifest as a dict.

    - `editors` §§ in drafts (ten to a meeting), one for each simulated secretary, so that nobody's autosave meets
      another's (a conflict is the editor's business, not the server's load);
    - `signer_triples` × `protocols_per_triple` protocols sent for justering, each signed by its chair, justerare
      and secretary: the last signature of each makes the worker render and seal the PDF, as on a real day;
    - `chairs` chairs with a mandate, who search the register and export;
    - the register and the open data of `network_federations` federations over `network_years` years."""
    call_command("generate_network_data", federations=network_federations, years=network_years, stdout=io.StringIO())
    network = Network.objects.get(slug="syntetiskt")
    federation = Federation.objects.create(
        name="Samordningsförbundet Lasttest", short_name="Lasttest", slug=SLUG, network=network
    )
    bodies = [
        Body.objects.create(federation=federation, name=name, slug=slug, kind=kind)
        for name, slug, kind in (
            ("Styrelse", "styrelse", "styrelse"),
            ("Arbetsutskottet", "arbetsutskott", "arbetsutskott"),
            ("Beredningsgrupp", "beredningsgrupp", "beredningsgrupp"),
        )
    ]
    # One hash for every account (the production hasher's cost is paid at each login, not here 300 times).
    accounts = _Accounts(make_password(password))
    secretaries = [accounts.staff(f"sekreterare{n}", f"Sekreterare {n}", federation) for n in range(10)]
    today = timezone.localdate()

    editor_slots = []
    for number in range(-(-editors // 10)):
        body = bodies[number % len(bodies)]
        date = today + datetime.timedelta(days=30 + number)
        meeting = drafting.meeting_create(
            actor=None, body=body, date=date, record_kind="protokoll", chair=None, secretary=secretaries[0]
        )
        for index in range(10):
            if len(editor_slots) == editors:
                break
            item = drafting.item_add(actor=None, meeting=meeting, heading=f"{TOPICS[index % len(TOPICS)]} {index}")
            person = secretaries[len(editor_slots) % len(secretaries)]
            editor_slots.append(
                {"email": person.email, "meeting": meeting.pk, "item": item.pk, "heading": item.heading}
            )

    signers = []
    for triple in range(signer_triples):
        chair = accounts.member(f"ordforande{triple}", f"Ordförande {triple}", bodies, Mandate.Role.CHAIR)
        justerare = accounts.member(f"justerare{triple}", f"Justerare {triple}", bodies, Mandate.Role.MEMBER)
        secretary = accounts.staff(f"protokollforare{triple}", f"Protokollförare {triple}", federation)
        meetings = []
        for number in range(protocols_per_triple):
            body = bodies[(triple + number) % len(bodies)]
            date = today - datetime.timedelta(days=1 + (triple * protocols_per_triple + number) % 300)
            meetings.append(_protocol_in_justering(body, date, chair, justerare, secretary))
        signers += [{"email": person.email, "meetings": meetings} for person in (chair, justerare, secretary)]

    chair_accounts = [
        accounts.member(f"registersok{n}", f"Registerordförande {n}", bodies, Mandate.Role.CHAIR).email
        for n in range(chairs)
    ]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    data = {
        "password": password,
        "editors": editor_slots,
        "signers": signers,
        "chairs": chair_accounts,
        "search_terms": SEARCH_TERMS,
        "federations": list(Federation.objects.order_by("slug").values_list("slug", flat=True)),
        # Published meetings the public opens one by one through the API.
        "api_meetings": list(
            Meeting.objects.filter(status=Meeting.Status.JUSTERAT).order_by("-date").values_list("pk", flat=True)[:50]
        ),
    }
    Path(manifest).write_text(json.dumps(data, ensure_ascii=False, indent=1))
    return data


class _Accounts:
    def __init__(self, password_hash):
        self.password_hash = password_hash
        self.user_model = get_user_model()

    def person(self, key, name):
        email = f"{key}@{SLUG}.example.se"
        user = self.user_model.objects.create(username=email, email=email, password=self.password_hash)
        return Person.objects.create(name=name, user=user, email=email)

    def staff(self, key, name, federation):
        person = self.person(key, name)
        StaffRole.objects.create(person=person, role=StaffRole.Role.SECRETARY, federation=federation)
        return person

    def member(self, key, name, bodies, role):
        person = self.person(key, name)
        since = datetime.date(2020, 1, 1)
        Mandate.objects.bulk_create(Mandate(person=person, body=body, role=role, start=since) for body in bodies)
        return person


def _protocol_in_justering(body, date, chair, justerare, secretary):
    """A held meeting's protocol with a decision, sent for justering to its three signers; returns its id."""
    meeting = drafting.meeting_create(
        actor=None, body=body, date=date, record_kind="protokoll", chair=chair, secretary=secretary
    )
    drafting.meeting_update(actor=None, meeting=meeting, justerare=[justerare])
    item = drafting.item_add(actor=None, meeting=meeting, heading="Budget och verksamhetsplan", kind="beslut")
    drafting.item_save_text(
        actor=None,
        item_id=item.pk,
        heading=item.heading,
        text="<p>Förbundschefen föredrog förslaget till budget och verksamhetsplan.</p>",
        base_version=item.version,
    )
    drafting.decision_save(actor=None, item=item, text="Styrelsen beslutar att fastställa budgeten.")
    justering.protocol_send_for_justering(actor=None, meeting=meeting)
    return meeting.pk
