"""python manage.py generate_network_data --federations N --years Y

Fills the configured database with synthetic but realistic Swedish minutes: federations with their bodies, about 25
meetings a year per federation, 12 §§ a meeting, half of them with a decision, all justerade and published, and
their decision-register entries. National scale is --federations 80 --years 20 (about 400,000 §§ and 200,000
decisions). Bulk inserts throughout.
"""

import datetime
import random
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from federations.models import Body, Federation, Network, Project
from meetings.models import AgendaItem, Decision, Meeting, RegisterEntry
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
        count_terms(term_counts((entry.heading_terms, entry.text_terms) for entry in entries))
        # Justerade and published: the state change comes last, after which the records are frozen.
        Meeting.objects.filter(pk__in=[m.pk for m in meetings]).update(
            status="justerat", justerad_at=timezone.now(), reviewed_at=timezone.now()
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE meetings_registerentry")
        return {"meetings": len(meetings), "items": len(items), "decisions": len(decisions)}
