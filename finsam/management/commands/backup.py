"""python manage.py backup [DIR] [--keep N]: one dated archive of the database and the media, its path last."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from finsam import backup
from finsam.models import Heartbeat


class Command(BaseCommand):
    help = "Write one archive (database, media files, SHA-256 manifest) into DIR and print its path as the last line."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="Where to write it (default: FINSAM_BACKUP_DIR)")
        parser.add_argument("--keep", type=int, default=0, help="Then delete all but the N newest archives there")

    def handle(self, *args, **options):
        directory = options["directory"] or settings.FINSAM_BACKUP_DIR
        if options["keep"] < 0:
            raise CommandError("--keep must be 0 (keep all) or more.")
        try:
            path, manifest = backup.write_archive(directory)
        except (backup.BackupError, OSError) as exc:
            raise CommandError(f"Backup failed: {exc}") from exc
        size = path.stat().st_size
        # Recorded after the archive is complete (so it is not inside it): the status page's "last backup".
        Heartbeat.record("backup", path=str(path), size=size, members=len(manifest.members))
        for old in backup.prune(directory, options["keep"]) if options["keep"] else ():
            self.stdout.write(f"Deleted {old}")
        self.stdout.write(f"{len(manifest.members) - 1} media files and the {manifest.vendor} database, {size} bytes")
        self.stdout.write(str(path))
