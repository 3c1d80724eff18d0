"""Root conftest: the test settings flag must be set before Django reads its settings."""

import os

os.environ.setdefault("FINSAM_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the test itself are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The real S3 server (SeaweedFS) and a bucket per test, for the storage tests: fixtures `s3_server` and `bucket`.
pytest_plugins = ["tests.s3"]
