"""The backup reads and restores the media through the default storage, so files in an S3 bucket (MEDIA_STORAGE=s3,
a real S3 server from tests/s3.py) go into the archive and come back the same, and nothing touches MEDIA_ROOT."""

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from finsam import backup
from meetings.operations import integrity
from tests.meetings.operations.test_backup import drop_database, run_backup
from tests.s3 import files_under

pytestmark = pytest.mark.django_db(transaction=True)

FILES = {
    "protocols/7/protokoll-2026-11-30-rev1.pdf": b"%PDF-1.7 sealed " * 1000,
    "attachments/2026/budget.xlsx": b"PK\x03\x04 budget",
    "imports/2026/12/scan.pdf": b"%PDF-1.4 scan",
}


def test_media_in_a_bucket_are_archived_and_restored(bucket, settings, tmp_path):
    for name, data in FILES.items():
        assert default_storage.save(name, ContentFile(data)) == name
    archive = run_backup(tmp_path / "backups")
    assert set(backup.read_manifest(archive).media()) == set(FILES)

    drop_database()
    for name in FILES:
        default_storage.delete(name)
    assert bucket.stored() == []
    call_command("restore", str(archive), stdout=io.StringIO())

    assert bucket.stored() == sorted(FILES)
    assert {name: bucket.read(name) for name in FILES} == FILES
    assert integrity.check_archive(archive)[0] == []
    assert files_under(Path(settings.MEDIA_ROOT)) == []  # all of it in the bucket, none on this disk


def test_restore_refuses_a_bucket_that_is_not_empty(bucket, tmp_path):
    default_storage.save("attachments/kvar.txt", ContentFile(b"left behind"))
    archive = run_backup(tmp_path / "backups")
    drop_database()
    with pytest.raises(CommandError, match="media storage is not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
    default_storage.delete("attachments/kvar.txt")
    call_command("restore", str(archive), stdout=io.StringIO())
