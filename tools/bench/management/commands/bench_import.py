"""python manage.py bench_import [--documents 100]: parse varied minutes and print the rate for text and for PDF."""

import html
import random
import tempfile
import time
from pathlib import Path

import weasyprint
from django.core.management.base import BaseCommand

from demo import SEEDS
from meetings.importing import parse_file


class Command(BaseCommand):
    help = (
        "Parse N text documents made from the seeds (shuffled paragraphs) and N PDFs rendered from them; print "
        "documents per second for each."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=100)
        parser.add_argument("--pdf-documents", type=int, default=None, help="Default: a fifth of --documents")

    def handle(self, *args, **options):
        rng = random.Random(7)
        seeds = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
        texts = []
        for _index in range(options["documents"]):
            paragraphs = rng.choice(seeds).split("\n\n")
            head, body = paragraphs[:6], paragraphs[6:]
            rng.shuffle(body)
            texts.append("\n\n".join(head + body))
        with tempfile.TemporaryDirectory() as folder:
            files = []
            for index, text in enumerate(texts):
                path = Path(folder, f"protokoll-{index:03}.txt")
                path.write_text(text)
                files.append(path)
            self._report("text", files)
            count = options["pdf_documents"] or max(1, options["documents"] // 5)
            style = "@page { size: A4; margin: 20mm } pre { font: 10pt sans-serif; white-space: pre-wrap }"
            pdfs = []
            for index, text in enumerate(texts[:count]):
                path = Path(folder, f"protokoll-{index:03}.pdf")
                page = f"<style>{style}</style><pre>{html.escape(text)}</pre>"
                path.write_bytes(weasyprint.HTML(string=page).write_pdf())
                pdfs.append(path)
            self._report("pdf", pdfs)

    def _report(self, kind, files):
        started = time.perf_counter()
        items = sum(len(parse_file(path.read_bytes(), path.name)["items"]) for path in files)
        elapsed = time.perf_counter() - started
        label = "documents" if kind == "text" else f"{kind.upper()} documents"
        self.stdout.write(
            f"import {len(files)} {label} in {elapsed:.2f} s; {len(files) / elapsed:.1f} documents/s; {items} items"
            + (" (text)" if kind == "text" else " (with layout, pdfplumber)")
        )
