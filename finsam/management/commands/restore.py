"""python manage.py restore ARCHIVE: into an empty database and an empty media storage only."""

from django.core.management.base import BaseCommand, CommandError

from finsam import backup


class Command(BaseCommand):
    help = "Restore an archive made by `backup` into an empty database and media storage (refuses anything else)."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, **options):
        try:
            manifest = backup.restore_archive(options["archive"])
        except (backup.BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored the backup of {manifest.created}: the database and {len(manifest.media())} media files. "
            "Check it: python manage.py verify_archive --archive " + options["archive"]
        )
