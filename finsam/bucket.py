"""The S3-compatible bucket as the portal's file store (MEDIA_STORAGE=s3): django-storages' S3Storage, with what the
portal needs of it on top.

- Its failures speak the portal's language: a store that does not answer, or refuses the credentials, raises
  finsam.storage.StorageUnavailable (an OSError), a missing file FileNotFoundError, never a botocore error that a
  view would turn into a server error or a task would count as a bug.
- Short timeouts and one retry: a request whose store is down answers 503 within seconds, not after boto3's minutes.
- A file opened for reading is fetched at once (into memory up to `max_memory_size`, beyond it into a temporary file
  removed on close), so that any failure shows where the file is opened, inside the translation above.
- `stream` reads an object in chunks as a download is sent, `reachable` is for /healthz, `ensure_bucket` for
  `manage.py ensure_media_bucket`.
"""

import contextlib

import boto3
from botocore import UNSIGNED
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from finsam.storage import StorageUnavailable, Stream

CONNECT_SECONDS = 2
READ_SECONDS = 30
MISSING = {"NoSuchKey", "404", "NotFound"}


@contextlib.contextmanager
def answered(name=""):
    """Translate the store's failures: a missing object is FileNotFoundError, anything else StorageUnavailable."""
    try:
        yield
    except ClientError as exc:
        code = str(exc.response.get("Error", {}).get("Code", ""))
        if code in MISSING:
            raise FileNotFoundError(f"No such file in the bucket: {name}") from exc
        raise StorageUnavailable(f"The bucket refused the request ({code}): {exc}") from exc
    except BotoCoreError as exc:
        raise StorageUnavailable(f"The bucket does not answer: {exc}") from exc


class BucketStorage(S3Storage):
    def __init__(self, **settings):
        if "client_config" not in settings:
            settings["client_config"] = Config(
                # Path-style addresses (endpoint/bucket/key): a self-hosted store has no DNS name per bucket.
                s3={"addressing_style": "path"},
                signature_version="s3v4",
                connect_timeout=CONNECT_SECONDS,
                read_timeout=READ_SECONDS,
                retries={"max_attempts": 2, "mode": "standard"},
            )
        super().__init__(**settings)

    def _open(self, name, mode="rb"):
        with answered(name):
            file = super()._open(name, mode)
            if "r" in mode:
                file.file  # noqa: B018 fetch it now, inside the translation of failures
        return file

    def _save(self, name, content):
        with answered(name):
            return super()._save(name, content)

    def delete(self, name):
        with answered(name):
            super().delete(name)

    def exists(self, name):
        with answered(name):
            return super().exists(name)

    def size(self, name):
        with answered(name):
            return super().size(name)

    def listdir(self, name):
        with answered(name):
            return super().listdir(name)

    def get_modified_time(self, name):
        with answered(name):
            return super().get_modified_time(name)

    def stream(self, name):
        """The object's body as it arrives from the store, for a download: no copy in memory or on disk."""
        key = self._normalize_name(clean_name(name))
        with answered(name):
            response = self.connection.meta.client.get_object(Bucket=self.bucket_name, Key=key)
        return Stream(_Body(response["Body"], name), response.get("ContentLength"))

    def reachable(self):
        try:
            with answered():
                self.connection.meta.client.head_bucket(Bucket=self.bucket_name)
        except OSError:
            return False
        return True

    def ensure_bucket(self):
        """Create the bucket unless it is there; True if it was made. Raises StorageUnavailable if the store does not
        answer, and PermissionError if the bucket can be read without credentials (it must stay private)."""
        client = self.connection.meta.client
        made = False
        try:
            with answered():
                client.head_bucket(Bucket=self.bucket_name)
        except FileNotFoundError:
            with answered():
                client.create_bucket(Bucket=self.bucket_name)
            made = True
        if self.readable_anonymously():
            raise PermissionError(f"The bucket {self.bucket_name} can be listed without credentials.")
        return made

    def readable_anonymously(self):
        """Does the store list the bucket to a request without a signature?"""
        anonymous = boto3.session.Session().client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=self.region_name,
            config=self.client_config.merge(Config(signature_version=UNSIGNED)),
        )
        try:
            anonymous.list_objects_v2(Bucket=self.bucket_name, MaxKeys=1)
        except ClientError:
            return False
        return True


class _Body:
    """botocore's StreamingBody, its read errors translated (the connection may break in the middle of a file)."""

    def __init__(self, body, name):
        self.body = body
        self.name = name

    def read(self, amount=None):
        with answered(self.name):
            return self.body.read(amount)

    def close(self):
        self.body.close()
