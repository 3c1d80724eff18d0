"""Make the file store ready before the first process writes to it: once per deploy, beside `migrate`."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from finsam import storage


class Command(BaseCommand):
    help = "Create the bucket of MEDIA_STORAGE=s3 unless it exists, and check that it is private (or MEDIA_ROOT)."

    def handle(self, *args, **options):
        if not hasattr(default_storage, "ensure_bucket"):
            if not storage.reachable():
                raise CommandError(f"MEDIA_ROOT {settings.MEDIA_ROOT} cannot be created or written to.")
            self.stdout.write(f"Files are kept on this host's disk, in {settings.MEDIA_ROOT}.")
            return
        try:
            made = default_storage.ensure_bucket()
        except storage.StorageUnavailable as exc:
            raise CommandError(f"The file store at {default_storage.endpoint_url} does not answer: {exc}") from exc
        except PermissionError as exc:
            raise CommandError(f"{exc} Make it private: the portal's files must pass its permission check.") from exc
        state = "created" if made else "exists"
        self.stdout.write(f"Bucket {default_storage.bucket_name} at {default_storage.endpoint_url}: {state}, private.")
