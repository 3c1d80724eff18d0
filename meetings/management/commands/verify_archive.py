"""python manage.py verify_archive [--archive A]: exit 0 when every record is intact, 1 with the list otherwise."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from finsam.backup import BackupError
from meetings.operations import integrity


class Command(BaseCommand):
    help = (
        "Check every sealed PDF and every attachment and imported original against the SHA-256 the database holds "
        "for it; with --archive, also the archive's members and the media files against its manifest. Lists what is "
        "missing or changed; exits 1 if anything is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--archive", help="A backup archive: check it and compare the media files with it")

    def handle(self, *args, **options):
        try:
            problems, checked = integrity.check_records()
        except DatabaseError as exc:  # an empty database (before the restore), or the wrong one: say so, no traceback
            raise CommandError(
                f"The database could not be read ({str(exc).strip().splitlines()[0]}): is DATABASE_URL the restored "
                "database, and has it been restored (or migrated)?"
            ) from exc
        self.stdout.write(f"{checked} files with a checksum in the database checked")
        if options["archive"]:
            try:
                more, members = integrity.check_archive(options["archive"])
            except (BackupError, OSError) as exc:
                raise CommandError(str(exc)) from exc
            problems += more
            self.stdout.write(f"{members} members of {options['archive']} checked against its manifest")
        for problem in problems:
            self.stdout.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} files missing or changed: NOT intact", returncode=1)
        self.stdout.write("Everything is intact")
