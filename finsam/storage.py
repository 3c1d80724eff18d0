"""Reading the portal's files back, wherever they are kept: MEDIA_ROOT on this host's disk, or an S3-compatible
bucket (finsam.bucket, with MEDIA_STORAGE=s3). Everything goes through Django's storage API; this module adds the
three things that API lacks:

- `StorageUnavailable`: the store did not answer. An OSError, so that a task's handling of transient errors (the
  sealed PDF, an imported document, an e-mail's attachment) retries it, and a view answers 503 with a Swedish page
  (finsam.middleware) instead of a server error;
- `stream`: a file for a download, read in chunks as the response is sent, with no copy in memory or on disk;
- `verified_copy`: a file read back with its SHA-256 checked, for a sealed PDF, whose bytes must be the ones sealed.

Nothing here imports boto3: a portal on the local file system never loads it.
"""

import hashlib
import os
import tempfile

from django.core.files.storage import default_storage
from django.http import FileResponse

CHUNK = 64 * 1024
# A verified copy is kept in memory up to this size, beyond it in a temporary file removed when the copy is closed.
SPOOL_IN_MEMORY = 4 * 1024 * 1024


class StorageUnavailable(OSError):
    """The file store did not answer, or refused the portal's credentials: nothing a user can do but wait."""


class DigestMismatch(Exception):
    """A stored file's bytes are not the ones whose SHA-256 was recorded when it was stored."""

    def __init__(self, expected, found):
        super().__init__(f"SHA-256 {found}, recorded {expected}")
        self.expected = expected
        self.found = found


class Stream:
    """A stored file opened for reading in chunks: what FileResponse sends. `size` is its length in bytes."""

    def __init__(self, raw, size):
        self.raw = raw
        self.size = size

    def read(self, amount=-1):
        return self.raw.read(None if amount is None or amount < 0 else amount)

    def close(self):
        self.raw.close()


def stream(file):
    """The stored file of a FileField (`file`) opened for a download. FileNotFoundError if it is not there."""
    storage = file.storage
    if hasattr(storage, "stream"):  # the bucket: its response body, read as it arrives
        return storage.stream(file.name)
    handle = storage.open(file.name, "rb")
    return Stream(handle, storage.size(file.name))


def download(source, *, filename, content_type=None, as_attachment=False):
    """The response that sends `source` (a Stream or a verified copy), with its length, so a browser shows progress."""
    response = FileResponse(source, filename=filename, content_type=content_type, as_attachment=as_attachment)
    if isinstance(source, Stream) and source.size is not None:
        response.headers["Content-Length"] = str(source.size)
    return response


def verified_copy(file, expected_sha256):
    """The stored file read into a temporary copy whose SHA-256 has been compared with `expected_sha256` (the digest
    recorded when it was stored). Raises DigestMismatch rather than hand out other bytes than those recorded. The
    caller closes the copy, which removes it."""
    copy = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 closed by the caller
    digest = hashlib.sha256()
    try:
        source = stream(file)
        try:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                copy.write(chunk)
        finally:
            source.close()
    except BaseException:
        copy.close()
        raise
    if digest.hexdigest() != expected_sha256:
        copy.close()
        raise DigestMismatch(expected_sha256, digest.hexdigest())
    copy.seek(0)
    return copy


def describe(storage=None):
    """What /healthz and the logs call the store: "s3" or "local"."""
    storage = storage or default_storage
    return "s3" if hasattr(storage, "bucket_name") else "local"


def reachable(storage=None):
    """Can the store be reached now? The bucket answers a HEAD; the local folder exists or can be made."""
    storage = storage or default_storage
    if hasattr(storage, "reachable"):
        return storage.reachable()
    try:
        os.makedirs(storage.location, exist_ok=True)
    except OSError:
        return False
    return os.access(storage.location, os.W_OK)
