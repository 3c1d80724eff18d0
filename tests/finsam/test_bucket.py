"""The file store as an S3 bucket (MEDIA_STORAGE=s3), against a real S3 server (SeaweedFS, tests/s3.py): made and
kept private by `manage.py ensure_media_bucket`, reported by /healthz, and a store that does not answer is a 503
with a Swedish page, never a server error."""

import io
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from finsam import storage
from finsam.bucket import BucketStorage
from meetings.operations import status
from tests.s3 import storage_options, unreachable_options, use_storage


def test_ensure_media_bucket_creates_the_bucket_once_and_finds_it_private(s3_server, settings):
    name = f"t-{uuid.uuid4().hex[:20]}"
    use_storage(settings, storage_options(s3_server, name))
    out = io.StringIO()
    call_command("ensure_media_bucket", stdout=out)
    assert f"Bucket {name} at {s3_server.endpoint}: created, private." in out.getvalue()
    call_command("ensure_media_bucket", stdout=out)
    assert out.getvalue().strip().endswith("exists, private.")

    stored = default_storage.save("protocols/1/protokoll.pdf", ContentFile(b"%PDF-1.7 sealed"))
    with pytest.raises(urllib.error.HTTPError) as refused:  # the object, asked for without a signature
        urllib.request.urlopen(f"{s3_server.endpoint}/{name}/{stored}")  # noqa: S310 our own test server
    assert refused.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as listing:
        urllib.request.urlopen(f"{s3_server.endpoint}/{name}/")  # noqa: S310
    assert listing.value.code == 403


def test_ensure_media_bucket_says_when_the_store_does_not_answer(s3_server, settings):
    use_storage(settings, unreachable_options(s3_server, "finsam"))
    with pytest.raises(CommandError, match="does not answer"):
        call_command("ensure_media_bucket", stdout=io.StringIO())


def test_the_store_never_overwrites_a_name(bucket):
    first = default_storage.save("utdrag/2026/utdrag.pdf", ContentFile(b"first"))
    second = default_storage.save("utdrag/2026/utdrag.pdf", ContentFile(b"second"))
    assert first != second
    assert (bucket.read(first), bucket.read(second)) == (b"first", b"second")


def test_a_missing_file_is_file_not_found_and_a_store_down_is_storage_unavailable(bucket, s3_server):
    with pytest.raises(FileNotFoundError):
        default_storage.open("attachments/1/nothing.pdf")
    down = BucketStorage(**unreachable_options(s3_server, bucket.name))
    with pytest.raises(storage.StorageUnavailable):
        down.save("attachments/1/x.txt", ContentFile(b"x"))
    with pytest.raises(storage.StorageUnavailable):
        down.open("attachments/1/x.txt")
    assert isinstance(storage.StorageUnavailable(), OSError)  # what the tasks retry


@pytest.mark.django_db
def test_healthz_reports_the_bucket(bucket, client, s3_server, settings):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["media"] == "up"
    options = storage_options(s3_server, bucket.name) | {
        "endpoint_url": f"http://127.0.0.1:{s3_server.spare_ports[-1]}"
    }
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "finsam.bucket.BucketStorage", "OPTIONS": options}}
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["media"] == "down"


@pytest.mark.django_db
def test_healthz_says_nothing_of_a_local_store(client):
    assert "media" not in client.get("/healthz").json()


def test_the_status_page_says_whether_the_bucket_answers(bucket, s3_server, settings):
    assert status.disk().ok
    use_storage(settings, unreachable_options(s3_server, bucket.name))
    check = status.disk()
    assert not check.ok and "svarar inte" in check.value
