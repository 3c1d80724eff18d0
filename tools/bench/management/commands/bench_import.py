"""python manage.py bench_import [--documents 100]: parse a folder of varied minutes and print the rate."""

import random
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand

from demo import SEEDS
from meetings.importing import parse_file


class Command(BaseCommand):
    help = "Parse N documents made from the seeds (shuffled paragraphs, renumbered) and print the rate."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=100)

    def handle(self, *args, **options):
        rng = random.Random(7)
        seeds = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
        with tempfile.TemporaryDirectory() as folder:
            for index in range(options["documents"]):
                paragraphs = rng.choice(seeds).split("\n\n")
                head, body = paragraphs[:6], paragraphs[6:]
                rng.shuffle(body)
                Path(folder, f"protokoll-{index:03}.txt").write_text("\n\n".join(head + body))
            files = sorted(Path(folder).iterdir())
            started = time.perf_counter()
            items = sum(len(parse_file(path.read_bytes(), path.name)["items"]) for path in files)
            elapsed = time.perf_counter() - started
        self.stdout.write(
            f"import {len(files)} documents in {elapsed:.2f} s; {len(files) / elapsed:.0f} documents/s; {items} items"
        )
