"""Backups that are proven to restore: demo → justera → backup → drop → restore → verify, on the database the tests
run on (SQLite, or PostgreSQL in the service pass), and a sealed PDF changed by one byte is named."""

import io
import os
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from finsam import backup
from finsam.models import Heartbeat
from meetings.justering import services as justering
from meetings.models import Meeting, SignedDocument

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def justerat_demo():
    """The demo, with its protocol waiting for the chair and the justerare signed by both: a sealed PDF."""
    call_command("load_demo", stdout=io.StringIO())
    meeting = Meeting.objects.get(status=Meeting.Status.IN_JUSTERING)
    revision = meeting.revisions.order_by("-number").first().number
    for email in ("ordforande@demo.finsam.se", "justerare@demo.finsam.se"):
        user = get_user_model().objects.get(email=email)
        justering.protocol_sign(actor=user, meeting=meeting, revision_number=revision, method="password")
    document = SignedDocument.objects.get(revision__meeting=meeting, status=SignedDocument.Status.DONE)
    return document


def run_backup(directory, *args):
    out = io.StringIO()
    call_command("backup", str(directory), *args, stdout=out)
    return Path(out.getvalue().strip().splitlines()[-1])


def verify(*args):
    out = io.StringIO()
    try:
        call_command("verify_archive", *args, stdout=out)
    except CommandError:
        return 1, out.getvalue()
    return 0, out.getvalue()


def drop_database():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    else:
        name = connection.settings_dict["NAME"]
        connection.close()
        for path in (name, f"{name}-wal", f"{name}-shm"):
            Path(path).unlink(missing_ok=True)


def drop_everything(media_root):
    """The disaster: every table and every media file gone, as on a new server."""
    drop_database()
    for name in list(backup.media_names()):
        default_storage.delete(name)
    assert backup.database_is_empty() and next(backup.media_names(), None) is None


def test_backup_drop_restore_verify_keeps_every_record_and_seal(client, media, tmp_path):
    document = justerat_demo()
    original_pdf = default_storage.open(document.file.name, "rb").read()
    before = row_counts()
    archive = run_backup(tmp_path / "backups")
    assert archive.name.startswith("finsam-backup-") and archive.suffix == ".tar" and archive.exists()
    assert Heartbeat.objects.get(name="backup").detail["size"] == archive.stat().st_size
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert names[0].startswith("database.") and names[-1] == "manifest.json"
    assert f"media/{document.file.name}" in names

    drop_everything(media)
    call_command("restore", str(archive), stdout=io.StringIO())

    after = row_counts()
    before.pop("finsam.Heartbeat"), after.pop("finsam.Heartbeat")  # the backup's own record is written after it
    assert after == before
    code, report = verify("--archive", str(archive))
    assert code == 0 and "Everything is intact" in report, report
    html = client.post("/verifiera/", {"file": SimpleUploadedFile("protokoll.pdf", original_pdf)}).content.decode()
    assert "Känt protokoll" in html and "oförändrad sedan portalen förseglade den" in html


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    archive = run_backup(tmp_path / "backups")
    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())


def test_restore_refuses_media_that_are_not_empty(tmp_path):
    default_storage.save("attachments/kvar.txt", io.BytesIO(b"left behind"))
    archive = run_backup(tmp_path / "backups")
    drop_database()
    with pytest.raises(CommandError, match="media storage is not empty"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert backup.database_is_empty()  # refused before anything was written
    default_storage.delete("attachments/kvar.txt")
    call_command("restore", str(archive), stdout=io.StringIO())  # now both are empty
    assert default_storage.open("attachments/kvar.txt").read() == b"left behind"


def test_one_byte_changed_in_a_sealed_pdf_is_named(media, tmp_path):
    document = justerat_demo()
    archive = run_backup(tmp_path / "backups")
    assert verify()[0] == 0
    path = Path(default_storage.path(document.file.name))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    code, report = verify()
    assert code == 1 and f"CHANGED: {document.file.name} (sealed PDF of" in report
    code, report = verify("--archive", str(archive))
    assert code == 1 and report.count(document.file.name) == 2  # against the database and against the manifest


def test_a_damaged_archive_is_found_and_not_restored(tmp_path):
    archive = run_backup(tmp_path / "backups")
    data = bytearray(archive.read_bytes())
    data[700] ^= 0x01  # inside the first member, the database
    archive.write_bytes(bytes(data))
    code, report = verify("--archive", str(archive))
    assert code == 1 and "CHANGED: database." in report


def test_keep_deletes_all_but_the_newest_archives(tmp_path):
    directory = tmp_path / "backups"
    for stamp in ("20261101T000000Z", "20261102T000000Z", "20261103T000000Z"):
        (directory / f"finsam-backup-{stamp}.tar").parent.mkdir(exist_ok=True)
        (directory / f"finsam-backup-{stamp}.tar").write_bytes(b"old")
    newest = run_backup(directory, "--keep", "2")
    assert sorted(p.name for p in directory.iterdir()) == ["finsam-backup-20261103T000000Z.tar", newest.name]
    assert not any(name.endswith(".partial") for name in os.listdir(directory))


def test_verify_archive_on_the_empty_database_before_the_restore_says_so(media, tmp_path):
    """Run on the new, empty database (before `restore`, or with DATABASE_URL still naming it) it stopped with a
    traceback ('relation "meetings_signeddocument" does not exist')."""
    archive = run_backup(tmp_path / "backups")
    drop_database()
    with pytest.raises(CommandError, match="has it been restored"):
        call_command("verify_archive", "--archive", str(archive), stdout=io.StringIO())
    call_command("restore", str(archive), stdout=io.StringIO())  # and the next test's tables are back
    assert verify("--archive", str(archive))[0] == 0
