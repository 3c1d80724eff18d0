from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from meetings.printing.seal import create_development_certificate


class Command(BaseCommand):
    help = "Create a self-signed signing certificate for the demo and the tests (never for real protocols)."

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(Path(settings.VAR_DIR) / "signing"))

    def handle(self, *args, **options):
        cert, key = create_development_certificate(options["directory"])
        self.stdout.write(f"Certifikat: {cert}\nNyckel: {key}")
        self.stdout.write(f"Använd dem med FINSAM_SIGNING_CERT={cert} FINSAM_SIGNING_KEY={key}")
