"""python manage.py bench_export [--query "forbund=syntet-003"]

Exports the register through the views (test client, signed out) as CSV and as Excel, each in a fresh process, and
prints the rows, the seconds and the process's peak memory (VmHWM) before and after the export: the export reads
its rows in chunks and writes them as it goes, so the peak must not grow with the number of rows. Lines:
csv <rows> rows in <s> s; VmHWM <MB> MB (<MB> MB before the export)
"""

import re
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client
from django.test.utils import override_settings

URLS = {"csv": "/beslut/export.csv", "xlsx": "/beslut/export.xlsx"}


def peak_mb():
    """The process's peak resident memory so far (VmHWM), in MB; None where /proc has no such line."""
    status = Path("/proc/self/status")
    if not status.exists():
        return None
    found = re.search(r"^VmHWM:\s+(\d+) kB", status.read_text(), re.MULTILINE)
    return int(found.group(1)) / 1024 if found else None


class Command(BaseCommand):
    help = "Export the register as CSV and Excel and print each export's rows, time and peak memory (VmHWM)."

    def add_arguments(self, parser):
        parser.add_argument("--query", default="", help="filters as in the register's address, e.g. ar=2020")
        parser.add_argument("--child", choices=sorted(URLS), help="run one export in this process")

    def handle(self, *args, **options):
        if options["child"]:
            self.export(options["child"], options["query"])
            return
        for kind in URLS:  # each in a process of its own, so that one's peak is not the other's
            command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "bench_export", "--child", kind]
            result = subprocess.run(  # noqa: S603 our own command, no shell
                [*command, "--query", options["query"]], capture_output=True, text=True, check=True
            )
            self.stdout.write(result.stdout.strip())

    def export(self, kind, query):
        client = Client(HTTP_HOST="127.0.0.1")
        with override_settings(ALLOWED_HOSTS=["127.0.0.1"], DEBUG=False):
            client.get("/beslut/?q=samråd")  # load what a worker has loaded when an export comes in
            before = peak_mb()
            started = time.perf_counter()
            response = client.get(f"{URLS[kind]}?{query}")
            size = rows = 0
            for piece in response.streaming_content if response.streaming else [response.content]:
                size += len(piece)
                rows += piece.count(b"\n") if kind == "csv" else 0
            elapsed = time.perf_counter() - started
        after = peak_mb()
        counted = f"{rows - 1} rows, " if kind == "csv" else ""  # the workbook has the same rows
        self.stdout.write(
            f"{kind} {counted}{size / 1e6:.1f} MB in {elapsed:.1f} s; VmHWM {after:.0f} MB "
            f"({before:.0f} MB before the export)"
        )
