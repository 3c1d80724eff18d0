"""python manage.py bench_import [--documents 100]: parse varied minutes and print the rate for text, for PDF and for
scanned PDF (OCR). With --scanned-corpus: the score of each document of ../shared/minutes-corpus read from its scan
(tools/bench/scanner.py) beside its score from text, and the means, by field too."""

import html
import io
import random
import tempfile
import time
from pathlib import Path

import pypdfium2
import weasyprint
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import SEEDS
from meetings.importing import ocr, parse_file, parse_text, read
from tools.bench import corpus as corpus_files
from tools.bench import scanner

SHARED = Path(settings.BASE_DIR).parent / "shared"


class Command(BaseCommand):
    help = (
        "Parse N text documents made from the seeds (shuffled paragraphs), PDFs rendered from them and scans of "
        "those PDFs (images only, read by OCR); print documents per second for each."
    )

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=100)
        parser.add_argument("--pdf-documents", type=int, default=None, help="Default: a fifth of --documents")
        parser.add_argument("--ocr-documents", type=int, default=3, help="Scanned PDFs read by OCR (seconds each)")
        parser.add_argument(
            "--scanned-corpus",
            action="store_true",
            help="Score every document of ../shared/minutes-corpus read by OCR from its scan, beside its text",
        )

    def handle(self, *args, **options):
        if options["scanned_corpus"]:
            self._scanned_corpus()
            return
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
            if not ocr.available():
                self.stdout.write("OCR: Tesseract with Swedish is not installed; no figure")
                return
            scans = []
            for index, path in enumerate(pdfs[: options["ocr_documents"]]):
                scan = Path(folder, f"skannat-{index:03}.pdf")
                scan.write_bytes(_scan(path.read_bytes()))
                scans.append(scan)
            self._report_ocr(scans)

    def _scanned_corpus(self):
        corpus, scorer_path = SHARED / "minutes-corpus", SHARED / "tools" / "score_import.py"
        if not (corpus / "expected").is_dir() or not scorer_path.is_file():
            raise CommandError(f"No corpus with answers at {corpus}, or no scorer at {scorer_path}")
        if not ocr.available():
            raise CommandError("Tesseract with Swedish is not installed")
        scorer = corpus_files.load_scorer(scorer_path)
        rows, fields = [], {"txt": {}, "scan": {}}
        started = time.perf_counter()
        for name, text, answer in corpus_files.documents(corpus):
            scan = scanner.scan(scanner.plain_pdf(text), seed=int(name[:2]))
            by_text, text_fields = scorer.score(parse_text(text), answer)
            by_scan, scan_fields = scorer.score(parse_text(read(scan, f"{name}.pdf", use_ocr=True).text), answer)
            rows.append((name, by_text, by_scan))
            for kind, scored in (("txt", text_fields), ("scan", scan_fields)):
                for field, value in scored.items():
                    fields[kind].setdefault(field, []).append(value)
            self.stdout.write(f"{name:45} txt {by_text:.2f}  scanned {by_scan:.2f}")
        elapsed = time.perf_counter() - started
        means = [sum(row[column] for row in rows) / len(rows) for column in (1, 2)]
        self.stdout.write(f"{'mean':45} txt {means[0]:.3f}  scanned {means[1]:.3f}  ({elapsed:.0f} s)")
        for field in fields["txt"] | fields["scan"]:
            txt, scan = fields["txt"].get(field, []), fields["scan"].get(field, [])
            self.stdout.write(
                f"  {field:15} txt {sum(txt) / max(len(txt), 1):.3f} ({len(txt)})  "
                f"scanned {sum(scan) / max(len(scan), 1):.3f} ({len(scan)})"
            )

    def _report_ocr(self, files):
        started = time.perf_counter()
        pages = items = 0
        for path in files:
            data = path.read_bytes()
            items += len(parse_text(read(data, path.name, use_ocr=True).text)["items"])
            pages += len(pypdfium2.PdfDocument(data))
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"import {len(files)} scanned PDF documents ({pages} pages) in {elapsed:.2f} s; "
            f"{len(files) / elapsed:.2f} documents/s, {elapsed / pages:.1f} s a page; {items} items "
            f"(OCR, Tesseract, {ocr.LANGUAGE})"
        )

    def _report(self, kind, files):
        started = time.perf_counter()
        items = sum(len(parse_file(path.read_bytes(), path.name)["items"]) for path in files)
        elapsed = time.perf_counter() - started
        label = "documents" if kind == "text" else f"{kind.upper()} documents"
        self.stdout.write(
            f"import {len(files)} {label} in {elapsed:.2f} s; {len(files) / elapsed:.1f} documents/s; {items} items"
            + (" (text)" if kind == "text" else " (with layout, pdfplumber)")
        )


def _scan(pdf: bytes, dpi: int = 200) -> bytes:
    """The PDF as a scanner makes it: each page an image at `dpi`, no text layer."""
    document = pypdfium2.PdfDocument(pdf)
    images = [document[index].render(scale=dpi / 72, grayscale=True).to_pil() for index in range(len(document))]
    document.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()
