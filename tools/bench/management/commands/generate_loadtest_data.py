"""python manage.py generate_loadtest_data --manifest PATH [--password P]

Fills an empty database with the load test's small data set (loadtest/dataset.py) and writes the manifest the
simulated users read. `make loadtest` runs it on a database of its own."""

import time

from django.core.management.base import BaseCommand

from loadtest import dataset


class Command(BaseCommand):
    help = "Generate the load test's data set and its manifest of accounts, §§ and protocols."

    def add_arguments(self, parser):
        parser.add_argument("--manifest", required=True)
        parser.add_argument("--password", default="lasttest-losen-2026")
        parser.add_argument("--editors", type=int, default=200)
        parser.add_argument("--signer-triples", type=int, default=20)
        parser.add_argument("--protocols-per-triple", type=int, default=8)
        parser.add_argument("--small", action="store_true", help="one year of one federation in the register")

    def handle(self, *args, **options):
        started = time.perf_counter()
        data = dataset.generate(
            password=options["password"],
            manifest=options["manifest"],
            editors=options["editors"],
            signer_triples=options["signer_triples"],
            protocols_per_triple=options["protocols_per_triple"],
            network_federations=1 if options["small"] else 2,
            network_years=1 if options["small"] else 2,
        )
        protocols = len({pk for signer in data["signers"] for pk in signer["meetings"]})
        self.stdout.write(
            f"{len(data['editors'])} §§ to edit, {protocols} protocols in justering, {len(data['chairs'])} chairs "
            f"in {time.perf_counter() - started:.1f} s"
        )
