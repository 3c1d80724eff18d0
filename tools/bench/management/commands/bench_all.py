"""`make bench`: run every benchmark of the portal against the configured database and print their figures."""

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

# (command, arguments): small enough to finish in a minute or two on a laptop.
BENCHMARKS = [
    ("bench_pdf", []),
    ("bench_import", []),
    ("bench_autosave", ["--editors", "20", "--seconds", "10"]),
    ("bench_register", []),
    ("bench_export", []),
    ("bench_reindex", []),
]


class Command(BaseCommand):
    help = "Run every benchmark and print its figures."

    def handle(self, *args, **options):
        available = get_commands()
        for name, arguments in BENCHMARKS:
            if name not in available:
                self.stdout.write(f"{name}: not available")
                continue
            self.stdout.write(self.style.MIGRATE_HEADING(f"== {name} {' '.join(arguments)}"))
            call_command(name, *arguments, stdout=self.stdout)
