"""python manage.py generate_network_data --federations N --years Y

Fills the configured database with synthetic but realistic Swedish minutes: federations with their bodies, about 25
meetings a year per federation, 12 §§ a meeting, half of them with a decision, all justerade and published, and
their decision-register entries. National scale is --federations 80 --years 20 (about 480,000 §§ and 240,000
decisions). Bulk inserts throughout.

What the open-data API publishes is there too, so its benchmark is honest: member organisations and their
memberships, people with mandates per four-year term (chair, vice chair, members, ersättare), and per meeting the
sealed protocol (a full revision with a done SignedDocument), the anslag with its last day to appeal, now and then
an appeal, vote counts for every votering and a namnupprop (each voting member's vote) for half of them. Timestamps
follow the record's life (created before the meeting, justerat and reviewed after it), not the time of the run.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import DateTimeField, ExpressionWrapper, F
from django.utils import timezone
from django.utils.text import slugify

from federations.models import Body, Federation, Mandate, MemberOrganisation, Membership, Network, Person, Project
from meetings.models import (
    AgendaItem,
    Anslag,
    Appeal,
    Attendance,
    Decision,
    Meeting,
    ProtocolRevision,
    RegisterEntry,
    SignedDocument,
    Vote,
)
from meetings.register import upkeep
from meetings.register.indexing import analysed, count_terms, term_counts

BATCH = 5000
TOWNS = [
    "Ale", "Borås", "Gävle", "Hudiksvall", "Kalmar", "Karlstad", "Kiruna", "Kristianstad", "Luleå", "Lund",
    "Malmö", "Norrköping", "Örebro", "Östersund", "Skellefteå", "Sundsvall", "Umeå", "Uppsala", "Västerås", "Växjö",
    "Ystad", "Visby", "Falun", "Jönköping", "Halmstad", "Trollhättan", "Motala", "Eksjö", "Arvika", "Sollefteå",
]  # fmt: skip
TOPICS = [
    "Ansökan om finansiering av förberedande insats", "Budget och verksamhetsplan", "Årsredovisning",
    "Uppföljning av insatser", "Ansökan om projektmedel", "Samverkan med Arbetsförmedlingen",
    "Kartläggning av långtidssjukskrivna", "Unga med aktivitetsersättning", "Psykisk ohälsa och arbete",
    "Arbetsintegrerande sociala företag", "Insatskatalogen", "Delårsrapport", "Revisorernas granskning",
    "Våld i nära relationer", "Implementering av metoder", "Riktlinjer för projektansökningar",
    "Förbundsordning", "Ekonomisk uppföljning", "Medlemssamråd", "Utvärdering av beredningsgruppen",
]  # fmt: skip
DECISIONS = [
    ("bifall", "{body} beslutar att bevilja ansökan om {topic} med {amount} kronor för perioden."),
    ("bifall", "{body} beslutar att fastställa {topic} i enlighet med förbundschefens förslag."),
    ("aterremiss", "{body} beslutar att återremittera ärendet om {topic} för komplettering av underlaget."),
    ("avslag", "{body} beslutar att avslå ansökan om {topic} då insatsen redan finansieras av medlemmen."),
    ("handlingarna", "{body} beslutar att lägga informationen om {topic} till handlingarna."),
    ("uppdrag", "{body} beslutar att ge förbundschefen i uppdrag att utreda {topic} till nästa sammanträde."),
    ("bordlaggning", "{body} beslutar att bordlägga ärendet om {topic} till nästa sammanträde."),
]
TEXT = (
    "Förbundschefen redogjorde för ärendet om {topic}. Under diskussionen lyftes frågor om samverkan mellan "
    "Försäkringskassan, Arbetsförmedlingen, region och kommun, och om hur deltagarnas väg mot arbete eller studier "
    "kan följas upp. Underlaget visar att insatserna i {town} har nått fler deltagare än året innan."
)
BODIES = [
    ("Styrelse", "styrelse", 10),
    ("Arbetsutskottet", "arbetsutskott", 10),
    ("Beredningsgrupp", "beredningsgrupp", 5),
]
FIRST_NAMES = [
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kerstin", "Ingrid", "Marie", "Malin", "Emma", "Johanna",
    "Lars", "Mikael", "Anders", "Johan", "Per", "Erik", "Karl", "Peter", "Thomas", "Jan", "Daniel", "Fredrik",
]  # fmt: skip
LAST_NAMES = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
    "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg", "Lindqvist", "Berg",
]  # fmt: skip
PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP", ""]
# A seat on every body each term: chair, vice chair and members vote; ersättare are called in by their order.
SEATS = ["ordforande", "vice_ordforande_1", "ledamot", "ledamot", "ledamot", "ersattare", "ersattare", "ersattare"]
TERM_YEARS = 4  # mandate periods start on 1 January after a general election: 2003, 2007, ...
FIRST_TERM = 2003


class Command(BaseCommand):
    help = "Fill the database with synthetic Swedish decision history (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--federations", type=int, default=8)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        started = time.perf_counter()
        rng = random.Random(options["seed"])
        network, _created = Network.objects.get_or_create(
            slug="syntetiskt", defaults={"name": "Syntetiskt nätverk", "short_name": "Syntet"}
        )
        first_year = timezone.localdate().year - options["years"]
        totals = {"meetings": 0, "items": 0, "decisions": 0}
        for number in range(options["federations"]):
            with transaction.atomic():
                counts = self.federation(rng, network, number, first_year, options["years"])
            for key, value in counts.items():
                totals[key] += value
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Fresh statistics for every table the benchmarks read, and the visibility map set, as autovacuum
                # leaves a table that has settled: rows just written are checked against the commit log on every
                # read until a vacuum marks their pages all-visible. (A caller's transaction allows no vacuum.)
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        else:
            upkeep.settle()  # the word index merged and the planner's statistics, as the nightly task leaves them
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{options['federations']} förbund, {options['years']} år: {totals['meetings']} möten, "
            f"{totals['items']} paragrafer, {totals['decisions']} beslut på {elapsed:.1f} s"
        )

    def federation(self, rng, network, number, first_year, years):
        town = TOWNS[number % len(TOWNS)]
        slug = f"syntet-{number:03}"
        if Federation.objects.filter(slug=slug).exists():
            return {"meetings": 0, "items": 0, "decisions": 0}
        federation = Federation.objects.create(
            name=f"Samordningsförbundet {town} {number}", short_name=f"{town} {number}", slug=slug, network=network
        )
        project = Project.objects.create(
            name=f"Vägen vidare {town} {number}", slug=f"{slug}-vagen-vidare", kind="individinriktad", owner=federation
        )
        bodies = [
            Body.objects.create(federation=federation, name=name, slug=kind, kind=kind) for name, kind, _per in BODIES
        ]
        voters = self.register(rng, federation, bodies, town, number, first_year, years)
        meetings = []
        for year in range(first_year, first_year + years):
            for body, (_name, _kind, per_year) in zip(bodies, BODIES, strict=True):
                for index in range(per_year):
                    day = datetime.date(year, 1, 15) + datetime.timedelta(days=int(index * 340 / per_year))
                    meetings.append(Meeting(body=body, date=day, record_kind="protokoll", status="utkast", place=town))
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        items, decisions, entries = [], [], []
        for meeting in meetings:
            for position in range(1, 13):
                topic = rng.choice(TOPICS)
                items.append(
                    AgendaItem(
                        meeting=meeting,
                        position=position,
                        number=position,
                        heading=f"{topic} {meeting.date.year}",
                        kind="beslut" if position % 2 else "information",
                        text=f"<p>{TEXT.format(topic=topic.lower(), town=town)}</p>",
                    )
                )
        AgendaItem.objects.bulk_create(items, batch_size=BATCH)
        for item in items:
            if item.position % 2 == 0:
                continue
            outcome, template = rng.choice(DECISIONS)
            body_name = item.meeting.body.name if item.meeting.body.name != "Styrelse" else "Styrelsen"
            text = template.format(body=body_name, topic=item.heading.lower(), amount=rng.randrange(50, 900) * 1000)
            decisions.append(
                Decision(
                    item=item, text=text, outcome=outcome, method="votering" if rng.random() < 0.05 else "acklamation"
                )
            )
        Decision.objects.bulk_create(decisions, batch_size=BATCH)
        AgendaItem.projects.through.objects.bulk_create(
            [AgendaItem.projects.through(agendaitem_id=item.pk, project_id=project.pk) for item in items[::40]],
            batch_size=BATCH,
        )
        for decision in decisions:
            item, meeting = decision.item, decision.item.meeting
            entries.append(
                analysed(
                    RegisterEntry(
                        meeting=meeting,
                        item=item,
                        decision=decision,
                        federation=federation,
                        body=meeting.body,
                        body_kind=meeting.body.kind,
                        date=meeting.date,
                        number=item.number,
                        heading=item.heading,
                        item_text=TEXT.format(topic=item.heading.lower(), town=town),
                        decision_text=decision.text,
                        outcome=decision.outcome,
                        method=decision.method,
                        is_public=True,
                    )
                )  # fmt: skip
            )
        RegisterEntry.objects.bulk_create(entries, batch_size=BATCH)
        self.record(rng, meetings, decisions, voters)
        count_terms(term_counts((entry.heading_terms, entry.text_terms) for entry in entries))
        # Justerade and published: the state change comes last, after which the records are frozen. Each meeting
        # was created three weeks before it, justerat a week after and reviewed two days later.
        Meeting.objects.filter(pk__in=[m.pk for m in meetings]).update(
            status="justerat",
            created=_days_after_meeting(-21),
            justerad_at=_days_after_meeting(7),
            reviewed_at=_days_after_meeting(9),
            updated=_days_after_meeting(9),
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE meetings_registerentry")
        return {"meetings": len(meetings), "items": len(items), "decisions": len(decisions)}

    def register(self, rng, federation, bodies, town, number, first_year, years):
        """Member organisations, people and their mandates, term by term: about half of each body's people
        continue into the next term. Returns, per body, the voting members of each term (for namnupprop)."""
        shared = [
            MemberOrganisation.objects.get_or_create(
                slug=kind, defaults={"name": name, "kind": kind}
            )[0]
            for name, kind in (("Försäkringskassan", "forsakringskassan"), ("Arbetsförmedlingen", "arbetsformedlingen"))
        ]  # fmt: skip
        own = [
            MemberOrganisation.objects.create(
                name=f"{town} kommun {number}", slug=slugify(f"{town} kommun {number}"), kind="kommun"
            ),
            MemberOrganisation.objects.create(
                name=f"Region {town} {number}", slug=slugify(f"region {town} {number}"), kind="region"
            ),
        ]
        organisations = own + shared
        Membership.objects.bulk_create(
            [Membership(federation=federation, organisation=o, start=datetime.date(2004, 1, 1)) for o in organisations]
        )
        people, mandates, voters = [], [], {}
        terms = range(FIRST_TERM + TERM_YEARS * ((first_year - FIRST_TERM) // TERM_YEARS), first_year + years, 4)
        for body in bodies:
            seated = []
            for start_year in terms:
                start = datetime.date(start_year, 1, 1)
                end = datetime.date(start_year + TERM_YEARS - 1, 12, 31)
                kept = [person for person in seated if rng.random() < 0.5]
                while len(kept) < len(SEATS):
                    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {len(people) + 1}"
                    person = Person(name=name, party=rng.choice(PARTIES), email=f"p{len(people) + 1}@example.invalid")
                    person.created = person.modified = _at(start - datetime.timedelta(days=30))
                    people.append(person)
                    kept.append(person)
                rng.shuffle(kept)
                seated = kept
                order = 0
                for person, role in zip(seated, SEATS, strict=True):
                    order += role == "ersattare"
                    mandate = Mandate(
                        person=person, body=body, role=role, start=start, end=end,
                        organisation=rng.choice(organisations),
                        substitute_order=order if role == "ersattare" else None,
                    )  # fmt: skip
                    mandate.created = mandate.modified = _at(start - datetime.timedelta(days=14))
                    mandates.append(mandate)
                voters[body.pk, start_year] = [p for p, role in zip(seated, SEATS, strict=True) if role != "ersattare"]
        # bulk_update after bulk_create: the timestamps as given (a create stamps the time of the run).
        Person.objects.bulk_create(people, batch_size=BATCH)
        Person.objects.bulk_update(people, ["created", "modified"], batch_size=1000)
        for mandate in mandates:
            mandate.person_id = mandate.person.pk
        Mandate.objects.bulk_create(mandates, batch_size=BATCH)
        Mandate.objects.bulk_update(mandates, ["created", "modified"], batch_size=1000)
        return voters

    def record(self, rng, meetings, decisions, voters):
        """What a justerat, published protocol has besides its §§: the full revision and its sealed PDF, the anslag
        (and now and then an appeal), vote counts for every votering and a namnupprop for half of them."""
        revisions = [
            ProtocolRevision(
                meeting=meeting, number=1, snapshot={}, sha256=f"{rng.getrandbits(256):064x}",
                deadline=meeting.date + datetime.timedelta(days=14),
            )
            for meeting in meetings
        ]  # fmt: skip
        ProtocolRevision.objects.bulk_create(revisions, batch_size=BATCH)
        SignedDocument.objects.bulk_create(
            [
                SignedDocument(
                    meeting=revision.meeting, revision=revision, status="done", sha256=f"{rng.getrandbits(256):064x}",
                    finished=_at(revision.meeting.date + datetime.timedelta(days=7), hour=18),
                )
                for revision in revisions
            ],
            batch_size=BATCH,
        )  # fmt: skip
        notices = []
        for meeting in meetings:
            posted = meeting.date + datetime.timedelta(days=8)
            notices.append(Anslag(meeting=meeting, posted_on=posted, appeal_until=posted + datetime.timedelta(days=21)))
        Anslag.objects.bulk_create(notices, batch_size=BATCH)
        Appeal.objects.bulk_create(
            [Appeal(meeting=meeting, paragraphs="3", received_on=meeting.date + datetime.timedelta(days=20))
             for meeting in meetings if rng.random() < 0.01]
        )  # fmt: skip
        voting = [decision for decision in decisions if decision.method == "votering"]
        attendances, named = {}, []
        for decision in voting:
            meeting = decision.item.meeting
            term = FIRST_TERM + TERM_YEARS * ((meeting.date.year - FIRST_TERM) // TERM_YEARS)
            members = voters[meeting.body_id, term]
            decision.votes_yes = rng.randrange(len(members) // 2 + 1, len(members) + 1)
            decision.votes_no = len(members) - decision.votes_yes
            decision.votes_abstain = 0
            if rng.random() < 0.5:
                if meeting.pk not in attendances:
                    attendances[meeting.pk] = [
                        Attendance(meeting=meeting, person=person, name=person.name, role="ledamot", position=index)
                        for index, person in enumerate(members)
                    ]
                named.append((decision, attendances[meeting.pk]))
        Decision.objects.bulk_update(voting, ["votes_yes", "votes_no", "votes_abstain"], batch_size=1000)
        Attendance.objects.bulk_create([a for rows in attendances.values() for a in rows], batch_size=BATCH)
        votes = []
        for decision, present in named:
            choices = ["ja"] * decision.votes_yes + ["nej"] * decision.votes_no
            votes += [Vote(decision=decision, attendance=a, choice=c) for a, c in zip(present, choices, strict=True)]
        Vote.objects.bulk_create(votes, batch_size=BATCH)


def _days_after_meeting(days):
    return ExpressionWrapper(F("date") + datetime.timedelta(days=days), output_field=DateTimeField())


def _at(day, hour=10):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=datetime.UTC)
