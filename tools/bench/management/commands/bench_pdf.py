"""python manage.py bench_pdf: render and seal protocols of 10, 50 and 100 § with 15 attendees, against a one-page
document. The HTML, WeasyPrint's layout, WeasyPrint's writing of the PDF and the PAdES seal are timed apart, each as
CPU time of this process (process_time: what the work costs, whatever else the machine runs) and as wall time
(perf_counter: what a user waits, which grows when other processes share the cores); min and median of the runs."""

import gc
import io
import statistics
import time

from django.core.management.base import BaseCommand
from pypdf import PdfReader

from finsam.startup import settle_worker
from meetings.justering import pdf
from meetings.printing import seal
from meetings.printing.pdf import render_document, render_one_page, write_document

PARAGRAPH = (
    "<p>Förbundschefen redogjorde för ärendet. Styrelsen diskuterade insatsens resultat, finansiering och "
    "samverkan med medlemmarna, och hur erfarenheterna ska tas tillvara i ordinarie verksamhet.</p>"
)


def sample_snapshot(paragraphs=20, attendees=15):
    roles = ["ordforande", "vice_ordforande_1", "ledamot", "ledamot", "ersattare", "forbundschef", "sekreterare"]
    return {
        "meeting": {
            "id": 0, "federation": "Samordningsförbundet Provförbundet", "storage": "Förbundets kansli",
            "body": "Styrelse", "record_kind": "protokoll", "date": "2026-11-24", "start_time": "09:00",
            "end_time": "12:00", "place": "Kommunhuset", "chair": "Anna Andersson", "secretary": "Sara Berg",
            "adjusters": ["Anna Andersson", "Per Holm"], "adjustment_place_time": "",
        },
        "attendance": [
            {
                "name": f"Deltagare {n}", "role": roles[n % len(roles)], "role_label": roles[n % len(roles)],
                "role_title": "", "status": "narvarande", "organisation": f"Kommun {n}",
                "serving_for": "Deltagare 2" if n == 4 else "", "paragraphs": "1-4" if n == 5 else "", "remote": False,
            }
            for n in range(attendees)
        ],
        "items": [
            {
                "id": n, "number": n, "heading": f"Ärende {n}", "kind": "Beslutsärende", "case_number": f"2026/{n}",
                "immediate": n == 3, "text": PARAGRAPH * 4, "recusals": [],
                "decisions": [{
                    "text": "Styrelsen beslutar att bifalla förslaget.", "outcome": "Bifall",
                    "method": "votering" if n % 5 == 0 else "acklamation", "method_label": "",
                    "yes": 8, "no": 3, "abstain": 1, "notes": "", "recipients": "Medlemmarna",
                    "reservations": [{"name": "Per Holm", "reason": "Eget förslag."}] if n % 7 == 0 else [],
                }],
                "assignments": [],
            }
            for n in range(1, paragraphs + 1)
        ],
    }  # fmt: skip


STAGES = ("html", "layout", "write", "seal")


class Timings:
    """CPU and wall time of each stage over the runs."""

    def __init__(self):
        self.cpu = {stage: [] for stage in (*STAGES, "total")}
        self.wall = {stage: [] for stage in (*STAGES, "total")}

    def run(self, steps):
        """Run the (stage, callable) steps in order, each given the previous one's result; the last result."""
        result = None
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        for stage, step in steps:
            cpu, wall = time.process_time(), time.perf_counter()
            result = step(result)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            self.cpu[stage].append(cpu)
            self.wall[stage].append(wall)
        # The whole, not the sum of the stages: a garbage collection that falls between two stages counts too.
        self.cpu["total"].append(time.process_time() - started_cpu)
        self.wall["total"].append(time.perf_counter() - started_wall)
        return result

    @staticmethod
    def _ms(values):
        return f"{min(values) * 1000:.0f}/{statistics.median(values) * 1000:.0f}"

    def line(self, stage):
        return f"{stage} CPU {self._ms(self.cpu[stage])}, wall {self._ms(self.wall[stage])}"


class Command(BaseCommand):
    help = "Time render + seal of full protocols (10, 50, 100 §) against a one-page render in the same run."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument(
            "--paragraphs", default="10,50,100", help="protocol sizes in §, comma-separated (default 10,50,100)"
        )

    def handle(self, *args, **options):
        """Settled as a worker (start-up frozen out of the collector) for the measurement only: in a process that
        was not (a test run calling the command), the freeze is undone afterwards."""
        settled_here = gc.get_freeze_count() == 0
        try:
            self.measure(settled_here, **options)
        finally:
            if settled_here:
                gc.unfreeze()

    def measure(self, settle, **options):
        sizes = [int(size) for size in options["paragraphs"].split(",") if size.strip()]
        signatures = [{"name": "Anna Andersson", "role": "Ordförande", "method": "Lösenord", "signed_at": "2026-11-24"}]
        render_one_page()  # warm up fonts and the template engine
        seal.seal(render_one_page())
        if settle:
            settle_worker()  # as a Celery worker process that has started (finsam.startup)
        one_page = []
        for _run in range(options["runs"]):
            started = time.perf_counter()
            render_one_page()
            one_page.append(time.perf_counter() - started)
        one_median = statistics.median(one_page)
        self.stdout.write(
            f"{options['runs']} runs each, ms as min/median; CPU = process_time of this process, "
            "wall = perf_counter (grows with the machine's load)"
        )

        def html_of(snapshot):
            return pdf.render_protocol_html(snapshot, revision_number=1, sha256="0" * 64, signatures=signatures)

        for size in sizes:
            snapshot = sample_snapshot(paragraphs=size)
            timings = Timings()
            for _run in range(options["runs"]):
                data = timings.run(
                    [
                        ("html", lambda _, snapshot=snapshot: html_of(snapshot)),
                        ("layout", render_document),
                        ("write", write_document),
                        ("seal", seal.seal),
                    ]
                )
            pages = len(PdfReader(io.BytesIO(data)).pages)
            self.stdout.write(
                f"{size} §, 15 deltagare: {pages} sidor, {len(data) // 1024} kB; "
                + "; ".join(timings.line(stage) for stage in (*STAGES, "total"))
            )
        self.stdout.write(
            f"pdf render+seal at {sizes[-1]} §: CPU {Timings._ms(timings.cpu['total'])} ms, "
            f"wall {Timings._ms(timings.wall['total'])} ms; one page {one_median * 1000:.0f} ms (wall); "
            f"ratio {statistics.median(timings.wall['total']) / one_median:.1f}x (wall medians)"
        )
