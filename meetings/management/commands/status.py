"""python manage.py status: the administrators' status page on the command line; exits 1 when anything is red."""

from django.core.management.base import BaseCommand, CommandError

from meetings.operations import status


class Command(BaseCommand):
    help = "Database, Redis, worker, beat, PDFs, e-mail, imports, certificate, last backup and disk: OK or FEL."

    def handle(self, *args, **options):
        checks = status.checks()
        for check in checks:
            line = f"{'OK ' if check.ok else 'FEL'}  {check.label}: {check.value}"
            self.stdout.write(line + (f"\n     → {check.advice}" if check.advice else ""))
        red = [check.key for check in checks if not check.ok]
        if red:
            raise CommandError(f"Red: {', '.join(red)}", returncode=1)
