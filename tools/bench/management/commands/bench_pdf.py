"""python manage.py bench_pdf: render and seal protocols of 10, 50 and 100 § with 15 attendees (the HTML, WeasyPrint's
PDF and the PAdES seal timed apart), against a one-page document."""

import io
import statistics
import time

from django.core.management.base import BaseCommand
from pypdf import PdfReader

from meetings.justering import pdf
from meetings.printing import seal
from meetings.printing.pdf import render_one_page, write_pdf

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


class Command(BaseCommand):
    help = "Time render + seal of full protocols (10, 50, 100 §) against a one-page render in the same run."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument(
            "--paragraphs", default="10,50,100", help="protocol sizes in §, comma-separated (default 10,50,100)"
        )

    def handle(self, *args, **options):
        sizes = [int(size) for size in options["paragraphs"].split(",") if size.strip()]
        signatures = [{"name": "Anna Andersson", "role": "Ordförande", "method": "Lösenord", "signed_at": "2026-11-24"}]
        render_one_page()  # warm up fonts and the template engine
        seal.seal(render_one_page())
        one_page = []
        for _run in range(options["runs"]):
            started = time.perf_counter()
            render_one_page()
            one_page.append(time.perf_counter() - started)
        one_median = statistics.median(one_page)
        for size in sizes:
            snapshot = sample_snapshot(paragraphs=size)
            html_ms, pdf_ms, seal_ms, total = [], [], [], []
            for _run in range(options["runs"]):
                started = time.perf_counter()
                html = pdf.render_protocol_html(snapshot, revision_number=1, sha256="0" * 64, signatures=signatures)
                laid_out = time.perf_counter()
                document = write_pdf(html)
                written = time.perf_counter()
                data = seal.seal(document)
                sealed = time.perf_counter()
                html_ms.append(laid_out - started)
                pdf_ms.append(written - laid_out)
                seal_ms.append(sealed - written)
                total.append(sealed - started)
            pages = len(PdfReader(io.BytesIO(data)).pages)
            self.stdout.write(
                f"{size} §, 15 deltagare: {pages} sidor, {len(data) // 1024} kB; "
                f"html {statistics.median(html_ms) * 1000:.0f} ms, pdf {statistics.median(pdf_ms) * 1000:.0f} ms, "
                f"seal {statistics.median(seal_ms) * 1000:.0f} ms"
            )
        full_median = statistics.median(total)
        self.stdout.write(
            f"pdf render+seal {full_median * 1000:.0f} ms at {sizes[-1]} §; one page {one_median * 1000:.0f} ms; "
            f"ratio {full_median / one_median:.1f}x over {options['runs']} runs"
        )
